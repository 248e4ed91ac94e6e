"""Settings survive a restart and a damaged file never stops the app."""

from __future__ import annotations

from desktop_app.paths import settings_path
from desktop_app.ui.settings import DEFAULT_LABEL_COLORS, Settings, load_settings, save_settings


def test_settings_round_trip(tmp_path) -> None:
    s = Settings(annotator="amina", model="en_core_web_sm", font_size=15, theme="dark", taxonomy="/x/t.json")
    s.label_colors["PERSON"] = "#123456"
    s.add_recent(tmp_path / "a.sqlite3")
    s.add_recent(tmp_path / "b.sqlite3")
    s.add_recent(tmp_path / "a.sqlite3")
    save_settings(s)
    back = load_settings()
    assert back == s
    assert back.recent_dbs[0].endswith("a.sqlite3") and len(back.recent_dbs) == 2


def test_damaged_settings_fall_back_to_defaults() -> None:
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    p.write_text('{"theme": "purple", "font_size": 400, "annotator": "li", "label_colors": {"X": "#000"}}')
    s = load_settings()
    assert (s.theme, s.font_size, s.annotator) == ("system", 12, "li")
    assert s.label_colors == {**DEFAULT_LABEL_COLORS, "X": "#000"}
