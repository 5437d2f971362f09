"""A figure edit sends its amount as text; the store parses it once and refuses a bad one."""

import pytest

import metrics.validate
import store.edit
from store import schema
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

    for module in (store.edit, metrics.validate):
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
