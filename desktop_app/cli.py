"""The ``newsgold`` command (also ``python -m desktop_app``).

Exit codes: 0 ok, 1 partial (some inputs rejected, listed on stderr), 2 usage
error or an error that stopped the command (a refusal or an environment problem,
with its code), 3 a bug in NewsGold (the traceback is in the log file).
How each error is shown is decided by :func:`desktop_app.errors.presentation`.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.cli_people import PEOPLE_COMMANDS, add_people_commands
from desktop_app.cli_team import TEAM_COMMANDS, add_team_commands, annotator_of, export_note
from desktop_app.cli_train import TRAIN_COMMANDS, add_train_commands, print_trained
from desktop_app.errors import presentation
from desktop_app.paths import log_path, resolve_db_path

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
#: what ``newsgold FILE`` opens as the corpus; any other file or folder is imported into the corpus
CORPUS_SUFFIXES = (".sqlite3", ".newsgold", ".sqlite", ".db")
SQLITE_MAGIC = b"SQLite format 3\x00"
STATUS_CHOICES = ("done", "any")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"newsgold: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from desktop_app.io.import_formats import FORMATS  # not io.importers: pydantic and the readers

    p = _Parser(prog="newsgold", description="NewsGold: annotate news with entities, quotes and events.",
                usage="%(prog)s [--db PATH] [COMMAND ...] | %(prog)s [--db PATH] FILE...",
                epilog="'newsgold FILE...' is short for 'newsgold gui FILE...' (what the installers' file "
                       "association runs): see 'newsgold gui --help'.")
    p.add_argument("--version", action="version", version=f"newsgold {__version__}")
    p.add_argument("--db", metavar="PATH", help="corpus database file (default: $NEWSGOLD_DB or the user data dir)")
    p.add_argument("--annotator", metavar="NAME",
                   help="who is annotating, recorded on edits and versions (default: Settings, else the OS user)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, prog="newsgold [--db PATH]")

    g = sub.add_parser(
        "gui", help="open the annotation window (the default)",
        description="Open the annotation window. A FILE that is a corpus (.sqlite3, .newsgold, .sqlite, .db, or any "
                    "SQLite file) is opened instead of --db / the default corpus; a missing FILE with one of those "
                    "extensions is created as a new corpus. Other files and folders (.txt, .jsonl, .csv, ...) "
                    "are imported into the corpus (FILE's, --db's or the default one) once the window is open.")
    g.add_argument("--screenshot", metavar="FILE.png", help="render the main window offscreen, save a PNG, exit")
    g.add_argument("--article", metavar="ID", help="article to show first")
    g.add_argument("--panel", choices=("quotes", "entities", "events"), help="side panel to show first")
    g.add_argument("--view", choices=("articles", "dashboard", "people", "adjudication"), help="view to show first (View menu)")
    g.add_argument("paths", nargs="*", metavar="FILE", help="a corpus to open, or article files/folders to import")

    i = sub.add_parser("import", help="import .txt/.jsonl/.csv files or folders, then pre-annotate")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--format", default="auto", choices=FORMATS)
    i.add_argument("--no-preannotate", action="store_true", help="store the texts without suggestions")
    i.add_argument("--as-gold", action="store_true", help="the articles come in done, their annotations accepted")
    i.add_argument("--model", help="spaCy pipeline for pre-annotation (default: best installed)")
    i.add_argument("--taxonomy", metavar="FILE.toml", help="event taxonomy (default: the bundled PLOVER file)")

    pa = sub.add_parser("preannotate", help="suggest entities, quotes and events for articles without them")
    pa.add_argument("--all", action="store_true", help="redo every article (human work is kept)")
    pa.add_argument("--model", help="spaCy pipeline name (default: best installed; see 'models')")
    pa.add_argument("--taxonomy", metavar="FILE.toml", help="event taxonomy (default: the bundled PLOVER file)")
    pa.add_argument("--n-process", type=int, default=1, metavar="N")
    pa.add_argument("--batch-size", type=int, default=32, metavar="N")
    pa.add_argument("--scheduler", metavar="tcp://HOST:PORT|local:N",
                    help="run the pipeline on Dask workers (needs the cluster extra); local:N starts N here")
    pa.add_argument("--chunk", type=int, default=16, metavar="N", help="articles per task sent to a worker")

    e = sub.add_parser("export", help="write annotations as a labelled dataset")
    e.add_argument("--format", default="jsonl", help="output format (see 'newsgold formats')")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.add_argument("--status", default="done", choices=STATUS_CHOICES,
                   help="done: finished articles, accepted work only; any: everything not rejected")
    e.add_argument("--table", choices=("quotes", "events"), default="quotes", help="csv: which table")
    e.add_argument("--split", metavar="train=0.8,dev=0.1,test=0.1", help="write deterministic splits")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--version", metavar="adjudicated|NAME|all",
                   help="team files: which version (default: adjudicated where it exists, else the only one)")
    e.add_argument("--offsets", choices=("utf16", "codepoints"), default="utf16",
                   help="doccano: offset unit (doccano's browser UI counts UTF-16 code units)")

    ev = sub.add_parser("evaluate", help="precision/recall/F1 of the DB against a gold JSONL file")
    ev.add_argument("--gold", required=True, metavar="FILE.jsonl")
    ev.add_argument("--json", action="store_true")

    pn = sub.add_parser("evaluate-polnear", help="quote content P/R/F1 and source accuracy on a PolNeAR split")
    pn.add_argument("dir", metavar="DIR", help="a split directory with text/ and attributions/")
    pn.add_argument("--json", action="store_true")
    pn.add_argument("--limit", type=int, metavar="N", help="only the first N articles in name order")
    pn.add_argument("--model", help="spaCy pipeline to use (default: the best installed)")

    bk = sub.add_parser("backup", help="write a consistent copy of the corpus (safe while the window has it open)")
    bk.add_argument("-o", "--output", required=True, metavar="FILE",
                    help="the copy (replaced if it exists; a folder gets a file named like the corpus)")

    st = sub.add_parser("stats", help="counts of articles and annotations")
    st.add_argument("--json", action="store_true")

    sub.add_parser("formats", help="list export formats")
    sub.add_parser("models", help="list installed spaCy pipelines")

    st_ = sub.add_parser("self-test", help="check this install works (pipeline, database, window); exit 0 or 1")
    st_.add_argument("--model", help="spaCy pipeline to check (default: best installed)")
    st_.add_argument("--no-window", action="store_true", help="skip the window check (no Qt)")
    st_.add_argument("--save-grab", metavar="FILE.png", help="also save the grabbed window image")
    add_team_commands(sub)
    add_people_commands(sub)
    add_train_commands(sub)
    return p


class _NoBar:
    """What a progress bar is to a caller when nobody watches (stderr not a terminal)."""

    n = 0

    def update(self, n: int = 1) -> None:
        self.n += n

    def refresh(self) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(desc: str, total: int | None = None) -> Any:
    """tqdm on a terminal; else a stand-in, without importing tqdm (~50 ms of a scripted import's start)."""
    if not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="art", leave=False)


