"""Wording classes of unseen reports: measure words and counted nouns, durations, partners other
than Beijing, and field guesses from the words around the number."""

import pytest

from ingest.extract import extract_candidates


def first(text: str):
    found = extract_candidates(text)
    assert len(found), text
    return found.iloc[0]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("两地共结成486对帮扶学校。", "486对", 486, "对"),
        ("邀请35位专家授课。", "35位", 35, "位"),
        ("带动7.08万农牧民增收。", "7.08万农牧民", 70800, "人"),
        ("帮助2687名脱贫劳动力转移就业。", "2687名", 2687, "名"),
        ("服务3.6万群众。", "3.6万群众", 36000, "人"),
        ("上架产品120余种。", "120余种", 120, "种"),
        ("派驻医疗队43批次。", "43批次", 43, "批次"),
        ("培训校长2100余名。", "2100余名", 2100, "名"),
    ],
)
def test_measure_words_and_counted_people(text, quote, value, unit):
    row = first(text)
    assert (row["quote"], row["value"], row["unit"]) == (quote, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "从鄂尔多斯乘飞机不到2个小时即可抵达北京。",
        "当地全年施工期不足5个月。",
        "一期工程历时3年才全面投产。",
        "从立项到投用仅用了8个月。",
        "坐高铁要七八个小时。",
    ],
)
def test_durations_and_travel_times_are_not_figures(text):
    assert extract_candidates(text).empty, extract_candidates(text)["quote"].tolist()


def test_a_programme_duration_is_still_a_figure():
    assert list(extract_candidates("选派教师赴东城区跟岗学习3个月。")["quote"]) == ["3个月"]


@pytest.mark.parametrize(
    ("text", "quote", "partner", "beijing"),
    [
        ("京蒙协作成效显著。天津市对口帮扶兴安盟的17所学校完成结对。", "17所", "天津市", "no"),
        ("京蒙协作成效显著。引进江苏企业31家。", "31家", "江苏省", "no"),
        ("京蒙协作成效显著。全区今年招聘教师4.1万余名。", "4.1万余名", "", "no"),
        ("东城区选派15名骨干教师到乌海支教。", "15名", "东城区", "yes"),
        ("京蒙协作深入推进。两地结对学校达到26所。", "26所", "北京市", "yes"),
        ("全市新建5G基站600个，不在京蒙协作之列。", "600个", "", "no"),
        ("两地结对学校达到26所。", "26所", "", "unknown"),
    ],
)
def test_partner_and_beijing_are_guessed_from_the_sentence(text, quote, partner, beijing):
    found = extract_candidates(text).set_index("quote")
    assert (found.loc[quote, "partner"], found.loc[quote, "beijing"]) == (partner, beijing)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("帮助农村劳动力转移就业1.36万人。", "劳务协作"),
        ("发放稳岗补贴覆盖企业46家。", "劳务协作"),
        ("向北京直供蔬菜2400吨。", "消费帮扶"),
        ("与新发地市场签订购销协议5份。", "消费帮扶"),
        ("共建京蒙产业园区8个。", "产业"),
        ("实施京蒙科技合作项目22项。", "科创"),
        ("新认定院士专家工作站3个。", "科创"),
        ("争取科技项目资金8600万元。", "科创"),
        ("培训校长和骨干教师2100余名。", "教育"),
        ("北京12家三级医院开展对口帮扶。", "医疗"),
        ("一、劳务协作\n组织开展订单式培训28期。", "劳务协作"),
        ("今天来了35位。", "unknown"),
    ],
)
def test_field_from_clause_then_sentence_then_heading(text, field):
    assert first(text)["field"] == field


def test_the_clause_outweighs_the_sentence():
    found = extract_candidates("开展远程会诊1600余例次，培训学生3200人次。").set_index("quote")
    assert (found.loc["1600余例次", "field"], found.loc["3200人次", "field"]) == ("医疗", "教育")


def test_a_headline_figure_repeated_in_the_body_is_kept_once():
    text = "结对学校达486对\n本报讯 两地累计结成486对结对学校，覆盖12个盟市。"
    assert list(extract_candidates(text)["quote"]) == ["486对", "12个"]


def test_a_short_list_line_later_in_the_text_does_not_swallow_a_repeat():
    text = "工作简报\n第6期\n一、概况\n二、项目\n新增项目12个\n另建成12个服务站，5个天然气站。"
    assert list(extract_candidates(text)["quote"]) == ["12个", "12个", "5个"]
