#!/usr/bin/env bash
# The HTML gallery in headless Chromium: the page loads with no console message, every image
# resolves, and the scenario table has rows for every scenario. Chromium is installed by
# scripts/test (scripts/setup with CLAIMMAP_WITH_TEST_TOOLS=1); without it this test fails.
set -euo pipefail
bin=$1 atlas=$2 dir=$3 scenarios_file=$4
command -v chromium >/dev/null || { echo "chromium is not installed: run scripts/test (it installs it)" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir/out"
"$bin" batch "$atlas" --out-dir "$dir/out" >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --enable-logging=stderr --v=0 --virtual-time-budget=10000 --dump-dom "file://$dir/out/index.html" \
  >"$dir/dom.html" 2>"$dir/chromium.log"
if grep -q "CONSOLE" "$dir/chromium.log"; then
  echo "console messages:" >&2; grep "CONSOLE" "$dir/chromium.log" >&2; exit 1
fi
body=$(grep -o '<body[^>]*>' "$dir/dom.html")
pngs=$(ls "$dir/out"/*.png | wc -l)
[[ $body == *"data-images=\"$pngs\""* ]] || { echo "expected $pngs images, page says: $body" >&2; exit 1; }
[[ $body == *'data-broken-images="0"'* ]] || { echo "broken images: $body" >&2; exit 1; }
for id in $(grep -o '^id = "[a-z0-9-]*"' "$scenarios_file" | cut -d'"' -f2); do
  rows=$(grep -c "<tr data-scenario=\"$id\">" "$dir/dom.html" || true)
  [ "$rows" -ge 1 ] || { echo "no table row for scenario $id" >&2; exit 1; }
done
echo "gallery ok: $pngs images, $(grep -c '<tr data-scenario=' "$dir/dom.html") scenario rows"
