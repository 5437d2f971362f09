"""Publishing a reviewed report: verbatim source, clause quotes, duplicates flagged not counted."""

import pandas as pd
import pytest

from ingest.extract import PlaceMatcher, extract_candidates
from ingest.publish import clause_around, publish_report, review_table
from store.db import data_revision, load_store, open_store
from store.edit import StoreError

REPORT = (
    "乌海市京蒙协作月报。北京医疗机构累计派专家250余人次，"
    "东城区组织专家赴乌海市开展义诊，服务群众1200余人次。"
    "（正文）服务群众1200余人次。"
)
META = {"title": "乌海市京蒙协作月报", "publisher": "乌海市", "published": "2025-06-30"}


@pytest.fixture
def engine(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield engine
    engine.dispose()


def reviewed(engine, text=REPORT) -> pd.DataFrame:
    data = load_store(engine)
    local = data.places["side"] == "inner_mongolia"
    candidates = extract_candidates(text, PlaceMatcher.from_places(data.places[local]))
    partners = PlaceMatcher.from_places(data.places[~local])
    return review_table(candidates, text, data.figures, "2025", partners)


def test_the_clause_around_a_number_is_its_quote():
    start = REPORT.index("250余人次")
    assert clause_around(REPORT, start, start + 6) == "北京医疗机构累计派专家250余人次"


def test_review_merges_repeats_and_guesses_place_and_partner(engine):
    table = reviewed(engine)
    assert list(table["quote"]) == ["250余人次", "1200余人次"]  # the repeat in the body merged
    row = table.set_index("quote").loc["1200余人次"]
    assert (row["place"], row["partner"]) == ("乌海市", "东城区")


def test_publish_stores_the_text_verbatim_and_every_quote_in_it(engine):
    revision = data_revision(engine)
    published = publish_report(engine, REPORT, META, reviewed(engine), "王编辑")
    data = load_store(engine)
    assert data.texts[published.source_id] == REPORT
    new = data.figures[data.figures["source_id"] == published.source_id]
    assert len(new) == len(published.figure_ids) - len(published.duplicates)
    assert all(quote in REPORT for quote in new["quote"])
    assert data_revision(engine) > revision


def test_a_figure_already_stored_from_another_report_is_flagged_not_counted(engine):
    # wuhai-08: 北京医疗机构派出专家 250余人次, 乌海市, 2025 (from the news)
    table = reviewed(engine)
    stored = load_store(engine).figures.set_index("figure_id")
    first = table.iloc[0]
    table.loc[0, ["indicator", "place"]] = [stored.loc["wuhai-08", "indicator"], "乌海市"]
    table.loc[0, "keep"] = True
    assert stored.loc["wuhai-08", "value"] == first["value"] == 250
    published = publish_report(engine, REPORT, META, table, "王编辑")
    assert list(published.duplicates.values()) == ["wuhai-08"]
    shown = load_store(engine).figures
    assert (shown["value"] == 250).sum() == (stored["value"] == 250).sum()  # counted once


def test_the_same_report_is_not_published_twice(engine):
    publish_report(engine, REPORT, META, reviewed(engine), "王编辑")
    revision = data_revision(engine)
    again = reviewed(engine)
    assert not again["keep"].any()  # every figure is now flagged as already stored
    with pytest.raises(StoreError, match="已导入过"):
        publish_report(engine, REPORT, META, again.assign(keep=True), "王编辑")
    assert data_revision(engine) == revision


@pytest.mark.parametrize(
    ("meta", "keep", "message"),
    [
        ({"title": ""}, True, "请填写报告标题"),
        ({"title": "<script>alert(1)</script>"}, True, "HTML 标记"),
        ({"published": "2025年6月"}, True, "格式"),
        ({}, False, "没有勾选任何数字"),
    ],
)
def test_a_bad_publish_writes_nothing(engine, meta, keep, message):
    table = reviewed(engine).assign(keep=keep)
    revision = data_revision(engine)
    with pytest.raises(StoreError, match=message):
        publish_report(engine, REPORT, META | meta, table, "王编辑")
    assert data_revision(engine) == revision


def test_a_table_cell_is_published_with_its_row_as_quote_and_its_header_unit(engine):
    from ingest.evalset import csv_bytes
    from ingest.read import read_bytes

    rows = [
        ["指标", "单位", "2024年"],
        ["消费帮扶交易额", "亿元", "12.3"],
        ["实施帮扶项目", "个", "153"],
    ]
    text = read_bytes(csv_bytes({"rows": rows}), ".csv")
    table = reviewed(engine, text)
    published = publish_report(engine, text, META, table, "张编辑")
    figures = load_store(engine).figures.set_index("figure_id").loc[published.figure_ids]
    assert list(figures["value"]) == [1.23e9, 153] and list(figures["unit"]) == ["元", "个"]
    assert list(figures["quote"]) == ["消费帮扶交易额 | 亿元 | 12.3", "实施帮扶项目 | 个 | 153"]
    assert list(figures["period"]) == ["2024", "2024"]
    stored = load_store(engine).texts[published.source_id]
    assert all(quote in stored for quote in figures["quote"])
