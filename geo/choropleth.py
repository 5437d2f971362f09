"""The rows a choropleth layer colours: one per banner (旗区), from the plan's banner profiles."""

from __future__ import annotations

import pandas as pd


def choropleth_values(profiles: pd.DataFrame, tip: str) -> pd.DataFrame:
    """Banner profiles (metrics.plan.banner_profiles) as choropleth rows: name, value = task
    count, tip_body = `tip` (a format with {positioning}, {count}, {ids}: ui/labels) filled in
    with the banner's positioning and the tasks that name it."""
    tips = [
        tip.format(positioning=r.positioning or "—", count=r.task_count, ids=r.task_ids)
        for r in profiles.itertuples(index=False)
    ]
    return pd.DataFrame(
        {"name": profiles["name"], "value": profiles["task_count"], "tip_body": tips}
    )
