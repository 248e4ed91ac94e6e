"""Article statuses read as words people use ("in progress"), never as the stored key ("in_progress")."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.core.model import ARTICLE_STATUSES
from desktop_app.services.dashboard import Chart


@pytest.mark.gui
def test_status_chart_labels_and_legend_are_human_words(qtbot: Any) -> None:
    from desktop_app.ui.charts import ChartView

    view = ChartView()
    qtbot.addWidget(view)
    statuses = list(ARTICLE_STATUSES)
    view.show_chart(Chart("status", "Articles by status", "bars", statuses, {"articles": [1] * len(statuses)},
                          "any", click="status"))
    ticks = [label for level in view.getAxis("bottom")._tickLevels for _x, label in level]
    assert "in progress" in ticks and "pre-annotated" in ticks
    assert not any("_" in t for t in ticks)
    days = ["2026-01-01", "2026-01-02"]
    view.show_chart(Chart("status-over-time", "Status over time", "bars", days,
                          {"in_progress": [1, 2], "done": [0, 1]}, "any", click="status_day"))
    legend = [label.text for _sample, label in view._legend.items]
    assert "in progress" in legend and "in_progress" not in legend
    assert {c for c, _s, *_box in view.boxes} <= set(days)  # clicks still use the stored keys
    assert {s for _c, s, *_box in view.boxes} == {"in_progress", "done"}
