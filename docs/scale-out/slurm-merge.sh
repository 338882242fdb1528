#!/usr/bin/env bash
# Joins the shards' manifests into manifest.json and index.html; fails, naming the shard to rerun,
# when one is missing or stale.
#SBATCH --job-name=claimmap-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:10:00
set -euo pipefail
OUT=${OUT:-$HOME/claimmap-atlas}
CLAIMMAP=${CLAIMMAP:-claimmap}
atlas=()
[ -z "${ATLAS:-}" ] || atlas=("$ATLAS")
"$CLAIMMAP" batch "${atlas[@]}" --out-dir "$OUT" --merge
