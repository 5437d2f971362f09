"""Drawing one briefing slide in the browser: 16:9, large type, footer with sources and date."""

from __future__ import annotations

import base64
import functools
import io
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import segno
import streamlit as st

from briefing.deck import SlidePlan, source_rows
from metrics.display import is_target, kind_label, marked_label
from metrics.linebreak import line_marks
from metrics.vocab import FIELD_COLORS
from ui import charts
from ui.cards import escape
from ui.headline import em_width
from ui.labels import LABELS

SLIDE_CSS = """
<style>
[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], header[data-testid=stHeader],
[data-testid=stToolbar], [data-testid=stDecoration] {display: none !important;}
[data-testid=stMainBlockContainer] {padding-top: 1rem; max-width: 100%;}
/* 16:9 and whole inside the window (controls below it); a slide whose content is taller grows
   instead of cutting it off (aspect-ratio with visible overflow). */
.st-key-slide, .slide-frame {aspect-ratio: 16 / 9; width: min(100%, calc((100vh - 9rem) * 16 / 9));
  margin: 0 auto; border: 2px solid #101828; border-radius: 10px; padding: 1.6% 2.6%;
  background: #fff; overflow: visible; justify-content: flex-start; gap: .5rem;}
/* A slide without chart or map is one HTML element (page_html in .slide-frame), not a keyed
   container around one: one message less to every phone of a room. */
.slide-frame {display: flex; flex-direction: column; box-sizing: border-box;}
.slide-title {font-size: clamp(26px, 2.9vw, 60px); font-weight: 800; color: #0b1f3a; line-height: 1.15;}
.slide-sub {font-size: clamp(15px, 1.3vw, 28px); color: #344054; margin-top: .2em;}
/* Text wraps only at the break points line_marks leaves (never 联/动, 2025-/03-21, 6 / 条). */
.slide-title, .slide-sub, .slide-footer {word-break: keep-all; overflow-wrap: anywhere;}
.slide-big {font-size: clamp(36px, 4.6vw, 96px); font-weight: 800; color: #0b1f3a; margin-top: 12%;}
.slide-list {font-size: clamp(15px, 1.3vw, 26px); line-height: 1.55; color: #101828;
  word-break: keep-all; overflow-wrap: anywhere;}  /* wraps at list_html's soft breaks */
.slide-list.dense {font-size: clamp(14px, 1.1vw, 22px);}
/* A wrapped line goes on indented under its first line; a 其中 line keeps its own indent. */
.slide-list .li {padding-left: 1em; text-indent: -1em;}
.slide-list .li.sub {padding-left: 3em;}
.st-key-slide > div:last-child {margin-top: auto;}
/* page_html fills its frame, its footer at the bottom. */
.slide-page {display: flex; flex-direction: column; gap: .5rem; flex: 1 1 auto;}
.slide-page > .slide-footer {margin-top: auto;}
.slide-footer {font-size: clamp(11px, 0.8vw, 16px); color: #475467; border-top: 1px solid #d0d5dd;
  padding-top: .3em;}
.slide-row-head {font-size: clamp(13px, 1vw, 20px); font-weight: 700; color: #475467; margin-top: .6vw;}
.slide-kpis {display: grid; grid-template-columns: repeat(4, 1fr); gap: 1.2vw; margin-top: .4vw;}
.slide-kpi {border-top: .45vw solid var(--c); padding: .5vw .4vw;}
.slide-kpi.target {border-top-style: dashed; background: repeating-linear-gradient(135deg, #fff,
  #fff 8px, #f2f4f7 8px, #f2f4f7 10px);}
.slide-kpi .v {font-size: clamp(24px, 2.7vw, 56px); font-weight: 800; color: #0b1f3a; line-height: 1.1;}
.slide-kpi .n {white-space: nowrap;}
.slide-kpi {container-type: inline-size;}
.slide-kpi .v {white-space: nowrap;}
/* A long amount with its （目标） mark (50亿元以上（目标）) shrinks to its card, not onto 2 lines. */
.slide-kpi .v.long {font-size: min(clamp(24px, 2.7vw, 56px), 12.5cqi);}
.slide-kpi .m {font-size: .45em; color: #475467; font-weight: 700; white-space: nowrap;}
.slide-kpi .l {font-size: clamp(13px, 1.1vw, 22px); color: #101828; word-break: keep-all;
  overflow-wrap: anywhere;}
.slide-kpi .p {font-size: clamp(11px, .9vw, 18px); color: #475467;}
/* The controls under the slide (views/present.py): one row as st.columns([1, 1, 2, 3, 2]) lays
   it out (each column its share less 4/5 of the four 1rem gaps). */
.st-key-present_controls {gap: 1rem; align-items: center;}
.st-key-present_controls [data-testid=stMarkdownContainer],
.st-key-present_controls [data-testid=stMarkdownContainer] p {margin: 0;}
.st-key-present_controls > div {flex: 0 0 calc(100% / 9 - 0.8rem) !important; min-width: 0 !important;
  width: auto !important;}
.st-key-present_controls > div:nth-child(3), .st-key-present_controls > div:nth-child(5) {
  flex-basis: calc(200% / 9 - 0.8rem) !important;}
.st-key-present_controls > div:nth-child(4) {flex-basis: calc(300% / 9 - 0.8rem) !important;}
.st-key-dl_pptx button {width: auto;}
.present-keys {font-size: 14px; color: rgba(49, 51, 63, .6); margin: 0 0 1rem;}
/* The share box: a native disclosure drawn like st.expander (no widget, no message on opening). */
.present-share {border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem;}
.present-share summary {padding: .75rem 1rem; cursor: pointer; font-size: 1rem;}
.present-share[open] summary {padding-bottom: .5rem;}
.present-share > :not(summary) {margin: 0 1rem 1rem;}
.present-url {display: block; user-select: all; overflow-wrap: anywhere; padding: .6rem .8rem;
  background: #f0f2f6; border-radius: .5rem; font-size: 14px; color: #101828;}
.slide-share {display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start;}
.slide-share img {image-rendering: pixelated; flex: none;}
.slide-share p {flex: 1 1 16rem; margin: 0;}
.slide-share .slide-share-warn {flex-basis: 100%; color: #b42318; font-weight: 700;}
/* A phone: one readable column, nothing cut; the list carries every number the chart shows. */
@media (max-width: 640px) {
  .st-key-slide, .slide-frame {aspect-ratio: auto; width: 100%; padding: 14px;}
  .slide-big {margin-top: 1rem;}
  .slide-kpis {grid-template-columns: 1fr 1fr;}
  .slide-kpi .v {font-size: 24px;}
  .st-key-slide_chart {display: none;}
  .slide-list, .slide-list.dense {font-size: 16px;}
  .st-key-present_controls {flex-direction: column; align-items: stretch;}
  .present-keys {display: none;}  /* no clicker or keyboard on a phone */
  .st-key-dl_pptx button {width: 100%;}  /* as wide as the buttons above and below it */
  .st-key-present_controls > div {flex: none !important; width: 100% !important;}
}
</style>
"""


