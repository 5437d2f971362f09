"""Data contract on the real data/: provenance, completeness, vocabulary, metadata, layout."""

import hashlib
import re
from pathlib import Path

import cpca
import pandas as pd
import pytest
import yaml

from metrics.completeness import find_numbers, uncovered_numbers, unused_snippets
from metrics.load import load_dataset
from metrics.plan import attach_targets, parse_plan_tasks
from metrics.quantity import parse_quantity
from tests.conftest import DATA, ROOT

DATASET = load_dataset(DATA)
IGNORES = pd.read_csv(DATA / "number_ignores.csv", dtype=str, keep_default_na=False)
SEEDS = ROOT.parent / "shared" / "seeds"


def figure_quotes(source_id: str, figures: pd.DataFrame = DATASET.figures) -> list[str]:
    return list(figures.loc[figures["source_id"] == source_id, "quote"])


def ignored_snippets(source_id: str) -> list[str]:
    return list(IGNORES.loc[IGNORES["source_id"] == source_id, "snippet"])


@pytest.mark.parametrize("row", DATASET.figures.to_dict("records"), ids=lambda r: r["figure_id"])
def test_every_figure_quote_is_verbatim_in_its_source(row):
    text = DATASET.texts[row["source_id"]]
    start = text.find(row["quote"])
    assert start >= 0
    assert text[start : start + len(row["quote"])] == row["quote"]


@pytest.mark.parametrize("row", DATASET.links.to_dict("records"), ids=lambda r: r["link_id"])
def test_every_link_quote_is_verbatim_in_its_source(row):
    assert row["quote"] in DATASET.texts[row["source_id"]]


def test_raw_documents_are_byte_for_byte_the_seeds():
    sources = DATASET.sources
    for path, checksum in zip(sources["path"], sources["sha256"], strict=True):
        assert hashlib.sha256((DATA / path).read_bytes()).hexdigest() == checksum
    if SEEDS.exists():
        seeds = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
        assert set(sources["sha256"]) <= seeds


def test_source_typos_are_kept():
    assert "已引入9家人驻乌海·信息谷创新中心" in set(DATASET.figures["quote"])


@pytest.mark.parametrize(
    ("amount", "value", "unit", "qualifier"),
    [
        ("250余人次", 250, "人次", "more_than"),
        ("630余例次", 630, "例次", "more_than"),
        ("14场", 14, "场", "exact"),
        ("9家", 9, "家", "exact"),
        ("50亿元以上", 5_000_000_000, "元", "at_least"),
        ("3900余人次", 3900, "人次", "more_than"),
        ("近百家", 100, "家", "about"),
        ("千名", 1000, "名", "exact"),
        ("4条", 4, "条", "exact"),
        ("增长20%以上", 20, "%", "growth_at_least"),
    ],
)
def test_the_well_known_figures_are_present(amount, value, unit, qualifier):
    rows = DATASET.figures[DATASET.figures["amount"] == amount]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["value"], row["unit"], row["qualifier"]) == (value, unit, qualifier)


def test_plan_figures_are_targets_and_news_figures_achievements():
    kinds = DATASET.figures.groupby("source_id")["kind"].unique()
    assert list(kinds["ordos-plan-2025"]) == ["target"]
    assert list(kinds["wuhai-news-2025"]) == ["achievement"]


@pytest.mark.parametrize("source_id", sorted(DATASET.texts))
def test_every_number_in_the_source_is_a_figure_or_ignored_with_a_reason(source_id):
    text = DATASET.texts[source_id]
    missing = uncovered_numbers(text, figure_quotes(source_id), ignored_snippets(source_id))
    assert missing == [], "\n".join(f"{h.token}: …{h.context}…" for h in missing)


@pytest.mark.parametrize("source_id", sorted(DATASET.texts))
def test_every_ignore_entry_occurs_covers_a_number_and_has_a_reason(source_id):
    text = DATASET.texts[source_id]
    snippets = ignored_snippets(source_id)
    assert unused_snippets(text, snippets) == []
    assert all(find_numbers(snippet) for snippet in snippets)
    assert (IGNORES["reason"].str.strip() != "").all()


@pytest.mark.parametrize("figure_id", list(DATASET.figures["figure_id"]))
def test_dropping_any_figure_trips_the_completeness_guard(figure_id):
    figures = DATASET.figures
    row = figures[figures["figure_id"] == figure_id].iloc[0]
    remaining = figures[figures["figure_id"] != figure_id]
    text = DATASET.texts[row["source_id"]]
    missing = uncovered_numbers(
        text, figure_quotes(row["source_id"], remaining), ignored_snippets(row["source_id"])
    )
    assert missing, f"{figure_id} could be dropped unnoticed"


def test_amount_parses_to_the_stored_value_for_every_figure():
    for row in DATASET.figures.itertuples():
        parsed = parse_quantity(row.amount)
        assert (parsed.value, parsed.unit, parsed.qualifier) == (row.value, row.unit, row.qualifier)


