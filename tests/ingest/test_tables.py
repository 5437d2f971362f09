"""Tables in reports: docx, pdf, xlsx and csv tables read as tables; each number cell a figure
with its row label and column header, its row as a verbatim quote, place and period."""

import subprocess
import sys

import pytest

from ingest.evalset import EVAL_DIR, csv_bytes, docx_bytes, xlsx_bytes
from ingest.extract import PlaceMatcher, extract_candidates
from ingest.publish import clause_around
from ingest.read import read_bytes
from metrics.load import load_places
from tests.conftest import DATA, ROOT

PLACES = PlaceMatcher.from_places(load_places(DATA / "places.csv"))
MERGED = {
    "sheet": "9月调度",
    "paragraphs": ["鄂尔多斯市京蒙协作调度表（2025年9月）"],
    "rows": [
        ["鄂尔多斯市京蒙协作调度表（2025年9月）", "", "", ""],
        ["旗区", "教育", "", "医疗"],
        ["", "结对学校（所）", "培训教师（人次）", "远程会诊（例次）"],
        ["东胜区", "12", "340", "210"],
        ["达拉特旗", "10", "280", "176"],
    ],
    "merges": [[0, 0, 0, 3], [1, 0, 2, 0], [1, 1, 1, 2]],
}


def cells(text: str) -> dict[str, dict]:
    found = extract_candidates(text, PLACES)
    return {f"{row.indicator}={row.quote}": row._asdict() for row in found.itertuples()}


@pytest.mark.parametrize(("build", "suffix"), [(xlsx_bytes, ".xlsx"), (docx_bytes, ".docx")])
def test_merged_cells_and_two_line_headers(build, suffix):
    text = read_bytes(build(MERGED), suffix)
    found = cells(text)
    row = found["东胜区 教育 结对学校（所）=12"]
    assert (row["value"], row["unit"], row["field"], row["place"]) == (12, "所", "教育", "东胜区")
    assert row["period"] == "2025-09"
    assert found["达拉特旗 医疗 远程会诊（例次）=176"]["unit"] == "例次"
    assert len(found) == 6


def test_the_quote_is_the_row_and_a_verbatim_substring_of_the_stored_text():
    text = read_bytes(xlsx_bytes(MERGED), ".xlsx")
    for row in extract_candidates(text, PLACES).itertuples():
        assert row.sentence in text and text[row.start : row.start + len(row.quote)] == row.quote
        row_text = clause_around(text, row.start, row.start + len(row.quote))
        assert row_text in text and row_text.startswith(("东胜区", "达拉特旗"))


def test_a_unit_column_and_a_growth_column():
    spec = {
        "rows": [
            ["指标", "单位", "2023年", "2024年", "增长"],
            ["消费帮扶交易额", "亿元", "10.6", "12.3", "16.0%"],
            ["转移就业人数", "万人", "1.21", "1.36", "12.4%"],
        ]
    }
    found = cells(read_bytes(csv_bytes(spec), ".csv"))
    assert found["消费帮扶交易额 2024年=12.3"]["value"] == 1.23e9
    assert found["消费帮扶交易额 2024年=12.3"]["period"] == "2024"
    assert found["转移就业人数 2023年=1.21"]["value"] == 12100
    assert found["转移就业人数 增长=12.4%"]["qualifier"] == "growth"
    assert found["转移就业人数 增长=12.4%"]["field"] == "劳务协作"


def test_index_column_and_text_columns_are_not_figures():
    spec = {
        "paragraphs": ["附件：任务完成情况表"],
        "rows": [
            ["序号", "任务", "责任单位", "目标值", "完成值"],
            ["1", "新增合作项目（个）", "市发改委", "20", "23"],
            ["2", "销售农畜产品（万元）", "市商务局", "10000", "13600"],
        ],
    }
    found = extract_candidates(read_bytes(docx_bytes(spec), ".docx"), PLACES)
    assert list(found["quote"]) == ["20", "23", "10000", "13600"]
    assert list(found["kind"]) == ["target", "achievement"] * 2
    assert found.iloc[3]["value"] == 1.36e8 and found.iloc[3]["unit"] == "元"