# Pixels of the QR code on the page: large enough to scan from the back of a room when the share
# box is projected (a reviewer found 160 px small at 1366×768), still whole on a 390 px phone.
QR_PX = 280


@functools.lru_cache(maxsize=256)  # a room of phones opens the same few addresses
def qr_png(url: str, width: int = QR_PX) -> bytes:
    """A QR code of `url` as PNG (segno; drawn locally), whole pixels per module, at most `width`
    pixels wide: a wider one Streamlit would decode, scale down and encode again on every run."""
    code = segno.make(url, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, width // modules), border=2)
    return buffer.getvalue()


@functools.lru_cache(maxsize=256)
def qr_data_url(url: str, width: int = QR_PX) -> str:
    """qr_png of `url` as a data: URL. Streamlit hands such an image to the browser as it is;
    PNG bytes it would open, re-encode as JPEG (a QR code has no alpha) and store per session."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url, width)).decode("ascii")


LOOPBACK = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # hosts a phone cannot reach


def share_html(url: str) -> str:
    """The QR code of `url` and how to use it, side by side (one element: the picture inline);
    under it a warning when `url` is this machine's own address, which no phone can open."""
    host = (urlsplit(url).hostname or "").lower()
    local = host in LOOPBACK or host.startswith("127.")
    warning = f'<p class="slide-share-warn">{escape(LABELS["present_share_local"])}</p>'
    return (
        f'<div class="slide-share"><img src="{qr_data_url(url)}" width="{QR_PX}" height="{QR_PX}" '
        f'alt="{escape(LABELS["present_share"])}"><p>{escape(LABELS["present_share_help"])}</p>'
        f"{warning if local else ''}</div>"
    )


def keys_and_share_html(url: str) -> str:
    """The line on clickers and keys, then the share box (the QR code of `url`, how to use it,
    the address to select and copy) as a closed disclosure: one element, no widget."""
    return (
        f'<p class="present-keys">{escape(LABELS["present_keys"])}</p>'
        f'<details class="present-share"><summary>{escape(LABELS["present_share"])}</summary>'
        f'{share_html(url)}<code class="present-url">{escape(url)}</code></details>'
    )


def heading_html(title: str, subtitle: str, big: bool = False) -> str:
    """A slide's title (big on the title slide) and its subtitle lines, escaped."""
    css = "slide-big" if big else "slide-title"
    lines = "".join(
        f'<div class="slide-sub">{escape(line_marks(line))}</div>'
        for line in subtitle.split("\n")
        if line
    )
    return f'<div class="{css}">{escape(title)}</div>{lines}'


LONG_AMOUNT_EM = 6.0


def _kpi_html(card) -> str:
    mark = (
        f'<span class="m">{escape(marked_label("", card.kind))}</span>'
        if is_target(card.kind)
        else ""
    )
    css = "slide-kpi target" if is_target(card.kind) else "slide-kpi"
    # em: the amount plus its mark at .45em; past ~6em it no longer fits a quarter of a slide.
    long = " long" if em_width(card.display) + (1.8 if mark else 0) > LONG_AMOUNT_EM else ""
    return (
        f'<div class="{css}" style="--c:{FIELD_COLORS.get(card.field, "#101828")}">'
        f'<div class="v{long}"><span class="n">{escape(card.display)}</span>{mark}</div><div class="l">{escape(line_marks(card.indicator))}</div>'
        f'<div class="p">{escape(card.place)} · {escape(card.field)}</div></div>'
    )


def kpis_html(rows: pd.DataFrame) -> str:
    """主要数字: results on one row, targets on the next, each row headed by its kind."""
    targets = rows["kind"].map(is_target)
    parts = []
    for target in (False, True):
        cards = rows[targets == target]
        if cards.empty:
            continue
        if targets.nunique() > 1:
            head = kind_label("target" if target else "achievement")
            parts.append(f'<div class="slide-row-head">{escape(head)}</div>')
        items = "".join(_kpi_html(card) for card in cards.itertuples(index=False))
        parts.append(f'<div class="slide-kpis">{items}</div>')
    return "".join(parts)


SUB_INDENT = "\u3000\u3000"  # a line under the one before (其中 4家：…), as figure_lines writes it


def list_html(lines: list[str], dense: bool = False) -> str:
    """A slide's list, one escaped block per line, wrapping between words (line_marks); a line
    that wraps goes on under its own first word (hanging indent), a 其中 line under its whole
    keeps its indent on every line."""
    css = "slide-list dense" if dense else "slide-list"
    items = []
    for line in lines:
        sub = line.startswith(SUB_INDENT)
        text = line.removeprefix(SUB_INDENT) if sub else line
        items.append(f'<div class="li{" sub" if sub else ""}">{escape(line_marks(text))}</div>')
    return f'<div class="{css}">{"".join(items)}</div>'


def footer_html(text: str) -> str:
    """A slide's footer line, escaped, wrapping between words."""
    return f'<div class="slide-footer">{escape(line_marks(text))}</div>'


CHART_HEIGHT = 430  # px: a field slide's chart between its title and its footer at 1366×768


def chart_figure(plan: SlidePlan) -> go.Figure:
    """The plotly chart of a chart slide (shared read-only once built: never mutate)."""
    rows = plan.chart.assign(field=plan.field or LABELS["present_field_all"])
    for column in ("quote", "source_title", "place"):
        if column not in rows:  # the plan slide counts tasks per section
            rows[column] = ""
    figure = charts.indicator_chart(rows, plan.chart_unit, projector=True)
    # within the 16:9 slide, whatever the number of bars
    figure.update_layout(height=min(figure.layout.height, CHART_HEIGHT))
    return figure


CHART_KINDS = ("field", "other", "plan")  # slides with a chart (when they have rows for one)


def body_html(plan: SlidePlan) -> str | None:
    """The slide's content under its title when it is HTML alone (None: a chart or a map)."""
    if plan.kind == "map" or (plan.kind in CHART_KINDS and not plan.chart.empty):
        return None
    if plan.kind == "kpis":
        return kpis_html(plan.rows)
    if plan.kind == "sources":
        return list_html(source_rows(plan.rows))
    if plan.kind in CHART_KINDS:
        return list_html(plan.lines)
    return ""


def page_html(plan: SlidePlan, footer: str) -> str | None:
    """A slide without chart or map as one piece of HTML: title, content and footer (one
    element, one message to the browser, instead of three); None for the others."""
    body = body_html(plan)
    if body is None:
        return None
    heading = heading_html(plan.title, plan.subtitle, big=plan.kind == "title")
    return (
        f'<div class="slide-page"><div>{heading}</div>{f"<div>{body}</div>" if body else ""}'
        f"{footer_html(footer)}</div>"
    )


def draw(
    plan: SlidePlan,
    footer: str,
    key: str,
    page: str | None = None,
    image: bytes = b"",
    figure: go.Figure | None = None,
) -> None:
    """Draw one slide plan (briefing.slides.SlidePlan) inside the slide container; `page` is its
    page_html when it has one, `image` its map prepared for the page, `figure` its chart (each
    made once per deck: ui/present_deck.py; made here when not given)."""
    if page is not None:
        st.html(f'<div class="slide-frame">{page}</div>')
        return
    with st.container(key="slide"):
        st.html(heading_html(plan.title, plan.subtitle, big=plan.kind == "title"))
        if plan.kind == "map":
            # 16:10 picture in what is left of a 16:9 slide under the title and above the footer.
            _, middle, _ = st.columns([0.2, 0.6, 0.2])
            middle.image(image or plan.image, width="stretch", output_format="PNG")
        else:
            left, right = st.columns([3, 2])
            with left, st.container(key="slide_chart"):
                charts.show(figure or chart_figure(plan), key=f"{key}_chart")
            with right:
                st.html(list_html(plan.lines, dense=True))
        st.html(footer_html(footer))


# What presentation clickers and keyboards send (added with the page's style: page.start): →, PageDown, Space (and ↓) for the next slide,
# ←, PageUp (and ↑) for the previous one. The listener is added once per browser tab, clicks
# the page's own buttons (so the URL and state change as with a mouse), and does nothing on
# other pages or while the user types in a field.
KEYS_JS = """
<script>
(() => {
  if (window.__jmbSlideKeys) return;
  window.__jmbSlideKeys = true;
  const NEXT = ["ArrowRight", "PageDown", " ", "Spacebar", "ArrowDown"];
  const PREV = ["ArrowLeft", "PageUp", "ArrowUp"];
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    const target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    const key = NEXT.includes(event.key) ? "w_next" : PREV.includes(event.key) ? "w_prev" : "";
    const button = key && document.querySelector(`.st-key-${key} button`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  }, true);
})();
</script>
"""
