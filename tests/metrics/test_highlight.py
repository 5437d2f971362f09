"""Figures in their source text: highlighted segments and a quote in its sentence."""

import pandas as pd
import pytest

from metrics.highlight import Segment, figure_spans, highlight_segments, quote_in_context

TEXT = "第一句。北京派专家250余人次，开展手术630余例次。第三句\n第四句。"


def test_figure_spans_find_each_quote():
    figures = pd.DataFrame(
        {"figure_id": ["a", "b"], "quote": ["开展手术630余例次", "派专家250余人次"]}
    )
    spans = figure_spans(TEXT, figures)
    assert [fid for _, _, fid in spans] == ["b", "a"]
    assert TEXT[spans[0][0] : spans[0][1]] == "派专家250余人次"


def test_highlight_segments_cover_the_text_exactly_and_mark_overlaps():
    spans = [(6, 15, "a"), (10, 20, "b")]
    segments = highlight_segments(TEXT, spans)
    assert "".join(s.text for s in segments) == TEXT
    assert [s.figure_ids for s in segments if s.figure_ids] == [("a",), ("a", "b"), ("b",)]


def test_highlight_segments_without_spans_is_one_plain_segment():
    assert highlight_segments("正文", []) == [Segment("正文", ())]


def test_quote_in_context_returns_the_sentence():
    before, quote, after = quote_in_context(TEXT, "开展手术630余例次")
    assert (before, quote, after) == ("北京派专家250余人次，", "开展手术630余例次", "。")


def test_quote_in_context_stops_at_a_line_break():
    assert quote_in_context(TEXT, "第三句") == ("", "第三句", "")


def test_quote_in_context_rejects_a_quote_not_in_the_text():
    with pytest.raises(ValueError, match="不在原文"):
        quote_in_context(TEXT, "派专家260余人次")
