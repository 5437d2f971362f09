"""Reviewed surfaces: the amount column first and wide enough, the relations caption matches the
table, and an unknown URL value is echoed short."""

import json

from tests.views.conftest import open_page

AMOUNT = "数量"


def _amount_column(at):
    proto = at.dataframe[0].proto
    return list(proto.column_order), json.loads(proto.columns)


def test_data_table_puts_the_amount_first_and_wide_enough(app):
    at = open_page(app, "data.py")
    order, columns = _amount_column(at)
    assert order[0] == AMOUNT  # visible on a phone without a sideways swipe
    # 增长20%以上 is 5.8 em at 14 px plus cell padding: about 110 px (the default cut it)
    assert int(columns[AMOUNT]["width"]) >= 110


def test_medical_table_puts_the_amount_first(app):
    at = open_page(app, "medical.py")
    assert at.dataframe[0].proto.column_order[0] == AMOUNT


def test_relations_caption_says_the_table_includes_local_partners(app):
    at = open_page(app, "medical.py")
    tables = [d.value for d in at.dataframe if "内蒙古一侧" in d.value.columns]
    assert tables
    partners = set(tables[0]["合作方"])
    captions = " ".join(str(c.value) for c in at.caption)
    if partners & {"东胜区", "康巴什区"}:
        assert "区内" in captions
        assert "只列内蒙古区外的合作方；" not in captions.replace("此图只列", "")


def test_a_very_long_unknown_url_value_is_echoed_short(app):
    app.query_params["field"] = "医" * 3000
    at = app.run()  # the URL is read on the session's first run
    warnings = [str(w.value) for w in at.warning]
    assert warnings, "the unknown value is reported"
    assert all(len(w) < 120 for w in warnings), [len(w) for w in warnings]
    assert any("医" * 30 + "…" in w for w in warnings)


def test_a_field_pages_table_leaves_out_what_every_row_repeats_so_the_quote_shows(app):
    at = open_page(app, "education.py")
    order = list(at.dataframe[0].proto.column_order)
    assert order[:2] == [AMOUNT, "类型"]
    assert "领域" not in order and "限定" not in order  # the page's field; 数量 keeps 余/以上
    assert {"指标", "地区", "合作方", "原文引文"} <= set(order)
