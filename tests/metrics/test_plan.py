"""The action plan's tasks: numbering, titles, responsible units."""

import pandas as pd
import pytest

from metrics.plan import attach_targets, ordinal, parse_plan_tasks, split_responsible

PLAN = """通知正文（一）不是任务。
一、以互助共进为基础创新市域合作
（一）统筹旗区协同发展。各旗区立足地区实际。（责任单位：市直相关部门，各旗区人民政府）

（二）协同优化基础设施。加快市域供水网统筹建设，引进重点项目2个。（责任部门：市能源局、市水利局）
二、以协作共赢为导向升级周边合作
（一）加快推进东康阿一体化建设。推进共建共享。（责任单位：市商务局等部门）
六、保障措施

各旗区、市直各有关部门按照职能职责分工负责。市商务局负责按月统筹调度相关工作。
抄送：市委。
"""


@pytest.mark.parametrize(
    ("text", "number"), [("一", 1), ("三", 3), ("七", 7), ("十", 10), ("十二", 12)]
)
def test_ordinal_reads_chinese_ordinals(text, number):
    assert ordinal(text) == number


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ("市农牧局", ["市农牧局"]),
        ("市能源局、市水利局", ["市能源局", "市水利局"]),
        ("市直相关部门，各旗区人民政府", ["市直相关部门", "各旗区人民政府"]),
        (
            "市住房和城乡建设局，东胜区、康巴什区、伊金霍洛旗人民政府",
            ["市住房和城乡建设局", "东胜区人民政府", "康巴什区人民政府", "伊金霍洛旗人民政府"],
        ),
        (
            "市商务局、市工业和信息化局，达拉特旗人民政府",
            ["市商务局", "市工业和信息化局", "达拉特旗人民政府"],
        ),
        (
            "市文化和旅游局、市人力资源和社会保障局等部门",
            ["市文化和旅游局", "市人力资源和社会保障局"],
        ),
    ],
)
def test_split_responsible_lists_each_unit(units, expected):
    assert split_responsible(units) == expected


def test_parse_plan_tasks_numbers_items_by_section():
    tasks = parse_plan_tasks(PLAN, "plan")
    assert list(tasks["task_id"]) == ["1.1", "1.2", "2.1", "6.1"]
    assert list(tasks["title"][:3]) == [
        "统筹旗区协同发展",
        "协同优化基础设施",
        "加快推进东康阿一体化建设",
    ]
    assert tasks.loc[0, "responsible"] == "市直相关部门、各旗区人民政府"
    assert tasks.loc[2, "responsible"] == "市商务局"
    assert set(tasks["source_id"]) == {"plan"}


def test_parse_plan_tasks_reads_the_guarantee_paragraph():
    guarantee = parse_plan_tasks(PLAN, "plan").iloc[-1]
    assert guarantee["section"] == "保障措施"
    assert guarantee["responsible"] == "市商务局、各旗区、市直各有关部门"
    assert guarantee["text"].startswith("各旗区、市直各有关部门")


def test_parse_plan_tasks_keeps_text_verbatim_without_the_duty_note():
    tasks = parse_plan_tasks(PLAN, "plan")
    assert all(text in PLAN for text in tasks["text"])
    assert not tasks["text"].str.contains("责任").any()


def test_parse_plan_tasks_fails_on_an_item_without_responsible_units():
    with pytest.raises(ValueError, match="1.1"):
        parse_plan_tasks("一、总则\n（一）没有责任单位。正文。\n", "plan")


def test_parse_plan_tasks_fails_on_text_without_tasks():
    with pytest.raises(ValueError, match="没有找到"):
        parse_plan_tasks("这是一则新闻。", "news")


def test_attach_targets_links_target_figures_whose_quote_is_in_the_task():
    tasks = parse_plan_tasks(PLAN, "plan")
    figures = pd.DataFrame(
        {
            "figure_id": ["f1", "f2"],
            "quote": ["引进重点项目2个", "引进重点项目2个"],
            "kind": ["target", "achievement"],
        }
    )
    targets = attach_targets(tasks, figures).set_index("task_id")["targets"]
    assert targets["1.2"] == "f1"
    assert targets["1.1"] == ""
