"""The forwarded PPTX says what the web says: each chart point's label is the web label (qualifier,
unit, 目标 mark), and no target appears anywhere in a deck without its mark."""

import dataclasses
import io

import pandas as pd
import pytest
from lxml import etree
from pptx import Presentation

from briefing.deck import build_briefing, plan_slides
from metrics.display import figure_labels
from metrics.filters import Filters, filter_figures
from metrics.load import load_dataset
from metrics.tables import figure_table
from tests.conftest import DATA
from ui.charts import indicator_chart

DATASET = load_dataset(DATA)
NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def with_medical_targets():
    """The data plus two 医疗 targets in 人次, so a field chart mixes results and targets."""
    medical = DATASET.figures[DATASET.figures["figure_id"].isin(["wuhai-10", "wuhai-11"])]
    targets = medical.assign(figure_id=medical["figure_id"] + "-t", kind="target")
    figures = pd.concat([DATASET.figures, targets], ignore_index=True)
    return dataclasses.replace(DATASET, figures=figures)


CASES = {
    "full": (DATASET, Filters()),
    "医疗": (DATASET, Filters(field=("医疗",))),
    "mixed": (with_medical_targets(), Filters(field=("医疗",))),
}


def chart_xml_labels(chart) -> list[str]:
    """Every point's custom data label, read from the chart part's XML (c:dLbl/c:tx/c:rich), in
    category order (series hold complementary points)."""
    tree = etree.fromstring(chart.part.blob)
    found = {}
    for label in tree.iterfind(".//c:ser/c:dLbls/c:dLbl", NS):
        index = int(label.find("c:idx", NS).get("val"))
        found[index] = "".join(t.text or "" for t in label.iterfind("c:tx/c:rich//a:t", NS))
    return [found[i] for i in sorted(found)]


def deck(case: str):
    data, filters = CASES[case]
    return data, filters, Presentation(io.BytesIO(build_briefing(data, filters)))


@pytest.mark.parametrize("case", list(CASES))
def test_every_pptx_chart_point_is_labelled_as_the_web_labels_it(case):
    data, filters, presentation = deck(case)
    plans = [p for p in plan_slides(data, filters) if not p.chart.empty]
    charts = [
        shape.chart for slide in presentation.slides for shape in slide.shapes if shape.has_chart
    ]
    assert len(charts) == len(plans) >= 1
    for plan, chart in zip(plans, charts, strict=True):
        if plan.kind == "field":  # the field page's chart of the same figures
            table = figure_table(filter_figures(data.figures, filters, data.places), data.sources)
            rows = table[(table["field"] == plan.field) & (table["unit"] == plan.chart_unit)]
        else:  # the plan slide's tasks per section, as 汇报模式 draws it
            rows = plan.chart.assign(field="", quote="", source_title="")
        web = list(indicator_chart(rows, plan.chart_unit).data[0].text)[::-1]  # bottom-up
        assert chart_xml_labels(chart) == web == list(plan.chart["bar_text"])
        # the value stays the number, so the chart remains editable
        values = [v for series in chart.series for v in series.values if v is not None]
        assert len(values) == len(plan.chart)


def test_the_web_labels_keep_qualifiers_units_and_parts():
    plan = next(p for p in plan_slides(DATASET, Filters()) if p.title == "科创")
    assert list(plan.chart["bar_text"]) == ["10余家", "近百家", "9家，其中 4家", "20余家"]
    medical = next(p for p in plan_slides(*CASES["mixed"]) if p.kind == "field")
    assert "3900余人次（目标）" in list(medical.chart["bar_text"])


def shapes_with_text(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame.text


@pytest.mark.parametrize("case", list(CASES))
def test_no_target_appears_without_its_mark(case):
    data, _, presentation = deck(case)
    figures = data.figures
    targets = set(figure_labels(figures[figures["kind"] == "target"]))
    results = set(figure_labels(figures[figures["kind"] != "target"]))
    only_targets = targets - results  # a label both kinds share is checked on the charts
    indicators = sorted(set(figures["indicator"]), key=len, reverse=True)
    for slide in presentation.slides:
        texts = list(shapes_with_text(slide))
        for text in texts[1:-1]:  # the title and the footer name no figure
            for line in text.splitlines():
                for name in indicators:  # "引进50亿元以上重点项目" names a target, it is no amount
                    line = line.replace(name, "")
                if any(label in line for label in only_targets):
                    assert "目标" in line, line
        for shape in slide.shapes:
            if shape.has_chart:
                _assert_chart_marks_targets(shape.chart)


def _assert_chart_marks_targets(chart) -> None:
    names = [series.name for series in chart.series]
    for series, labels in zip(chart.series, _labels_by_series(chart), strict=True):
        if series.name == "目标":
            assert all(label.endswith("（目标）") for label in labels)
        else:
            assert not any("目标" in label for label in labels)
    if "目标" in names:
        assert "目标" in chart.chart_title.text_frame.text
        assert chart.has_legend == (len(names) > 1)


def test_a_mixed_slide_says_so_in_its_title():
    titles = [p.title for p in plan_slides(*CASES["mixed"])]
    assert "主要数字：成果与目标" in titles and "医疗：成果与目标" in titles
    medical = next(p for p in plan_slides(*CASES["mixed"]) if p.kind == "field")
    assert medical.chart_title == "单位：人次（斜线为目标）"


def test_the_kpi_slide_puts_results_and_targets_on_two_rows():
    kpis = next(p for p in plan_slides(DATASET, Filters()) if p.kind == "kpis")
    kinds = list(kpis.rows["kind"])
    assert kinds == sorted(kinds)  # achievements first, then targets: never interleaved
    assert set(kinds) == {"achievement", "target"}
    assert "50亿元以上" in set(kpis.rows[kpis.rows["kind"] == "target"]["display"])


def _labels_by_series(chart) -> list[list[str]]:
    tree = etree.fromstring(chart.part.blob)
    return [
        ["".join(t.text or "" for t in label.iterfind("c:tx/c:rich//a:t", NS))
         for label in series.iterfind("c:dLbls/c:dLbl", NS)]
        for series in tree.iterfind(".//c:ser", NS)
    ]  # fmt: skip
