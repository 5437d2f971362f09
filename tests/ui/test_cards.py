"""KPI cards render document text as text: escaped, never executed."""

import pandas as pd
import pytest

from ui.cards import card_html, cards_html, footer_html, text_color_on

HOSTILE = "<script>alert('x')</script> **粗体** $x$"


def make_card(**overrides) -> pd.Series:
    card = {
        "figure_id": "f1",
        "field": "医疗",
        "color": "#D55E00",
        "indicator": "北京医疗机构派出专家",
        "display": "250余人次",
        "kind": "achievement",
        "place": "乌海市",
        "partner": "北京市",
        "quote": "北京医疗机构累计派专家250余人次",
        "source_title": "京蒙携手 双向奔赴",
        "publisher": "",
        "author": "赵辉",
        "doc_number": "",
        "published": "",
        "note": "",
    }
    return pd.Series({**card, **overrides})


def test_card_links_to_its_sentence_in_the_source():
    assert 'href="sources?figure=f1"' in card_html(make_card())


def test_card_shows_value_indicator_quote_and_source():
    html = card_html(make_card())
    for text in (
        "250余人次",
        "北京医疗机构派出专家",
        "“北京医疗机构累计派专家250余人次”",
        "《京蒙携手 双向奔赴》",
        "成果",
    ):
        assert text in html


@pytest.mark.parametrize("column", ["quote", "indicator", "place", "source_title", "note"])
def test_card_escapes_hostile_text(column):
    html = card_html(make_card(**{column: HOSTILE}))
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_grid_has_no_blank_lines_so_markdown_never_applies():
    assert "\n\n" not in cards_html(pd.DataFrame([make_card(quote="一\n\n二")]).astype(object))


def test_footer_escapes_source_titles():
    sources = pd.DataFrame(
        [
            {
                "title": HOSTILE,
                "publisher": "鄂尔多斯市人民政府",
                "author": "",
                "doc_number": "鄂府发〔2025〕8号",
                "published": "2025-03-21",
            }
        ]
    )
    html = footer_html(sources)
    assert "<script" not in html and "鄂府发〔2025〕8号" in html


@pytest.mark.parametrize(
    ("background", "text"), [("#0072B2", "#ffffff"), ("#E69F00", "#000000"), ("#332288", "#ffffff")]
)
def test_text_color_on_picks_the_readable_colour(background, text):
    assert text_color_on(background) == text


def test_footer_lists_a_dozen_sources_and_counts_the_rest():
    sources = pd.DataFrame(
        [{"title": f"报告{i}", "publisher": "", "author": "", "doc_number": "", "published": ""}
         for i in range(30)]
    )  # fmt: skip
    html = footer_html(sources)
    assert html.count("<li>") == 13 and "另有 18 份来源" in html


def test_every_field_colour_reads_as_text_on_white() -> None:
    """A tile's amount (and a PPTX card's) is written in its field's colour: each shade keeps
    4.5:1 on white (the 能源 blue read 2.3:1), and a colour that already does is kept as it is."""
    from metrics.colors import contrast_on_white, text_shade
    from metrics.vocab import FIELD_COLORS

    assert contrast_on_white(FIELD_COLORS["能源"]) < 3
    for color in FIELD_COLORS.values():
        assert contrast_on_white(text_shade(color)) >= 4.5, color
    assert text_shade("#0072B2") == "#0072b2"
