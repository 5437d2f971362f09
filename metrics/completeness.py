"""Completeness guard: every number in a source is inside a curated quote or explicitly ignored."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from metrics.quantity import CN_DIGITS

# Arabic numbers (with decimals) and runs of Chinese numeral characters (千, 两, 二十三…).
NUMBER_RE = re.compile(rf"\d+(?:\.\d+)?|[{CN_DIGITS}]+")


@dataclass(frozen=True)
class NumberHit:
    """A number found in a text, with where it is and the words around it."""

    token: str
    start: int
    context: str


def find_numbers(text: str, margin: int = 12) -> list[NumberHit]:
    """Every Arabic or Chinese number token in `text`, with `margin` characters of context."""
    return [
        NumberHit(m.group(), m.start(), text[max(0, m.start() - margin) : m.end() + margin])
        for m in NUMBER_RE.finditer(text)
    ]


def covered_spans(text: str, snippets: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of every occurrence of every snippet in `text`."""
    spans: list[tuple[int, int]] = []
    for snippet in filter(None, set(snippets)):
        start = text.find(snippet)
        while start != -1:
            spans.append((start, start + len(snippet)))
            start = text.find(snippet, start + 1)
    return spans


def uncovered_numbers(text: str, quotes: Iterable[str], ignored: Iterable[str]) -> list[NumberHit]:
    """Numbers of `text` that lie neither inside a curated quote nor inside an ignored snippet."""
    spans = covered_spans(text, [*quotes, *ignored])
    return [
        hit
        for hit in find_numbers(text)
        if not any(s <= hit.start and hit.start + len(hit.token) <= e for s, e in spans)
    ]


def unused_snippets(text: str, snippets: Iterable[str]) -> list[str]:
    """Ignore-list snippets that no longer occur in the text (a stale list hides nothing)."""
    return [snippet for snippet in snippets if snippet not in text]
