"""The dashboard and people commands of ``newsgold``: ``chart`` and ``people`` (list, merge, rename, ...).

Kept beside :mod:`desktop_app.cli`, which adds them to its parser and command table. ``chart``
draws with the GUI's chart widget (pyqtgraph) on an offscreen Qt platform, so it needs no display.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from desktop_app.paths import resolve_db_path

STATUS_CHOICES = ("done", "any")


def add_people_commands(sub: Any) -> None:
    from desktop_app.services.dashboard import CLI_CHARTS

    c = sub.add_parser("chart", help="save a dashboard chart as PNG or SVG",
                       description="Save one chart of the dashboard (counted by SQL over the corpus) as .png or .svg.")
    c.add_argument("chart", choices=CLI_CHARTS)
    c.add_argument("-o", "--output", required=True, metavar="FILE.png|FILE.svg")
    c.add_argument("--status", default="done", choices=STATUS_CHOICES,
                   help="done: finished articles, accepted annotations (gold); any: everything not rejected")
    c.add_argument("--dark", action="store_true", help="dark theme colours")
    c.add_argument("--size", default="1000x600", metavar="WxH", help="image size in pixels (default 1000x600)")

    p = sub.add_parser("people", help="the people registry: list, merge, rename, aliases, notes, import/export",
                       description="Without an action: list every person (speaker or actor) with aliases and counts.")
    p.add_argument("--json", action="store_true", help="list as JSON: name, aliases, quotes, events, articles, ...")
    ps = p.add_subparsers(dest="people_command", metavar="ACTION")
    m = ps.add_parser("merge", help="FROM becomes an alias of INTO; its quotes and events are renamed")
    m.add_argument("source", metavar="FROM")
    m.add_argument("target", metavar="INTO")
    r = ps.add_parser("rename", help="give a person another name (the old one stays as an alias)")
    r.add_argument("old", metavar="OLD")
    r.add_argument("new", metavar="NEW")
    a = ps.add_parser("move-alias", help="make ALIAS stand for another PERSON")
    a.add_argument("alias", metavar="ALIAS")
    a.add_argument("target", metavar="PERSON")
    n = ps.add_parser("note", help="set a person's note and/or external id (e.g. a Wikidata QID)")
    n.add_argument("name", metavar="NAME")
    n.add_argument("--note")
    n.add_argument("--id", dest="external_id", metavar="ID")
    ps.add_parser("undo", help="undo the last registry change")
    ps.add_parser("redo", help="redo the last undone registry change")
    ex = ps.add_parser("export", help="write the registry as .json or .csv")
    ex.add_argument("file", metavar="FILE")
    im = ps.add_parser("import", help="read a registry .json or .csv (aliases, notes, ids): one undo step")
    im.add_argument("file", metavar="FILE")


def _who(args: argparse.Namespace) -> str | None:
    try:
        from desktop_app.cli_team import annotator_of
    except ImportError:  # pragma: no cover - the team commands are optional here
        return getattr(args, "annotator", None)
    return annotator_of(args)


def cmd_chart(args: argparse.Namespace) -> int:
    from desktop_app.errors import E, NewsGoldError
    from desktop_app.services.corpus import open_reader
    from desktop_app.services.dashboard import chart

    if not args.output.lower().endswith((".png", ".svg")):
        raise NewsGoldError(E.E406, path=args.output)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise NewsGoldError(E.E110, value=args.size, field="--size", allowed="WIDTHxHEIGHT, e.g. 1000x600") from None
    _open_and_migrate(args)
    with open_reader(resolve_db_path(args.db)) as reader:
        data = chart(reader, args.chart, args.status)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.charts import render_chart

    _app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "newsgold"])
    out = render_chart(data, args.output, size=(w, h), dark=args.dark)
    print(f"saved {data.title} ({data.status}, {data.total} counted) to {out}")
    return 0


def _open_and_migrate(args: argparse.Namespace) -> None:
    """Readers cannot migrate an older file: open it once for writing (which upgrades it), then close."""
    from desktop_app.storage import Store

    Store(resolve_db_path(args.db)).close()


def cmd_people(args: argparse.Namespace) -> int:
    from desktop_app.services import people
    from desktop_app.storage import Store

    action = getattr(args, "people_command", None)
    who = _who(args) if action else None
    with Store(resolve_db_path(args.db)) as store:
        if action is None:
            rows = people.list_people(store)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                print(f"{'name':40} {'quotes':>6} {'events':>6} {'articles':>8}  aliases")
                for p in rows:
                    print(f"{p['name'][:40]:40} {p['quotes']:6} {p['events']:6} {p['articles']:8}  "
                          f"{', '.join(p['aliases'])}")
            return 0
        if action == "export":
            n = people.export_registry(store, args.file)
            print(f"wrote {n} people to {args.file}")
            return 0
        changes = {
            "merge": lambda: people.merge(store, args.source, args.target, who=who),
            "rename": lambda: people.rename(store, args.old, args.new, who=who),
            "move-alias": lambda: people.move_alias(store, args.alias, args.target, who=who),
            "note": lambda: people.set_info(store, args.name, note=args.note, external_id=args.external_id, who=who),
            "undo": lambda: people.undo(store, who=who),
            "redo": lambda: people.redo(store, who=who),
            "import": lambda: people.import_registry(store, args.file, who=who),
        }[action]()
    print(changes.message)
    return 0


PEOPLE_COMMANDS = {"chart": cmd_chart, "people": cmd_people}
