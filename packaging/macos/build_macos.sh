#!/usr/bin/env bash
# Build NewsGold.app and a .dmg on macOS; sign and notarize when credentials are given.
#
#   bash packaging/macos/build_macos.sh [VENV]
#
# CANNOT RUN on the Linux CI machine: it needs macOS (hdiutil, codesign, xcrun notarytool).
# The release workflow (.github/workflows/release.yml) runs it on a macOS runner. See README.md here.
#
# Optional environment (all four to sign + notarize; without them the .app is ad-hoc signed and
# Gatekeeper will ask the user to allow it via System Settings > Privacy & Security):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Name (TEAMID)" (in the login/CI keychain)
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (an app-specific password)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VENV=${1:-$ROOT/.venv}
PY="$VENV/bin/python"
cd "$ROOT"
[ "$(uname -s)" = Darwin ] || { echo "build_macos: macOS only (this is $(uname -s))" >&2; exit 2; }
VERSION=$("$PY" -c "import desktop_app; print(desktop_app.__version__)")
ARCH=$(uname -m)
APP="$ROOT/dist/NewsGold.app"
DMG="$ROOT/dist/NewsGold-$VERSION-macos-$ARCH.dmg"

"$PY" packaging/icons/render_icons.py "$ROOT/build/icons"     # writes build/icons/newsgold.icns
rm -rf "$APP" "$ROOT/dist/newsgold"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/newsgold.spec
"$APP/Contents/MacOS/newsgold" self-test                        # offscreen by default

ENT="$ROOT/packaging/macos/entitlements.plist"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # the hardened runtime (--options runtime) and a secure timestamp are required for notarization
  codesign --force --deep --timestamp --options runtime --entitlements "$ENT" \
    --sign "$MACOS_SIGN_IDENTITY" "$APP"
else
  codesign --force --deep --sign - "$APP"                       # ad-hoc: runs locally, not notarizable
fi
codesign --verify --deep --strict --verbose=2 "$APP"

rm -f "$DMG"
stage=$(mktemp -d)
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "NewsGold $VERSION" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG"
rm -rf "$stage"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  xcrun notarytool submit "$DMG" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "build_macos: $DMG ($(du -sh "$DMG" | cut -f1)); app folder $(du -sh "$APP" | cut -f1)"
