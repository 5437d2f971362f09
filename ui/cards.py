"""KPI cards and source footers as escaped HTML: text from documents is shown, never executed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape as _html_escape
from urllib.parse import quote as quote_url

import pandas as pd
import streamlit as st
from PIL import ImageColor

from metrics.citation import citation
from metrics.display import marked_label
from metrics.highlight import Segment
from ui.labels import KIND_LABELS, LABELS

CARD_CSS = """
<style>
.kpi-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:16px;}
.kpi{background:#fff;border:1px solid #d0d5dd;border-top:8px solid var(--c);border-radius:10px;
 padding:14px 16px;display:flex;flex-direction:column;gap:6px;color:#111;}
.kpi-meta{display:flex;gap:8px;align-items:center;font-size:15px;}
.kpi-chip{background:var(--c);color:var(--t);border-radius:4px;padding:1px 8px;font-weight:700;}
.kpi-kind{border:1px solid #667085;border-radius:4px;padding:0 6px;color:#344054;}
.kpi-kind.target{border:2px dashed #b54708;color:#7a2e0e;background:#fffaeb;font-weight:700;}
.kpi-value{font-size:40px;font-weight:800;line-height:1.15;color:#0b1f3a;word-break:keep-all;}
.kpi-label{font-size:19px;font-weight:600;line-height:1.35;}
.kpi-where{font-size:15px;color:#344054;}
.kpi-part{font-size:15px;font-weight:600;color:#344054;border-left:3px solid var(--c);padding-left:6px;}
.kpi-quote{margin:4px 0 0;padding:6px 10px;border-left:4px solid var(--c);background:#f5f7fa;
 font-size:15px;line-height:1.5;color:#1d2939;}
.kpi-source{font-size:13px;color:#475467;}
.kpi-link{color:#0B5CAD;font-weight:600;text-decoration:underline;}
.src-footer{font-size:14px;color:#344054;border-top:1px solid #d0d5dd;margin-top:12px;padding-top:8px}
.src-footer li{margin:2px 0}
</style>
"""


def escape(text: str) -> str:
    """HTML-escape data text and keep its line breaks as <br> (no blank lines reach the DOM)."""
    return _html_escape(str(text)).replace("\r", "").replace("\n", "<br>")


def text_color_on(hex_color: str) -> str:
    """Black or white text, whichever reads better on a background colour (WCAG luminance)."""
    channels = [c / 255 for c in ImageColor.getrgb(hex_color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def source_html(row: pd.Series) -> str:
    """'《title》 publisher 文号 date' for one source or card row, escaped."""
    return escape(citation(row, LABELS["footer_author"]))


def card_html(card: Mapping) -> str:
    """One KPI card: value with qualifier, indicator, places, and the verbatim quote with source."""
    where = escape(card["place"])
    if card["partner"]:
        where += f" · {LABELS['card_partner']}：{escape(card['partner'])}"
    tooltip = escape(f"{card['quote']}（{card['note']}）" if card["note"] else card["quote"])
    return (
        f'<div class="kpi" style="--c:{card["color"]};--t:{text_color_on(card["color"])}" '
        f'title="{tooltip}" data-figure-id="{escape(card["figure_id"])}">'
        f'<div class="kpi-meta"><span class="kpi-chip">{escape(card["field"])}</span>'
        f'<span class="kpi-kind {escape(card["kind"])}">'
        f"{escape(KIND_LABELS.get(card['kind'], card['kind']))}</span></div>"
        f'<div class="kpi-value">{escape(card["display"])}</div>'
        f'<div class="kpi-label">{escape(card["indicator"])}</div>'
        f'<div class="kpi-where">{where}</div>'
        + (
            f'<div class="kpi-part">{escape(card["part_note"])}</div>'
            if card.get("part_note")
            else ""
        )
        + f'<blockquote class="kpi-quote">{LABELS["card_quote"]}：“{escape(card["quote"])}”'
        f"</blockquote>"
        f'<div class="kpi-source">{source_html(card)}'
        f' · <a class="kpi-link" href="sources?figure={quote_url(card["figure_id"])}" '
        f'target="_self">{LABELS["card_context"]}</a></div>'
        f"</div>"
    )


def cards_html(cards: pd.DataFrame) -> str:
    """The whole KPI grid as one HTML string (no blank lines, so no markdown is ever applied)."""
    body = "".join(card_html(card) for card in cards.to_dict("records"))
    return CARD_CSS.replace("\n", "") + f'<div class="kpi-grid">{body}</div>'


FOOTER_LIMIT = 12


def footer_html(sources: pd.DataFrame) -> str:
    """The sources behind what the page shows: title, issuer, document number, date.

    At most FOOTER_LIMIT are listed; the rest are counted (the 数据表 page lists every row's source).
    """
    shown = sources.head(FOOTER_LIMIT).astype(object)
    items = "".join(f"<li>{source_html(row)}</li>" for _, row in shown.iterrows())
    if len(sources) > FOOTER_LIMIT:
        items += f"<li>{LABELS['footer_more'].format(n=len(sources) - FOOTER_LIMIT)}</li>"
    return f'<div class="src-footer"><b>{LABELS["footer_title"]}</b><ul>{items}</ul></div>'


def show_cards(cards: pd.DataFrame) -> None:
    """Render the KPI grid."""
    st.html(cards_html(cards))


def source_footer(sources: pd.DataFrame) -> None:
    """Render the source footer under a chart, table or card grid."""
    st.html(CARD_CSS.replace("\n", "") + footer_html(sources))


DOC_CSS = (
    "<style>.doc{font-size:18px;line-height:1.9;max-width:60em;color:#101828;background:#fff;"
    "border:1px solid #d0d5dd;border-radius:8px;padding:16px 22px}"
    ".doc mark{background:#fff1b8;border-bottom:2px solid #b54708;padding:0 1px}"
    ".doc mark.focus,.ctx mark{background:#fdb022;outline:3px solid #b54708}"
    ".ctx{font-size:20px;line-height:1.8;border-left:6px solid #b54708;background:#fffaeb;"
    "padding:10px 16px;margin:6px 0 14px}</style>"
)


def context_html(before: str, quote: str, after: str) -> str:
    """A sentence with its quote marked, for 'show me where this number comes from'."""
    return (
        f'{DOC_CSS}<div class="ctx">{escape(before)}<mark>{escape(quote)}</mark>'
        f"{escape(after)}</div>"
    )


def document_html(segments: list[Segment], figures: pd.DataFrame, focus: str = "") -> str:
    """A whole source text, figures marked (hover: indicator and value), `focus` emphasised.

    `segments` come from metrics.highlight.highlight_segments; `figures` from figure_table.
    """
    labels = {
        row.figure_id: f"{row.indicator}：{marked_label(row.display, row.kind)}"
        for row in figures.itertuples(index=False)
    }
    parts = []
    for segment in segments:
        if not segment.figure_ids:
            parts.append(escape(segment.text))
            continue
        title = escape("；".join(labels.get(i, i) for i in segment.figure_ids))
        css = ' class="focus"' if focus in segment.figure_ids else ""
        anchor = escape(segment.figure_ids[0])
        parts.append(
            f'<mark id="fig-{anchor}" data-figures="{escape(" ".join(segment.figure_ids))}"'
            f'{css} title="{title}">{escape(segment.text)}</mark>'
        )
    body = re.sub(r"(<br>){3,}", "<br><br>", "".join(parts))
    body = re.sub(r"^(<br>|\s)+", "", body)  # the raw text starts with blank lines
    return f'{DOC_CSS}<div class="doc">{body}</div>'
