#!/usr/bin/env bash
# The examples of docs/scale-out.md work as written:
# - parallel.sh runs with GNU parallel and merges;
# - slurm-shards.sh run as each task of its --array (the ids and count Slurm sets), then
#   slurm-merge.sh; slurm-submit.sh queues the merge after the array (sbatch stood in for);
# - the Kubernetes files are valid YAML, the Indexed Job's command gives shards 1..N exactly once
#   for completion indexes 0..N-1 (N = completions), and both Jobs use the claim the volume file
#   defines, mounted where --out-dir points.
set -euo pipefail
bin=$1 atlas=$2 examples=$3 dir=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v parallel >/dev/null || fail "GNU parallel is not installed (scripts/setup installs it with the test tools)"
python3 -c 'import yaml' 2>/dev/null || fail "python3 yaml is not installed (Debian python3-yaml; scripts/setup installs it)"
rm -rf "$dir" && mkdir -p "$dir"
# Every output listed in manifest.json is on disk with the listed checksum; the gallery is there.
merged() {
  [ -s "$1/index.html" ] || fail "$1: no index.html"
  python3 - "$1" "$2" <<'PY'
import hashlib, json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
outputs = json.loads((folder / "manifest.json").read_text())["outputs"]
assert len(outputs) == int(sys.argv[2]), f"{folder}: {len(outputs)} outputs, expected {sys.argv[2]}"
for o in outputs:
    assert hashlib.sha256((folder / o["file"]).read_bytes()).hexdigest() == o["sha256"], o["file"]
PY
}
# The number of outputs of the atlas, from one plain run.
"$bin" batch "$atlas" --out-dir "$dir/plain" --jobs 1 --no-gallery >/dev/null 2>&1 || fail "plain batch"
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["outputs"]))' "$dir/plain/manifest.json")

# GNU parallel
N=3 OUT=$dir/parallel ATLAS=$atlas CLAIMMAP=$bin "$examples/parallel.sh" >"$dir/parallel.log" 2>&1 ||
  { tail "$dir/parallel.log" >&2; fail "parallel.sh"; }
[ "$(ls "$dir/parallel"/manifest.shard-*-of-3.json | wc -l)" -eq 3 ] || fail "parallel.sh did not run 3 shards"
merged "$dir/parallel" "$total"
echo "ok: parallel.sh: 3 shards with GNU parallel, merged ($total files)"

# Slurm: each array task as Slurm would start it.
range=$(sed -n 's/^#SBATCH --array=\([0-9]*-[0-9]*\)$/\1/p' "$examples/slurm-shards.sh")
[ -n "$range" ] || fail "slurm-shards.sh has no '#SBATCH --array=1-N' line"
first=${range%-*} last=${range#*-}
[ "$first" -eq 1 ] || fail "slurm-shards.sh: the array must start at 1 (the task id is the shard): $range"
pids=()
for k in $(seq "$first" "$last"); do
  SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=$last SLURM_CPUS_PER_TASK=1 OUT=$dir/slurm ATLAS=$atlas CLAIMMAP=$bin \
    bash "$examples/slurm-shards.sh" >"$dir/slurm-$k.log" 2>&1 &
  pids+=($!)
done
for k in $(seq "$first" "$last"); do wait "${pids[k-1]}" || { tail "$dir/slurm-$k.log" >&2; fail "slurm task $k"; }; done
OUT=$dir/slurm ATLAS=$atlas CLAIMMAP=$bin bash "$examples/slurm-merge.sh" >"$dir/slurm-merge.log" 2>&1 ||
  { tail "$dir/slurm-merge.log" >&2; fail "slurm-merge.sh"; }
grep -q "$last shards merged" "$dir/slurm-merge.log" || fail "slurm-merge.sh did not merge $last shards"
merged "$dir/slurm" "$total"
mkdir -p "$dir/fake-bin"
cat >"$dir/fake-bin/sbatch" <<FAKE
#!/bin/sh
echo "\$*" >>"$dir/sbatch.calls"
echo "4242;cluster"
FAKE
chmod +x "$dir/fake-bin/sbatch"
PATH=$dir/fake-bin:$PATH bash "$examples/slurm-submit.sh" >/dev/null
grep -qx -- "--parsable $examples/slurm-shards.sh" "$dir/sbatch.calls" || fail "slurm-submit.sh: $(cat "$dir/sbatch.calls")"
grep -qx -- "--dependency=afterok:4242 $examples/slurm-merge.sh" "$dir/sbatch.calls" || fail "slurm-submit.sh: $(cat "$dir/sbatch.calls")"
echo "ok: slurm: $last array tasks, merged; the merge queued afterok the array"

# Kubernetes, offline.
python3 - "$examples" <<'PY'
import pathlib, re, subprocess, sys, yaml
d = pathlib.Path(sys.argv[1])
pvc = yaml.safe_load((d / "k8s-volume.yaml").read_text())
assert pvc["kind"] == "PersistentVolumeClaim" and "ReadWriteMany" in pvc["spec"]["accessModes"], "k8s-volume.yaml"
def job(name):
    j = yaml.safe_load((d / name).read_text())
    assert j["apiVersion"] == "batch/v1" and j["kind"] == "Job", name
    pod = j["spec"]["template"]["spec"]
    c, = pod["containers"]
    claim = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]}
    mounts = {m["mountPath"]: claim[m["name"]] for m in c["volumeMounts"]}
    script = c["command"][-1] == "-c" and c["args"][0]
    assert script, f"{name}: expected command [/bin/sh, -c] and the script in args"
    out = re.search(r"--out-dir (\S+)", script).group(1)
    assert mounts.get(out) == pvc["metadata"]["name"], f"{name}: --out-dir {out} is not the claim's mount"
    return j, script
shards, script = job("k8s-shards.yaml")
spec = shards["spec"]
assert spec["completionMode"] == "Indexed", "k8s-shards.yaml: completionMode"
n = spec["completions"]
got = []
for index in range(n):  # the command as the pod's shell runs it, claimmap stood in for
    run = subprocess.run(["sh", "-c", "claimmap() { printf '%s\\n' \"$@\"; }; " + script],
                         env={"JOB_COMPLETION_INDEX": str(index), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True)
    args = run.stdout.split("\n")
    got.append(args[args.index("--shard") + 1])
want = [f"{k}/{n}" for k in range(1, n + 1)]
assert sorted(got) == sorted(want) and len(set(got)) == n, f"k8s-shards.yaml: indexes 0..{n-1} give {got}, want {want}"
merge, script = job("k8s-merge.yaml")
assert "--merge" in script.split() and "--shard" not in script, "k8s-merge.yaml: the merge command"
print(f"ok: kubernetes: valid YAML; indexes 0..{n-1} give shards 1..{n} once each; both Jobs on claim {pvc['metadata']['name']}")
PY
