"""What the map and 数据来源 slides say about their material: which lines the picture draws
besides the 京蒙 ones, and what each source supplied."""

from __future__ import annotations

import pandas as pd

from briefing.text import TEXT
from metrics.citation import sources_behind
from metrics.relations import count_relations, in_scope, sides
from metrics.vocab import OTHER_SIDE

NAMED_PARTNERS = 3  # other partners named on the map slide, then '等'


def link_counts(links: pd.DataFrame) -> str:
    """'已实现 12 条、计划 3 条': 京蒙 relations, one per (source sentence, pair of places), with
    achieved and planned apart ('' without any). Rows flagged `jingmeng` False are not counted."""
    if "jingmeng" in links:
        links = links[links["jingmeng"]]
    return status_counts(links)


def status_counts(links: pd.DataFrame) -> str:
    """'已实现 12 条、计划 3 条' for all of `links` (relations counted as link_counts does)."""
    counts = count_relations(links)
    return "、".join(TEXT["link_status"][status].format(n=n) for status, n in counts.items() if n)


def supplied_by(
    sources: pd.DataFrame, figures: pd.DataFrame, links: pd.DataFrame, task_sources: list[str]
) -> pd.DataFrame:
    """The sources behind the deck's figures, links and plan tasks (sources.csv order), each
    with what it supplied: column `supplied`, e.g. '数字、合作关系' (a plan that only names the
    医疗 partners of a 医疗 deck reads '合作关系', not as if it gave the figures)."""
    given = {
        "figures": set(figures["source_id"]),
        "links": set(links["source_id"]),
        "tasks": set(task_sources),
    }
    wanted = pd.DataFrame({"source_id": sorted(set().union(*given.values()))})
    rows = sources_behind(wanted, sources)
    what = [
        "、".join(TEXT["supplied_kinds"][kind] for kind, ids in given.items() if source in ids)
        for source in rows["source_id"]
    ]
    return rows.assign(supplied=what)


def map_subtitle(links: pd.DataFrame, places: pd.DataFrame) -> str:
    """The map slide's subtitle: the 京蒙 relations counted, and on a second line the other lines
    the picture draws (区外 partners, named; 区内 links), counted by the same function."""
    jingmeng = links["jingmeng"] if "jingmeng" in links else pd.Series(True, index=links.index)
    inner = links.index.isin(in_scope(links, places, "inner").index)
    others = links[~jingmeng.to_numpy() & ~inner]
    line = TEXT["map_sub"].format(counts=link_counts(links) or TEXT["map_none"])
    parts = []
    if len(others):
        names = partner_names(others, places)
        parts.append(TEXT["map_sub_partners"].format(names=names, counts=status_counts(others)))
    if inner.any():
        parts.append(TEXT["map_sub_inner"].format(counts=status_counts(links[inner])))
    return line + ("\n" + TEXT["map_sub_others"].format(parts="；".join(parts)) if parts else "")


def partner_names(links: pd.DataFrame, places: pd.DataFrame) -> str:
    """'蒙古国、上海市、东三省等': the partners outside Inner Mongolia and Beijing with the most
    relations first (NAMED_PARTNERS of them, then 等)."""
    start, end = sides(links, places)
    names = pd.concat(
        [links.loc[start == OTHER_SIDE, "from_name"], links.loc[end == OTHER_SIDE, "to_name"]]
    )
    counted = {}
    for name in dict.fromkeys(names):
        touching = links[(links["from_name"] == name) | (links["to_name"] == name)]
        counted[name] = sum(count_relations(touching).values())
    ranked = sorted(counted, key=lambda name: -counted[name])
    more = TEXT["map_more"] if len(ranked) > NAMED_PARTNERS else ""
    return "、".join(ranked[:NAMED_PARTNERS]) + more