def _open_store(args: argparse.Namespace) -> Any:
    from desktop_app.storage import Store

    store = Store(resolve_db_path(args.db))
    if store.backup is not None:
        print(f"newsgold: schema upgraded; backup of the old file at {store.backup}", file=sys.stderr)
    return store


def _load_engine(model: str | None, taxonomy: str | None = None) -> Any:
    from desktop_app.nlp.loading import load_engine

    engine = load_engine(model, taxonomy=taxonomy)
    if engine.rule_only:
        print("newsgold: warning: no trained spaCy pipeline installed; using the rule-only pipeline "
              "(fewer suggestions)", file=sys.stderr)
    return engine


def _run_preannotate(store: Any, ids: list[str], model: str | None, n_process: int = 1, batch_size: int = 32,
                     taxonomy: str | None = None) -> int:
    from desktop_app.nlp.loading import check_model
    from desktop_app.services.preannotating import preannotate

    check_model(model)
    if not ids:
        return 0
    engine = _load_engine(model, taxonomy=taxonomy)  # preannotate() adds the corpus's speaker registry
    bar = _progress_bar("pre-annotating", len(ids))

    def progress(done: int, total: int | None, message: str) -> None:
        bar.n = done
        bar.refresh()

    try:
        return preannotate(store, engine, ids, n_process=n_process, batch_size=batch_size, progress=progress)
    finally:
        bar.close()


