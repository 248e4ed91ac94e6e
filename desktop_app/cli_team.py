"""The team commands of ``newsgold``: assign, merge, agreement, adjudicate (see :mod:`desktop_app.services.team`).

Kept beside :mod:`desktop_app.cli`, which adds them to its parser and command table; the
global ``--annotator`` is resolved here too (``annotator_of``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.paths import resolve_db_path

LAYER_CHOICES = ("entities", "quotes", "events")


def annotator_of(args: argparse.Namespace) -> str:
    """``--annotator``, else the name in Settings, else the OS user."""
    if getattr(args, "annotator", None):
        return str(args.annotator).strip()
    from desktop_app.ui.settings import load_settings

    return load_settings().annotator


def add_team_commands(sub: Any) -> None:
    a = sub.add_parser("assign", help="write one corpus file per annotator (with overlap) and a manifest",
                       description="Split the corpus (--db) between annotators: the --overlap share of the articles "
                                   "goes to everyone, the rest is dealt out evenly. Writes DIR/NAME.sqlite3 for each "
                                   "annotator (articles with their suggestions, the speaker registry, the event taxonomy) and "
                                   "DIR/manifest.json.")
    a.add_argument("--annotators", required=True, metavar="a,b,c", help="comma-separated annotator names")
    a.add_argument("--overlap", type=float, default=0.2, metavar="SHARE", help="share every annotator gets (0-1)")
    a.add_argument("--seed", type=int, default=0, metavar="N")
    a.add_argument("-o", "--output", required=True, metavar="DIR")
    a.add_argument("--taxonomy", metavar="FILE.toml",
                   help="event taxonomy every file carries (default: the corpus's, else the bundled PLOVER one)")

    m = sub.add_parser("merge", help="merge annotators' files into a team file (idempotent, any order)",
                       description="Copy each annotator's work into the team file as their versions, side by side. "
                                   "Merging a file again changes nothing; a newer file replaces only that "
                                   "annotator's versions. A file from another corpus is refused.")
    m.add_argument("files", nargs="+", metavar="FILE")
    m.add_argument("-o", "--output", required=True, metavar="TEAM.sqlite3", help="the team file (new or existing)")

    g = sub.add_parser("agreement", help="inter-annotator agreement on articles done by two or more annotators")
    g.add_argument("--json", action="store_true")
    g.add_argument("--layer", choices=LAYER_CHOICES, help="one layer only")

    j = sub.add_parser("adjudicate", help="start the adjudicated version of each article from what all agree on")
    j.add_argument("--auto", required=True, choices=("agreed",),
                   help="agreed: accept everything all annotators' done versions agree on")
    j.add_argument("--redo", action="store_true", help="also redo articles adjudicated before (their edits go)")


def _open(path: str | Path) -> Any:
    from desktop_app.storage import Store

    store = Store(path)
    if store.backup is not None:
        print(f"newsgold: schema upgraded; backup of the old file at {store.backup}", file=sys.stderr)
    return store


def cmd_assign(args: argparse.Namespace) -> int:
    from desktop_app.services.team import assign

    names = args.annotators.split(",")
    with _open(resolve_db_path(args.db)) as store:
        result = assign(store, names, args.output, overlap=args.overlap, seed=args.seed, taxonomy=args.taxonomy,
                        progress=lambda message: print(message))
    shared = len(result.manifest["shared"])
    print(f"assigned {result.manifest['articles']} article(s) to {len(result.files)} annotator(s), "
          f"{shared} shared by all; manifest: {Path(args.output) / 'manifest.json'}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop_app.services.team import merge

    with _open(args.output) as team:
        report = merge(team, args.files)
    for f in report.files:
        print(f"{f['path']} ({', '.join(f['annotators']) or 'nobody'}): {f['added']} version(s) added, "
              f"{f['replaced']} replaced, {f['unchanged']} unchanged")
    print(f"merged {len(report.files)} file(s) into {report.target}; {report.articles_added} new article(s)")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from desktop_app.services.agreement import LAYERS, agreement, format_report

    layers = (args.layer,) if args.layer else LAYERS
    with _open(resolve_db_path(args.db)) as store:
        result = agreement(store, layers)
    print(json.dumps(result["report"], indent=2) if args.json else format_report(result, layers))
    return 0


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from desktop_app.services.team import adjudicate_agreed

    with _open(resolve_db_path(args.db)) as store:
        r = adjudicate_agreed(store, who=annotator_of(args), redo=args.redo)
    print(f"adjudicated {r.articles} article(s): {r.agreed} agreed item(s) accepted, {r.disagreements} "
          f"disagreement(s) left to decide, {r.finished} article(s) done; {r.kept} adjudicated before kept")
    return 0


def export_note(store: Any, version: str | None) -> None:
    """After an export of a team file: say which articles the default version left out."""
    from desktop_app.services.team import export_plan

    plan = export_plan(store, version)
    if plan is not None and plan.left_out:
        print(f"newsgold: {plan.left_out} article(s) with several annotators' versions and no adjudication were "
              "left out (adjudicate them, or export --version NAME or all)", file=sys.stderr)


TEAM_COMMANDS = {"assign": cmd_assign, "merge": cmd_merge, "agreement": cmd_agreement, "adjudicate": cmd_adjudicate}
