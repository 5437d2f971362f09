"""The action plan's structure: sections, tasks (三（五） → 3.5) and their responsible units."""

from __future__ import annotations

import re

import pandas as pd

from metrics.columns import TASK_COLUMNS

CN_ORDINALS = "一二三四五六七八九十"
# The closing section has no (责任单位：…) note; its duties are stated in the prose itself.
GUARANTEE_SECTION = "保障措施"

_SECTION_RE = re.compile(rf"^([{CN_ORDINALS}])、(.+)$")
_ITEM_RE = re.compile(rf"^（([{CN_ORDINALS}]+)）(.+)$")
_DUTY_RE = re.compile(r"（责任(?:单位|部门)：(?P<units>[^（）]+)）\s*$")
_PLACE_ONLY_RE = re.compile(r"^[\u4e00-\u9fff]{2,5}(?:区|旗|县|市)$")
_GOVERNMENT = "人民政府"


def ordinal(chinese: str) -> int:
    """Chinese ordinal up to 十九: '三' → 3, '十二' → 12."""
    if chinese.startswith("十"):
        return 10 + (CN_ORDINALS.index(chinese[1]) + 1 if len(chinese) > 1 else 0)
    return CN_ORDINALS.index(chinese) + 1


def split_responsible(units: str) -> list[str]:
    """Split '市能源局、市水利局，东胜区、康巴什区人民政府' into units, sharing the 人民政府 suffix."""
    result: list[str] = []
    for group in re.split(r"[，,；;]", units):
        parts = [part.strip() for part in group.split("、") if part.strip()]
        if parts and parts[-1].endswith(_GOVERNMENT):
            # '东胜区、康巴什区、伊金霍洛旗人民政府' names three governments, not two places.
            parts = [p + _GOVERNMENT if _PLACE_ONLY_RE.match(p) else p for p in parts]
        result.extend(re.sub(r"等部门$", "", part) for part in parts)
    return result


def parse_plan_tasks(text: str, source_id: str) -> pd.DataFrame:
    """Every task of the plan: one row per （一）… item, plus the closing 保障措施 paragraph.

    Output columns: TASK_COLUMNS; `text` and `title` are verbatim substrings of the plan,
    `responsible` joins the units with 、, `targets` is left empty for the caller.
    """
    rows: list[dict[str, object]] = []
    section_no, section = 0, ""
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines):
        if heading := _SECTION_RE.match(line):
            section_no, section = ordinal(heading[1]), heading[2].strip()
            if section == GUARANTEE_SECTION:
                rows.append(_guarantee_row(section_no, _next_paragraph(lines, index)))
            continue
        if section_no and (item := _ITEM_RE.match(line)):
            rows.append(_item_row(section_no, section, ordinal(item[1]), item[2]))
    if not rows:
        raise ValueError("行动方案中没有找到任何任务条目（（一）…）")
    return pd.DataFrame(rows, columns=TASK_COLUMNS).assign(source_id=source_id)


def _item_row(section_no: int, section: str, item_no: int, body: str) -> dict[str, object]:
    """One （n）title。text（责任单位：…） item."""
    duty = _DUTY_RE.search(body)
    if duty is None:
        raise ValueError(f"任务 {section_no}.{item_no} 缺少“责任单位”：{body[:30]}…")
    title, _, rest = body[: duty.start()].partition("。")
    return {
        "task_id": f"{section_no}.{item_no}",
        "section_no": section_no,
        "section": section,
        "item_no": item_no,
        "title": title,
        "text": rest.strip(),
        "responsible": "、".join(split_responsible(duty["units"])),
        "targets": "",
    }


def _guarantee_row(section_no: int, paragraph: str) -> dict[str, object]:
    """The 保障措施 paragraph: the lead unit is whoever '负责' the monthly dispatch."""
    lead = re.findall(r"(市[\u4e00-\u9fff]+?局)负责", paragraph)
    shared = re.match(r"^(.+?)按照职能职责", paragraph)
    units = lead + (split_responsible(shared[1]) if shared else [])
    return {
        "task_id": f"{section_no}.1",
        "section_no": section_no,
        "section": GUARANTEE_SECTION,
        "item_no": 1,
        "title": GUARANTEE_SECTION,
        "text": paragraph,
        "responsible": "、".join(units),
        "targets": "",
    }


def _next_paragraph(lines: list[str], index: int) -> str:
    """The first non-empty line after `index`."""
    return next((line for line in lines[index + 1 :] if line), "")


def attach_targets(tasks: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Fill `targets` with the ids of target figures whose quote lies inside the task's text."""
    target_figures = figures[figures["kind"] == "target"]

    def ids_for(task_text: str) -> str:
        inside = target_figures[target_figures["quote"].map(lambda q: q in task_text)]
        return "、".join(sorted(inside["figure_id"]))

    return tasks.assign(targets=tasks["text"].map(ids_for))


def banner_profiles(tasks: pd.DataFrame, banners: list[str]) -> pd.DataFrame:
    """Per banner: its positioning in task 1.1 (verbatim clause) and how many tasks name it.

    Output columns: name, positioning, task_count, task_ids.
    """
    overview = tasks.loc[tasks["task_id"] == "1.1", "text"]
    overview_text = overview.iloc[0] if not overview.empty else ""
    rows = []
    for banner in banners:
        clause = re.search(rf"支持{banner}[^，。；]*", overview_text)
        named = tasks[
            tasks["text"].str.contains(banner) | tasks["responsible"].str.contains(banner)
        ]
        rows.append(
            {
                "name": banner,
                "positioning": clause.group() if clause else "",
                "task_count": len(named),
                "task_ids": "、".join(named["task_id"]),
            }
        )
    return pd.DataFrame(rows, columns=["name", "positioning", "task_count", "task_ids"])
