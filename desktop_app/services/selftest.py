"""``newsgold self-test``: prove an install works end to end, in one line.

Run by packagers and users after installing (frozen bundle, .deb, venv alike), it
loads the NLP pipeline and checks it finds entities, writes and reads back an
annotation in a throw-away database, and (through a callable the CLI passes in
from the ui layer, since services must not import Qt) shows and grabs the main
window.  Nothing here looks at ``sys.frozen``: the same checks run everywhere.
Everything it writes goes to a temporary folder, never to the user's files.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app import __version__

#: a sentence every English NER pipeline we ship tags (PERSON, GPE, NORP/ORG)
PROBE_SENTENCE = "Angela Merkel met Emmanuel Macron in Paris on Tuesday, the German government said."
PROBE_ARTICLE = f"{PROBE_SENTENCE}\n\nThe two leaders discussed energy prices in Brussels."

#: the ui layer's window check: gets the temp database path, returns a short detail or raises
WindowCheck = Callable[[Path], str]


class SelfTestFailure(Exception):
    """A check ran but saw something wrong (the message is the one-line reason)."""


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelfTestReport:
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(s.ok for s in self.steps)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def line(self) -> str:
        """The one line the command prints: what passed, or where and why it failed."""
        failed = next((s for s in self.steps if not s.ok), None)
        if failed is not None:
            return f"newsgold self-test: FAILED at {failed.name}: {failed.detail}"
        parts = "; ".join(f"{s.name}: {s.detail}" for s in self.steps)
        return f"newsgold self-test: OK in {self.seconds:.2f} s (newsgold {__version__}; {parts})"


def use_offscreen_default() -> None:
    """Render offscreen unless the caller chose a Qt platform (e.g. xcb under xvfb-run)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@contextmanager
def _private_home() -> Iterator[Path]:
    """A temporary NEWSGOLD_HOME so settings, logs and the test DB never touch the user's files."""
    saved = {k: os.environ.get(k) for k in ("NEWSGOLD_HOME", "NEWSGOLD_DB")}
    # ignore_cleanup_errors: on Windows a file a check left open must not turn the verdict into a traceback
    with tempfile.TemporaryDirectory(prefix="newsgold-selftest-", ignore_cleanup_errors=True) as tmp:
        os.environ["NEWSGOLD_HOME"] = tmp
        os.environ.pop("NEWSGOLD_DB", None)
        try:
            yield Path(tmp)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or "(no message)"
    return f"{type(err).__name__}: {text}"[:300]


def check_pipeline(model: str | None = None) -> str:
    """Load the pre-annotation engine and see it find entities in a plain news sentence."""
    from desktop_app.nlp.engine import EngineInput
    from desktop_app.nlp.loading import load_engine

    engine = load_engine(model)
    outputs = list(engine.annotate([EngineInput(PROBE_SENTENCE, [])]))
    if len(outputs) != 1:
        raise SelfTestFailure(f"engine {engine.name!r} returned {len(outputs)} outputs for 1 text")
    entities = outputs[0].suggestions.entities
    if engine.rule_only:
        raise SelfTestFailure(f"no trained spaCy pipeline could be loaded (engine {engine.name!r}); "
                              "reinstall, or check 'newsgold models'")
    if not entities:
        raise SelfTestFailure(f"engine {engine.name!r} found no entities in the probe sentence")
    found = ", ".join(sorted({PROBE_SENTENCE[e.start:e.end] for e in entities}))
    return f"{engine.name}: {len(entities)} entities ({found})"


def check_resources() -> str:
    """The bundled data (PLOVER taxonomy, gazetteer, demo corpus) is where the app looks for it."""
    from desktop_app.paths import resources_dir

    folder = resources_dir()
    if not folder.is_dir():
        raise SelfTestFailure(f"resources folder not found (looked for {folder})")
    files = [p for p in folder.rglob("*") if p.is_file()]
    if not files:
        raise SelfTestFailure(f"resources folder {folder} is empty")
    return f"{len(files)} files in {folder}"


def check_storage(db_path: Path) -> str:
    """Create a database, add an article and an annotation, reopen it and read both back."""
    from desktop_app.core.model import Article, Entity
    from desktop_app.storage import Store

    article = Article.from_text(PROBE_ARTICLE, title="NewsGold self-test")
    start = PROBE_ARTICLE.index("Angela Merkel")
    with Store(db_path) as store:
        added, _ = store.add_articles([article])
        if added != [article.id]:
            raise SelfTestFailure(f"article was not added to {db_path}")
        store.add(article.id, Entity(start, start + len("Angela Merkel"), "PERSON", origin="human",
                                     state="accepted"), who="self-test")
    with Store(db_path, readonly=True) as store:
        back = store.get_article(article.id)
        integrity = store.integrity_check()
    if back.text != PROBE_ARTICLE:
        raise SelfTestFailure("article text read back differs from what was written")
    if [(e.start, e.end, e.label) for e in back.entities] != [(start, start + 13, "PERSON")]:
        raise SelfTestFailure(f"annotation read back wrong: {back.entities!r}")
    if integrity != "ok":
        raise SelfTestFailure(f"integrity_check: {integrity}")
    return "wrote and read back 1 article + 1 entity"


def run_self_test(window_check: WindowCheck | None = None, *, model: str | None = None) -> SelfTestReport:
    """Run every check in order, stopping at the first failure (later ones would only add noise)."""
    report = SelfTestReport()
    t0 = time.perf_counter()
    with _private_home() as home:
        db_path = home / "selftest.sqlite3"
        steps: list[tuple[str, Callable[[], str]]] = [
            ("resources", check_resources),
            ("storage", lambda: check_storage(db_path)),
            ("pipeline", lambda: check_pipeline(model)),
        ]
        if window_check is not None:
            steps.append(("window", lambda: window_check(db_path)))
        for name, step in steps:
            s0 = time.perf_counter()
            try:
                detail, ok = step(), True
            except SelfTestFailure as err:
                detail, ok = str(err), False
            except (Exception, SystemExit) as err:  # the reason is the point: report anything
                detail, ok = _one_line(err), False
            report.steps.append(StepResult(name, ok, detail, time.perf_counter() - s0))
            if not ok:
                break
    report.seconds = time.perf_counter() - t0
    return report
