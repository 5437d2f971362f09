"""合作地图: the first open draws the map alone; its details follow the map's relation scope."""

from metrics.load import load_dataset
from metrics.relations import in_scope
from tests.conftest import DATA
from tests.views.conftest import open_page, query_value


def sides_of(table, places):
    side = dict(zip(places["name"], places["side"], strict=True))
    return [
        (side.get(a, "other"), side.get(b, "other"))
        for a, b in zip(table["合作方"], table["内蒙古一侧"], strict=True)
    ]


def opened(at):
    at.session_state["map_details"] = True
    return at.run()


def test_first_open_draws_the_map_and_keeps_chart_and_table_closed(app):
    at = open_page(app, "map.py")
    assert not at.exception
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0
    assert "点击展开" in at.expander[0].label
    at = opened(at)
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) == 1


def test_who_works_with_whom_follows_the_maps_default_jingmeng_scope(app):
    data = load_dataset(DATA)
    at = opened(open_page(app, "map.py"))
    table = at.dataframe[0].value
    assert "领域" in table.columns and table["领域"].notna().all()
    # 京蒙: every row has Beijing on one side; no link within Inner Mongolia is listed.
    assert all("beijing" in pair for pair in sides_of(table, data.places))
    assert len(table) == len(in_scope(data.links, data.places, "jingmeng"))
    assert any(f"{len(table)} 条关系记录" in c.value for c in at.caption)


def test_who_works_with_whom_switches_scope_with_the_url(app):
    data = load_dataset(DATA)
    at = opened(open_page(app, "map.py", scope="inner"))
    table = at.dataframe[0].value
    assert set(sides_of(table, data.places)) == {("inner_mongolia", "inner_mongolia")}
    assert "领域" in table.columns
    assert query_value(at, "scope") == "inner"


def test_an_unknown_scope_in_the_url_is_reported_and_jingmeng_used(app):
    at = open_page(app, "map.py")
    at.query_params["scope"] = "mars"  # (the overview, opened first, would report it itself)
    at.run()
    assert any("mars" in w.value for w in at.warning) and not at.exception
    assert query_value(at, "scope") == "jingmeng"
