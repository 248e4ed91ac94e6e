#!/usr/bin/env bash
# Build NewsGold for Linux: frozen one-folder bundle, stripped, as a .deb and a .tar.gz in dist/.
#
#   bash packaging/build_linux.sh [VENV]        (VENV defaults to ./.venv; pyinstaller must be in it)
#
# Outputs (dist/ is gitignored):
#   dist/newsgold/                                the frozen folder (run dist/newsgold/newsgold)
#   dist/newsgold_<version>_<arch>.deb            installs to /opt/newsgold, /usr/bin/newsgold symlink
#   dist/newsgold-<version>-linux-<arch>.tar.gz   the folder, to unpack anywhere
#   build/linux/build-report.txt                  sizes, build time, glibc floor, Depends
# NEWSGOLD_SKIP_DEB=1: the frozen folder only (no .deb, no .tar.gz: xz -9 alone takes ~4 minutes),
# for iterating on the bundle; verify_linux.sh needs the full build.
# Build on the OLDEST distribution you support: the bundle needs the glibc it was built against
# (the floor is measured below from the GLIBC_ symbol versions the bundle's ELF files import).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=$(cd "${1:-$ROOT/.venv}" && pwd)
PY="$VENV/bin/python"
APP_ID=org.newsgold.NewsGold
cd "$ROOT"

VERSION=$("$PY" -c "import desktop_app; print(desktop_app.__version__)")
ARCH=$(dpkg --print-architecture)
BUNDLE="$ROOT/dist/newsgold"
STAGE="$ROOT/build/linux/deb"
REPORT="$ROOT/build/linux/build-report.txt"
DEB="$ROOT/dist/newsgold_${VERSION}_${ARCH}.deb"
TARBALL="$ROOT/dist/newsgold-${VERSION}-linux-${ARCH}.tar.gz"
mkdir -p "$ROOT/build/linux" "$ROOT/dist"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== icons (Qt SVG renderer)"
"$PY" packaging/icons/render_icons.py "$ROOT/build/icons"

echo "== PyInstaller one-folder build"
t0=$(now)
rm -rf "$BUNDLE"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/newsgold.spec
t1=$(now)
bash packaging/strip_bundle.sh "$BUNDLE"
# ICU's data (32 MB) down to the parts Qt can reach (packaging/slim_icu.py says why that is safe)
for icu in "$BUNDLE"/_internal/PySide6/Qt/lib/libicudata.so.*; do
  [ -f "$icu" ] && "$PY" packaging/slim_icu.py "$icu"
done
t2=$(now)
[ -x "$BUNDLE/newsgold" ] || { echo "build_linux: $BUNDLE/newsgold was not built" >&2; exit 1; }
[ -d "$BUNDLE/_internal/resources" ] || [ -d "$BUNDLE/_internal/desktop_app/resources" ] \
  || { echo "build_linux: resources/ missing from the bundle" >&2; exit 1; }

echo "== shared libraries: everything resolves; what comes from the system becomes Depends"
elfs=$(mktemp); sysl=$(mktemp)
find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -path "$BUNDLE/newsgold" \) -print0 \
  | xargs -0 file -N | awk -F': ' '$2 ~ /ELF/ {print $1}' > "$elfs"
libpath=$(find "$BUNDLE/_internal" -type d \( -name _internal -o -path '*/Qt/lib' \) | paste -sd:)
missing=0
while IFS= read -r elf; do
  out=$(LD_LIBRARY_PATH="$libpath" ldd "$elf" 2>/dev/null || true)
  if grep -q "not found" <<<"$out"; then
    echo "build_linux: unresolved library in $elf:" >&2; grep "not found" <<<"$out" >&2; missing=1
  fi
  awk '/=> \// {print $3}' <<<"$out" | grep -v "^$BUNDLE/" >> "$sysl" || true
