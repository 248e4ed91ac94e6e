"""Hypothesis profile for the reliability tests: no deadline (CI shares 2 cores), moderate example counts."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "reliability",
    deadline=None,
    max_examples=int(os.environ.get("NEWSGOLD_FUZZ_EXAMPLES", "40")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("CI") == "true",
)
settings.load_profile("reliability")
