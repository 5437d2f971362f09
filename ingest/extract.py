"""Text → candidate figures: every quantity with its qualifier, unit, sentence, field and place."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from metrics.quantity import CN_DIGITS, QuantityError, parse_quantity

CANDIDATE_COLUMNS = [
    "quote",
    "value",
    "unit",
    "qualifier",
    "field",
    "place",
    "indicator",
    "kind",
    "sentence",
    "start",
]
# Longest first, so 人次 wins over 人 and 个月 over 个.
UNITS = sorted(
    ["人次", "例次", "个月", "场次", "人", "名", "场", "家", "个", "条", "项", "所", "批", "次",
     "元", "%", "％", "倍", "亩", "头", "度", "吨", "户", "台", "套", "座", "期", "公里"],
    key=len,
    reverse=True,
)  # fmt: skip
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}]+)"
QUANTITY_RE = re.compile(
    r"(?P<prefix>同比增长|增长|超过|突破|超|近|约)?"
    rf"(?<![\d.{CN_DIGITS}第])(?P<number>{_NUMBER})"
    r"(?P<more1>余|多)?(?P<scale>万亿|亿|万)?(?P<more2>余|多)?"
    rf"(?P<unit>{'|'.join(map(re.escape, UNITS))})"
    r"(?P<suffix>以上|左右)?"
)
SENTENCE_END = "。！？!?；;\n"
# A number followed by these is a date, an ordinal or an identifier, not a figure.
FIELD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "教育": ("教师", "校长", "学校", "教育", "课堂", "学生", "教研", "名师", "师资"),
    "医疗": ("医院", "医疗", "专家", "手术", "患者", "诊疗", "医生", "门诊", "带教", "医"),
    "科创": ("科创", "科技", "技术", "创新", "研发", "孵化", "飞地", "成果转化", "入驻", "企业"),
    "文旅": ("旅游", "文旅", "演出", "文化", "游客", "景区", "乌兰牧骑"),
    "产业": ("产业", "项目", "投资", "招商", "签约", "园区", "亿元"),
    "能源": ("电力", "能源", "绿电", "光伏", "风电", "特高压", "输电"),
    "人才": ("人才", "博士", "专家库"),
    "消费帮扶": ("消费帮扶", "农产品", "农畜产品", "销售", "采购", "进京", "直销"),
    "劳务协作": ("劳务", "就业", "务工", "转移就业", "岗位"),
    "对外开放": ("进出口", "外贸", "口岸", "中欧班列"),
}
TARGET_WORDS = ("目标", "力争", "计划", "争取", "将", "预计", "确保", "实现")
DONE_WORDS = ("已", "累计", "共", "完成", "实现了", "达到", "开展", "引进", "签约")


@dataclass(frozen=True)
class PlaceMatcher:
    """Finds the first known place name (or alias) in a sentence, longest names first."""

    names: tuple[tuple[str, str], ...]  # (alias, canonical)

    @classmethod
    def from_places(cls, places: pd.DataFrame) -> PlaceMatcher:
        pairs = []
        for name, aliases in zip(places["name"], places["aliases"], strict=True):
            for alias in [name, *filter(None, aliases.split("|"))]:
                if len(alias) >= 2:
                    pairs.append((alias, name))
        return cls(tuple(sorted(pairs, key=lambda p: -len(p[0]))))

    def find(self, text: str) -> str:
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


def _is_excluded(text: str, start: int, end: int, match: re.Match) -> bool:
    """Dates, ordinals, document numbers, codes and names are not figures."""
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
        and match["unit"] != "元"
    ):
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


def guess_field(sentence: str) -> str:
    """The field whose keywords occur most in the sentence ('' when none does)."""
    scores = {f: sum(sentence.count(word) for word in words) for f, words in FIELD_KEYWORDS.items()}
    best = max(scores.values())
    return next((f for f, s in scores.items() if s == best), "") if best else ""


def guess_kind(sentence: str) -> str:
    """target for what a plan sets out to do, achievement for what was done."""
    if any(word in sentence for word in DONE_WORDS) and not re.search(
        r"力争|目标|争取|到20\d\d年", sentence
    ):
        return "achievement"
    return "target" if any(word in sentence for word in TARGET_WORDS) else "achievement"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    rights = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def _indicator(text: str, sentence_start: int, start: int) -> str:
    """The words just before the number within its clause: '派专家', '服务患者'."""
    clause = re.split(r"[，,、：:（(]", text[sentence_start:start])[-1]
    clause = re.sub(r"^(累计|共|已|并|还|同时|其中|通过|组织|开展|实现|完成)", "", clause.strip())
    return clause[-12:]


def extract_candidates(text: str, places: PlaceMatcher | None = None) -> pd.DataFrame:
    """Every quantity in `text` as a candidate figure (columns CANDIDATE_COLUMNS), text order.

    A quantity repeated verbatim in the same sentence context (a headline and its body) is
    kept once.
    """
    normalized = text.replace("％", "%")
    rows, seen = [], set()
    for match in QUANTITY_RE.finditer(normalized):
        start, end = match.span()
        number_start = match.start("number")
        if _is_excluded(normalized, number_start, end, match):
            continue
        quote = text[start:end]
        try:
            quantity = parse_quantity(quote.replace("％", "%"))
        except QuantityError:
            continue
        left, right = _sentence_bounds(normalized, start, end)
        sentence = text[left:right].strip()
        key = (quote, _indicator(normalized, left, number_start))
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "quote": quote,
                "value": quantity.value,
                "unit": quantity.unit.replace("％", "%"),
                "qualifier": quantity.qualifier,
                "field": guess_field(sentence),
                "place": places.find(sentence) if places else "",
                "indicator": key[1],
                "kind": guess_kind(sentence),
                "sentence": sentence,
                "start": start,
            }
        )
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
