#!/usr/bin/env bash
# Queues the shard array, then the merge once every task has succeeded (afterok).
# OUT, ATLAS and CLAIMMAP pass through to the jobs (sbatch exports the environment by default).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
array=$(sbatch --parsable "$here/slurm-shards.sh")
sbatch --dependency="afterok:${array%%;*}" "$here/slurm-merge.sh"
