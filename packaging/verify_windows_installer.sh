#!/usr/bin/env bash
# Compile packaging/windows/newsgold.nsi with Debian's makensis against a dummy payload.
#
#   bash packaging/verify_windows_installer.sh
#
# Proves the script (pages, registry/file-association entries, uninstaller) compiles with
# warnings treated as errors; it cannot run the installer here. Installs makensis if missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! command -v makensis >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "verify_windows_installer: makensis missing (apt-get install nsis)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
payload="$work/payload"
mkdir -p "$payload/_internal/resources"
printf 'MZ dummy GUI executable\n' > "$payload/newsgold.exe"
printf 'MZ dummy console executable\n' > "$payload/newsgold-cli.exe"
printf 'dummy bundle content\n' > "$payload/_internal/resources/README.txt"
icon_args=()
if [ -f "$ROOT/build/icons/newsgold.ico" ]; then
  icon_args=("-DICON=$ROOT/build/icons/newsgold.ico")
fi
out="$work/NewsGold-0.0.0-setup.exe"
makensis -V2 -WX -DNOCOMPRESS -DVERSION=0.0.0 "-DPAYLOAD=$payload" "-DOUTFILE=$out" "${icon_args[@]}" \
  "$ROOT/packaging/windows/newsgold.nsi"
file "$out" | grep -q "PE32" || { echo "verify_windows_installer: $out is not a PE executable" >&2; exit 1; }
# the file association must be in the compiled installer (uncompressed: UTF-16 strings readable)
strings -el "$out" > "$work/strings.txt"
for key in 'Software\Classes\.newsgold' 'org.newsgold.NewsGold.corpus' 'shell\open\command' \
           'application/x-newsgold-corpus' 'newsgold.exe" "%1"' 'uninstall.exe'; do
  grep -qF "$key" "$work/strings.txt" || { echo "verify_windows_installer: '$key' not in the installer" >&2; exit 1; }
done
echo "verify_windows_installer: OK, $(du -k "$out" | cut -f1) KB installer compiled from a dummy payload"
