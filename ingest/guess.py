"""Guesses about a number from the words around it: its field, its partner (Beijing or not) and
whether it is a target or an achievement. Clause first, then sentence, then heading."""

from __future__ import annotations

import re

from metrics.vocab import FIELD_WORDS

UNKNOWN = "unknown"
_WORDS = sorted(
    ((word, field) for field, words in FIELD_WORDS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_FIELD_RE = re.compile("|".join(re.escape(word) for word, _ in _WORDS))
_FIELD_OF = dict(_WORDS)
# Words that name the kind of thing counted but not its field when another field word qualifies
# them (科技项目, 医疗项目, 帮扶项目 …).
GENERIC_WORDS = frozenset({"项目", "合作项目"})

# Beijing and its districts and institutions (the partner this dashboard is about).
BEIJING_WORDS: dict[str, str] = {
    name: name if name.endswith("区") else "北京市"
    for name in (
        "北京", "京蒙", "首都", "中关村", "东城区", "西城区", "朝阳区", "海淀区", "丰台区",
        "石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区",
        "平谷区", "密云区", "延庆区", "赴京", "进京", "在京", "来京",
    )
}  # fmt: skip
BEIJING_WORDS |= {"北京": "北京市", "京蒙": "北京市", "首都": "北京市"}
# Other partners of Inner Mongolia (provinces, cities, their own cooperation brands).
OTHER_PARTNERS: dict[str, str] = {
    "天津": "天津市", "津兴": "天津市", "河北": "河北省", "江苏": "江苏省", "南京": "江苏省",
    "苏州": "江苏省", "上海": "上海市", "浙江": "浙江省", "福建": "福建省", "广东": "广东省",
    "深圳": "广东省", "山东": "山东省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
    "陕西": "陕西省", "榆林": "陕西省", "宁夏": "宁夏回族自治区", "甘肃": "甘肃省",
    "山西": "山西省", "安徽": "安徽省", "重庆": "重庆市", "四川": "四川省", "长三角": "长三角",
    "粤港澳": "粤港澳大湾区",
}  # fmt: skip
# A region's own programmes (全区招聘教师, 全盟粮食产量): not a partner's contribution.
OWN_PROGRAMME = re.compile(r"^(全区|全市|全盟|全旗|自治区|全自治区)|[，,](全区|全市|全盟|全旗)")
_PARTNER_RE = re.compile(
    "|".join(re.escape(w) for w in sorted([*BEIJING_WORDS, *OTHER_PARTNERS], key=len, reverse=True))
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])")
TARGET_WORDS = ("目标", "力争", "计划", "争取", "将", "预计", "确保", "实现")
DONE_WORDS = ("已", "累计", "共", "完成", "实现了", "达到", "开展", "引进", "签约")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest ，；：。 on each side."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    found = _CLAUSE_BREAK.search(text, end)
    return left, found.start() if found else len(text)


def nearest_field(text: str, at: int) -> str:
    """The field of the field word nearest before position `at` (else nearest after), '' if none.
    Of words ending at the same place the longest wins (科技合作项目 over 项目)."""
    before, after = [], []
    for match in _FIELD_RE.finditer(text):
        (before if match.end() <= at else after).append(match)
    # finditer takes the longest word at each position; overlapping shorter words are skipped.
    if before:
        nearest = max(before, key=lambda m: (m.end(), len(m.group())))
        if nearest[0] in GENERIC_WORDS:  # 科技项目: the word that qualifies 项目 tells the field
            qualifying = [m for m in before if 0 <= nearest.start() - m.end() <= 2]
            nearest = qualifying[-1] if qualifying else nearest
        return _FIELD_OF[nearest[0]]
    if after:
        return _FIELD_OF[min(after, key=lambda m: (m.start(), -len(m.group())))[0]]
    return ""


def heading_before(text: str, at: int) -> str:
    """The nearest heading above position `at`: a numbered line (一、 （一） 1.) or a short line."""
    lines = text[:at].split("\n")
    for line in reversed(lines):
        if _HEADING.match(line):
            return re.split(r"[。：:]", line, maxsplit=1)[0]
    short = [line for line in lines[:-1] if line.strip() and len(line) <= 30 and "。" not in line]
    return short[-1] if short else ""


def guess_field_at(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The field of the number at [start, end): clause, then sentence, then heading; 'unknown'."""
    left, right = clause_bounds(text, start, end)
    field = nearest_field(text[left:right], start - left)
    if not field:
        field = nearest_field(text[sentence[0] : sentence[1]], start - sentence[0])
    if not field:
        heading = heading_before(text, sentence[0] + 1)
        field = nearest_field(heading, len(heading))
    return field or UNKNOWN


def guess_field(sentence: str) -> str:
    """The field a piece of text points to on its own ('' when nothing does)."""
    return nearest_field(sentence, len(sentence))


def _partner_in(text: str, at: int) -> tuple[str, bool] | None:
    """(partner, is Beijing) named nearest before `at` in `text` (else nearest after), or None."""
    hits = list(_PARTNER_RE.finditer(text))
    if not hits:
        return None
    before = [m for m in hits if m.end() <= at]
    match = before[-1] if before else hits[0]
    word = match.group()
    return (BEIJING_WORDS[word], True) if word in BEIJING_WORDS else (OTHER_PARTNERS[word], False)


def guess_partner(
    text: str, start: int, end: int, sentence: tuple[int, int], about_beijing: bool
) -> tuple[str, str]:
    """(partner, beijing yes/no/unknown) of the number at [start, end): the partner named in its
    clause, else its sentence; a region's own programme is 'no'; else the document's partner."""
    left, right = clause_bounds(text, start, end)
    found = _partner_in(text[left:right], start - left)
    whole = text[sentence[0] : sentence[1]]
    own = bool(OWN_PROGRAMME.search(whole.strip()))
    if found is None:
        named_before = _PARTNER_RE.search(whole, 0, max(start - sentence[0], 0)) is not None
        found = _partner_in(whole, start - sentence[0]) if named_before or not own else None
        others = [m for m in _PARTNER_RE.finditer(whole) if m.group() in OTHER_PARTNERS]
        if found and found[1] and others:  # Beijing and another named: the other is the subject
            found = (OTHER_PARTNERS[others[0].group()], False)
    if found is not None:
        return found[0], "yes" if found[1] else "no"
    if own:
        return "", "no"
    return ("北京市", "yes") if about_beijing else ("", "unknown")


def is_about_beijing(text: str) -> bool:
    """Whether a document is about the Beijing–Inner Mongolia cooperation at all."""
    return _PARTNER_RE.search(text) is not None and any(word in text for word in BEIJING_WORDS)


def guess_kind(sentence: str) -> str:
    """target for what a plan sets out to do, achievement for what was done."""
    if any(word in sentence for word in DONE_WORDS) and not re.search(
        r"力争|目标|争取|到20\d\d年", sentence
    ):
        return "achievement"
    return "target" if any(word in sentence for word in TARGET_WORDS) else "achievement"
