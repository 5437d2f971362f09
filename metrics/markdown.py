"""Text from outside (URL values, stored records) shown through Streamlit markdown, made inert."""

from __future__ import annotations

import re

# Characters that start markdown syntax: links and images [](), emphasis * _ ~, code `, HTML and
# entities < > &, tables |, headings #, math $, :colour[]/:emoji: directives and URL schemes :,
# e-mail autolinks @, and the backslash itself. Digits, dots and % stay as typed (1.91万, 20%).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|<>~$:&@])")
_LINE_START = re.compile(r"^(\s*)([.+\-=>])")  # list items, setext headings, quotes
_WWW = re.compile(r"(?i)(www)\.")
# GFM turns bare URLs and e-mail addresses into links after escapes are resolved, so an escape
# alone does not stop https://…, www.… or a@b.c: an invisible word joiner before the : . @ does.
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(\\[:@])")


def escape_markdown(text: object) -> str:
    """`text` as markdown that displays literally: [x](https://…) shows as typed, not as a link."""
    flat = " ".join(str(text).splitlines())  # a line break could start a heading or a list
    escaped = _SPECIAL.sub(r"\\\1", flat)
    escaped = _WWW.sub(rf"\1{_JOINER}\\.", _LINE_START.sub(r"\1\\\2", escaped))
    return _AUTOLINK.sub(rf"{_JOINER}\1", escaped)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table of `rows` under `header`, every cell escaped (drawn as static HTML by
    st.markdown: no data grid or Arrow table for a few fixed lines of text)."""
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join(
        "| " + " | ".join(c if i == 1 else escape_markdown(c) for c in line) + " |"
        for i, line in enumerate(lines)
    )
