"""Extraction: what counts as a figure in Chinese government prose, and what does not."""

import pandas as pd
import pytest

from ingest.evalset import Gold, load_eval_docs
from ingest.evaluate import judge, locate
from ingest.extract import PlaceMatcher, extract_candidates, guess_field
from ingest.read import read_bytes
from metrics.load import load_dataset
from tests.conftest import DATA

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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("帮扶资金11.3亿元，比上年增加近一倍。", ["11.3亿元"]),
        ("销售额同比增长1倍。", []),
        ("收入较去年提高了2倍，产量提高到原来的2倍。", ["2倍"]),
        ("力争实现销售额翻2倍。", ["2倍"]),
    ],
)
def test_a_multiple_against_a_base_period_is_a_change_not_a_figure(text, kept):
    assert list(extract_candidates(text)["quote"]) == kept


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


def test_evaluation_values_and_units_match_the_gold():
    for doc in load_eval_docs():
        text = read_bytes(doc.data, doc.suffix)
        found = extract_candidates(text).reset_index(drop=True)
        for figure, span in zip(doc.gold, locate(text, doc.gold), strict=True):
            assert span, (doc.name, figure.amount)
            hits = found[
                (found["start"] < span[1]) & (found["start"] + found["quote"].str.len() > span[0])
            ]
            assert len(hits), (doc.name, figure.amount)
            row = hits.iloc[0]
            where = (doc.name, figure.amount)
            assert row["value"] == pytest.approx(figure.value, rel=1e-12), where
            assert row["unit"] == figure.unit, where


def test_judge_counts_misses_and_false_alarms():
    candidates = pd.DataFrame(
        {"quote": ["5家", "8名"], "start": [2, 10], "qualifier": ["exact"] * 2, "field": [""] * 2}
    )
    text = "引进5家企业，培训人员8名，新建中心约3个"
    gold = [
        Gold("", "5家", 5, "家", "exact", "", None, "plain"),
        Gold("", "约3个", 3, "个", "about", "", None, "plain"),
    ]
    outcomes, unmatched = judge(candidates, text, gold, "doc", "style")
    assert [o.found for o in outcomes] == [True, False]  # one miss
    assert list(unmatched["quote"]) == ["8名"]  # one false alarm
