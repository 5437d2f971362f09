"""Chinese quantities: one parser (250余人次 → 250, 人次, more_than) and one formatter back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from metrics.vocab import QUALIFIERS, UNITS

CN_DIGITS = "零〇一二两三四五六七八九十百千"
SCALES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# Round numbers that Chinese writes as a word after 近 (近百家, 近千人).
ROUND_WORDS: dict[int, str] = {10: "十", 100: "百", 1000: "千", 10**4: "万"}

_PREFIX_QUALIFIERS: dict[str, str] = {
    "同比增长": "growth",
    "增长": "growth",
    "超过": "more_than",
    "突破": "more_than",
    "超": "more_than",
    "近": "about",
    "约": "about",
}
MAX_QUANTITY = 1e18  # larger is a typo, not a figure (and beyond float's exact integers)

# The pieces of a quantity, shared with ingest/extract.py (which finds quantities in running text).
PREFIX_RE = rf"(?P<prefix>{'|'.join(_PREFIX_QUALIFIERS)})?"
NUMBER_RE = rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}]+)"
SCALE_RE = rf"(?P<more1>余|多)?(?P<scale>{'|'.join(SCALES)})?(?P<more2>余|多)?"
SUFFIX_RE = r"(?P<suffix>以上|左右)?"
_QUANTITY_RE = re.compile(
    rf"^{PREFIX_RE}(?P<number>{NUMBER_RE}){SCALE_RE}(?P<unit>.*?){SUFFIX_RE}$"
)


class QuantityError(ValueError):
    """A text that is not a quantity this parser understands."""


class QuantityTooLarge(QuantityError):
    """A quantity beyond any plausible figure (a typo or a hostile input), never stored."""


@dataclass(frozen=True)
class Quantity:
    """A number in base units with its unit and qualifier."""

    value: float
    unit: str
    qualifier: str


def parse_number(token: str) -> float:
    """Arabic or Chinese numeral to a number: '1.91' → 1.91, '两' → 2, '百' → 100, '千' → 1000."""
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if not token or any(ch not in CN_DIGITS for ch in token):
        raise QuantityError(f"不是数字：{token!r}")
    # cn2an rejects a bare 百 or 千 ("近百家", "千名"); Chinese means one hundred, one thousand.
    normalized = "一" + token if token[0] in "十百千" else token
    normalized = normalized.replace("〇", "零")
    try:
        return float(cn2an.cn2an(normalized, "smart"))
    except (ValueError, OverflowError) as error:
        raise QuantityError(f"无法识别的中文数字：{token!r}") from error


def parse_quantity(text: str) -> Quantity:
    """Parse '250余人次', '50亿元以上', '近百家', '1.91万人次', '增长20%以上' into a Quantity."""
    compact = text.strip().replace("％", "%")
    match = _QUANTITY_RE.match(compact)
    if not match:
        raise QuantityError(f"无法识别的数量：{text!r}")
    unit = match["unit"]
    if unit and unit not in UNITS:
        raise QuantityError(f"未知单位“{unit}”：{text!r}")
    # Scaled in decimal: 67.4 * 10**8 in binary floats is 6740000000.000001.
    value = float(
        Decimal(repr(parse_number(match["number"]))) * SCALES.get(match["scale"] or "", 1)
    )
    if not value < MAX_QUANTITY:  # also inf and nan; Decimal in _tidy fails from 10^22
        raise QuantityTooLarge(f"数字过大：{text[:40]!r}")
    qualifier = _qualifier(match["prefix"], bool(match["more1"] or match["more2"]), match["suffix"])
    return Quantity(value=_tidy(value), unit=unit, qualifier=qualifier)


def _qualifier(prefix: str | None, has_more: bool, suffix: str | None) -> str:
    """Combine the qualifier words found around a number into one QUALIFIERS value."""
    from_prefix = _PREFIX_QUALIFIERS.get(prefix or "")
    if from_prefix == "growth":
        return "growth_at_least" if suffix == "以上" else "growth"
    if suffix == "以上":
        return "at_least"
    if suffix == "左右":
        return "about"
    if has_more:
        return "more_than"
    return from_prefix or "exact"


def _tidy(value: float) -> float:
    """Remove binary noise from decimal arithmetic (1.91 * 10000 → 19100.0)."""
    return float(round(Decimal(repr(value)), 6))


def format_number(value: float) -> tuple[str, str]:
    """Split a number into its digits and its 万/亿 scale word: 19100 → ('1.91', '万')."""
    magnitude = abs(value)
    for word, scale in SCALES.items():  # largest first
        if magnitude >= scale:
            return _digits(Decimal(repr(value)) / scale), word
    return _digits(Decimal(repr(value))), ""


def _digits(number: Decimal) -> str:
    """At most four decimals, no trailing zeros: 1.9100 → '1.91', 250.0 → '250'."""
    rounded = round(number, 4)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(value: float, unit: str, qualifier: str = "exact") -> str:
    """Show a number the Chinese way with its qualifier: 3900余人次, 50亿元以上, 近百家, 增长20%以上."""
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    if qualifier == "about" and value in ROUND_WORDS:
        return f"近{ROUND_WORDS[int(value)]}{unit}"
    digits, scale = format_number(value)
    if qualifier == "more_than":
        return f"{digits}{scale}余{unit}"
    if qualifier == "about":
        return f"约{digits}{scale}{unit}"
    if qualifier == "at_least":
        return f"{digits}{scale}{unit}以上"
    if qualifier == "growth":
        return f"增长{digits}{scale}{unit}"
    if qualifier == "growth_at_least":
        return f"增长{digits}{scale}{unit}以上"
    return f"{digits}{scale}{unit}"
