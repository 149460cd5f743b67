"""A batch of many uploads: every refusal stays in sight (found in review: 12 files dropped
the first refusals)."""

from __future__ import annotations

from workstation.ui.uploads_panel import MAX_OUTCOMES, MAX_REFUSALS, kept_outcomes


def test_the_newest_outcomes_and_every_older_refusal_are_kept() -> None:
    newest_first = [("ok", f"file {n} ok") for n in range(12, 2, -1)]
    newest_first += [("refused", "file 2 refused"), ("ok", "file 1 ok"), ("refused", "file 0")]
    kept = kept_outcomes(newest_first)
    assert kept[:MAX_OUTCOMES] == newest_first[:MAX_OUTCOMES]
    assert kept[MAX_OUTCOMES:] == [("refused", "file 2 refused"), ("refused", "file 0")]


def test_refusals_are_bounded_too() -> None:
    many = [("refused", f"file {n}") for n in range(MAX_REFUSALS + 10)]
    kept = kept_outcomes(many)
    assert len(kept) == MAX_REFUSALS and kept == many[:MAX_REFUSALS]
