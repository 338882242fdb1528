#!/usr/bin/env bash
# The SVG parses as XML and has one group per layer with stable ids.
set -euo pipefail
bin=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir"
"$bin" render --size 800x600 --format svg --out-dir "$dir" >/dev/null
svg="$dir/kurils.svg"
xmllint --noout "$svg"
count() { xmllint --xpath "count(//*[local-name()='g'][@id='layer-$1'])" "$svg"; }
for layer in sea graticule land disputed labels frame scale-bar legend title credits; do
  n=$(count "$layer")
  [ "$n" = 1 ] || { echo "layer-$layer appears $n times" >&2; exit 1; }
done
echo "svg ok: $(xmllint --xpath "count(//*[local-name()='g'])" "$svg") groups"
