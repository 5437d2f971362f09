"""Scoring extraction against gold figures: recall, precision and qualifier accuracy."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Score:
    """Counts over one or more texts; the rates are what the issue's targets are stated in."""

    true_positive: int
    false_positive: int
    false_negative: int
    qualifier_right: int

    @property
    def recall(self) -> float:
        found = self.true_positive + self.false_negative
        return self.true_positive / found if found else 1.0

    @property
    def precision(self) -> float:
        claimed = self.true_positive + self.false_positive
        return self.true_positive / claimed if claimed else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_right / self.true_positive if self.true_positive else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positive + other.true_positive,
            self.false_positive + other.false_positive,
            self.false_negative + other.false_negative,
            self.qualifier_right + other.qualifier_right,
        )


def gold_spans(text: str, gold: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, qualifier) of each gold (context, amount): the amount found inside its context."""
    spans = []
    for context, amount, qualifier in gold:
        at = text.find(context)
        if at < 0:
            raise ValueError(f"gold context not in text: {context}")
        start = at + context.index(amount)
        spans.append((start, start + len(amount), qualifier))
    return spans


def score(candidates: pd.DataFrame, spans: list[tuple[int, int, str]]) -> Score:
    """A candidate is right when its quote overlaps a gold amount (one candidate per gold)."""
    matched: set[int] = set()
    true_positive = qualifier_right = 0
    for row in candidates.itertuples(index=False):
        start, end = row.start, row.start + len(row.quote)
        hit = next(
            (i for i, (s, e, _) in enumerate(spans) if i not in matched and start < e and s < end),
            None,
        )
        if hit is None:
            continue
        matched.add(hit)
        true_positive += 1
        qualifier_right += row.qualifier == spans[hit][2]
    false_positive = len(candidates) - true_positive
    return Score(true_positive, false_positive, len(spans) - len(matched), qualifier_right)
