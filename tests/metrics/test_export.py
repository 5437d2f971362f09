"""Downloads: CSV that Chinese Excel opens as UTF-8, xlsx with figures, sources and filters."""

import io

import openpyxl
import pandas as pd

from metrics.export import filters_sheet, labelled, to_csv_bytes, to_xlsx_bytes

TABLE = pd.DataFrame({"indicator": ["北京医疗机构派出专家"], "display": ["250余人次"], "x": [1]})


def test_csv_starts_with_a_bom_and_round_trips():
    data = to_csv_bytes(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").equals(TABLE)


def test_labelled_keeps_and_renames_only_labelled_columns_in_order():
    shown = labelled(TABLE, {"display": "数量", "indicator": "指标"})
    assert list(shown.columns) == ["数量", "指标"]


def test_xlsx_has_one_sheet_per_table_with_chinese_text():
    data = to_xlsx_bytes(
        {"数字": TABLE, "筛选条件": filters_sheet({"field": ("医疗",)}, {"field": "领域"})}
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["数字", "筛选条件"]
    assert workbook["数字"]["A2"].value == "北京医疗机构派出专家"
    assert [c.value for c in workbook["筛选条件"][2]] == ["领域", "医疗"]


def test_filters_sheet_says_when_nothing_is_filtered():
    assert filters_sheet({}, {}).iloc[0].tolist() == ["（无）", "全部数据"]
