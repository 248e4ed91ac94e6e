#!/usr/bin/env bash
# Strip debug info from the Cython/C extension modules of a frozen NewsGold folder.
#
#   bash packaging/strip_bundle.sh dist/newsgold
#
# Only `strip --strip-debug`, and only on shared libraries that carry .debug_* sections: Python
# extension modules (spaCy, thinc, blis, preshed, cymem, srsly... ship them unstripped) and the
# interpreter's own libpython (pyenv and python-build-standalone builds keep DWARF: 22 MB -> 6.5 MB).
# Never the wheels' vendored libraries in */*.libs/ (auditwheel-patched; numpy's OpenBLAS then fails
# to load), which is why this is not PyInstaller's global strip=True. Symbols stay; only DWARF goes.
set -euo pipefail
bundle=${1:?usage: strip_bundle.sh BUNDLE_DIR}
[ -d "$bundle" ] || { echo "strip_bundle: no such folder: $bundle" >&2; exit 2; }
before=$(du -sk "$bundle" | cut -f1)
n=0
while IFS= read -r -d '' so; do
  case "$so" in *.libs/*) continue ;; esac
  if readelf -S --wide "$so" 2>/dev/null | grep -q ' \.debug_'; then
    strip --strip-debug "$so"
    n=$((n + 1))
  fi
done < <(find "$bundle" -type f \( -name '*.cpython-*.so' -o -name '*.abi3.so' -o -name 'libpython*.so*' \) -print0)
after=$(du -sk "$bundle" | cut -f1)
echo "strip_bundle: stripped debug info from $n libraries: $((before / 1024)) MB -> $((after / 1024)) MB"
