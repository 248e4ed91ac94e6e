"""200 SIGKILLs of a process making annotation edits; prints how many edits were verified.

Usage: python bench/crash_kill.py [ROUNDS]  (run from the repository root)
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.kill_harness import run


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        results = run(Path(tmp) / "kill.sqlite3", rounds=rounds, seed=2026)
        elapsed = time.perf_counter() - t0
    in_flight = Counter(r.in_flight or "none" for r in results)
    print(f"kills: {len(results)}  integrity ok: {sum(r.integrity == 'ok' for r in results)}")
    print(f"committed edits verified: {sum(r.committed for r in results)}")
    print(f"edit in flight at the kill: {dict(in_flight)}")
    print(f"elapsed: {elapsed:.1f} s")


if __name__ == "__main__":
    main()
