#!/usr/bin/env bash
# Sharded atlases and the output-folder lock:
# - three shards run at the same time into one folder, then `batch --merge`, give the same files
#   (bytes, manifest.json and index.html) as one unsharded run;
# - a missing shard, a changed file, a stale shard and a leftover shard count are one-line errors
#   that leave manifest.json as it was;
# - a batch waits while another run holds the folder (and stops on SIGTERM while waiting); a shard
#   does not wait for another shard, a merge does;
# - two full batches of different atlases into one folder at once leave a manifest whose every
#   checksum matches its file.
set -euo pipefail
bin=$1 atlas=$2 case_file=$3 dir=$4
rm -rf "$dir" && mkdir -p "$dir"
fail() { echo "FAIL: $*" >&2; exit 1; }
# One line on stderr, non-zero exit, the expected words, manifest.json untouched.
expect_error() {  # folder words... -- command...
  local out=$1; shift
  local words=() ; while [ "$1" != -- ]; do words+=("$1"); shift; done; shift
  local before; before=$(sha256sum "$out/manifest.json" 2>/dev/null || true)
  set +e; "$@" >"$dir/err.stdout" 2>"$dir/err.stderr"; local code=$?; set -e
  [ "$code" -ne 0 ] || fail "'$*' exited 0"
  [ "$(wc -l <"$dir/err.stderr")" -eq 1 ] || { cat "$dir/err.stderr" >&2; fail "'$*': not a one-line error"; }
  for w in "${words[@]}"; do grep -qF -- "$w" "$dir/err.stderr" || { cat "$dir/err.stderr" >&2; fail "'$*': error lacks '$w'"; }; done
  [ "$before" = "$(sha256sum "$out/manifest.json" 2>/dev/null || true)" ] || fail "'$*' replaced manifest.json"
  echo "ok: $(cat "$dir/err.stderr")"
}
# Every output listed in manifest.json is on disk with the listed checksum.
manifest_matches() {
  python3 - "$1" <<'PY'
import hashlib, json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
outputs = json.loads((folder / "manifest.json").read_text())["outputs"]
bad = [o["file"] for o in outputs if hashlib.sha256((folder / o["file"]).read_bytes()).hexdigest() != o["sha256"]]
if bad or not outputs:
    sys.exit(f"{folder}/manifest.json: {len(bad)} of {len(outputs)} checksums do not match: {bad[:5]}")
PY
}

# --- shards at once, merged, against one unsharded run
"$bin" batch "$atlas" --out-dir "$dir/full" --jobs 1 >/dev/null 2>&1 || fail "unsharded batch failed"
pids=()
for k in 1 2 3; do
  "$bin" batch "$atlas" --out-dir "$dir/sharded" --jobs 1 --shard "$k/3" >"$dir/shard$k.log" 2>&1 &
  pids+=($!)
done
for k in 1 2 3; do wait "${pids[k-1]}" || { cat "$dir/shard$k.log" >&2; fail "shard $k/3 failed"; }; done
[ ! -e "$dir/sharded/manifest.json" ] || fail "a shard wrote manifest.json"
"$bin" batch "$atlas" --out-dir "$dir/sharded" --merge >"$dir/merge.log" 2>&1 || { cat "$dir/merge.log" >&2; fail "merge failed"; }
grep -q "3 shards merged" "$dir/merge.log" || { cat "$dir/merge.log" >&2; fail "merge did not say what it joined"; }
listing() { (cd "$1" && ls | grep -v '^manifest\.shard-' | sort); }
[ "$(listing "$dir/full")" = "$(listing "$dir/sharded")" ] ||
  fail "files differ: $(diff <(listing "$dir/full") <(listing "$dir/sharded") | tr '\n' ' ')"
for f in $(listing "$dir/full"); do cmp -s "$dir/full/$f" "$dir/sharded/$f" || fail "$f differs between the unsharded and the merged run"; done
grep -q index.html <(listing "$dir/sharded") || fail "merge wrote no gallery"
manifest_matches "$dir/sharded"
echo "ok: 3 shards at once + merge = one unsharded run ($(listing "$dir/full" | wc -l) files, byte-identical)"

# --- what merge refuses
s=$dir/sharded
mv "$s/manifest.shard-2-of-3.json" "$dir/shard2.json"
expect_error "$s" "manifest.shard-2-of-3.json" "is missing" "--shard 2/3" -- "$bin" batch "$atlas" --out-dir "$s" --merge
mv "$dir/shard2.json" "$s/manifest.shard-2-of-3.json"

victim=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["outputs"][0]["file"])' "$s/manifest.shard-3-of-3.json")
cp "$s/$victim" "$dir/victim" && printf x >>"$s/$victim"
expect_error "$s" "$victim" "does not match its checksum" "--shard 3/3" -- "$bin" batch "$atlas" --out-dir "$s" --merge
cp "$dir/victim" "$s/$victim"

cp "$s/manifest.shard-1-of-3.json" "$dir/shard1.json"
python3 - "$s/manifest.shard-1-of-3.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["outputs"][0]["key"] = "0" * 64
open(sys.argv[1], "w").write(json.dumps(m, indent=2) + "\n")
PY
expect_error "$s" "manifest.shard-1-of-3.json" "is stale" "--shard 1/3" -- "$bin" batch "$atlas" --out-dir "$s" --merge
cp "$dir/shard1.json" "$s/manifest.shard-1-of-3.json"

