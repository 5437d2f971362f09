"""Validation: a corrupted table fails loudly, naming the row and the reason."""

from pathlib import Path

import pandas as pd
import pytest

from metrics.load import load_dataset
from metrics.places import place_aliases
from metrics.validate import DataError


def edit_csv(path: Path, row_id_column: str, row_id: str, column: str, value: str) -> None:
    """Set one cell of a CSV in place."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[table[row_id_column] == row_id, column] = value
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("quote", "北京医疗机构累计派出专家250余人次", "引文不是来源原文的原样片段"),
        ("quote", "北京医疗机构累计派专家250余人", "数量“250余人次”不在引文中"),
        ("value", "260", "应为 250 人次 more_than"),
        ("value", "-250", "数值必须是非负数"),
        ("value", "二百五十", "数值必须是非负数"),
        ("unit", "克", "单位“克”不在允许的取值中"),
        ("qualifier", "exact", "应为 250 人次 more_than"),
        ("field", "体育", "领域“体育”不在允许的取值中"),
        ("place", "火星", "地区“火星”不是已登记的地点"),
        ("source_id", "no-such-source", "来源“no-such-source”不存在"),
        ("figure_id", "wuhai-09", "figure_id 重复"),
        ("indicator", " ", "指标名称为空"),
    ],
)
def test_load_dataset_rejects_a_bad_figure_with_its_id(data_copy, column, value, message):
    edit_csv(data_copy / "figures.csv", "figure_id", "wuhai-08", column, value)
    with pytest.raises(DataError, match="figures.csv") as error:
        load_dataset(data_copy)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        ("wuhai-12", "part_of", "wuhai-99", "part_of“wuhai-99”不是另一个已有的数字"),
        ("wuhai-12", "part_of", "wuhai-12", "不是另一个已有的数字"),
        ("wuhai-12", "part_of", "wuhai-13", "单位或类型不同"),  # 14场, not 家
        ("wuhai-16", "part_of", "wuhai-12", "小于其部分"),  # 9家 inside 4家
        ("ordos-01", "describes", "wuhai-08", "不在同一来源中"),
    ],
)
def test_load_dataset_rejects_a_bad_figure_relation(data_copy, row, column, value, message):
    edit_csv(data_copy / "figures.csv", "figure_id", row, column, value)
    with pytest.raises(DataError, match=row) as error:
        load_dataset(data_copy)
    assert message in str(error.value)


def test_figure_relations_as_the_sources_state_them():
    figures = load_dataset(Path(__file__).parents[2] / "data").figures.set_index("figure_id")
    assert figures.loc["wuhai-12", "part_of"] == "wuhai-16"  # 率先入驻 4家 of 入驻 9家
    assert figures.loc["ordos-01", "describes"] == "ordos-02"  # 50亿元以上 each, 2个 projects
    assert (figures.drop(["wuhai-12", "ordos-01"])[["part_of", "describes"]] == "").all().all()


def test_load_dataset_rejects_a_link_to_an_unknown_place(data_copy):
    edit_csv(data_copy / "links.csv", "link_id", "wuhai-l001", "from_name", "东城")
    with pytest.raises(DataError, match="wuhai-l001.*合作方“东城”"):
        load_dataset(data_copy)


def test_load_dataset_rejects_an_altered_raw_document(data_copy):
    raw = data_copy / "raw" / "wuhai-news-2025.txt"
    raw.write_bytes(raw.read_bytes().replace("9家人驻".encode(), "9家入驻".encode()))
    with pytest.raises(DataError, match="SHA-256"):
        load_dataset(data_copy)


def test_load_dataset_rejects_a_task_whose_text_is_not_in_the_plan(data_copy):
    edit_csv(data_copy / "tasks.csv", "task_id", "3.5", "text", "支持市中心医院。")
    with pytest.raises(DataError, match="3.5"):
        load_dataset(data_copy)


def test_load_dataset_rejects_a_place_with_an_unknown_parent(data_copy):
    edit_csv(data_copy / "places.csv", "name", "王府井", "parent", "西城")
    with pytest.raises(DataError, match="王府井.*西城"):
        load_dataset(data_copy)


def test_load_dataset_rejects_a_missing_column(data_copy):
    figures = pd.read_csv(data_copy / "figures.csv", dtype=str).drop(columns=["quote"])
    figures.to_csv(data_copy / "figures.csv", index=False)
    with pytest.raises(DataError, match="缺少列 quote"):
        load_dataset(data_copy)


def test_place_aliases_map_names_and_aliases_to_the_canonical_name():
    places = pd.DataFrame({"name": ["北京理工大学附属中学"], "aliases": ["北理工附中"]})
    aliases = place_aliases(places)
    assert aliases["北理工附中"] == aliases["北京理工大学附属中学"] == "北京理工大学附属中学"
    assert "北大附中" not in aliases
