#!/usr/bin/env bash
# One shard of the atlas per array task: task K of N renders --shard K/N into a folder every node
# shares. Submit with slurm-submit.sh, which queues the merge after the whole array.
#SBATCH --job-name=claimmap-shards
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=00:30:00
set -euo pipefail
OUT=${OUT:-$HOME/claimmap-atlas}
CLAIMMAP=${CLAIMMAP:-claimmap}
atlas=()
[ -z "${ATLAS:-}" ] || atlas=("$ATLAS")
# Task ids run 1..N (--array=1-N), so the id is the shard's K and the task count its N. A single
# task resubmitted alone (sbatch --array=K) counts 1 task: give N as SHARDS then.
shards=${SHARDS:-$SLURM_ARRAY_TASK_COUNT}
"$CLAIMMAP" batch "${atlas[@]}" --out-dir "$OUT" --jobs "${SLURM_CPUS_PER_TASK:-1}" --shard "${SLURM_ARRAY_TASK_ID}/${shards}"
