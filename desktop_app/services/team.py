"""Team gold: hand out a corpus with overlap, merge the annotators' files, adjudicate, export one version.

- :func:`assign` writes one self-contained corpus per annotator (the articles with their machine
  suggestions, the speaker registry, the taxonomy when the corpus stores one) and a manifest. The
  ``overlap`` share of the articles goes to everybody, the rest is dealt out evenly.
- :func:`merge` copies each file's work into a team file as that annotator's *versions*
  (:mod:`desktop_app.storage.versions`). Per article and annotator the newer version wins (time,
  then digest), so merging is idempotent and gives the same file in any order; nothing else is
  touched. A file whose texts differ from the team's under the same article id is refused (E301).
- :func:`adjudicate_agreed` makes the team file's working version of each article done by two or
  more annotators its *adjudicated version*: what every one of them has in their done work is
  accepted, the rest is left for a person to decide (counted as disagreements).
- :func:`export_plan` decides which version of which article an export writes, never two
  versions mixed in one article.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.core.model import Arg, Article, Entity, Event, Quote
from desktop_app.core.taxonomy import parse_taxonomy, taxonomy_text
from desktop_app.errors import E, NewsGoldError
from desktop_app.io.jsonl import visible
from desktop_app.storage import Store
from desktop_app.storage.database import now_iso
from desktop_app.storage.versions import ADJUDICATED, TeamTables, Version

#: names ``export --version`` gives a meaning of its own
RESERVED = (ADJUDICATED, "all")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TEAM_ROLE = "team"


def check_annotators(names: Sequence[str]) -> list[str]:
    """Annotator names usable as file names and version names (E303 otherwise)."""
    names = [n.strip() for n in names if n.strip()]
    if not names:
        raise NewsGoldError(E.E303, detail="give at least one name")
    bad = [n for n in names if not _NAME.match(n) or n.lower() in RESERVED]
    if bad:
        raise NewsGoldError(E.E303, detail=f"{', '.join(map(repr, bad))}: use letters, digits, '.', '_' or '-' "
                                           f"(and not {' or '.join(RESERVED)})")
    if len({n.lower() for n in names}) != len(names):
        raise NewsGoldError(E.E303, detail="each name once (case does not count)")
    return names


def corpus_id(store: Store) -> str:
    """The corpus's identity, stamped into it (and into every file assigned from it) on first use."""
    import uuid

    tables = TeamTables(store)
    found = tables.corpus_meta().get("corpus")
    if found:
        return found
    new = uuid.uuid4().hex[:16]
    tables.set_corpus_meta({"corpus": new})
    return new


# -- assign ------------------------------------------------------------------------------------
@dataclass
class Assignment:
    manifest: dict[str, Any]
    files: dict[str, Path]


def split(ids: Sequence[str], annotators: Sequence[str], overlap: float, seed: int) -> tuple[list[str],
                                                                                             dict[str, list[str]]]:
    """(shared ids, ids per annotator): ``overlap`` of the articles (rounded) to all, the rest dealt out evenly.

    Deterministic for a seed; each list keeps the corpus's order.
    """
    if not 0.0 <= overlap <= 1.0:
        raise NewsGoldError(E.E307, value=overlap)
    order = list(ids)
    random.Random(seed).shuffle(order)
    n_shared = round(overlap * len(order))
    shared = set(order[:n_shared])
    own: dict[str, set[str]] = {a: set(shared) for a in annotators}
    for i, aid in enumerate(order[n_shared:]):
        own[annotators[i % len(annotators)]].add(aid)
    position = {aid: i for i, aid in enumerate(ids)}
    return ([a for a in ids if a in shared],
            {a: sorted(own[a], key=position.__getitem__) for a in annotators})


def _fresh_copy(article: Article) -> Article:
    """The article as an annotator starts it: the machine's suggestions only, nobody's decisions."""
    def fresh(items: Iterable[Any]) -> list[Any]:
        return [replace(x, id=None) for x in items if x.state == "suggested" and x.origin != "human"]

    copy = Article(id=article.id, title=article.title, text=article.text, meta=dict(article.meta),
                   provenance=dict(article.provenance), pipeline=article.pipeline,
                   entities=fresh(article.entities), quotes=fresh(article.quotes), events=fresh(article.events))
    copy.status = "preannotated" if (copy.entities or copy.quotes or copy.events or article.pipeline) else "new"
    return copy