def test_a_pdf_statistics_table_is_read_as_a_table():
    text = read_bytes((EVAL_DIR / "15_pdf_statistics.pdf").read_bytes(), ".pdf")
    assert "财政帮扶资金 | 亿元 | 3.9 | 4.7 | 20.5%" in text
    found = cells(text)
    assert found["财政帮扶资金 2024年=4.7"]["value"] == 4.7e8
    assert found["财政帮扶资金 2024年=4.7"]["place"] == "兴安盟"


def test_prose_around_a_table_is_not_read_twice():
    spec = {
        "paragraphs": ["全年完成任务6项。"],
        "rows": [["指标", "完成"], ["结对学校（所）", "26"]],
    }
    found = extract_candidates(read_bytes(docx_bytes(spec), ".docx"))
    assert list(found["quote"]) == ["6项", "26"]


def test_cli_reads_xlsx_and_csv_with_the_csv_contract(tmp_path):
    for name, data in [("m.xlsx", xlsx_bytes(MERGED)), ("m.csv", csv_bytes(MERGED))]:
        path = tmp_path / name
        path.write_bytes(data)
        result = subprocess.run(
            [sys.executable, "-m", "ingest", str(path)], cwd=ROOT, capture_output=True, check=False
        )
        lines = result.stdout.decode("utf-8").splitlines()
        assert result.returncode == 0, result.stderr.decode("utf-8")
        assert lines[0].startswith("quote,value,unit,qualifier,field,place,")
        assert {"partner", "beijing"} <= set(lines[0].split(","))
        assert len(lines) == 1 + 6


def test_the_committed_pdf_fixture_is_what_its_spec_builds():
    import yaml

    from ingest.evalset import CJK_FONT, LATIN_FONT, pdf_bytes

    if not (CJK_FONT.exists() and LATIN_FONT.exists()):
        pytest.skip("fonts for rebuilding the pdf fixture are not installed")
    spec = yaml.safe_load((EVAL_DIR / "15_pdf_statistics.yaml").read_text(encoding="utf-8"))
    rebuilt = read_bytes(pdf_bytes(spec), ".pdf")
    assert rebuilt == read_bytes((EVAL_DIR / "15_pdf_statistics.pdf").read_bytes(), ".pdf")


@pytest.mark.parametrize(
    ("quote", "amount", "value", "unit", "qualifier", "ok"),
    [
        ("消费帮扶交易额 | 亿元 | 12.3", "12.3", 1.23e9, "元", "exact", True),
        ("转移就业人数 | 万人 | 1.36 | 12.4%", "12.4%", 12.4, "%", "growth", True),
        ("消费帮扶交易额 | 亿元 | 12.3", "12.3", 1.5e9, "元", "exact", False),
        ("消费帮扶交易额 | 亿元 | 12.3", "12.3", 12.3, "元", "about", False),
        ("消费帮扶交易额亿元12.3", "12.3", 1.23e9, "元", "exact", False),
    ],
)
def test_a_table_cell_amount_must_match_its_value_at_a_scale(
    quote, amount, value, unit, qualifier, ok
):
    import pandas as pd

    from metrics.validate import DataError, validate_figures

    figure = {"figure_id": "t-01", "source_id": "s", "quote": quote, "amount": amount,
              "value": value, "unit": unit, "qualifier": qualifier, "kind": "achievement",
              "field": "综合", "indicator": "交易额", "place": "", "partner": "", "period": "",
              "headline": "", "note": ""}  # fmt: skip
    frame = pd.DataFrame([figure])
    if ok:
        assert validate_figures(frame)["value"].iloc[0] == value
    else:
        with pytest.raises(DataError):
            validate_figures(frame)


def test_a_filled_schedule_read_as_a_report_skips_task_numbers():
    from tests.schedule.helpers import blank, fill, row_of

    data = blank()
    r = row_of(data, "5.1")
    found = extract_candidates(read_bytes(fill(data, {f"G{r}": "推进中", f"I{r}": 18}), ".xlsx"))
    assert list(found["quote"]) == ["18"] and list(found["kind"]) == ["achievement"]
