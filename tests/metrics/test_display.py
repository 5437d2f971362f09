"""The one display rule: the source's own phrase, qualifier and unit kept, targets marked."""

import pandas as pd
import pytest

from metrics.display import (
    figure_label,
    figure_labels,
    fold_parts,
    kind_mix,
    marked_label,
    part_notes,
)
from metrics.load import load_dataset
from metrics.paths import DEFAULT_DATA_DIR


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "amount", "expected"),
    [
        (250, "人次", "more_than", "250余人次", "250余人次"),
        (100, "家", "about", "近百家", "近百家"),
        (1000, "名", "exact", "千名", "千名"),
        (5e9, "元", "at_least", "50亿元以上", "50亿元以上"),
        (20, "%", "growth_at_least", "增长20%以上", "增长20%以上"),
        # An amount that no longer states the value (edited) falls back to the formatted value.
        (3000, "名", "exact", "千名", "3000名"),
        (3900, "人次", "more_than", "", "3900余人次"),
        (19100, "人次", "exact", None, "1.91万人次"),
    ],
)
def test_label_keeps_the_source_phrase_or_the_qualifier(value, unit, qualifier, amount, expected):
    assert figure_label(value, unit, qualifier, amount) == expected


def test_targets_are_marked_results_are_not():
    assert marked_label("50亿元以上", "target") == "50亿元以上（目标）"
    assert marked_label("250余人次", "achievement") == "250余人次"


def test_every_bundled_figure_label_is_its_amount_as_quoted():
    """On the curated data every label is the verbatim amount, which lies inside the quote."""
    figures = load_dataset(DEFAULT_DATA_DIR).figures
    labels = figure_labels(figures)
    assert (labels == figures["amount"]).all()
    assert all(label in quote for label, quote in zip(labels, figures["quote"], strict=True))
    marked = pd.Series(map(marked_label, labels, figures["kind"]), index=figures.index)
    assert marked[figures["kind"] == "target"].str.endswith("（目标）").all()
    assert not marked[figures["kind"] == "achievement"].str.contains("目标").any()


def test_frames_without_amount_still_label():
    frame = pd.DataFrame({"value": [100.0], "unit": ["家"], "qualifier": ["about"]})
    assert figure_labels(frame).tolist() == ["近百家"]


def test_a_part_is_shown_with_its_whole_never_as_a_sibling():
    """率先入驻 4家 is part of the 9家 入驻: one row, labelled '9家，其中 4家'."""
    figures = load_dataset(DEFAULT_DATA_DIR).figures
    innovation = figures[(figures["field"] == "科创") & (figures["unit"] == "家")]
    folded = fold_parts(innovation).set_index("figure_id")
    assert "wuhai-12" not in folded.index and len(folded) == len(innovation) - 1
    assert folded.loc["wuhai-16", "bar_text"] == "9家，其中 4家"
    assert folded.loc["wuhai-16", "parts_detail"].startswith("其中 4家：率先入驻")
    assert folded.loc["wuhai-15", "bar_text"] == "近百家"
    # Without its whole in view, a part stays a row of its own.
    alone = fold_parts(innovation[innovation["figure_id"] != "wuhai-16"])
    assert "wuhai-12" in set(alone["figure_id"])


def test_targets_carry_their_mark_in_bar_text_and_mixes_are_named():
    figures = load_dataset(DEFAULT_DATA_DIR).figures
    folded = fold_parts(figures).set_index("figure_id")
    assert folded.loc["ordos-06", "bar_text"] == "4条（目标）"
    assert folded.loc["ordos-05", "bar_text"] == "千名（目标）"
    assert kind_mix(figures["kind"]) == "mixed"
    assert kind_mix(pd.Series(["target"])) == "target"
    assert kind_mix(pd.Series(["achievement"])) == "achievement"


def test_cards_relate_a_part_and_its_whole():
    figures = load_dataset(DEFAULT_DATA_DIR).figures
    notes = dict(zip(figures["figure_id"], part_notes(figures), strict=True))
    assert notes["wuhai-16"] == "其中 4家：率先入驻乌海·信息谷创新中心的企业"
    assert notes["wuhai-12"] == "属于 9家：入驻乌海·信息谷创新中心的企业"
    assert notes["wuhai-08"] == ""


def test_fold_described_makes_a_target_and_its_items_one_line_and_one_count():
    from metrics.display import count_kinds, fold_described

    figures = pd.DataFrame(
        {
            "figure_id": ["a", "b", "c", "d"],
            "value": [2, 5e9, 4, 9],
            "unit": ["个", "元", "条", "家"],
            "qualifier": ["exact", "at_least", "exact", "exact"],
            "kind": ["target", "target", "target", "achievement"],
            "describes": ["", "a", "", ""],
            "indicator": ["引进重点项目", "单体投资规模", "电力通道", "入驻企业"],
        }
    )
    folded = fold_described(figures)
    assert list(folded["figure_id"]) == ["a", "c", "d"]
    assert folded.loc[0, "display"] == "2个，每个50亿元以上"
    assert count_kinds(figures) == (1, 2)
    alone = figures[figures["figure_id"] != "a"]  # its head filtered out: counted on its own
    assert count_kinds(alone) == (1, 2) and len(fold_described(alone)) == 3