def test_tasks_csv_is_what_the_parser_makes_of_the_plan():
    plan = DATASET.texts["ordos-plan-2025"]
    parsed = attach_targets(parse_plan_tasks(plan, "ordos-plan-2025"), DATASET.figures)
    committed = pd.read_csv(DATA / "tasks.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(committed, parsed.astype(str), check_dtype=False)


def test_every_task_of_the_plan_is_present():
    plan = DATASET.texts["ordos-plan-2025"]
    items = re.findall(r"^（[一二三四五六七八九十]+）", plan, flags=re.MULTILINE)
    assert len(DATASET.tasks) == len(items) + 1  # plus the 保障措施 paragraph
    assert len(DATASET.tasks) == 26
    assert DATASET.tasks["task_id"].iloc[-1] == "6.1"
    with_targets = DATASET.tasks[DATASET.tasks["targets"] != ""]
    assert set(with_targets["task_id"]) == {"1.3", "2.1", "2.2", "4.2", "4.6", "5.1"}


@pytest.mark.parametrize(
    ("partner", "local"),
    [
        ("东城区", "乌海市"),
        ("海淀区", "乌海市"),
        ("北京理工大学附属中学", "乌海市"),
        ("中关村发展集团", "乌海市"),
        ("便宜坊", "乌海市"),
        ("萃华楼", "乌海市"),
        ("王府井", "乌海市"),
        ("中关村", "鄂尔多斯高新技术产业开发区"),
        ("准格尔旗", "达拉特旗"),
        ("伊金霍洛旗", "杭锦旗"),
        ("榆林市", "鄂尔多斯市"),
        ("乌海市", "鄂尔多斯市"),
        ("兴安盟", "鄂尔多斯市"),
        ("锡林郭勒盟", "鄂尔多斯市"),
        ("雄安新区", "鄂尔多斯市"),
        ("长三角", "鄂尔多斯市"),
        ("江苏省", "蒙苏经济开发区"),
        ("南京市", "鄂尔多斯市"),
        ("深圳市", "鄂尔多斯市"),
        ("上海市", "鄂尔多斯市"),
        ("德国", "达拉特旗"),
        ("蒙古国", "鄂尔多斯市"),
        ("俄罗斯", "鄂尔多斯市"),
    ],
)
def test_the_named_cooperation_links_are_present(partner, local):
    links = DATASET.links
    assert ((links["from_name"] == partner) & (links["to_name"] == local)).any()


def test_news_links_are_achieved_and_plan_links_planned():
    statuses = DATASET.links.groupby("source_id")["status"].unique()
    assert list(statuses["wuhai-news-2025"]) == ["achieved"]
    assert list(statuses["ordos-plan-2025"]) == ["planned"]


ADMIN = DATASET.places[DATASET.places["coord_source"] == "cpca"]


@pytest.mark.parametrize("row", ADMIN.to_dict("records"), ids=lambda r: r["name"])
def test_administrative_places_agree_with_cpca(row):
    query = row["name"] if not row["parent"] else f"{row['parent']}{row['name']}"
    assert str(cpca.transform([query]).iloc[0]["adcode"]) == row["adcode"]


def test_institutions_sit_at_their_parent_coordinates():
    places = DATASET.places.set_index("name")
    for name, row in places[places["coord_source"] == "parent"].iterrows():
        parent = places.loc[row["parent"]]
        assert (row["lon"], row["lat"]) == (parent["lon"], parent["lat"]), name


def test_inner_mongolia_places_lie_in_inner_mongolia():
    inner = DATASET.places[DATASET.places["side"] == "inner_mongolia"]
    assert inner["lon"].between(97, 126).all() and inner["lat"].between(37, 53).all()
    assert (inner["adcode"].str[:2].isin(["15", ""])).all()


def test_beijing_places_lie_in_beijing():
    beijing = DATASET.places[DATASET.places["side"] == "beijing"]
    assert beijing["lon"].between(115.4, 117.6).all() and beijing["lat"].between(39.4, 41.1).all()


METADATA = yaml.safe_load((DATA / "metadata.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", list(METADATA["tables"]))
def test_every_column_is_described_in_metadata(table):
    columns = pd.read_csv(DATA / f"{table}.csv", nrows=0).columns
    described = METADATA["tables"][table]["columns"]
    assert set(columns) == set(described)
    assert all(entry.get("description") for entry in described.values())


def test_every_indicator_is_described_in_metadata():
    indicators = METADATA["indicators"]
    assert set(DATASET.figures["indicator"]) == set(indicators)
    for name, entry in indicators.items():
        assert entry["definition"] and entry["unit"], name


def test_csv_files_are_utf8_without_bom_and_sorted():
    for path in DATA.glob("*.csv"):
        assert not path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    for table, key in (("figures", "figure_id"), ("links", "link_id")):
        rows = pd.read_csv(DATA / f"{table}.csv", dtype=str)
        assert list(rows[key]) == sorted(rows[key]), table


LOGIC_PACKAGES = ["metrics", "geo", "ingest", "store", "briefing"]


@pytest.mark.parametrize("path", [p for d in LOGIC_PACKAGES for p in (ROOT / d).glob("**/*.py")])
def test_logic_packages_do_not_import_streamlit(path: Path):
    assert not re.search(r"^\s*(import|from)\s+streamlit", path.read_text(), flags=re.MULTILINE)


def test_there_is_no_legacy_pages_directory():
    """With pages/, a fresh server runs pages/x.py directly on a deep link, bypassing app.py."""
    assert not (ROOT / "pages").exists()
