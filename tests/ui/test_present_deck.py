"""汇报模式's decks are built once per filter and data revision and shared by every session; map
pictures are made once at the size the page shows; the navigation's pages are built once."""

import io

import streamlit as st
from PIL import Image
from streamlit.testing.v1 import AppTest

from metrics.filters import Filters
from tests.conftest import ROOT
from ui import loaders, present_deck, shell, slides


def _png(width: int, height: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_wide_map_is_scaled_once_to_what_the_page_shows_and_stays_png():
    scaled = present_deck.page_image(_png(1600, 1000))
    picture = Image.open(io.BytesIO(scaled))
    assert picture.format == "PNG" and picture.size == (1460, 912)
    narrow = _png(800, 500)
    assert present_deck.page_image(narrow) is narrow  # nothing for Streamlit to redo either


def test_sessions_share_one_deck_until_the_data_changes():
    st.cache_resource.clear()
    key = loaders.data_key()
    data = loaders.dataset_at(key)
    medical = Filters(field=("医疗",))
    first = present_deck.deck(key, medical, data)
    assert present_deck.deck(key, Filters(field=("医疗",)), data) is first  # another session
    assert len(first.plans) == len(first.footers) == len(first.pages) == 6
    assert first.footers[2].endswith("第 3/6 页") and first.scope == "领域：医疗"
    assert first.pages[0].startswith('<div class="slide-page">')  # the title slide: HTML alone
    assert first.pages[2] is None and first.figure(3) is first.figure(3)  # a chart, made once
    st.cache_resource.clear()  # e.g. the loaders' cache dropped: a new Dataset object
    again = loaders.dataset_at(key)
    assert present_deck.deck(key, medical, again) is not first


def test_slides_without_chart_or_map_are_one_element_with_their_footer():
    st.cache_resource.clear()
    key = loaders.data_key()
    shown = present_deck.deck(key, Filters(), loaders.dataset_at(key))
    kinds = {plan.kind: page for plan, page in zip(shown.plans, shown.pages, strict=True)}
    assert kinds["map"] is None and kinds["title"] and kinds["kpis"] and kinds["sources"]
    for page, footer in zip(shown.pages, shown.footers, strict=True):
        if page is not None:
            assert page.endswith(slides.footer_html(footer) + "</div>")


def test_the_pages_are_built_once_and_each_run_gets_its_own_copies(monkeypatch):
    """Two sessions' runs in one process: st.navigation marks the page it returns as callable
    once, so sharing the page objects themselves would let one session's run refuse another's."""
    given = []
    original = st.navigation
    monkeypatch.setattr(
        st, "navigation", lambda pages, **kw: given.append(pages) or original(pages, **kw)
    )
    shell._built.clear()
    first = AppTest.from_file(ROOT / "app.py", default_timeout=30).run()
    second = AppTest.from_file(ROOT / "app.py", default_timeout=30).run()
    second.switch_page("views/present.py").run()
    assert not first.exception and not second.exception
    assert len(shell._built) == 1
    built = [page for group in next(iter(shell._built.values())).values() for page in group]
    runs = [[page for group in pages.values() for page in group] for pages in given]
    assert len(runs) == 3 and all(len(run) == len(built) == 13 for run in runs)
    assert not {id(page) for run in runs for page in run} & {id(page) for page in built}
