"""汇报模式: the current filter as a sequence of 16:9 slides, a PPTX download and a QR permalink."""

from datetime import date

import streamlit as st

from metrics.markdown import escape_markdown
from metrics.urls import share_url, slide_in_url
from ui import cache, map_cache, page, present_deck, slides
from ui.labels import LABELS

KEY_SLIDE = "slide"  # URL parameter, 1-based
STATE_SLIDE = "present_slide"

# No sidebar here (SLIDE_CSS hides it): the filters come from the URL and the session.
ctx = page.start(sidebar=False, css=slides.SLIDE_CSS, script=slides.KEYS_JS)
shown = present_deck.deck(ctx.path, ctx.filters, ctx.data)
plans = shown.plans

if STATE_SLIDE not in st.session_state:
    requested = st.query_params.get(KEY_SLIDE, "1")
    number, status = slide_in_url(requested, len(plans))
    if status != "ok":
        value = escape_markdown(requested[:40])
        notice = "present_past_end" if status == "past_end" else "present_bad_slide"
        st.warning(LABELS[notice].format(value=value, total=len(plans)))
    st.session_state[STATE_SLIDE] = number


def _step(delta: int) -> None:
    st.session_state[STATE_SLIDE] = min(len(plans), max(1, st.session_state[STATE_SLIDE] + delta))


number = min(st.session_state[STATE_SLIDE], len(plans))
if st.query_params.get(KEY_SLIDE) != str(number):  # a message to the browser only when it changes
    st.query_params[KEY_SLIDE] = str(number)
plan = plans[number - 1]
image = shown.image(number) if plan.image else b""
if image and map_cache.is_phone():  # a picture framed for the phone, names as large as on a laptop
    image = cache.briefing_phone_map(ctx.path, ctx.filters)
slides.draw(
    plan,
    shown.footers[number - 1],
    key=f"slide_{number}",
    page=shown.pages[number - 1],
    image=image,
    figure=shown.figure(number),
)

# One row (SLIDE_CSS gives it the proportions 1:1:2:3:2; a column on a phone): a horizontal
# container is one message to the browser, five columns are six.
controls = st.container(horizontal=True, key="present_controls")
controls.button(
    LABELS["present_prev"],
    key="w_prev",
    on_click=_step,
    args=(-1,),
    disabled=number == 1,
    width="stretch",
)
controls.button(
    LABELS["present_next"],
    key="w_next",
    on_click=_step,
    args=(1,),
    disabled=number == len(plans),
    width="stretch",
)
controls.markdown(f"**{number} / {len(plans)}** · {shown.scope}")
controls.download_button(
    LABELS["present_download"],
    data=lambda: cache.briefing_pptx(ctx.path, ctx.filters),
    file_name=LABELS["present_file"].format(date=date.today().isoformat()),
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    key="dl_pptx",
    on_click="ignore",
)
if controls.button(
    LABELS["present_exit"], key="w_exit", type="primary", icon=":material/close:", width="stretch"
):
    st.session_state.pop(STATE_SLIDE, None)
    st.query_params.pop(KEY_SLIDE, None)
    st.switch_page("views/overview.py")
st.caption(LABELS["present_keys"])  # full width: one line under the controls, inside the window

with st.expander(LABELS["present_share"]):
    url = share_url(st.context.url or "", st.query_params.to_dict())
    st.html(slides.share_html(url))
    st.code(url, language=None)
