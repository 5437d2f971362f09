"""Where figures sit in their source text: spans, highlighted segments, a quote in context."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

SENTENCE_ENDS = "。！？!?\n"


@dataclass(frozen=True)
class Segment:
    """A run of source text and the figures whose quotes cover all of it (empty: plain text)."""

    text: str
    figure_ids: tuple[str, ...]


def figure_spans(text: str, figures: pd.DataFrame) -> list[tuple[int, int, str]]:
    """(start, end, figure_id) of the first occurrence of each figure's quote in `text`."""
    spans = []
    for figure_id, quote in zip(figures["figure_id"], figures["quote"], strict=True):
        start = text.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote), figure_id))
    return sorted(spans)


def highlight_segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut `text` where any span starts or ends; overlapping quotes give segments with 2+ ids."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for start, end in pairwise(cuts):
        ids = tuple(fid for s, e, fid in spans if s <= start and end <= e)
        if segments and segments[-1].figure_ids == ids:
            segments[-1] = Segment(segments[-1].text + text[start:end], ids)
        else:
            segments.append(Segment(text[start:end], ids))
    return segments


def quote_in_context(text: str, quote: str) -> tuple[str, str, str]:
    """The sentence around `quote`: (text before it, the quote, text after it) within the sentence."""
    start = text.find(quote)
    if start < 0:
        raise ValueError("引文不在原文中")
    end = start + len(quote)
    sentence_start = max(text.rfind(ch, 0, start) for ch in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(ch, end) for ch in SENTENCE_ENDS) if i >= 0]
    sentence_end = min(ends) + 1 if ends else len(text)
    return text[sentence_start:start], quote, text[end:sentence_end].rstrip("\n")