done < "$elfs"
[ "$missing" = 0 ] || exit 1
pkgs=$(sort -u "$sysl" | while IFS= read -r lib; do
  dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null \
    || dpkg -S "/usr${lib#/usr}" 2>/dev/null || echo "UNOWNED: $lib" >&2
done | cut -d: -f1 | sort -u)
GLIBC_FLOOR=$(xargs -d '\n' objdump -T < "$elfs" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
GLIBC_FLOOR=${GLIBC_FLOOR#GLIBC_}
depends=""
for p in $pkgs; do
  if [ "$p" = libc6 ]; then p="libc6 (>= $GLIBC_FLOOR)"; fi
  depends="${depends:+$depends, }$p"
done
rm -f "$elfs" "$sysl"
echo "Depends: $depends"
echo "glibc floor: $GLIBC_FLOOR"

if [ "${NEWSGOLD_SKIP_DEB:-0}" != 0 ]; then
  echo "frozen folder only (NEWSGOLD_SKIP_DEB): $(du -sm "$BUNDLE" | cut -f1) MB, pyinstaller $(secs "$t0" "$t1") s"
  exit 0
fi

echo "== .deb"
rm -rf "$STAGE"
install -d "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/newsgold"
cp -a "$BUNDLE" "$STAGE/opt/newsgold"
ln -s /opt/newsgold/newsgold "$STAGE/usr/bin/newsgold"
install -m 0644 "packaging/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "packaging/linux/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 0644 "packaging/linux/$APP_ID.xml" "$STAGE/usr/share/mime/packages/"
install -d "$STAGE/usr/share/icons"
cp -r "$ROOT/build/icons/hicolor" "$STAGE/usr/share/icons/hicolor"
cat > "$STAGE/usr/share/doc/newsgold/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: NewsGold
Files: *
Copyright: NewsGold developers
License: MIT
Comment: /opt/newsgold bundles Python, Qt (LGPL-3, PySide6), spaCy (MIT), numpy (BSD) and their
 dependencies, each under its own licence (see the *.dist-info folders in /opt/newsgold/_internal).
EOF
# root-owned, world-readable, nothing group/world-writable (the build user's umask must not leak)
chmod -R u+rwX,go+rX,go-w "$STAGE"
installed_kb=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: newsgold
Version: $VERSION
Architecture: $ARCH
Maintainer: NewsGold developers <maintainers@newsgold.org>
Installed-Size: $installed_kb
Depends: $depends
Section: science
Priority: optional
Homepage: https://newsgold.org/
Description: desktop annotation tool for news articles
 NewsGold imports news articles, pre-annotates named entities, quotations with
 speakers and PLOVER events with a bundled spaCy pipeline, and lets a person
 review them into a gold-standard corpus stored in SQLite.
 .
 Self-contained: Python, Qt and the language model are bundled in /opt/newsgold.
EOF
# menu, icon cache and MIME database are refreshed by the dpkg file triggers of
# desktop-file-utils, hicolor-icon-theme/gtk and shared-mime-info: no maintainer scripts needed
t3=$(now)
rm -f "$DEB"
# xz -9: its 64 MB window (-6: 8 MB) also finds what repeats across big files, e.g. blis's two 18 MB
# modules (py and cy) that carry the same kernels: 6.4 MB -> 3.5 MB for that pair alone
# two threads: xz -9 on one core took 344 s of CPU here; two 192 MB blocks cost 0.4 MB (76.7 -> 77.1 MB)
dpkg-deb --root-owner-group -Zxz -z9 --threads-max=2 --build "$STAGE" "$DEB"
t4=$(now)

echo "== .tar.gz"
rm -f "$TARBALL"
tar -C "$ROOT/dist" -czf "$TARBALL" newsgold
t5=$(now)

mb() { du -sm "$1" | cut -f1; }
{
  echo "newsgold $VERSION ($ARCH) built $(date -u +%Y-%m-%dT%H:%MZ) on $(. /etc/os-release && echo "$PRETTY_NAME") with $(nproc) cores"
  echo "pyinstaller build: $(secs "$t0" "$t1") s; strip: $(secs "$t1" "$t2") s; deb (xz -9): $(secs "$t3" "$t4") s; tar.gz: $(secs "$t4" "$t5") s"
  echo "frozen folder: $(mb "$BUNDLE") MB ($(find "$BUNDLE" -type f | wc -l) files)"
  echo ".deb: $(mb "$DEB") MB ($(basename "$DEB"))"
  echo ".tar.gz: $(mb "$TARBALL") MB ($(basename "$TARBALL"))"
  echo "glibc floor: $GLIBC_FLOOR"
  echo "Depends: $depends"
} | tee "$REPORT"
