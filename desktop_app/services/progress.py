"""Progress and cancellation, as plain callables so services stay free of Qt and tqdm."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

#: progress(done, total or None, message)
ProgressFn = Callable[[int, "int | None", str], None]


def no_progress(done: int, total: int | None, message: str) -> None:
    return None


@dataclass
class CancelToken:
    """Set from any thread; long operations check it between chunks."""

    cancelled: bool = False
    _reasons: list[str] = field(default_factory=list)

    def cancel(self) -> None:
        self.cancelled = True
