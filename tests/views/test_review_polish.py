"""Defects a reviewer found in Chromium: a located target keeps its 目标 mark, no internal tags or
ids reach a viewer."""

import re

import pandas as pd

from tests.conftest import ROOT
from tests.views.conftest import html_text, open_page


def test_a_located_target_keeps_its_target_mark(app):
    at = open_page(app, "sources.py", figure="ordos-06")  # 新能源电力外送通道 4条, a plan target
    focus = [m.value for m in at.markdown if "定位的数字" in m.value]
    assert focus and "4条（目标）" in focus[0], focus


def test_document_marks_name_figures_without_ids(app):
    at = open_page(app, "sources.py", doc="ordos-plan-2025")
    titles = re.findall(r'<mark [^>]*title="([^"]*)"', html_text(at))
    assert titles, "no marked figures"
    assert not [t for t in titles if re.search(r"ordos-\d+|wuhai-\d+", t)], titles
    assert any("（目标）" in t for t in titles)


def test_notes_a_viewer_sees_carry_no_internal_column_names():
    notes = pd.read_csv(ROOT / "data" / "figures.csv", dtype=str).fillna("")["note"]
    internal = notes[notes.str.contains(r"[A-Za-z]+_[A-Za-z]+|part_of|describes")]
    assert internal.tolist() == []


def test_the_login_hint_says_how_to_reach_the_sidebar_on_a_phone(app):
    at = open_page(app, "maintain.py")
    hint = at.info[0].value
    assert "左侧" not in hint and "左上角" in hint and "编辑登录" in hint
