"""Text from outside (URL values, stored records) shown through Streamlit markdown, made inert."""

from __future__ import annotations

import re

# Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping them all
# turns links, images, emphasis, headings, HTML, :colour[] directives, $math$ and bare URLs
# (https\://…, not autolinked) into the literal text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: object) -> str:
    """`text` as markdown that displays literally: [x](https://…) shows as typed, not as a link."""
    flat = " ".join(str(text).splitlines())  # a line break could start a heading or a list
    return _PUNCTUATION.sub(r"\\\1", flat)
