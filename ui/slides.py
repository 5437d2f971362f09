"""Drawing one briefing slide in the browser: 16:9, large type, footer with sources and date."""

from __future__ import annotations

import io

import pandas as pd
import segno
import streamlit as st

from metrics.vocab import FIELD_COLORS
from ui import charts
from ui.cards import escape

SLIDE_CSS = """
<style>
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], header[data-testid=stHeader],
[data-testid=stToolbar], [data-testid=stDecoration] {display: none !important;}
[data-testid=stMainBlockContainer] {padding-top: 1rem; max-width: 100%;}
.st-key-slide {aspect-ratio: 16 / 9; border: 2px solid #101828; border-radius: 10px;
  padding: 2.2% 3%; background: #fff; overflow: hidden; justify-content: flex-start;}
.slide-title {font-size: clamp(28px, 3.4vw, 64px); font-weight: 800; color: #0b1f3a; line-height: 1.15;}
.slide-sub {font-size: clamp(16px, 1.5vw, 30px); color: #344054; margin-top: .3em;}
.slide-big {font-size: clamp(40px, 5vw, 96px); font-weight: 800; color: #0b1f3a; margin-top: 14%;}
.slide-list {font-size: clamp(16px, 1.45vw, 28px); line-height: 1.6; color: #101828;}
.slide-list b {font-size: 1.15em;}
.st-key-slide > div:last-child {margin-top: auto;}
.slide-footer {font-size: clamp(11px, 0.85vw, 16px); color: #475467; border-top: 1px solid #d0d5dd;
  padding-top: .4em;}
.slide-kpis {display: grid; grid-template-columns: repeat(4, 1fr); gap: 1.2vw; margin-top: 1.2vw;}
.slide-kpi {border-top: .5vw solid var(--c); padding: .6vw .4vw;}
.slide-kpi .v {font-size: clamp(24px, 3vw, 60px); font-weight: 800; color: #0b1f3a; line-height: 1.1;}
.slide-kpi .l {font-size: clamp(13px, 1.2vw, 24px); color: #101828;}
.slide-kpi .p {font-size: clamp(11px, .95vw, 18px); color: #475467;}
</style>
"""


def qr_png(url: str) -> bytes:
    """A QR code of `url` as PNG (segno; drawn locally)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def heading_html(title: str, subtitle: str, big: bool = False) -> str:
    css = "slide-big" if big else "slide-title"
    lines = "".join(
        f'<div class="slide-sub">{escape(line)}</div>' for line in subtitle.split("\n") if line
    )
    return f'<div class="{css}">{escape(title)}</div>{lines}'


def kpis_html(rows: pd.DataFrame) -> str:
    items = "".join(
        f'<div class="slide-kpi" style="--c:{FIELD_COLORS.get(r.field, "#101828")}">'
        f'<div class="v">{escape(r.display)}</div><div class="l">{escape(r.indicator)}</div>'
        f'<div class="p">{escape(r.place)} · {escape(r.field)}</div></div>'
        for r in rows.itertuples(index=False)
    )
    return f'<div class="slide-kpis">{items}</div>'


def list_html(lines: list[str]) -> str:
    return '<div class="slide-list">' + "<br>".join(escape(line) for line in lines) + "</div>"


def footer_html(text: str) -> str:
    return f'<div class="slide-footer">{escape(text)}</div>'


CHART_HEIGHT = 520  # px: a field slide's chart between its title and its footer


def draw(plan, footer: str, key: str) -> None:
    """Draw one slide plan (briefing.deck.SlidePlan) inside the 16:9 slide container."""
    from briefing.deck import _figure_lines  # the deck's own wording for figure lists

    with st.container(key="slide"):
        st.html(heading_html(plan.title, plan.subtitle, big=plan.kind == "title"))
        if plan.kind == "kpis":
            st.html(kpis_html(plan.rows))
        elif plan.kind in ("field", "plan"):
            if plan.chart.empty:
                st.html(list_html(_figure_lines(plan.rows)))
            else:
                left, right = st.columns([3, 2])
                with left:
                    chart_rows = plan.chart.assign(
                        figure_id=plan.chart.index.astype(str),
                        field=plan.title if plan.title in FIELD_COLORS else "综合",
                        quote="",
                        source_title="",
                    )
                    if "place" not in chart_rows:  # the plan slide counts tasks per section
                        chart_rows["place"] = ""
                    figure = charts.indicator_chart(chart_rows, plan.chart_unit, projector=True)
                    # within the 16:9 slide, whatever the number of bars
                    figure.update_layout(height=min(figure.layout.height, CHART_HEIGHT))
                    charts.show(figure, key=f"{key}_chart")
                with right:
                    st.html(list_html(_figure_lines(plan.rows)))
        elif plan.kind == "map":
            # 16:10 picture in what is left of a 16:9 slide under the title and above the footer.
            _, middle, _ = st.columns([0.2, 0.6, 0.2])
            middle.image(plan.image, width="stretch")
        elif plan.kind == "sources":
            lines = [
                f"《{r.title}》 {r.publisher or r.author} {r.doc_number} {r.published}".strip()
                for r in plan.rows.itertuples(index=False)
            ]
            st.html(list_html(lines))
        st.html(footer_html(footer))
