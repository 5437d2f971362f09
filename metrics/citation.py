"""How a source is named: its title by id, its full citation line, a short list of titles (the
words around them are passed in by ui/labels/ or briefing/text.py), the sources behind some
rows and how current they are."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd


def source_titles(sources: pd.DataFrame) -> dict[str, str]:
    """Source id → title."""
    return dict(zip(sources["source_id"], sources["title"], strict=True))


def citation(row: Mapping, author_label: str) -> str:
    """'《title》 publisher 文号 date 作者：x' for a source or card row (not escaped)."""
    parts = [f"《{row['source_title'] if 'source_title' in row else row['title']}》"]
    parts += [row[c] for c in ("publisher", "doc_number", "published") if row.get(c)]
    if row.get("author"):
        parts.append(f"{author_label}：{row['author']}")
    return " ".join(parts)


def titles_line(source_ids: list[str], sources: pd.DataFrame, limit: int, more: str) -> str:
    """《甲》；《乙》 — the first `limit` titles, then `more` ({line}, {n}) when there are more."""
    titles = source_titles(sources)
    named = [f"《{titles[s]}》" for s in source_ids if s in titles]
    line = "；".join(named[:limit])
    return more.format(line=line, n=len(named)) if len(named) > limit else line


def sources_behind(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources that the rows of `table` come from, in sources.csv order."""
    ids = set(table["source_id"].unique().tolist())
    # a set look-up per source: pandas' isin of Arrow strings costs ~5 ms for 1000 sources
    keep = np.fromiter((s in ids for s in sources["source_id"].tolist()), bool, len(sources))
    return sources[keep].reset_index(drop=True)


def sources_as_of(sources: pd.DataFrame) -> str:
    """The most recent date the sources themselves give (publication date, else their year), or ''.

    Not the date they were imported (`retrieved`): a briefing states how current its sources are.
    A source known only by its year (a news feature of 2025) may be later than any dated one of
    that year, so then only the year is true: '2025年', not '2025-03-21'.
    """
    published = sources.get("published", pd.Series("", index=sources.index)).fillna("").astype(str)
    period = sources.get("period", pd.Series("", index=sources.index)).fillna("").astype(str)
    latest = max((d for d in published if d), default="")
    undated = [p[:4] for d, p in zip(published, period, strict=True) if not d and p]
    if undated and max(undated) >= latest[:4]:
        return f"{max(undated)}年"
    return latest
