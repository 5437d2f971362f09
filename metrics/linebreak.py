"""Where a line of Chinese may break without splitting a word: after punctuation, a space or a
particle (的、与), before an opening bracket; never inside 企业 or 乌海市.

Without a dictionary the places between two Han characters are unknown, so only these are
offered; a run longer than a whole line still breaks between characters (as it must).
"""

from __future__ import annotations

import re
from itertools import pairwise

AFTER = set(" \u3000，、。；：！？）》」』”’·—…,;:!?")  # a line may end with these
BEFORE = set("（《「『“‘")  # a line may start with these (not ASCII '(': 校(园)长 is one word)
PARTICLES = set("的与")  # the next word starts after them (和 is also in 呼和浩特: not here)
NO_START = set("，、。；：！？）》」』”’·…,;:!?)%")  # never at the start of a line
SOFT_BREAK = "\u200b"  # zero-width space: a break a browser may take, invisible otherwise
WORD_JOINER = "\u2060"  # invisible: no break on either side (2025-03-21 after its hyphens)
NO_BREAK_SPACE = "\u00a0"  # a space no line ends at (6 条: a number stays with its unit)
JOINED = re.compile(r"(?<=[0-9])([-/])(?=[0-9])")  # 2025-03-21, 5/9: a browser breaks after - or /
NUMBER_SPACE = re.compile(r"(?<=[0-9]) (?=\S)")


def char_em(char: str) -> float:
    """About how wide a character is in em: a Han character or full-width sign 1, ASCII 0.6."""
    return 0.6 if ord(char) < 128 else 1.0


def text_em(text: str) -> float:
    """About how wide `text` is in em (char_em of each character)."""
    return sum(char_em(c) for c in text)


def break_points(text: str) -> list[int]:
    """The positions i (0 < i < len) where `text` may break into text[:i] and text[i:]."""
    points = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in NO_START or before in BEFORE or _after_number(text, i):
            continue
        if before in AFTER or before in PARTICLES or after in BEFORE:
            points.append(i)
    return points


def _after_number(text: str, i: int) -> bool:
    """Whether position i follows 'digit + space' (6 条, 第 5/9 页): no line ends there."""
    return i >= 2 and text[i - 1] == " " and "0" <= text[i - 2] <= "9"


def line_marks(text: str) -> str:
    """`text` for HTML that wraps with CSS word-break: keep-all: SOFT_BREAK at its break points
    (soft_breaks), and where a browser would still break what must stay whole, a joiner: a
    number and its unit (6\u00a0条), a date or fraction after its - or / (2025-03-21, 5/9)."""
    # A space is a break already: no soft break after it (the text reads and searches as typed).
    marked = NUMBER_SPACE.sub(NO_BREAK_SPACE, soft_breaks(text).replace(" " + SOFT_BREAK, " "))
    return JOINED.sub(lambda found: found.group(1) + WORD_JOINER, marked)


def soft_breaks(text: str) -> str:
    """`text` with SOFT_BREAK at each break point: with CSS word-break: keep-all a browser then
    wraps there, not between any two Han characters."""
    pieces, start = [], 0
    for point in break_points(text):
        pieces.append(text[start:point])
        start = point
    return SOFT_BREAK.join([*pieces, text[start:]])


def wrap_text(text: str, width: float) -> list[str]:
    """`text` in as few lines of at most `width` em as its break points allow, the longest of
    them as short as possible (入驻乌海· / 信息谷创新中心的企业, not …的企 / 业); a piece wider
    than a line is broken between characters, never before closing punctuation."""
    if text_em(text) <= width:
        return [text]
    cuts = [0, *break_points(text), len(text)]
    pieces = []
    for piece in (text[a:b] for a, b in pairwise(cuts)):
        while text_em(piece) > width:
            head, piece = _cut(piece, width)
            pieces.append(head)
        pieces.append(piece)
    return [line.rstrip(" \u3000") for line in _fewest_even_lines(pieces, width)]


def _fewest_even_lines(pieces: list[str], width: float) -> list[str]:
    """Pieces (each within `width`) joined into lines: fewest lines, then the shortest longest
    line (dynamic programming from the end)."""
    best: list[tuple[int, float, int]] = [(0, 0.0, len(pieces))] * (len(pieces) + 1)
    for start in range(len(pieces) - 1, -1, -1):
        choice, used = None, 0.0
        for end in range(start + 1, len(pieces) + 1):
            used += text_em(pieces[end - 1])
            if used > width:
                break
            lines, longest, _ = best[end]
            option = (lines + 1, max(longest, used), end)
            if choice is None or option[:2] < choice[:2]:
                choice = option
        best[start] = choice
    lines, start = [], 0
    while start < len(pieces):
        end = best[start][2]
        lines.append("".join(pieces[start:end]))
        start = end
    return lines


def _cut(text: str, width: float) -> tuple[str, str]:
    """The longest head of `text` within `width` em (at least one character) and the rest,
    moved back so the rest does not start with closing punctuation."""
    used, end = 0.0, 0
    while end < len(text) and used + char_em(text[end]) <= width:
        used += char_em(text[end])
        end += 1
    end = max(end, 1)
    while 1 < end < len(text) and text[end] in NO_START:
        end -= 1
    return text[:end], text[end:]
