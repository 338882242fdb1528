#!/usr/bin/env bash
# The installed tool works on its own: `cmake --install` into a temporary prefix, the prefix moved
# elsewhere, then from an empty working directory, with CLAIMMAP_DATA_DIR unset, render, compare,
# export and batch on every case and atlas the prefix ships. Errors that name data files must name
# the prefix: proof that the data came from there and not from the source tree compiled in.
# Also the man page and the bash completion.
set -euo pipefail
build=$1 dir=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir/work"
cmake --install "$build" --prefix "$dir/staged" >/dev/null
mv "$dir/staged" "$dir/prefix"  # data is found next to the binary, wherever the prefix is
p=$dir/prefix share=$dir/prefix/share/claimmap bin=$dir/prefix/bin/claimmap
unset CLAIMMAP_DATA_DIR
cd "$dir/work"

for d in geodata styles atlas; do [ -d "$share/$d" ] || fail "$share/$d was not installed"; done
set +e; err=$("$bin" render --style no-such-style --out-dir o 2>&1); code=$?; set -e
[ "$code" -ne 0 ] && [[ $err == *"$share/styles/no-such-style.toml"* ]] ||
  fail "the installed binary does not look for styles in $share: $err"
set +e; err=$("$bin" render --scenario no-such-scenario --out-dir o 2>&1); code=$?; set -e
[ "$code" -ne 0 ] && [[ $err == *"$share/geodata/"* ]] || fail "the installed binary's default case is not in $share: $err"
echo "ok: data found in $share"

cases=("$share"/geodata/*/case.toml)
[ -e "${cases[0]}" ] || fail "no case installed under $share/geodata"
for c in "${cases[@]}"; do
  id=$(basename "$(dirname "$c")") out=$dir/work/$(basename "$(dirname "$c")")
  "$bin" render --case "$c" --size 400x300 --out-dir "$out" --name map >/dev/null || fail "$id: render"
  for f in png svg pdf; do [ -s "$out/map.$f" ] || fail "$id: render wrote no map.$f"; done
  "$bin" compare --case "$c" --format csv -o "$out/compare.csv" >/dev/null || fail "$id: compare"
  [ "$(wc -l <"$out/compare.csv")" -gt 1 ] || fail "$id: compare wrote no rows"
  "$bin" export --case "$c" --out-dir "$out" --name layers >/dev/null || fail "$id: export"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["features"]' "$out/layers.geojson" || fail "$id: export geojson"
  [ -s "$out/layers.gpkg" ] || fail "$id: export wrote no gpkg"
  echo "ok: $id: render, compare, export"
done
# Every installed catalog is usable by the installed binary: a map in each language (an unknown or
# broken catalog is an error, so one left out of the install fails here).
for cat in "$share"/i18n/*.toml; do
  lang=$(basename "$cat" .toml); mkdir -p "$dir/work/lang-$lang"
  err=$("$bin" render --size 400x300 --lang "$lang" --out-dir "$dir/work/lang-$lang" --name map --format svg 2>&1 >/dev/null) \
    || fail "render --lang $lang: $err"
  [ -s "$dir/work/lang-$lang/map.svg" ] || fail "render --lang $lang wrote no map.svg"
  [ "$lang" = en ] || grep -q "xml:lang=\"$lang\"" "$dir/work/lang-$lang/map.svg" || fail "render --lang $lang: the SVG does not say xml:lang=\"$lang\""
done
[ -e "$share/i18n/ja.toml" ] || fail "i18n/ja.toml is not installed under $share"
echo "ok: every installed catalog renders a map"
atlases=("$share"/atlas/*.toml)
[ -e "${atlases[0]}" ] || fail "no atlas installed under $share/atlas"
for a in "${atlases[@]}"; do
  id=$(basename "$a" .toml) out=$dir/work/atlas-$(basename "$a" .toml)
  "$bin" batch "$a" --out-dir "$out" >"$out.log" 2>&1 || { tail -5 "$out.log" >&2; fail "$id: batch"; }
  [ -s "$out/index.html" ] || fail "$id: batch wrote no gallery"
  python3 - "$out" <<'PY' || fail "$id: manifest"
import hashlib, json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
outputs = json.loads((folder / "manifest.json").read_text())["outputs"]
assert outputs, "empty manifest"
for o in outputs:
    assert hashlib.sha256((folder / o["file"]).read_bytes()).hexdigest() == o["sha256"], o["file"]
PY
  echo "ok: $id: batch, $(ls "$out" | wc -l) files"
done

man=$p/share/man/man1/claimmap.1.gz
[ -s "$man" ] || fail "no man page at $man"
for sub in render compare export batch events; do
  zcat "$man" | grep -q "claimmap $sub" || fail "the man page lacks $sub"
done
zcat "$man" | grep -qF -- '\-\-merge' || fail "the man page lacks batch --merge"
echo "ok: man page"

completion=$p/share/bash-completion/completions/claimmap
[ -s "$completion" ] || fail "no bash completion at $completion"
complete_line() {  # words... : what completing the last word offers
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _claimmap; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
[[ $(complete_line "$bin" ren) == render ]] || fail "completion of 'ren': $(complete_line "$bin" ren)"
[[ $(complete_line "$bin" batch --me) == --merge ]] || fail "completion of 'batch --me': $(complete_line "$bin" batch --me)"
complete_line "$bin" render --style "" | grep -qx print || fail "completion of --style does not offer the installed styles"
echo "ok: bash completion"