def _taxonomy(args: argparse.Namespace, store: Any) -> str | None:
    """--taxonomy, else the one the corpus carries (an assigned or team file), else None (bundled PLOVER)."""
    from desktop_app.services.team import corpus_taxonomy

    if args.taxonomy:
        return str(args.taxonomy)
    carried = corpus_taxonomy(store)
    return str(carried) if carried else None


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.core.taxonomy import load_taxonomy
    from desktop_app.nlp.loading import check_model
    from desktop_app.services.importing import import_paths, start_parsing

    if not args.no_preannotate:  # a wrong --model or --taxonomy is refused before anything is stored
        check_model(args.model)
        if args.taxonomy:
            load_taxonomy(args.taxonomy)
    who, claim_done = annotator_of(args), bool(args.annotator)
    # parsing starts before the corpus is opened (and migrated): see start_parsing
    parser = start_parsing(args.paths, args.format, who=who, claim_done=claim_done, as_gold=args.as_gold)
    try:
        with _open_store(args) as store:
            bar = _progress_bar("importing")

            def progress(done: int, total: int | None, message: str) -> None:
                bar.n = done
                bar.refresh()

            try:
                summary = import_paths(store, args.paths, fmt=args.format, progress=progress, who=who,
                                       claim_done=claim_done, parse_in_child=True, as_gold=args.as_gold,
                                       parser=parser)
            finally:
                bar.close()
            parser = None  # import_paths closed it
            for err in summary.errors:
                print(f"newsgold: rejected: {err}", file=sys.stderr)
            print(f"imported {len(summary.added)} article(s), skipped {summary.duplicates} duplicate(s), "
                  f"rejected {len(summary.errors)} input(s)")
            if not args.no_preannotate and summary.added:
                n = _run_preannotate(store, summary.added, args.model, taxonomy=_taxonomy(args, store))
                print(f"pre-annotated {n} article(s)")
    finally:
        if parser is not None:  # the corpus did not open: the child stops
            parser.close()
    return EXIT_PARTIAL if summary.errors else EXIT_OK


def cmd_preannotate(args: argparse.Namespace) -> int:
    from desktop_app.services.preannotating import pending_ids

    with _open_store(args) as store:
        ids = pending_ids(store, all_articles=args.all)
        if args.scheduler:
            from desktop_app.services.distributed import preannotate_on_cluster

            bar = _progress_bar("pre-annotating", len(ids))
            try:
                n = preannotate_on_cluster(store, args.scheduler, ids, model=args.model, taxonomy=_taxonomy(args, store),
                                           chunk=args.chunk, progress=lambda d, _t, _m: bar.update(d - bar.n))
            finally:
                bar.close()
        else:
            n = _run_preannotate(store, ids, args.model, args.n_process, args.batch_size,
                                 taxonomy=_taxonomy(args, store))
        print(f"pre-annotated {n} article(s)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.services.exporting import export

    options = {"table": args.table, "split": args.split, "seed": args.seed, "offsets": args.offsets,
               "target": args.output}
    with _open_store(args) as store:
        n = export(store, args.format, args.output, status=args.status, options=options, version=args.version)
        export_note(store, args.version)
    print(f"exported {n} article(s) as {args.format} to {args.output}")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from desktop_app.services.evaluate import evaluate, format_report, read_gold

    gold = read_gold(Path(args.gold))
    with _open_store(args) as store:
        report = evaluate(gold, lambda aid: store.get_article(aid) if store.has_article(aid) else None)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report))
    return EXIT_OK


def cmd_evaluate_polnear(args: argparse.Namespace) -> int:
    from desktop_app.services.polnear import engine_quotes, evaluate_polnear

    quotes = engine_quotes(args.model)
    report = evaluate_polnear(Path(args.dir), limit=args.limit, quotes=quotes)
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.format())
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"database: {stats['path']}")
    print(f"articles: {stats['articles']}  " + "  ".join(f"{k}: {v}" for k, v in stats["status"].items()))
    for table in ("entities", "quotes", "events"):
        states = stats[table]
        print(f"{table}: {sum(states.values())}  " + "  ".join(f"{k}: {v}" for k, v in sorted(states.items())))
    return EXIT_OK


def cmd_formats(args: argparse.Namespace) -> int:
    from desktop_app.io.exporters import EXPORT_FORMATS

    for name, fmt in sorted(EXPORT_FORMATS.items()):
        print(f"{name:10} {fmt.description}")
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    from desktop_app.nlp.loading import RULE_ONLY, default_model, installed_models

    models = installed_models()
    best = default_model()
    for name in [*models, RULE_ONLY]:
        print(("* " if name == best else "  ") + name)
    print_trained()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop_app.services.backup import backup_corpus

    result = backup_corpus(resolve_db_path(args.db), args.output)
    print(f"backed up {result.articles} article(s) from {result.source} to {result.target} "
          f"({result.size / 1e6:.1f} MB)")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_app.ui.app import run_gui

    return run_gui(args)


