"""Drawing one briefing slide in the browser: 16:9, large type, footer with sources and date."""

from __future__ import annotations

import base64
import functools
import io
import threading
from dataclasses import dataclass

import pandas as pd
import segno
import streamlit as st

from briefing.deck import SlidePlan, describe_scope, source_line, source_rows
from metrics.display import is_target, kind_label, marked_label
from metrics.filters import Filters
from metrics.markdown import escape_markdown
from metrics.vocab import FIELD_COLORS
from ui import cache, charts
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
.st-key-slide {aspect-ratio: 16 / 9; width: min(100%, calc((100vh - 9rem) * 16 / 9));
  margin: 0 auto; border: 2px solid #101828; border-radius: 10px; padding: 1.6% 2.6%;
  background: #fff; overflow: visible; justify-content: flex-start; gap: .5rem;}
.slide-title {font-size: clamp(26px, 2.9vw, 60px); font-weight: 800; color: #0b1f3a; line-height: 1.15;}
.slide-sub {font-size: clamp(15px, 1.3vw, 28px); color: #344054; margin-top: .2em;}
.slide-big {font-size: clamp(36px, 4.6vw, 96px); font-weight: 800; color: #0b1f3a; margin-top: 12%;}
.slide-list {font-size: clamp(15px, 1.3vw, 26px); line-height: 1.55; color: #101828;}
.slide-list.dense {font-size: clamp(14px, 1.1vw, 22px);}
.st-key-slide > div:last-child {margin-top: auto;}
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
.slide-kpi .l {font-size: clamp(13px, 1.1vw, 22px); color: #101828;}
.slide-kpi .p {font-size: clamp(11px, .9vw, 18px); color: #475467;}
/* A phone: one readable column, nothing cut; the list carries every number the chart shows. */
@media (max-width: 640px) {
  .st-key-slide {aspect-ratio: auto; width: 100%; padding: 14px;}
  .slide-big {margin-top: 1rem;}
  .slide-kpis {grid-template-columns: 1fr 1fr;}
  .slide-kpi .v {font-size: 24px;}
  .st-key-slide_chart {display: none;}
  .slide-list, .slide-list.dense {font-size: 16px;}
}
</style>
"""


@functools.lru_cache(maxsize=256)  # a room of phones opens the same few addresses
def qr_png(url: str, width: int = 180) -> bytes:
    """A QR code of `url` as PNG (segno; drawn locally), whole pixels per module, at most `width`
    pixels wide: a wider one Streamlit would decode, scale down and encode again on every run."""
    code = segno.make(url, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, width // modules), border=2)
    return buffer.getvalue()


@functools.lru_cache(maxsize=256)
def qr_data_url(url: str, width: int = 180) -> str:
    """qr_png of `url` as a data: URL. Streamlit hands such an image to the browser as it is;
    PNG bytes it would open, re-encode as JPEG (a QR code has no alpha) and store per session."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url, width)).decode("ascii")


@dataclass(frozen=True)
class Deck:
    """One filter's slides as 汇报模式 shows them, at one data revision: the plans, each
    slide's footer and the scope line under the slides (built once, shared by every session)."""

    plans: tuple[SlidePlan, ...]
    footers: tuple[str, ...]
    scope: str  # markdown-escaped


_decks: dict[tuple[str, Filters], tuple[object, Deck]] = {}  # → (the Dataset it was built from, it)
_decks_lock = threading.Lock()
DECKS_KEPT = 256  # filter combinations kept per revision; more and the oldest half is dropped


def deck(data_key: str, filters: Filters, data) -> Deck:
    """The Deck of `filters` at revision `data_key` (its Dataset `data`), built on first use.
    A plain dict, not st.cache: a room of phones opens the same few decks, and Streamlit's
    hashing of the arguments cost more than what it saved. A deck of another revision or of
    another Dataset object (the loaders' cache was cleared) is dropped."""
    key = (data_key, filters)
    found = _decks.get(key)
    if found is not None and found[0] is data:
        return found[1]
    plans = tuple(cache.briefing_slides(data_key, filters))
    updated = cache.sources_updated(data_key)
    footers = tuple(
        LABELS["present_footer"].format(
            sources=source_line(plan.source_ids, data.sources) or "—",
            updated=updated,
            number=number,
            total=len(plans),
        )
        for number, plan in enumerate(plans, start=1)
    )
    built = Deck(plans, footers, escape_markdown(describe_scope(filters, data)))
    with _decks_lock:
        for old in [k for k, (source, _) in _decks.items() if source is not data]:
            del _decks[old]
        if len(_decks) >= DECKS_KEPT:
            for old in list(_decks)[: DECKS_KEPT // 2]:
                del _decks[old]
        _decks[key] = (data, built)
    return built


def heading_html(title: str, subtitle: str, big: bool = False) -> str:
    """A slide's title (big on the title slide) and its subtitle lines, escaped."""
    css = "slide-big" if big else "slide-title"
    lines = "".join(
        f'<div class="slide-sub">{escape(line)}</div>' for line in subtitle.split("\n") if line
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
        f'<div class="v{long}"><span class="n">{escape(card.display)}</span>{mark}</div><div class="l">{escape(card.indicator)}</div>'
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


def list_html(lines: list[str], dense: bool = False) -> str:
    """A slide's list, one escaped line each."""
    css = "slide-list dense" if dense else "slide-list"
    return f'<div class="{css}">' + "<br>".join(escape(line) for line in lines) + "</div>"


def footer_html(text: str) -> str:
    """A slide's footer line, escaped."""
    return f'<div class="slide-footer">{escape(text)}</div>'


CHART_HEIGHT = 430  # px: a field slide's chart between its title and its footer at 1366×768


def _chart(plan, key: str) -> None:
    rows = plan.chart.assign(field=plan.field or LABELS["present_field_all"])
    for column in ("quote", "source_title", "place"):
        if column not in rows:  # the plan slide counts tasks per section
            rows[column] = ""
    figure = charts.indicator_chart(rows, plan.chart_unit, projector=True)
    # within the 16:9 slide, whatever the number of bars
    figure.update_layout(height=min(figure.layout.height, CHART_HEIGHT))
    charts.show(figure, key=f"{key}_chart")


def draw(plan: SlidePlan, footer: str, key: str) -> None:
    """Draw one slide plan (briefing.slides.SlidePlan) inside the slide container."""
    with st.container(key="slide"):
        st.html(heading_html(plan.title, plan.subtitle, big=plan.kind == "title"))
        if plan.kind == "kpis":
            st.html(kpis_html(plan.rows))
        elif plan.kind in ("field", "other", "plan"):
            if plan.chart.empty:
                st.html(list_html(plan.lines))
            else:
                left, right = st.columns([3, 2])
                with left, st.container(key="slide_chart"):
                    _chart(plan, key)
                with right:
                    st.html(list_html(plan.lines, dense=True))
        elif plan.kind == "map":
            # 16:10 picture in what is left of a 16:9 slide under the title and above the footer.
            _, middle, _ = st.columns([0.2, 0.6, 0.2])
            middle.image(plan.image, width="stretch")
        elif plan.kind == "sources":
            st.html(list_html(source_rows(plan.rows)))
        st.html(footer_html(footer))


# What presentation clickers and keyboards send: →, PageDown, Space (and ↓) for the next slide,
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


def key_listener() -> None:
    """Let the keyboard and presentation clickers change slides (see KEYS_JS)."""
    st.html(KEYS_JS, unsafe_allow_javascript=True)
