"""What a briefing slide is called and which fields get one: a title names what the slide holds
(成果/目标 of its figures, 已实现/计划 of its relations), and the four main fields are never filed
under 其他领域."""

from __future__ import annotations

import pandas as pd

from briefing.text import TEXT
from metrics.display import TARGET, kind_mix
from metrics.vocab import PRIMARY_FIELDS

THIN = 3  # a field with fewer figures (a main field: and fewer 京蒙 relations) shares one slide


def titled(name: str, kinds: pd.Series, statuses: pd.Series | None = None) -> str:
    """A slide title that says what the slide holds unless it is results alone: results and
    targets, targets only, targets with relations (`statuses`: 已实现 ones are no target),
    planned relations only."""
    mix = kind_mix(kinds) if len(kinds) else ""
    held = set(statuses) if statuses is not None else set()
    if mix == "mixed":
        return TEXT["mixed"].format(name=name)
    if mix == TARGET:
        key = "targets_links" if "achieved" in held else "targets_planned" if held else ""
        return TEXT[key or "targets_only"].format(name=name)
    return TEXT["planned_only"].format(name=name) if not mix and held == {"planned"} else name


def counted_links(links: pd.DataFrame) -> pd.DataFrame:
    """The relations a slide's subtitle counts (link_counts): the 京蒙 ones when flagged."""
    return links[links["jingmeng"]] if "jingmeng" in links else links


def relation_statuses(links: pd.DataFrame, listed: bool = False) -> pd.Series:
    """The statuses of the relations a slide shows, for its title: those it counts, or with
    `listed` those it lists (listed_links)."""
    if links.empty:
        return pd.Series(dtype=object)
    return (listed_links(links) if listed else counted_links(links))["status"]


def listed_links(links: pd.DataFrame) -> pd.DataFrame:
    """The relations a slide lists: the 京蒙 ones its subtitle counts (done before planned); the
    others only when there is no 京蒙 one."""
    if "jingmeng" in links and links["jingmeng"].any():
        links = counted_links(links)
    return links.sort_values("status", key=lambda s: s.ne("achieved"), kind="stable")


def own_slide(name: str, figures: int, links: pd.DataFrame) -> bool:
    """Whether a field gets a slide of its own: THIN or more figures, or for one of the four main
    fields THIN or more 京蒙 relations (文旅: no figure, six relations)."""
    return figures >= THIN or (name in PRIMARY_FIELDS and len(counted_links(links)) >= THIN)


def other_name(names: list[str]) -> str:
    """The shared slide's name: 其他领域, or naming the main fields on it (文旅及其他领域; 医疗、文旅
    when it holds main fields only), which are no 'other' field."""
    primary = [n for n in names if n in PRIMARY_FIELDS]
    if not primary:
        return TEXT["other"]
    joined = "、".join(primary)
    return joined if len(primary) == len(names) else TEXT["other_with"].format(names=joined)
