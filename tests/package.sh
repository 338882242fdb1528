#!/usr/bin/env bash
# The .deb CPack builds (as scripts/package does): its dependencies are Debian packages found by
# dpkg-shlibdeps plus the fonts, and it holds the binary, the data, the man page and the completion.
set -euo pipefail
build=$1 dir=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$dir" >"$dir/cpack.log" 2>&1 || { tail -20 "$dir/cpack.log" >&2; fail "cpack"; }
debs=("$dir"/*.deb)
[ -e "${debs[0]}" ] || fail "cpack made no .deb in $dir"
info=$(dpkg-deb -I "${debs[0]}")
depends=$(grep '^ Depends:' <<<"$info") || fail "the package has no Depends: $info"
for dep in libgdal libproj libgeos-c libpangocairo libcairo libpng fonts-noto-cjk libc6 iso-codes; do
  [[ $depends == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
contents=$(dpkg-deb -c "${debs[0]}")
for f in ./usr/bin/claimmap ./usr/share/claimmap/geodata/ ./usr/share/claimmap/styles/default.toml ./usr/share/claimmap/atlas/ \
  ./usr/share/man/man1/claimmap.1.gz ./usr/share/bash-completion/completions/claimmap; do
  grep -qF " $f" <<<"$contents" || fail "the package lacks $f"
done
echo "ok: $(basename "${debs[0]}")"
echo "$depends"
