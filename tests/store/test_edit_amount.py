"""A figure edit sends its amount as text; the store parses it once and refuses a bad one."""

import pytest

import metrics.validate
import store.row_checks
from store import schema
from store.db import load_store
from store.edit import (
    StoreError,
    create_row,
    get_row,
    update_row,
    validate_row,
    with_quantity,
)
from tests.store.test_store import new_figure

WITHOUT_VALUE = {"value", "unit", "qualifier"}


def text_only(**overrides) -> dict:
    """A new figure as the editor's form sends it: the amount as typed, no value of its own."""
    return {k: v for k, v in new_figure(**overrides).items() if k not in WITHOUT_VALUE}


def test_a_new_figure_takes_its_value_unit_and_qualifier_from_its_amount(engine):
    create_row(engine, "figures", text_only(), "王编辑", "补录")
    stored = get_row(engine, "figures", "wuhai-99")
    assert (stored["value"], stored["unit"], stored["qualifier"]) == (630, "例次", "more_than")


def test_an_edit_parses_its_amount_once_from_form_to_validation(engine, monkeypatch):
    calls = []

    def counting(parse):
        def wrapped(text):
            calls.append(text)
            return parse(text)

        return wrapped

    for module in (store.row_checks, metrics.validate):
        monkeypatch.setattr(module, "parse_quantity", counting(module.parse_quantity))
    row = get_row(engine, "figures", "wuhai-08")
    form = {"amount": row["amount"], "indicator": "北京派驻医疗专家"}
    changes, quantity = with_quantity("figures", form)
    merged = {c: row[c] for c in schema.data_columns(schema.figures)} | changes
    with engine.connect() as connection:
        validate_row(connection, "figures", merged, quantity)
    assert calls == [row["amount"]]
    assert (changes["value"], changes["unit"]) == (row["value"], row["unit"])


def test_an_edit_with_the_amount_as_text_saves(engine):
    row = get_row(engine, "figures", "wuhai-08")
    changes = {"amount": row["amount"], "indicator": "北京派驻医疗专家"}
    update_row(engine, "figures", "wuhai-08", row["version"], changes, "王编辑", "更名")
    saved = get_row(engine, "figures", "wuhai-08")
    assert saved["indicator"] == "北京派驻医疗专家" and saved["value"] == row["value"]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "请填写数量，例如 250余人次。"),
        ("   ", "请填写数量，例如 250余人次。"),
        ("负250人次", "数量无法解析"),
        ("250克", "数量无法解析"),
    ],
)
def test_a_bad_amount_is_refused_in_chinese_and_nothing_is_written(engine, amount, message):
    before = get_row(engine, "figures", "wuhai-08")
    with pytest.raises(StoreError, match=message):
        update_row(engine, "figures", "wuhai-08", before["version"], {"amount": amount}, "王编辑")
    with pytest.raises(StoreError, match=message):
        create_row(engine, "figures", text_only(amount=amount), "王编辑", "补录")
    assert get_row(engine, "figures", "wuhai-08") == before
    assert get_row(engine, "figures", "wuhai-99") is None


def _table_cell_figure(engine) -> dict:
    """A figure imported from a table row: a bare 12.3 whose 亿元 came from the header."""
    from ingest.evalset import csv_bytes
    from ingest.publish import publish_report
    from ingest.read import read_bytes
    from tests.ingest.test_publish import META, reviewed

    rows = [["指标", "单位", "2024年"], ["消费帮扶交易额", "亿元", "12.3"]]
    text = read_bytes(csv_bytes({"rows": rows}), ".csv")
    published = publish_report(engine, text, META, reviewed(engine, text), "张编辑")
    return get_row(engine, "figures", published.figure_ids[0])


def _form(row: dict, **changes) -> dict:
    """What the edit form sends for a figure: every field it shows, the amount as text."""
    shown = ("source_id", "quote", "amount", "indicator", "field", "kind", "place", "partner")
    return {c: row[c] for c in (*shown, "period", "note")} | changes


@pytest.mark.parametrize("changes", [{"note": "据市商务局核实"}, {"indicator": "消费帮扶销售额"}])
def test_a_table_cell_figure_saves_an_edit_that_leaves_its_amount_alone(engine, changes):
    row = _table_cell_figure(engine)
    assert (row["amount"], row["value"], row["unit"]) == ("12.3", 1.23e9, "元")
    update_row(engine, "figures", row["figure_id"], row["version"], _form(row, **changes), "王编辑")
    saved = get_row(engine, "figures", row["figure_id"])
    assert {c: saved[c] for c in changes} == changes
    assert (saved["amount"], saved["value"], saved["unit"]) == ("12.3", 1.23e9, "元")
    load_store(engine)  # and the store still loads


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("十二点三", "数量无法解析"),
        ("12.4", "没有单位"),
        ("12.4亿元", "不在引文中"),
        ("", "请填写数量"),
    ],
)
def test_a_table_cell_figure_refuses_a_bad_new_amount_in_chinese(engine, amount, message):
    row = _table_cell_figure(engine)
    form = _form(row, amount=amount)
    with pytest.raises(StoreError, match=message):
        update_row(engine, "figures", row["figure_id"], row["version"], form, "王编辑")
    assert get_row(engine, "figures", row["figure_id"]) == row
