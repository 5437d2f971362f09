"""Chinese lines broken between words: never 企 / 业 or 乌海 / 市, as few lines as fit, even."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.linebreak import NO_START, SOFT_BREAK, break_points, soft_breaks, text_em, wrap_text


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("入驻乌海·信息谷创新中心的企业", 14, ["入驻乌海·", "信息谷创新中心的企业"]),
        (
            "\u3000\u3000其中 4家：率先入驻乌海·信息谷创新中心的企业",
            24,
            ["\u3000\u3000其中 4家：率先入驻乌海·", "信息谷创新中心的企业"],
        ),
        (
            "10余家\u3000与高校达成合作的本地企业（乌海市）",
            20,
            ["10余家\u3000与高校达成合作的", "本地企业（乌海市）"],
        ),
        ("北京医疗机构派出专家", 12, ["北京医疗机构派出专家"]),
        ("呼和浩特市与包头市", 6, ["呼和浩特市与", "包头市"]),  # 和 of 呼和浩特 is no break
    ],
)
def test_wrap_text_breaks_between_words_the_reviewer_saw_split(text, width, lines):
    assert wrap_text(text, width) == lines


def test_a_run_longer_than_a_line_still_breaks_and_never_before_a_closing_mark():
    lines = wrap_text("一二三四五六七八九十一二三四五六七八九十）", 10)
    assert all(text_em(line) <= 10 for line in lines)
    assert not any(line[0] in NO_START for line in lines)
    assert "".join(lines) == "一二三四五六七八九十一二三四五六七八九十）"


def test_soft_breaks_mark_only_the_break_points_and_keep_the_text():
    text = "9家\u3000入驻乌海·信息谷创新中心的企业（乌海市）"
    marked = soft_breaks(text)
    assert marked.replace(SOFT_BREAK, "") == text
    assert "企业" in marked and "乌海市" in marked and "创新中心" in marked
    assert [i for i, c in enumerate(marked) if c == SOFT_BREAK] == [
        point + n for n, point in enumerate(break_points(text))
    ]


@given(st.text(alphabet="企业乌海市的与，、（）· 1a", max_size=40), st.integers(2, 20))
def test_wrap_text_keeps_every_character_and_each_line_fits(text, width):
    lines = wrap_text(text, width)
    assert "".join(lines).replace(" ", "").replace("\u3000", "") == text.replace(" ", "").replace(
        "\u3000", ""
    )
    assert all(text_em(line) <= width for line in lines if len(line) > 1)


def test_a_bracket_inside_a_word_is_no_break():
    lines = wrap_text("20名\u3000赴京跟岗学习的校(园)长和骨干教师（乌海市）", 24)
    assert not any(line.endswith("校") for line in lines), lines
    assert "校(园)长" in "".join(line for line in lines if "(园)" in line)


def test_line_marks_keep_dates_fractions_and_numbers_with_their_units_whole():
    from metrics.linebreak import NO_BREAK_SPACE, WORD_JOINER, line_marks

    marked = line_marks("鄂府发〔2025〕8号 2025-03-21 · 第 5/9 页、计划 6 条")
    plain = marked.replace(SOFT_BREAK, "").replace(WORD_JOINER, "")
    assert (
        plain.replace(NO_BREAK_SPACE, " ") == "鄂府发〔2025〕8号 2025-03-21 · 第 5/9 页、计划 6 条"
    )
    assert f"2025-{WORD_JOINER}03-{WORD_JOINER}21" in marked
    assert f"5/{WORD_JOINER}9{NO_BREAK_SPACE}页" in marked and f"6{NO_BREAK_SPACE}条" in marked
    assert "计划 6" in marked  # the line may still end before the number (at the space)


def test_a_line_never_ends_between_a_number_and_its_unit():
    for width in (8, 10, 12, 14, 17):
        lines = wrap_text("京蒙合作关系：已实现 8 条、计划 6 条", width)
        assert "".join(lines).replace(" ", "") == "京蒙合作关系：已实现8条、计划6条"
        assert not any(line.rstrip()[-1].isdigit() for line in lines), lines
