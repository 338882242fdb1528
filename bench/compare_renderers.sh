#!/usr/bin/env bash
# claimmap's default map against the same land layer drawn by Mapnik (python3-mapnik, AGG -> PNG)
# and GMT (gmt plot of the same shapefile): same CRS, extent and pixel size, each a whole process,
# measured side by side in this one run (interleaved, so that machine load hits all alike).
# Reports the median wall time and peak memory (max RSS) of each, and ratios against Mapnik.
# Not a test; not run in CI. Installs python3-mapnik, gmt and ghostscript if they are missing.
#
# Usage: bench/compare_renderers.sh [RUNS]      (default 7 runs of each; KEEP=1 keeps the maps)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
CLAIMMAP_WITH_BENCH_TOOLS=1 "$root/scripts/setup" >/dev/null

case_file=$root/geodata/kurils/case.toml
land=$root/geodata/kurils/$(sed -n 's/^land = "\(.*\)"/\1/p' "$case_file")
crs=$(sed -n 's/^crs = "\(.*\)"/\1/p' "$case_file")
extent=$(sed -n 's/^extent = \[\([^]]*\)\].*/\1/p' "$case_file" | tr -d ' ')
width=1600 height=1200
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "maps kept in $work"; else trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/claimmap" "$work/gmt"

# Mapnik once first, to learn the lon/lat corners of the rectangle it draws (GMT gets the same).
corners=$(/usr/bin/python3 "$root/bench/mapnik_land.py" "$land" "$crs" "$extent" $width $height "$work/mapnik.png" |
          sed -n 's/^corners //p')
gmt_width=$(awk -v w=$width 'BEGIN { printf "%.4fi", w / 96 }')

# name -> command; each is timed as a whole process with /usr/bin/time.
declare -A commands=(
  [claimmap-annotated]="$root/build/claimmap render --format png --out-dir $work/claimmap"
  [claimmap-no-furniture]="$root/build/claimmap render --format png --out-dir $work/claimmap --name bare --no-graticule --no-legend --no-scale-bar --no-labels --no-north-arrow --no-inset"
  [mapnik-bare-land]="/usr/bin/python3 $root/bench/mapnik_land.py $land '$crs' $extent $width $height $work/mapnik.png"
  [gmt-bare-land]="cd $work/gmt && export GMT_SESSION_NAME=claimmap-bench && gmt begin land png E96 && gmt plot $land -R$corners+r -J'$crs +width=$gmt_width' -G#f4efe1 -W0.6p,#6b6f73 && gmt end"
)
order=(claimmap-annotated claimmap-no-furniture mapnik-bare-land gmt-bare-land)
for name in "${order[@]}"; do : >"$work/$name.times"; done
for ((i = 0; i < runs; i++)); do
  for name in "${order[@]}"; do
    /usr/bin/time -f "%e %M" -a -o "$work/$name.times" bash -c "${commands[$name]}" >/dev/null 2>"$work/$name.err" ||
      { echo "compare_renderers: $name failed:"; cat "$work/$name.err"; exit 1; }
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mapnik=$(cut -d' ' -f1 "$work/mapnik-bare-land.times" | median)
echo "Same CRS ($crs), extent ($extent), ${width}x${height} PNG; median of $runs whole-process runs:"
printf '%-22s %9s %9s %13s\n' renderer "wall s" "x Mapnik" "peak RSS MiB"
for name in "${order[@]}"; do
  wall=$(cut -d' ' -f1 "$work/$name.times" | median)
  rss=$(cut -d' ' -f2 "$work/$name.times" | sort -n | tail -1)
  printf '%-22s %9.3f %9.2f %13.1f\n' "$name" "$wall" "$(awk -v a="$wall" -v b="$mapnik" 'BEGIN { print a / b }')" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
