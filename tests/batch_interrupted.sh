#!/usr/bin/env bash
# A batch interrupted with SIGTERM (and one with SIGINT) stops cleanly: exit non-zero, no partial or
# temporary file, every map file complete and listed in the manifest with its checksum.
set -euo pipefail
bin=$1 atlas=$2 dir=$3
for sig in TERM INT; do
  out="$dir/$sig" && rm -rf "$out" && mkdir -p "$out"
  "$bin" batch "$atlas" --out-dir "$out" --jobs 1 >"$out.stdout" 2>"$out.stderr" &
  pid=$!
  # Wait for the first map to appear, then interrupt.
  for _ in $(seq 1 200); do ls "$out"/*.png >/dev/null 2>&1 && break; sleep 0.05; done
  kill -s "$sig" "$pid"
  set +e; wait "$pid"; code=$?; set -e
  [ "$code" -ne 0 ] || { echo "SIG$sig: batch exited 0 after being interrupted" >&2; exit 1; }
  grep -q "stopped by a signal" "$out.stderr" || { echo "SIG$sig: no stop message" >&2; cat "$out.stderr" >&2; exit 1; }
  if ls -A "$out" | grep -q '\.tmp-'; then echo "SIG$sig: temporary files left: $(ls -A "$out")" >&2; exit 1; fi
  [ ! -e "$out/index.html" ] || { echo "SIG$sig: a gallery of an unfinished run" >&2; exit 1; }
  # Every map file on disk is in the manifest, with the checksum of its bytes.
  for f in "$out"/*.png "$out"/*.svg; do
    [ -e "$f" ] || continue
    sum=$(sha256sum "$f" | cut -d' ' -f1)
    grep -q "$sum" "$out/manifest.json" || { echo "SIG$sig: $f is not in the manifest (partial?)" >&2; exit 1; }
  done
  echo "SIG$sig: stopped cleanly with $(ls "$out" | grep -c '\.png$') maps written"
done
