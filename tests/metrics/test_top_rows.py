"""The first KPI cards and headline tiles are picked without sorting every figure: the same rows
as a full computation, on a dataset with headlines, parts and ties."""

import numpy as np
import pandas as pd

from metrics.columns import LINK_COLUMNS
from metrics.display import figure_labels
from metrics.headline import field_summary, headline_tiles
from metrics.relations import OTHER, field_group
from metrics.tables import kpi_cards
from metrics.vocab import FIELDS

SOURCES = pd.DataFrame(
    {
        "source_id": [f"s{n}" for n in range(4)],
        "title": [f"报告{n}" for n in range(4)],
        "publisher": [""] * 4,
        "author": [""] * 4,
        "doc_number": [""] * 4,
        "published": [""] * 4,
    }
)
NO_LINKS = pd.DataFrame(columns=LINK_COLUMNS)


def make_figures(count: int = 400, seed: int = 7) -> pd.DataFrame:
    """Figures in shuffled order, a few with a headline rank, some parts of others."""
    rng = np.random.default_rng(seed)
    ids = [f"f{n:04d}" for n in rng.permutation(count)]
    headline = [str(rng.integers(1, 6)) if rng.random() < 0.03 else "" for _ in range(count)]
    part_of = [""] * count
    for part in rng.choice(count, 30, replace=False):
        whole = int(rng.integers(0, count))
        if whole != part:
            part_of[part] = ids[whole]
    fields = [*FIELDS[:6], "未知领域"]
    return pd.DataFrame(
        {
            "figure_id": ids,
            "source_id": [f"s{n}" for n in rng.integers(0, 4, count)],
            "quote": ["引进企业12家"] * count,
            "amount": [""] * count,
            "value": rng.integers(1, 500, count).astype(float),
            "unit": ["家"] * count,
            "qualifier": rng.choice(["exact", "more_than", "about"], count),
            "kind": rng.choice(["achievement", "target"], count, p=[0.8, 0.2]),
            "field": rng.choice(fields, count),
            "indicator": [f"指标{n}" for n in range(count)],
            "place": ["呼和浩特市"] * count,
            "partner": [""] * count,
            "headline": headline,
            "note": [""] * count,
            "part_of": part_of,
        }
    )


def first_by_rank(rows: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The full computation: every row sorted by headline rank, then data order."""
    rank = pd.to_numeric(rows["headline"], errors="coerce").fillna(float("inf"))
    return rows.assign(_r=rank, _s=range(len(rows))).sort_values(["_r", "_s"]).head(limit)


def test_first_cards_are_the_first_of_the_full_sorted_list():
    figures = make_figures()
    full = kpi_cards(figures, SOURCES)
    assert (full["part_note"] != "").sum() >= 20  # parts and wholes are related
    for limit in (1, 5, 12, 60, 399, 400, 500):
        pd.testing.assert_frame_equal(kpi_cards(figures, SOURCES, limit), full.head(limit))


def test_first_cards_of_a_filtered_frame_keep_notes_relating_to_other_figures():
    figures = make_figures(seed=11)
    chosen = figures[figures["field"] == FIELDS[0]]
    full = kpi_cards(chosen, SOURCES)
    pd.testing.assert_frame_equal(kpi_cards(chosen, SOURCES, 12), full.head(12))


def test_headline_tiles_are_ranked_first_then_in_data_order():
    figures = make_figures(seed=3)
    for kind in ("achievement", "target"):
        order = first_by_rank(figures[figures["kind"] == kind], 5)
        tiles = headline_tiles(figures, kind, 5)
        assert list(tiles["figure_id"]) == list(order["figure_id"])
        assert list(tiles["label"]) == list(figure_labels(order))


def test_field_summary_counts_every_figure_of_each_group():
    figures = make_figures(seed=5)
    summary = field_summary(figures, NO_LINKS).set_index("field")
    groups = figures["field"].map(field_group)
    for field, row in summary.iterrows():
        mine = figures[groups == field]
        assert row["result_count"] == (mine["kind"] == "achievement").sum()
        assert row["target_count"] == (mine["kind"] == "target").sum()
        top = first_by_rank(mine[mine["kind"] == "achievement"], 2)
        labels = figure_labels(top)
        assert row["results"] == "；".join(
            f"{indicator} {label}"
            for indicator, label in zip(top["indicator"], labels, strict=True)
        )
    assert OTHER in summary.index
