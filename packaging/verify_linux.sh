#!/usr/bin/env bash
# End-to-end check of the Linux packages, as a dedicated CI step (root, Debian/Ubuntu):
#
#   bash packaging/verify_linux.sh [VENV]      (VENV defaults to ./.venv; pyinstaller is installed into it)
#
#  0. installs what it needs (apt: xvfb, xcb libraries, validators, nsis; pip: pyinstaller)
#  1. validates the .desktop file, the AppStream metainfo and the MIME type, and that they carry one app id
#  2. builds the frozen folder, .deb and .tar.gz (packaging/build_linux.sh)
#  3. runs the frozen `newsgold self-test` offscreen (cold start timed) and under xvfb-run on xcb;
#     the features the size cuts could break (check_frozen_features.sh: model, agreement, charts,
#     exports); the launch to a usable window, warm and cold (bench/gui_startup.py --launch)
#  4. dpkg -i the .deb; runs the installed `newsgold self-test` as a non-root user from the root-owned
#     install and checks it wrote nothing into /opt/newsgold nor into the user's data folder
#  5. dpkg --purge leaves no file behind (program, symlink, menu entry, icons, MIME, metainfo)
#  6. compiles the Windows installer script against a dummy payload (verify_windows_installer.sh)
# Exits non-zero at the first failure. About 4-5 minutes on 2 quiet cores; 31 minutes on a busy 2-core
# machine, 18 of them xz -9 for the .deb.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=$(cd "${1:-$ROOT/.venv}" && pwd)
APP_ID=org.newsgold.NewsGold
TEST_USER=newsgold-verify
REPORT="$ROOT/build/linux/verify-report.txt"
cd "$ROOT"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
fail() { echo "verify_linux: FAIL: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
T_START=$(now)
[ "$(id -u)" = 0 ] || fail "run as root (apt-get, dpkg -i, useradd)"

created_user=0
cleanup() {
  if dpkg-query -W -f='${Status}' newsgold 2>/dev/null | grep -q installed; then dpkg --purge newsgold >/dev/null 2>&1 || true; fi
  if [ "$created_user" = 1 ]; then userdel -r "$TEST_USER" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

step "0. tools (apt only for what is missing; pyinstaller into $VENV)"
PKGS=(binutils file xz-utils xvfb xauth desktop-file-utils appstream shared-mime-info nsis
      libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 fonts-dejavu-core
      libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-xkb1
      libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-util1
      libwayland-client0 libwayland-cursor0 libwayland-egl1)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"$VENV/bin/python" -c "import PyInstaller" 2>/dev/null \
  || "$VENV/bin/python" -m pip install -q "pyinstaller>=6.10"
echo "pyinstaller $("$VENV/bin/python" -m PyInstaller --version)"

step "1. desktop integration files"
desktop-file-validate "packaging/linux/$APP_ID.desktop"
appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"
mimetmp=$(mktemp -d)
install -D -m 0644 "packaging/linux/$APP_ID.xml" "$mimetmp/packages/$APP_ID.xml"
update-mime-database "$mimetmp" 2>/dev/null  # (it notes that a temp dir is not on XDG_DATA_DIRS)
[ -f "$mimetmp/application/x-newsgold-corpus.xml" ] || fail "shared-mime-info did not accept $APP_ID.xml"
grep -q "^application/x-newsgold-corpus:\*\.newsgold$" "$mimetmp/globs" || fail "*.newsgold glob missing from the MIME database"
rm -rf "$mimetmp"
grep -q "^MimeType=application/x-newsgold-corpus;" "packaging/linux/$APP_ID.desktop" || fail ".desktop lacks the MIME type"
grep -q "<id>$APP_ID</id>" "packaging/linux/$APP_ID.metainfo.xml" || fail "metainfo id is not $APP_ID"
grep -q "$APP_ID.desktop" "packaging/linux/$APP_ID.metainfo.xml" || fail "metainfo launchable is not $APP_ID.desktop"
"$VENV/bin/python" -c "import desktop_app, sys; sys.exit(desktop_app.APP_ID != '$APP_ID')" || fail "desktop_app.APP_ID differs"

step "2. build (frozen folder, strip, .deb, .tar.gz)"
t0=$(now)
bash packaging/build_linux.sh "$VENV"
t_build=$(secs "$t0" "$(now)")
VERSION=$("$VENV/bin/python" -c "import desktop_app; print(desktop_app.__version__)")
DEB=$(ls "$ROOT"/dist/newsgold_"$VERSION"_*.deb)

step "3a. frozen self-test, offscreen by default (cold start)"
cache="page cache dropped"
sync; { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null || cache="page cache NOT dropped (no permission): files cached by the build"
echo "$cache"
t0=$(now)
out=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$ROOT/dist/newsgold/newsgold" self-test 2>&1) \
  || fail "frozen self-test: $out"
t_cold=$(secs "$t0" "$(now)")
echo "$out"
grep -q "self-test: OK .*grabbed on offscreen" <<<"$out" || fail "frozen self-test did not default to offscreen"
t0=$(now)
env -u QT_QPA_PLATFORM "$ROOT/dist/newsgold/newsgold" self-test --no-window >/dev/null 2>&1 || fail "warm self-test"
t_warm=$(secs "$t0" "$(now)")

step "3b. frozen self-test under xvfb-run (xcb)"
out=$(xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb "$ROOT/dist/newsgold/newsgold" self-test 2>&1) \
  || fail "frozen self-test under xvfb: $out"
echo "$out"
grep -q "grabbed on xcb" <<<"$out" || fail "the xvfb self-test did not use xcb"

step "3c. frozen features on a tiny corpus: pre-annotation, team agreement (nltk), charts (pyqtgraph), exports"
bash packaging/check_frozen_features.sh "$ROOT/dist/newsgold/newsgold" "$VENV/bin/python" || fail "frozen features"

step "3d. launch to a usable window (first paint of the filled list; the model loads after it)"
wtmp=$(mktemp -d)
NEWSGOLD_HOME="$wtmp/home" "$ROOT/dist/newsgold/newsgold" --db "$wtmp/demo.sqlite3" import --no-preannotate \
  "$ROOT/dist/newsgold/_internal/resources/demo" >/dev/null || fail "demo corpus for the window timing"
launch=(env NEWSGOLD_HOME="$wtmp/home" "$VENV/bin/python" bench/gui_startup.py --launch "$ROOT/dist/newsgold/newsgold"
        --db "$wtmp/demo.sqlite3")
win_cold=$("${launch[@]}" --runs 3 --cold) || fail "window start (cold)"
echo "$win_cold   (target <= 1.5 s)"
win_warm=$("${launch[@]}" --runs 5) || fail "window start (warm)"
echo "$win_warm   (target <= 1.0 s)"
rm -rf "$wtmp"

step "4. .deb: install, self-test as a non-root user, nothing written into the install"
dpkg -i "$DEB"
[ "$(readlink /usr/bin/newsgold)" = /opt/newsgold/newsgold ] || fail "/usr/bin/newsgold is not the symlink"
[ "$(stat -c %U /opt/newsgold/newsgold)" = root ] || fail "/opt/newsgold is not root-owned"
[ -z "$(find /opt/newsgold -perm -o+w ! -type l -print -quit)" ] || fail "world-writable files in /opt/newsgold"
for f in /usr/share/applications/$APP_ID.desktop /usr/share/metainfo/$APP_ID.metainfo.xml \
         /usr/share/mime/packages/$APP_ID.xml /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg \
         /usr/share/icons/hicolor/16x16/apps/$APP_ID.png /usr/share/icons/hicolor/512x512/apps/$APP_ID.png; do
  [ -f "$f" ] || fail "$f not installed"
done
[ -f /usr/share/mime/application/x-newsgold-corpus.xml ] || fail "the MIME database was not updated (dpkg trigger)"
if ! id "$TEST_USER" >/dev/null 2>&1; then useradd -m -s /bin/sh "$TEST_USER"; created_user=1; fi
user_home=$(getent passwd "$TEST_USER" | cut -d: -f6)
stamp=$(mktemp)
sleep 1  # -newer has one-second resolution on some filesystems
out=$(cd / && runuser -u "$TEST_USER" -- env -i HOME="$user_home" PATH=/usr/bin:/bin LANG=C.UTF-8 newsgold self-test 2>&1) \
  || fail "installed self-test as $TEST_USER: $out"
echo "$out"
grep -q "self-test: OK" <<<"$out" || fail "installed self-test did not print OK"
written=$(find /opt/newsgold -newer "$stamp" -print | head -5)
[ -z "$written" ] || fail "the self-test wrote into the install: $written"
[ ! -e "$user_home/.local/share/NewsGold" ] || fail "the self-test wrote into the user's data folder"
rm -f "$stamp"
out=$(runuser -u "$TEST_USER" -- env -i HOME="$user_home" PATH=/usr/bin:/bin newsgold --version) || fail "newsgold --version"
echo "$out"

step "5. dpkg --purge leaves nothing behind"
dpkg --purge newsgold
leftover=()
for f in /opt/newsgold /usr/bin/newsgold /usr/share/applications/$APP_ID.desktop \
         /usr/share/metainfo/$APP_ID.metainfo.xml /usr/share/mime/packages/$APP_ID.xml \
         /usr/share/mime/application/x-newsgold-corpus.xml /usr/share/doc/newsgold; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || leftover+=("$f")
done
while IFS= read -r f; do leftover+=("$f"); done < <(find /usr/share/icons -name "$APP_ID.*")
[ ${#leftover[@]} = 0 ] || fail "left behind after purge: ${leftover[*]}"
! dpkg-query -W newsgold >/dev/null 2>&1 || fail "dpkg still knows newsgold"

step "6. Windows installer script compiles (makensis, dummy payload)"
bash packaging/verify_windows_installer.sh

t_total=$(secs "$T_START" "$(now)")
{
  cat "$ROOT/build/linux/build-report.txt"
  echo "build_linux.sh total: $t_build s"
  echo "frozen self-test, first run to exit: $t_cold s ($cache); warm, no window: $t_warm s"
  echo "$win_cold"
  echo "$win_warm"
  echo "verify_linux.sh total: $t_total s"
} > "$REPORT"
echo
echo "verify_linux: OK"
cat "$REPORT"
