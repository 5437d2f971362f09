"""The 数据维护 form sends the amount as typed; after a save it says how the store read it."""

from store.edit import get_row
from tests.views.test_work import new_app, open_figure, save


def test_a_saved_figure_shows_its_amount_as_the_store_parsed_it(store):
    at = open_figure(new_app())
    at.text_input(key="ed_figures_wuhai-08_amt").input("250余人次")
    at.text_input(key="ed_figures_wuhai-08_ind").input("北京派驻医疗专家")
    at = save(at)
    assert not at.exception and "已保存" in at.success[0].value
    captions = " ".join(c.value for c in at.caption)
    assert "解析为：数值 250，单位 人次，限定 余/多/超（大于）" in captions
    assert get_row(store, "figures", "wuhai-08")["value"] == 250


def test_an_empty_amount_is_asked_for_and_nothing_is_written(store):
    before = get_row(store, "figures", "wuhai-08")
    at = open_figure(new_app())
    at.text_input(key="ed_figures_wuhai-08_amt").input("")
    at = save(at)
    assert "请填写数量，例如 250余人次。" in " ".join(e.value for e in at.error)
    assert get_row(store, "figures", "wuhai-08") == before


def test_a_table_cell_figure_saves_a_new_note_through_the_form(store):
    """A bare 12.3 whose 亿元 came from the table header: the form sends it back unchanged."""
    from tests.store.test_edit_amount import _table_cell_figure

    row = _table_cell_figure(store)
    form = f"ed_figures_{row['figure_id']}"
    at = open_figure(new_app(), row["figure_id"])
    assert at.text_input(key=f"{form}_amt").value == "12.3"
    at.text_input(key=f"{form}_note").input("据市商务局核实")
    at.text_input(key=f"{form}_reason").input("补充备注")
    at = next(b for b in at.button if b.label == "保存修改").click().run()
    assert not at.exception and not at.error and "已保存" in at.success[0].value
    saved = get_row(store, "figures", row["figure_id"])
    assert (saved["note"], saved["value"], saved["unit"]) == ("据市商务局核实", 1.23e9, "元")
