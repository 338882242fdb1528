#!/usr/bin/env bash
# An atlas in N shards with GNU parallel, then merged: manifest.json and index.html as from one run.
#   docs/scale-out/parallel.sh                      # the built-in atlas, 4 shards, into atlas-out/
#   N=8 OUT=/shared/maps ATLAS=my-atlas.toml docs/scale-out/parallel.sh
# Each shard is one process drawing with one thread (--jobs 1): parallel runs N of them at once.
# Across machines, add --sshlogin (and --workdir) with OUT on a folder every machine shares.
set -euo pipefail
N=${N:-4}
OUT=${OUT:-atlas-out}
CLAIMMAP=${CLAIMMAP:-claimmap}
atlas=()
[ -z "${ATLAS:-}" ] || atlas=("$ATLAS")
parallel --quote --halt now,fail=1 --jobs "$N" \
  "$CLAIMMAP" batch "${atlas[@]}" --out-dir "$OUT" --jobs 1 --shard {}/"$N" ::: $(seq 1 "$N")
"$CLAIMMAP" batch "${atlas[@]}" --out-dir "$OUT" --merge