python3 - "$s/manifest.shard-1-of-3.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); del m["outputs"][0]
open(sys.argv[1], "w").write(json.dumps(m, indent=2) + "\n")
PY
expect_error "$s" "manifest.shard-1-of-3.json" "does not list" "--shard 1/3" -- "$bin" batch "$atlas" --out-dir "$s" --merge
cp "$dir/shard1.json" "$s/manifest.shard-1-of-3.json"

cp "$s/manifest.shard-1-of-3.json" "$s/manifest.shard-1-of-2.json"
expect_error "$s" "2 and 3 shards" -- "$bin" batch "$atlas" --out-dir "$s" --merge
rm "$s/manifest.shard-1-of-2.json"
mkdir -p "$dir/empty"
expect_error "$dir/empty" "has no shard manifests" -- "$bin" batch "$atlas" --out-dir "$dir/empty" --merge
expect_error "$s" "--merge" "--shard" -- "$bin" batch "$atlas" --out-dir "$s" --merge --shard 1/3
"$bin" batch "$atlas" --out-dir "$s" --merge >/dev/null 2>&1 || fail "merge failed once the shards were restored"

# --- the folder lock
waits_for() {  # log: the run says it waits
  for _ in $(seq 1 600); do grep -q "waiting: another claimmap run" "$1" && return 0; sleep 0.1; done
  return 1
}
lockdir=$dir/locked && mkdir -p "$lockdir"
# The test holds the lock as another run would; it opens the file anew each time, since the last
# run out removes it.
exec 9>"$lockdir/.claimmap.lock"
flock -x 9  # another run holds the folder
"$bin" batch "$atlas" --out-dir "$lockdir" --jobs 1 >"$dir/lock.log" 2>&1 &
pid=$!
waits_for "$dir/lock.log" || { kill "$pid"; fail "batch did not wait for the folder lock"; }
sleep 0.5
[ -z "$(ls "$lockdir")" ] || { kill "$pid"; fail "batch wrote while the folder was locked: $(ls "$lockdir")"; }
flock -u 9
wait "$pid" || { cat "$dir/lock.log" >&2; fail "batch failed after the lock was released"; }
manifest_matches "$lockdir"
echo "ok: a batch waits for the folder lock, then runs"
[ ! -e "$dir/sharded/.claimmap.lock" ] && [ ! -e "$dir/full/.claimmap.lock" ] || fail "a finished run left its lock file"

exec 9>"$lockdir/.claimmap.lock"
flock -x 9
"$bin" batch "$atlas" --out-dir "$lockdir" --jobs 1 >"$dir/stop.log" 2>&1 &
pid=$!
waits_for "$dir/stop.log" || { kill "$pid"; fail "batch did not wait for the folder lock"; }
kill -TERM "$pid"
set +e; wait "$pid"; code=$?; set -e
[ "$code" -ne 0 ] || fail "batch stopped while waiting exited 0"
grep -q "stopped while waiting" "$dir/stop.log" || { cat "$dir/stop.log" >&2; fail "no message for a stop while waiting"; }
flock -u 9
echo "ok: SIGTERM while waiting for the lock: $(tail -1 "$dir/stop.log")"

exec 9>&-
exec 7>"$dir/sharded/.claimmap.lock"
flock -s 7  # a shard is writing
"$bin" batch "$atlas" --out-dir "$dir/sharded" --jobs 1 --shard 2/3 >"$dir/shard-shared.log" 2>&1 ||
  { cat "$dir/shard-shared.log" >&2; fail "a shard failed next to another shard"; }
! grep -q "waiting" "$dir/shard-shared.log" || fail "a shard waited for another shard"
"$bin" batch "$atlas" --out-dir "$dir/sharded" --merge >"$dir/merge-wait.log" 2>&1 &
pid=$!
waits_for "$dir/merge-wait.log" || { kill "$pid"; fail "merge did not wait for a shard still writing"; }
flock -u 7
exec 7>&-
wait "$pid" || { cat "$dir/merge-wait.log" >&2; fail "merge failed after the shard finished"; }
echo "ok: shards share the folder; a merge waits for them"

# Two full batches of different atlases (same map names, other size) into one folder at once.
other=$dir/other.toml
sed -e "s|^case = .*|case = \"$case_file\"|" -e 's|^size = .*|size = "300x200"|' "$atlas" >"$other"
grep -q '^size = "300x200"' "$other" || fail "$other: the atlas has no size line to change"
both=$dir/both && mkdir -p "$both"
"$bin" batch "$atlas" --out-dir "$both" --jobs 1 >"$dir/a.log" 2>&1 &
a=$!
"$bin" batch "$other" --out-dir "$both" --jobs 1 >"$dir/b.log" 2>&1 &
b=$!
wait "$a" || { cat "$dir/a.log" >&2; fail "first of two batches failed"; }
wait "$b" || { cat "$dir/b.log" >&2; fail "second of two batches failed"; }
manifest_matches "$both"
echo "ok: two batches at once into one folder: manifest consistent"
