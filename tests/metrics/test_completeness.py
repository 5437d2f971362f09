"""The completeness guard finds every number and reports the ones nobody accounted for."""

from metrics.completeness import find_numbers, uncovered_numbers, unused_snippets

TEXT = "2025年以来，派专家250余人次，开展手术630余例次，对接近百家企业，第8次会议。"


def test_find_numbers_finds_arabic_and_chinese_numerals():
    tokens = [hit.token for hit in find_numbers(TEXT)]
    assert tokens == ["2025", "250", "630", "百", "8"]


def test_find_numbers_keeps_decimals_whole():
    assert [hit.token for hit in find_numbers("1.91万人次")] == ["1.91"]


def test_uncovered_numbers_reports_numbers_outside_quotes_and_ignores():
    hits = uncovered_numbers(TEXT, quotes=["派专家250余人次"], ignored=["2025年以来", "第8次会议"])
    assert [hit.token for hit in hits] == ["630", "百"]
    assert "手术" in hits[0].context


def test_uncovered_numbers_is_empty_when_everything_is_accounted_for():
    quotes = ["派专家250余人次", "开展手术630余例次", "对接近百家企业"]
    assert uncovered_numbers(TEXT, quotes, ["2025年以来", "第8次会议"]) == []


def test_uncovered_numbers_needs_the_whole_token_inside_a_span():
    assert [h.token for h in uncovered_numbers("共12个", quotes=["2个"], ignored=[])] == ["12"]


def test_unused_snippets_lists_stale_ignores():
    assert unused_snippets(TEXT, ["2025年以来", "第9次会议"]) == ["第9次会议"]