def assign(source: Store, annotators: Sequence[str], out_dir: str | Path, *, overlap: float = 0.2,
           seed: int = 0, taxonomy: str | Path | None = None,
           progress: Callable[[str], None] = lambda message: None) -> Assignment:
    """Write ``out_dir/NAME.sqlite3`` for each annotator and ``out_dir/manifest.json``.

    Each file carries its event taxonomy: ``taxonomy`` (a TOML file), else the one the corpus
    keeps, else the bundled PLOVER one, so every annotator tags with the same types.
    """
    names = check_annotators(annotators)
    if not 0.0 <= overlap <= 1.0:
        raise NewsGoldError(E.E307, value=overlap)
    out = Path(out_dir)
    files = {n: out / f"{n}.sqlite3" for n in names}
    for path in [*files.values(), out / "manifest.json"]:
        if path.exists():
            raise NewsGoldError(E.E304, path=path)
    corpus = corpus_id(source)
    meta = TeamTables(source).corpus_meta()
    taxonomy_toml = taxonomy_text(taxonomy) if taxonomy or "taxonomy" not in meta else meta["taxonomy"]
    ids = source.article_ids()
    shared, own = split(ids, names, overlap, seed)
    registry = TeamTables(source).registry_rows()
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        mine = set(own[name])
        with Store(files[name]) as target:
            tables = TeamTables(target)
            batch: list[tuple[Article, list[list[int]]]] = []
            for article in source.iter_articles():
                if article.id not in mine:
                    continue
                sentences = [[s.start, s.end] for s in source.sentences(article.id)]
                batch.append((_fresh_copy(article), sentences))
                if len(batch) >= 500:
                    _write_copies(target, batch)
                    batch = []
            _write_copies(target, batch)
            tables.merge_registry(registry)
            tables.set_corpus_meta({"corpus": corpus, "annotator": name, "taxonomy": taxonomy_toml})
        progress(f"{files[name]}: {len(mine)} article(s)")
    manifest = {
        "corpus": corpus, "source": str(source.path), "created_at": now_iso(), "seed": seed, "overlap": overlap,
        "articles": len(ids), "shared": shared,
        "annotators": {n: {"file": files[n].name, "articles": own[n]} for n in names},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return Assignment(manifest, files)


def _write_copies(target: Store, batch: list[tuple[Article, list[list[int]]]]) -> None:
    tables = TeamTables(target)
    with target.write():
        target.add_articles([a for a, _ in batch])
        for a, sentences in batch:
            tables.set_article_extras(a.id, pipeline=a.pipeline, sentences=sentences)


# -- merge -------------------------------------------------------------------------------------
@dataclass
class _Input:
    path: Path
    corpus: str | None
    texts: dict[str, str]
    bases: dict[str, Article]
    versions: list[Version]
    registry: list[dict[str, Any]]
    taxonomy: str | None = None


@dataclass
class MergeReport:
    target: Path
    #: per input file: the annotators it brought and the version counts (added, replaced, unchanged)
    files: list[dict[str, Any]] = field(default_factory=list)
    articles_added: int = 0


def _open_input(path: Path) -> Store:
    """An input file, read through a normal connection: closing it leaves no -wal/-shm beside an
    annotator's file (a read-only one does), and an older schema is upgraded, with a backup."""
    if not path.is_file():
        raise NewsGoldError(E.E008, str(path))
    return Store(path)


def _read_input(path: Path) -> _Input:
    with _open_input(path) as store:
        tables = TeamTables(store)
        meta = tables.corpus_meta()
        owner = meta.get("annotator")
        bases = {a.id: a for a in store.iter_articles()}
        versions: list[Version] = []
        if meta.get("role") == TEAM_ROLE:
            versions = tables.versions()
        else:
            for aid, a in bases.items():
                annotator = owner or a.annotator
                if annotator:
                    versions.append(tables.working_version(aid, annotator))
            if not versions and bases:
                raise NewsGoldError(E.E308, path=path)
        for a in bases.values():
            a.entities, a.quotes, a.events = [], [], []
        bad = sorted({v.annotator for v in versions if v.annotator.lower() in RESERVED or not _NAME.match(v.annotator)})
        if bad:
            raise NewsGoldError(E.E303, detail=f"{path}: {', '.join(map(repr, bad))} cannot be a version name")
        return _Input(path, meta.get("corpus"), {aid: a.text for aid, a in bases.items()}, bases, versions,
                      tables.registry_rows(), meta.get("taxonomy"))


def merge(target: Store, paths: Sequence[str | Path]) -> MergeReport:
    """Merge annotators' files (or team files) into ``target``; all inputs are checked before anything is written."""
    inputs = [_read_input(Path(p)) for p in paths]
    tables = TeamTables(target)
    known = tables.article_texts()
    where = dict.fromkeys(known, str(target.path))
    corpus = tables.corpus_meta().get("corpus")
    corpus_from = str(target.path)
    for inp in inputs:
        if inp.corpus:
            if corpus and inp.corpus != corpus:
                raise NewsGoldError(E.E302, path=inp.path, found=inp.corpus, other=corpus_from, expected=corpus)
            if not corpus:
                corpus, corpus_from = inp.corpus, str(inp.path)
        for aid, text in inp.texts.items():
            if aid in known and known[aid] != text:
                raise NewsGoldError(E.E301, path=inp.path, id=aid, other=where[aid])
            if aid not in known:
                known[aid], where[aid] = text, str(inp.path)
    report = MergeReport(Path(target.path))
    with target.write():
        have = set(tables.article_texts())
        for inp in inputs:
            new = [a for aid, a in inp.bases.items() if aid not in have]
            report.articles_added += len(tables.add_bare_articles(new))
            have.update(a.id for a in new)
            counts = tables.put_versions(inp.versions, source=str(inp.path))
            tables.merge_registry(inp.registry)
            report.files.append({"path": str(inp.path), "annotators": sorted({v.annotator for v in inp.versions}),
                                 **counts})
        facts = {"role": TEAM_ROLE}
        if corpus:
            facts["corpus"] = corpus
        taxonomy = tables.corpus_meta().get("taxonomy") or next((i.taxonomy for i in inputs if i.taxonomy), None)
        if taxonomy:  # the team file tags with the types its annotators had
            facts["taxonomy"] = taxonomy
        tables.set_corpus_meta(facts)
    return report


# -- what a version says, as an annotator would export it as done -------------------------------------
def canonical(name: str | None, registry: dict[str, str]) -> str | None:
    """The person a name stands for (through the registry), compared without case; None stays None."""
    if name is None or not name.strip():
        return None
    folded = {k.casefold(): v for k, v in registry.items()}
    return folded.get(name.strip().casefold(), name.strip()).casefold()


def done_versions(store: Store) -> dict[str, list[Version]]:
    """Article id -> its done versions (two or more), by annotator name."""
    by_article: dict[str, list[Version]] = {}
    for v in TeamTables(store).versions():
        if v.status == "done":
            by_article.setdefault(v.article_id, []).append(v)
    return {aid: vs for aid, vs in by_article.items() if len(vs) >= 2}


def gold_of(store: Store, version: Version, bases: dict[str, Article]) -> Article:
    """A version as its done export carries it: accepted and human work only, dangling links unlinked."""
    if version.article_id not in bases:
        bases[version.article_id] = store.get_article(version.article_id, annotations=False)
    article = version.article(bases[version.article_id])
    article.entities, article.quotes, article.events = visible(article, "done")
    return article


def entity_key(e: Entity) -> tuple[Any, ...]:
    return (e.start, e.end, e.label)


def quote_key(q: Quote, registry: dict[str, str]) -> tuple[Any, ...]:
    return (q.start, q.end, q.kind, canonical(q.speaker, registry))


def event_key(v: Event, registry: dict[str, str]) -> tuple[Any, ...]:
    def name(a: Arg | None) -> str | None:
        return canonical(a.name if a else None, registry)

    return (v.sentence.start, v.sentence.end, v.type, name(v.actor), name(v.recipient))


# -- adjudicate ---------------------------------------------------------------------------------
@dataclass
class AdjudicationReport:
    articles: int = 0
    agreed: int = 0
    disagreements: int = 0
    finished: int = 0
    kept: int = 0  # already adjudicated, left as they were


def adjudicate_agreed(store: Store, *, who: str | None, redo: bool = False,
                      only: str | None = None) -> AdjudicationReport:
    """Accept into the adjudicated version of each article everything all its done versions agree on.

    An article already adjudicated keeps its adjudication (a person may have worked on it) unless
    ``redo``. Each article is one transaction and one undo step in the team file's change log.
    """
    tables = TeamTables(store)
    registry = store.registry()
    report = AdjudicationReport()
    bases: dict[str, Article] = {}
    for aid, versions in done_versions(store).items():
        if only is not None and aid != only:
            continue
        if tables.adjudication(aid) is not None and not redo:
            report.kept += 1
            continue
        golds = [gold_of(store, v, bases) for v in versions]
        keyed: list[dict[str, dict[tuple[Any, ...], Any]]] = []
        for g in golds:
            keyed.append({
                "entities": {entity_key(e): e for e in g.entities},
                "quotes": {quote_key(q, registry): q for q in g.quotes},
                "events": {event_key(v, registry): v for v in g.events},
            })
        agreed: dict[str, list[Any]] = {}
        disagreements = 0
        for layer in ("entities", "quotes", "events"):
            sets = [set(k[layer]) for k in keyed]
            common = set.intersection(*sets)
            disagreements += len(set.union(*sets)) - len(common)
            agreed[layer] = [keyed[0][layer][key] for key in sorted(common, key=repr)]
        spans = {e.span for e in agreed["entities"]}
        items: list[Any] = [replace(e, id=None, state="accepted") for e in agreed["entities"]]
        items += [replace(q, id=None, state="accepted",
                          speaker_entity=q.speaker_entity if q.speaker_entity in spans else None)
                  for q in agreed["quotes"]]
        items += [replace(v, id=None, state="accepted", actor=_unlinked(v.actor, spans),
                          recipient=_unlinked(v.recipient, spans))
                  for v in agreed["events"]]
        with store.write():
            current = store.get_article(aid)
            for table in ("entities", "quotes", "events"):
                for x in getattr(current, table):
                    store.delete(table, x.id, who=who)
            for item in items:
                store.add(aid, item, who=who)
            status = "done" if disagreements == 0 else "in_progress"
            store.set_status(aid, status, who=who)
            tables.record_adjudication(aid, who=who, agreed=len(items), disagreements=disagreements,
                                       basis={"versions": {v.annotator: v.digest for v in versions},
                                              "decided": []})
        report.articles += 1
        report.agreed += len(items)
        report.disagreements += disagreements
        report.finished += disagreements == 0
    return report


def _unlinked(a: Arg | None, spans: set[Any]) -> Arg | None:
    return a if a is None or a.entity is None or a.entity in spans else replace(a, entity=None)


# -- adjudicating by hand: who chose what, and taking one annotator's choice ----------------------------
LAYER_TABLES = ("entities", "quotes", "events")


@dataclass(frozen=True)
class Choice:
    """One item the annotators disagree on: who has it, and whether the adjudicated version has it now."""

    layer: str
    key: str  # JSON of the item's identity (span, label or kind or type, canonical names)
    label: str  # what a person reads: the text and what it was marked as
    chosen_by: tuple[str, ...]
    item: Any  # the first chooser's item
    taken: bool
    decided: bool


@dataclass
class AdjudicationState:
    article_id: str
    title: str
    annotators: list[str]
    agreed: int
    choices: list[Choice]
    started: bool  # the article has an adjudicated version

    @property
    def left(self) -> int:
        return sum(not c.decided for c in self.choices)


def annotator_progress(store: Store) -> dict[str, dict[str, float]]:
    """Annotator -> {status: versions, ..., "seconds": time spent} in a team file."""
    per: dict[str, dict[str, float]] = {}
    for r in TeamTables(store).progress():
        mine = per.setdefault(r["annotator"], {"seconds": 0.0})
        mine[r["status"]] = r["n"]
        mine["seconds"] += r["seconds"] or 0.0
    return dict(sorted(per.items()))


def progress_line(store: Store) -> str:
    """The status bar's team line ("amna 8 ✓ 0 … 12 min · bilal …"); "" for a corpus without versions."""
    return "  ·  ".join(f"{name} {c.get('done', 0):.0f} ✓ {c.get('in_progress', 0):.0f} … {c['seconds'] / 60:.0f} min"
                        for name, c in annotator_progress(store).items())


def _keyed(article: Article, registry: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {
        "entities": {json.dumps(entity_key(e)): e for e in article.entities},
        "quotes": {json.dumps(quote_key(q, registry)): q for q in article.quotes},
        "events": {json.dumps(event_key(v, registry)): v for v in article.events},
    }


def _label(layer: str, item: Any, text: str) -> str:
    if layer == "entities":
        return f"{text[item.start:item.end]!r} {item.label} (at {item.start})"
    if layer == "quotes":
        return f"{item.kind} quote {text[item.start:item.end][:60]!r} by {item.speaker or '(nobody)'}"
    actor = item.actor.name if item.actor and item.actor.name else "(nobody)"
    return f"{item.type} in {text[item.sentence.start:item.sentence.end][:50]!r}, actor {actor}"


def adjudication_state(store: Store, article_id: str) -> AdjudicationState | None:
    """Who chose what on an article done by two or more annotators (None for any other article)."""
    versions = [v for v in TeamTables(store).versions(article_id) if v.status == "done"]
    if len(versions) < 2:
        return None
    registry = store.registry()
    bases: dict[str, Article] = {}
    golds = {v.annotator: gold_of(store, v, bases) for v in versions}
    keyed = {name: _keyed(g, registry) for name, g in golds.items()}
    record = TeamTables(store).adjudication(article_id)
    decided = set(json.loads(record["basis"]).get("decided", [])) if record else set()
    working = store.get_article(article_id)
    working.entities, working.quotes, working.events = visible(working, "done")
    now = _keyed(working, registry)
    names = sorted(golds)
    text = bases[article_id].text
    choices, agreed = [], 0
    for layer in LAYER_TABLES:
        every = sorted(set().union(*(keyed[n][layer] for n in names)))
        for key in every:
            by = tuple(n for n in names if key in keyed[n][layer])
            if len(by) == len(names):
                agreed += 1
                continue
            item = keyed[by[0]][layer][key]
            choices.append(Choice(layer, key, _label(layer, item, text), by, item, key in now[layer],
                                  f"{layer}:{key}" in decided))
    return AdjudicationState(article_id, bases[article_id].title, names, agreed, choices, record is not None)


def decide(store: Store, article_id: str, layer: str, key: str, take: bool, *, who: str | None) -> Any:
    """Put a disputed item into the adjudicated version (``take``) or leave it out; one undo step."""
    from desktop_app.services.editing import Changes

    with store.write():
        state = adjudication_state(store, article_id)
        if state is None:
            raise NewsGoldError(E.E306, path=store.path)
        if not state.started:
            adjudicate_agreed_one(store, article_id, who=who)
            state = adjudication_state(store, article_id)
            assert state is not None
        (choice,) = [c for c in state.choices if c.layer == layer and c.key == key]
        registry = store.registry()
        working = store.get_article(article_id)
        present = [x for x in getattr(working, layer) if x.state != "rejected"
                   and key in _keyed(_only(working, layer, x), registry)[layer]]
        settled = {f"{layer}:{key}"}
        if take and not present:
            # what cannot stand beside it goes (the same span with another label, kind or actor), decided too
            for x in getattr(working, layer):
                if x.state != "rejected" and _rivals(layer, x, choice.item):
                    store.delete(layer, x.id, who=who)
                    settled.update(f"{layer}:{k}" for k in _keyed(_only(working, layer, x), registry)[layer])
            settled.update(f"{layer}:{c.key}" for c in state.choices
                           if c.layer == layer and _rivals(layer, c.item, choice.item))
            spans = {e.span for e in store.get_article(article_id).entities if e.state != "rejected"}
            store.add(article_id, _accepted(choice.item, spans), who=who)
        elif not take:
            for x in present:
                store.delete(layer, x.id, who=who)
        record = TeamTables(store).adjudication(article_id)
        basis = json.loads(record["basis"]) if record else {}
        basis["decided"] = sorted({*basis.get("decided", []), *settled})
        left = sum(not c.decided and f"{c.layer}:{c.key}" not in settled for c in state.choices)
        store.set_status(article_id, "done" if left == 0 else "in_progress", who=who)
        TeamTables(store).record_adjudication(article_id, who=who, agreed=state.agreed, disagreements=left,
                                              basis=basis)
    verb = "Took" if take else "Left out"
    return Changes(article_id, frozenset({layer}), status=True,
                   message=f"{verb} {choice.label}; {left} disagreement(s) left")


def take_annotator(store: Store, article_id: str, layer: str, key: str, annotator: str, *,
                   who: str | None) -> Any:
    """Keys 1-9: what annotator N did with this item (kept it, or did not have it)."""
    state = adjudication_state(store, article_id)
    if state is None:
        raise NewsGoldError(E.E306, path=store.path)
    (choice,) = [c for c in state.choices if c.layer == layer and c.key == key]
    return decide(store, article_id, layer, key, annotator in choice.chosen_by, who=who)


def _rivals(layer: str, x: Any, y: Any) -> bool:
    if layer == "entities":
        return bool(x.span.overlaps(y.span))
    if layer == "quotes":
        return bool(x.span == y.span)
    return bool(x.sentence == y.sentence and x.type == y.type)


def _only(article: Article, layer: str, item: Any) -> Article:
    copy = Article(id=article.id, title=article.title, text=article.text)
    setattr(copy, layer, [item])
    return copy


def _accepted(item: Any, spans: set[Any]) -> Any:
    if isinstance(item, Entity):
        return replace(item, id=None, state="accepted")
    if isinstance(item, Quote):
        return replace(item, id=None, state="accepted",
                       speaker_entity=item.speaker_entity if item.speaker_entity in spans else None)
    return replace(item, id=None, state="accepted", actor=_unlinked(item.actor, spans),
                   recipient=_unlinked(item.recipient, spans))


def adjudicate_agreed_one(store: Store, article_id: str, *, who: str | None) -> None:
    """Start one article's adjudicated version from what all agree on (what ``adjudicate --auto agreed`` does)."""
    adjudicate_agreed(store, who=who, only=article_id)


# -- export -------------------------------------------------------------------------------------
@dataclass
class ExportPlan:
    """Which version of which article an export writes: (article id, version name) in corpus order."""

    store: Store
    picks: list[tuple[str, str]]
    #: articles with several annotators' versions and no adjudication, which the default leaves out
    left_out: int = 0

    def articles(self) -> Iterator[Article]:
        tables = TeamTables(self.store)
        for aid, name in self.picks:
            if name == ADJUDICATED:
                article = self.store.get_article(aid)
                article.annotator = ADJUDICATED
                yield article
                continue
            base = self.store.get_article(aid, annotations=False)
            (version,) = tables.versions(aid, name)
            yield version.article(base)


def export_plan(store: Store, version: str | None) -> ExportPlan | None:
    """The versions an export writes; None for a corpus without versions and no ``version`` asked
    (the single-annotator path: the working version, as ever).

    ``adjudicated``: adjudicated articles only; ``NAME``: that annotator's versions; ``all``: every
    version of every article (adjudicated first, then by annotator); None (the default): the
    adjudicated version where there is one, else the only annotator's version.
    """
    tables = TeamTables(store)
    if version is None and tables.count_versions() == 0:
        return None
    adjudicated = tables.adjudicated_ids()
    by_article: dict[str, list[str]] = {}
    for v in tables.versions():
        by_article.setdefault(v.article_id, []).append(v.annotator)
    order = store.article_ids()
    done_adj = set(adjudicated)
    picks: list[tuple[str, str]] = []
    left_out = 0
    if version == ADJUDICATED:
        picks = [(aid, ADJUDICATED) for aid in adjudicated]
    elif version == "all":
        for aid in order:
            picks += [(aid, ADJUDICATED)] if aid in done_adj else []
            picks += [(aid, name) for name in by_article.get(aid, [])]
    elif version is not None:
        if version not in tables.version_annotators():
            available = ", ".join([ADJUDICATED, "all", *tables.version_annotators()])
            raise NewsGoldError(E.E305, version=version, path=store.path, available=available)
        picks = [(aid, version) for aid in order if version in by_article.get(aid, [])]
    else:
        for aid in order:
            names = by_article.get(aid, [])
            if aid in done_adj:
                picks.append((aid, ADJUDICATED))
            elif len(names) == 1:
                picks.append((aid, names[0]))
            elif names:
                left_out += 1
    return ExportPlan(store, picks, left_out)


def corpus_taxonomy(store: Store) -> Path | None:
    """The taxonomy file a corpus carries (an assigned or team file), written out once; None if it has none.

    The file is named by its content under the data folder, so opening the corpus again reuses it
    and a changed taxonomy never overwrites one in use.
    """
    import hashlib

    from desktop_app.paths import data_dir

    toml = TeamTables(store).corpus_meta().get("taxonomy")
    if not toml:
        return None
    raw = toml.encode("utf-8")
    target = data_dir() / "taxonomies" / f"{hashlib.sha256(raw).hexdigest()[:16]}.toml"
    parse_taxonomy(raw, store.path)  # a broken one is E204 naming the corpus
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(raw)
        tmp.replace(target)
    return target
