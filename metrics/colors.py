"""Field colours as text: what every surface (tiles, PPTX cards) writes an amount in."""

from __future__ import annotations

import functools

WHITE_TEXT_CONTRAST = 4.5  # WCAG AA for body text


def _channels(hex_color: str) -> list[float]:
    value = hex_color.lstrip("#")
    return [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]


def luminance(hex_color: str) -> float:
    """WCAG relative luminance of a '#rrggbb' colour."""
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(hex_color)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_on_white(hex_color: str) -> float:
    """The WCAG contrast ratio of `hex_color` text on white."""
    return 1.05 / (luminance(hex_color) + 0.05)


@functools.cache
def text_shade(hex_color: str, contrast: float = WHITE_TEXT_CONTRAST) -> str:
    """`hex_color` darkened just enough to be read as text on white (contrast ≥ 4.5): the 能源
    blue #56B4E9 as an amount read 2.3:1 (a reviewer found it pale); a colour that already
    reads is kept."""
    channels = _channels(hex_color)
    for step in range(101):
        shade = "#" + "".join(f"{round(c * (1 - step / 100) * 255):02x}" for c in channels)
        if contrast_on_white(shade) >= contrast:
            return shade
    return "#000000"
