"""汇报模式 (views/present.py): the current filter as a sequence of 16:9 slides, a PPTX download and a
QR permalink. The page a whole room opens at once from the QR code: every element is one more
message to every phone, every Streamlit command one more cost in every new session's first run
(bench/room.py), so what needs no widget is HTML."""

from __future__ import annotations

from datetime import date

import streamlit as st

from metrics.markdown import escape_markdown
from metrics.urls import share_url, slide_in_url
from ui import cache, map_cache, page, present_deck, slides
from ui.labels import LABELS
from ui.present_deck import Deck

KEY_SLIDE = "slide"  # URL parameter, 1-based
STATE_SLIDE = "present_slide"


def _step(delta: int, total: int) -> None:
    st.session_state[STATE_SLIDE] = min(total, max(1, st.session_state[STATE_SLIDE] + delta))


def _slide_number(total: int) -> int:
    """The slide to show: the session's, or on its first run the URL's (a Chinese notice when the
    URL names no slide of this deck); the URL follows it."""
    if STATE_SLIDE not in st.session_state:
        requested = st.query_params.get(KEY_SLIDE, "1")
        number, status = slide_in_url(requested, total)
        if status != "ok":
            value = escape_markdown(requested[:40])
            notice = "present_past_end" if status == "past_end" else "present_bad_slide"
            st.warning(LABELS[notice].format(value=value, total=total))
        st.session_state[STATE_SLIDE] = number
    number = min(st.session_state[STATE_SLIDE], total)
    # No slide in the URL means the first: a new session on slide 1 sends no URL change.
    if st.query_params.get(KEY_SLIDE, "1") != str(number):
        st.query_params[KEY_SLIDE] = str(number)
    return number


def _controls(ctx: page.PageContext, shown: Deck, number: int) -> None:
    """One row under the slide (SLIDE_CSS gives it the proportions 1:1:2:3:2; a column on a
    phone): a horizontal container is one message to the browser, five columns are six."""
    total = len(shown.plans)
    row = st.container(horizontal=True, key="present_controls")
    row.button(
        LABELS["present_prev"],
        key="w_prev",
        on_click=_step,
        args=(-1, total),
        disabled=number == 1,
        width="stretch",
    )
    row.button(
        LABELS["present_next"],
        key="w_next",
        on_click=_step,
        args=(1, total),
        disabled=number == total,
        width="stretch",
    )
    row.markdown(f"**{number} / {total}** · {shown.scope}")
    row.download_button(
        LABELS["present_download"],
        data=lambda: cache.briefing_pptx(ctx.path, ctx.filters),
        file_name=LABELS["present_file"].format(date=date.today().isoformat()),
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="dl_pptx",
        on_click="ignore",
    )
    exit_clicked = row.button(
        LABELS["present_exit"],
        key="w_exit",
        type="primary",
        icon=":material/close:",
        width="stretch",
    )
    if exit_clicked:
        st.session_state.pop(STATE_SLIDE, None)
        st.query_params.pop(KEY_SLIDE, None)
        st.switch_page("views/overview.py")


def show() -> None:
    """Draw 汇报模式 for the filter in the URL and session: the slide, its controls, the share."""
    # No sidebar here (SLIDE_CSS hides it): the filters come from the URL and the session.
    ctx = page.start(sidebar=False, css=slides.SLIDE_CSS, script=slides.KEYS_JS)
    shown = present_deck.deck(ctx.path, ctx.filters, ctx.data)
    number = _slide_number(len(shown.plans))
    plan = shown.plans[number - 1]
    image = shown.image(number) if plan.image else b""
    if image and map_cache.is_phone():  # a picture framed for the phone, names as on a laptop
        image = cache.briefing_phone_map(ctx.path, ctx.filters)
    slides.draw(
        plan,
        shown.footers[number - 1],
        key=f"slide_{number}",
        page=shown.pages[number - 1],
        image=image,
        figure=shown.figure(number),
    )
    _controls(ctx, shown, number)
    # The keys line and the share box (QR code and address): one element, no widget.
    url = share_url(st.context.url or "", st.query_params.to_dict())
    st.html(slides.keys_and_share_html(url))