def cmd_self_test(args: argparse.Namespace) -> int:
    from desktop_app.services.selftest import run_self_test, use_offscreen_default

    use_offscreen_default()
    window_check = None
    if not args.no_window:
        import functools

        from desktop_app.ui.selftest_window import check_window

        save = Path(args.save_grab).resolve() if args.save_grab else None
        window_check = functools.partial(check_window, save_to=save)
    report = run_self_test(window_check, model=args.model)
    print(report.line(), file=sys.stdout if report.ok else sys.stderr)
    return report.exit_code


COMMANDS = {
    "gui": cmd_gui, "import": cmd_import, "preannotate": cmd_preannotate, "export": cmd_export,
    "evaluate": cmd_evaluate, "stats": cmd_stats, "formats": cmd_formats, "models": cmd_models,
    "self-test": cmd_self_test, "evaluate-polnear": cmd_evaluate_polnear, "backup": cmd_backup,
    **TEAM_COMMANDS,
    **PEOPLE_COMMANDS,
    **TRAIN_COMMANDS,
}


def is_corpus_file(path: Path) -> bool:
    """A corpus by its extension (existing or to be created), or any existing SQLite file."""
    if path.is_dir():
        return False
    if path.suffix.lower() in CORPUS_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:  # no SQLite connection in this process yet: reading it is harmless
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _with_gui_for_bare_files(argv: list[str]) -> list[str]:
    """``newsgold [--db X] FILE...`` -> ``newsgold [--db X] gui FILE...``."""
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] not in ("-", "--"):
        i += 2 if argv[i] in ("--db", "--annotator") else 1
    if i < len(argv) and argv[i] not in COMMANDS and argv[i] != "--":
        path = Path(argv[i])
        if path.exists() or path.suffix.lower() in CORPUS_SUFFIXES:
            return [*argv[:i], "gui", *argv[i:]]
    return argv


def _gui_targets(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Split ``gui FILE...`` into the corpus to open (``args.db``) and files to import (``args.imports``)."""
    paths = [Path(p) for p in getattr(args, "paths", None) or []]
    corpora = [p for p in paths if is_corpus_file(p)]
    others = [p for p in paths if p not in corpora]
    if len(corpora) > 1:
        parser.error("open one corpus at a time: " + ", ".join(map(str, corpora)))
    if corpora and args.db and resolve_db_path(args.db).resolve() != corpora[0].resolve():
        parser.error(f"two corpora given: --db {args.db} and {corpora[0]}")
    missing = [p for p in others if not p.exists()]
    if missing:
        parser.error("no such file or folder: " + ", ".join(map(str, missing)))
    if corpora:
        args.db = str(corpora[0])
    args.imports = [str(p) for p in others]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line as ``main`` runs it: ``newsgold FILE`` means ``gui FILE``, no command means ``gui``."""
    parser = build_parser()
    argv = _with_gui_for_bare_files(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    if args.command == "gui":
        _gui_targets(parser, args)
    return args


def report_error(exc: BaseException) -> int:
    """Print an error as ``presentation`` says (a bug's traceback goes to the log); the exit code."""
    shown = presentation(exc)
    if shown.kind == "bug":
        logged = _log_bug(exc)
        where = f"the details are in {logged}" if logged else "the details are above"
        print(f"newsgold: bug: {shown.message} -- this is a bug in NewsGold, please report it; {where}",
              file=sys.stderr)
        return EXIT_BUG
    print(f"newsgold: error: {shown.message}", file=sys.stderr)
    if shown.hint:
        print(f"newsgold: hint: {shown.hint}", file=sys.stderr)
    return EXIT_USAGE


def _log_bug(exc: BaseException) -> Path | None:
    """Append the traceback to the log file; None (and the traceback on stderr) if it cannot be written."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = _dt.datetime.now().isoformat(sep=" ", timespec="milliseconds")
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{stamp} ERROR cli (pid {os.getpid()}): newsgold {' '.join(sys.argv[1:])}\n{text}")
    except OSError:
        print(text, end="", file=sys.stderr)
        return None
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="newsgold: %(levelname)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("newsgold: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # every error, catalogued or a bug, is shown as presentation() decides
        return report_error(exc)
