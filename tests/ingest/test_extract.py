"""Extraction: what counts as a figure in Chinese government prose, and what does not."""

import pandas as pd
import pytest

from ingest.evaluate import gold_spans, score
from ingest.extract import PlaceMatcher, extract_candidates, guess_field
from metrics.load import load_dataset
from tests.conftest import DATA
from tests.ingest.eval_texts import EVAL_SET

DATASET = load_dataset(DATA)


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("北京医疗机构累计派专家250余人次。", "250余人次", 250, "人次", "more_than"),
        ("带动近千人增收。", "近千人", 1000, "人", "about"),
        ("销售农畜产品超200亿元。", "超200亿元", 2e10, "元", "more_than"),
        ("参加培训1.91万人次。", "1.91万人次", 19100, "人次", "exact"),
        ("到位资金2.13亿元。", "2.13亿元", 2.13e8, "元", "exact"),
        ("销售额同比增长72%。", "同比增长72%", 72, "%", "growth"),
        ("进出口总额增长20%以上。", "增长20%以上", 20, "%", "growth_at_least"),
        ("产量提高到原来的2倍。", "2倍", 2, "倍", "exact"),
        ("新增合作项目100项左右。", "100项左右", 100, "项", "about"),
        ("已引入9家人驻创新中心。", "9家", 9, "家", "exact"),
        ("打通两条省际瓶颈路。", "两条", 2, "条", "exact"),
        ("种植葡萄3.5万亩。", "3.5万亩", 35000, "亩", "exact"),
        ("全年用电1.2亿度。", "1.2亿度", 1.2e8, "度", "exact"),
    ],
)
def test_extracts_the_figure_with_its_qualifier(text, quote, value, unit, qualifier):
    row = extract_candidates(text).iloc[0]
    assert (row["quote"], row["value"], row["unit"], row["qualifier"]) == (
        quote,
        value,
        unit,
        qualifier,
    )


def test_two_figures_in_one_phrase():
    assert list(extract_candidates("覆盖7个盟市31个旗县。")["quote"]) == ["7个", "31个"]


@pytest.mark.parametrize(
    "text",
    [
        "2025年3月21日印发。",
        "鄂府发〔2025〕8号文件。",
        "登记证第0174号。",
        "G109国道改线。",
        "借助“832”平台销售。",
        "市政府第8次常务会议。",
        "京蒙协作第20个年头。",
        "联系电话：0477-8581234。",
        "本文阅读量：1.2万次。",
        "实施六个“倍增计划”。",
        "系统实施一批重点工程。",
        "市委五届九次全会部署。",
    ],
)
def test_dates_numbers_codes_and_names_are_not_figures(text):
    assert extract_candidates(text).empty, extract_candidates(text)["quote"].tolist()


def test_digit_boundaries_are_respected():
    assert list(extract_candidates("新建12个中心。")["quote"]) == ["12个"]


def test_a_repeated_headline_figure_is_kept_once():
    text = "派专家250余人次。\n据统计，派专家250余人次，开展手术630余例次。"
    assert list(extract_candidates(text)["quote"]) == ["250余人次", "630余例次"]


def test_field_and_place_come_from_the_sentence():
    matcher = PlaceMatcher.from_places(DATASET.places)
    row = extract_candidates("乌海7家本地医院与北京对口医院精准对接。", matcher).iloc[0]
    assert (row["field"], row["place"]) == ("医疗", "乌海市")
    assert guess_field("今天天气很好") == ""


def curated_gold(source_id: str) -> list[tuple[str, str, str]]:
    figures = DATASET.figures[DATASET.figures["source_id"] == source_id]
    return list(zip(figures["quote"], figures["amount"], figures["qualifier"], strict=True))


def eval_gold(text: str, gold: list) -> list[tuple[str, str, str]]:
    return [(quote, quote, qualifier) for quote, _, _, qualifier in gold]


def test_extraction_meets_its_targets_on_the_evaluation_set():
    """recall ≥ 95%, precision ≥ 90%, qualifier right ≥ 95% over sources + written texts."""
    total = None
    for source_id, text in DATASET.texts.items():
        result = score(extract_candidates(text), gold_spans(text, curated_gold(source_id)))
        total = result if total is None else total + result
    for text, gold in EVAL_SET:
        total = total + score(extract_candidates(text), gold_spans(text, eval_gold(text, gold)))
    assert total.recall >= 0.95, total
    assert total.precision >= 0.90, total
    assert total.qualifier_accuracy >= 0.95, total


def test_evaluation_values_and_units_match_the_gold():
    for text, gold in EVAL_SET:
        found = extract_candidates(text).set_index("quote")
        for quote, value, unit, _ in gold:
            matches = [q for q in found.index if quote in q or q in quote]
            assert matches, quote
            row = found.loc[matches[0]]
            assert (row["value"], row["unit"]) == (value, unit), quote


def test_score_counts_misses_and_false_alarms():
    candidates = pd.DataFrame(
        {"quote": ["5家", "8名"], "start": [2, 10], "qualifier": ["exact"] * 2}
    )
    result = score(candidates, [(2, 4, "exact"), (20, 23, "about")])
    assert (result.true_positive, result.false_positive, result.false_negative) == (1, 1, 1)
    assert result.recall == 0.5 and result.precision == 0.5
