#!/usr/bin/env bash
# Strip debug info from the Cython/C extension modules of a frozen NewsGold folder.
#
#   bash packaging/strip_bundle.sh dist/newsgold
#
# Only `strip --strip-debug`, and only on Python extension modules (*.cpython-*.so / *.abi3.so)
# that carry .debug_* sections (spaCy, thinc, blis, preshed, cymem, srsly... ship them unstripped).
# Not PyInstaller's global strip=True: that runs `strip` on every shared library, including
# numpy's bundled OpenBLAS (numpy.libs/), which then fails to load. Symbols stay; only DWARF goes.
set -euo pipefail
bundle=${1:?usage: strip_bundle.sh BUNDLE_DIR}
[ -d "$bundle" ] || { echo "strip_bundle: no such folder: $bundle" >&2; exit 2; }
before=$(du -sk "$bundle" | cut -f1)
n=0
while IFS= read -r -d '' so; do
  case "$so" in */numpy.libs/*) continue ;; esac
  if readelf -S --wide "$so" 2>/dev/null | grep -q ' \.debug_'; then
    strip --strip-debug "$so"
    n=$((n + 1))
  fi
done < <(find "$bundle" -type f \( -name '*.cpython-*.so' -o -name '*.abi3.so' \) -print0)
after=$(du -sk "$bundle" | cut -f1)
echo "strip_bundle: stripped debug info from $n extension modules: $((before / 1024)) MB -> $((after / 1024)) MB"
