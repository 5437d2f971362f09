"""Where figures sit in their source text: spans, highlighted segments, a quote in context."""

from __future__ import annotations

import re
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


def title_breaks(text: str, title: str) -> list[tuple[int, int]]:
    """(start, end) of each line break (with the blank lines and spaces around it) inside
    `title` where `text` prints the title across lines: 鄂尔多斯市 / 区域合作深化行动方案; not
    before a subtitle's dash (京蒙携手 双向奔赴 / ——全面深化…: a line of its own by design)."""
    if not title:
        return []
    pattern = re.compile(r"\s*".join(re.escape(char) for char in title))
    gaps = []
    for found in pattern.finditer(text):
        for gap in re.finditer(r"\s+", found.group()):
            if "\n" in gap.group() and not found.group()[gap.end() :].startswith("—"):
                gaps.append((found.start() + gap.start(), found.start() + gap.end()))
    return gaps


def without_spans(segments: list[Segment], spans: list[tuple[int, int]]) -> list[Segment]:
    """`segments` (cut from one text) with the characters of `spans` of that text left out:
    what a page shows, the text itself (and every quote in it) unchanged."""
    if not spans:
        return segments
    shown, offset = [], 0
    for segment in segments:
        end = offset + len(segment.text)
        if not any(start < end and offset < stop for start, stop in spans):
            shown.append(segment)
            offset = end
            continue
        kept = "".join(
            char
            for at, char in enumerate(segment.text, start=offset)
            if not any(start <= at < stop for start, stop in spans)
        )
        shown.append(Segment(kept, segment.figure_ids))
        offset = end
    return shown


def document_segments(text: str, figures: pd.DataFrame, title: str) -> list[Segment]:
    """A source text as 来源 shows it: highlight_segments of its figures' quotes, its own title
    on one line where the extracted text breaks it (the data keeps the text verbatim)."""
    segments = highlight_segments(text, figure_spans(text, figures))
    return without_spans(segments, title_breaks(text, title))
