"""Text → candidate figures: every quantity with its qualifier, unit, sentence, field and place."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ingest.guess import guess_field, guess_field_at, guess_kind, guess_partner, is_about_beijing
from ingest.tables import table_candidates, table_spans
from metrics.places import split_aliases
from metrics.quantity import (
    CN_DIGITS,
    NUMBER_RE,
    PREFIX_RE,
    SCALE_RE,
    SCALES,
    SUFFIX_RE,
    Quantity,
    QuantityError,
    QuantityTooLarge,
    parse_quantity,
)
from metrics.vocab import UNITS

__all__ = ["CANDIDATE_COLUMNS", "PlaceMatcher", "extract_candidates", "guess_field"]

CANDIDATE_COLUMNS = [
    "quote",
    "value",
    "unit",
    "qualifier",
    "field",
    "place",
    "partner",
    "beijing",
    "indicator",
    "kind",
    "period",
    "sentence",
    "start",
]
# Longest first, so 人次 wins over 人 and 个月 over 个 (％ is made % before matching).
_UNITS_RE = "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True)))
_SCALE_CHARS = "".join(dict.fromkeys("".join(SCALES)))  # 万亿
# People counted without a measure word: 7.08万农牧民, 2000余名 is covered by 名 already.
# The head noun may carry up to six characters before it: 8.9万建档立卡贫困人口.
PEOPLE = ("农牧民", "农牧户", "群众", "人口", "劳动力", "学生", "患者", "游客", "师生", "居民",
          "职工", "党员", "干部")  # fmt: skip
QUANTITY_RE = re.compile(
    rf"{PREFIX_RE}(?<![\d.{CN_DIGITS}第])(?P<number>{NUMBER_RE}){SCALE_RE}"
    rf"(?:(?P<unit>{_UNITS_RE})|(?<=[{_SCALE_CHARS}\d])(?P<people>[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(PEOPLE)})))"
    rf"{SUFFIX_RE}"
)
SENTENCE_END = "。！？!?；;\n"


@dataclass(frozen=True)
class PlaceMatcher:
    """Finds the first known place name (or alias) in a sentence, longest names first."""

    names: tuple[tuple[str, str], ...]  # (alias, canonical)

    @classmethod
    def from_places(cls, places: pd.DataFrame) -> PlaceMatcher:
        """The matcher of every place name and alias of two characters or more."""
        pairs = []
        for name, aliases in zip(places["name"], places["aliases"], strict=True):
            for alias in [name, *split_aliases(aliases)]:
                if len(alias) >= 2:
                    pairs.append((alias, name))
        return cls(tuple(sorted(pairs, key=lambda p: -len(p[0]))))

    def find(self, text: str) -> str:
        """The place named first in `text` (the longest name at a position), or ''."""
        hits = [
            (text.find(alias), -len(alias), name) for alias, name in self.names if alias in text
        ]
        return min(hits)[2] if hits else ""

    def find_last(self, text: str) -> str:
        """The place named last in `text` (the one nearest a number that follows it)."""
        hits = [
            (text.rfind(alias), len(alias), name) for alias, name in self.names if alias in text
        ]
        return max(hits)[2] if hits else ""


_DURATION_AFTER = ("小时", "钟头", "分钟", "工作日", "星期")  # not 天: 5个天然气站
_DURATION_BEFORE = re.compile(
    r"(不到|不足|历时|用时|用了|耗时|长达|仅用|施工期|工期|周期|建设期|为期)$"
)


def _is_duration(text: str, start: int, end: int, match: re.Match) -> bool:
    """Durations and travel times (不到2个小时, 施工期不足5个月, 历时3年) are not figures; nor are
    phases of a project (一期工程)."""
    if text.startswith(_DURATION_AFTER, end):
        return True
    if match["unit"] == "个月" and _DURATION_BEFORE.search(text[max(0, start - 4) : start]):
        return True
    return match["unit"] == "期" and text.startswith(("工程", "项目", "建设"), end)


# A multiple measured against a base (比上年增加近一倍, 同比增长1倍) is a relative change, not a
# figure; a stated multiple (提高到原来的2倍, 翻2倍) stays one.
_CHANGE_BEFORE = re.compile(
    r"[比较][\u4e00-\u9fff]{0,6}?(增加|增长|提高|减少|下降|上升)了?(近|约|超过|超)?$"
)


def _is_relative_change(text: str, start: int, match: re.Match) -> bool:
    """Whether the number is a multiple compared with a base period (比上年增加近一倍)."""
    return match["unit"] == "倍" and bool(_CHANGE_BEFORE.search(text[max(0, start - 12) : start]))


def _is_excluded(text: str, start: int, end: int, match: re.Match) -> bool:
    """Dates, ordinals, document numbers, codes, names, durations and relative changes are not
    figures."""
    if _is_duration(text, start, end, match) or _is_relative_change(text, start, match):
        return True
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    number = match["number"]
    if re.match(r"[年月日号时届级]", after) or after.startswith("年代"):
        return True
    if before.endswith(("〔", "[", "第", "G", "S", "K")) or re.search(r"[A-Za-z]$", before):
        return True
    if (
        number.isdigit()
        and len(number) == 4
        and 1900 <= int(number) <= 2100
        and match["unit"] is None
        and not match["scale"]
    ):  # 2024学生: a year before a noun (a year before a measure word is rare: 2100余名)
        return True
    if re.search(r"(阅读|浏览|点击|播放)(量|数)?[：:]?\s*$", text[max(0, start - 6) : start]):
        return True  # page-view counters
    if match["unit"] == "次" and text[end : end + 2] in ("全会", "会议", "常务", "党代"):
        return True  # 五届九次全会: a session number
    if number == "一" and match["unit"] in ("批", "个", "项", "次", "场", "条"):
        return True  # 一批、一项: a way of speaking, not a count
    # 六个“倍增计划”: a count in words that names a programme (but 23场“线上+线下” is a figure).
    if (
        not number[0].isdigit()
        and text[end : end + 1] == "“"
        and 0 < text.find("”", end) - end <= 12
    ):
        return True
    # A short quoted name such as “六个倍增计划” or “832” is a programme, not a figure.
    opening, closing = text.rfind("“", 0, start), text.rfind("”", 0, start)
    return opening > closing and text.find("”", end) != -1 and text.find("”", end) - opening <= 12


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    rights = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def _indicator(text: str, sentence_start: int, start: int) -> str:
    """The words just before the number within its clause: '派专家', '服务患者'."""
    clause = re.split(r"[，,、：:（(]", text[sentence_start:start])[-1]
    clause = re.sub(r"^(累计|共|已|并|还|同时|其中|通过|组织|开展|实现|完成)", "", clause.strip())
    return clause[-12:]


def _quantity(match: re.Match, quote: str) -> Quantity:
    """The quantity a match stands for; people counted without a measure word are 人."""
    if match["people"]:
        counted = match.group(0)[: match.start("people") - match.start()] + "人"
        return parse_quantity(counted + (match["suffix"] or ""))
    return parse_quantity(quote.replace("％", "%"))


def _in_headline(text: str, at: int) -> bool:
    """Whether position `at` is in the title (one of the first three lines, short, no full stop),
    whose figures the body repeats."""
    line_start = text.rfind("\n", 0, at) + 1
    if text.count("\n", 0, line_start) >= 3:
        return False
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) <= 40 and not any(ch in line for ch in "。；;！？")


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the table lines blanked out (same length, so offsets still hold)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def extract_candidates(text: str, places: PlaceMatcher | None = None) -> pd.DataFrame:
    """Every quantity in `text` as a candidate figure (columns CANDIDATE_COLUMNS), text order:
    prose quantities, then the number cells of tables (lines of cells joined by ' | ').

    A quantity repeated verbatim in the same sentence context (a headline and its body) is
    kept once. Numbers too large for any figure are left out and listed in attrs["too_large"].
    """
    spans = table_spans(text)
    normalized = _masked(text.replace("％", "%"), spans)
    about_beijing = is_about_beijing(text)
    rows, seen, too_large = [], set(), []
    for match in QUANTITY_RE.finditer(normalized):
        start, end = match.span()
        number_start = match.start("number")
        if _is_excluded(normalized, number_start, end, match):
            continue
        quote = text[start:end]
        try:
            quantity = _quantity(match, quote)
        except QuantityTooLarge:
            too_large.append(quote)
            continue
        except QuantityError:
            continue
        left, right = _sentence_bounds(normalized, start, end)
        sentence = text[left:right].strip()
        key = (quote, _indicator(normalized, left, number_start))
        if key in seen or (quote, "headline") in seen:
            continue
        seen.add(key)
        if _in_headline(normalized, start):
            seen.add((quote, "headline"))
        partner, beijing = guess_partner(normalized, start, end, (left, right), about_beijing)
        rows.append(
            {
                "quote": quote,
                "value": quantity.value,
                "unit": quantity.unit.replace("％", "%"),
                "qualifier": quantity.qualifier,
                "field": guess_field_at(normalized, start, end, (left, right)),
                "place": places.find(sentence) if places else "",
                "partner": partner,
                "beijing": beijing,
                "indicator": key[1],
                "kind": guess_kind(sentence),
                "period": "",
                "sentence": sentence,
                "start": start,
            }
        )
    rows += table_candidates(text, places, about_beijing)
    candidates = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    candidates.attrs["too_large"] = too_large  # numbers no figure can hold: the caller says so
    return candidates
