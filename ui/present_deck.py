"""汇报模式's slides for one filter at one data revision, built once and shared by every session
that opens them (a room scanning the same QR code): plans, footers, HTML and map pictures."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field

import plotly.graph_objects as go

from briefing.deck import SlidePlan, describe_scope, source_line
from metrics.filters import Filters
from metrics.load import Dataset
from metrics.markdown import escape_markdown
from ui import cache, slides
from ui.labels import LABELS

# Streamlit scales a wider picture down to this and re-encodes it, on every run (st.image).
PAGE_IMAGE_WIDTH = 1460


@dataclass(frozen=True)
class Deck:
    """One filter's slides as the page shows them: the plans, each slide's footer, each slide's
    whole HTML (None for a chart or map slide) and the scope line under the slides."""

    plans: tuple[SlidePlan, ...]
    footers: tuple[str, ...]
    pages: tuple[str | None, ...]
    scope: str  # markdown-escaped
    _made: dict[tuple[str, int], object] = field(default_factory=dict, compare=False, repr=False)

    def image(self, number: int) -> bytes:
        """Slide `number`'s map as a PNG at most PAGE_IMAGE_WIDTH wide (made once), so that
        st.image passes it on as it is."""
        found = self._made.get(("image", number))
        if found is None:
            found = self._made[("image", number)] = page_image(self.plans[number - 1].image)
        return found

    def figure(self, number: int) -> go.Figure | None:
        """Slide `number`'s chart (made once; None when it has none). Shared: never mutate."""
        plan = self.plans[number - 1]
        if plan.kind not in slides.CHART_KINDS or plan.chart.empty:
            return None
        found = self._made.get(("figure", number))
        if found is None:
            found = self._made[("figure", number)] = slides.chart_figure(plan)
        return found


def page_image(png: bytes, width: int = PAGE_IMAGE_WIDTH) -> bytes:
    """`png` scaled down to `width` pixels when wider (kept as it is otherwise), as PNG."""
    from PIL import Image

    picture = Image.open(io.BytesIO(png))
    if picture.width <= width and picture.format == "PNG":
        return png
    height = round(picture.height * width / picture.width)
    buffer = io.BytesIO()
    picture.resize((width, height), Image.Resampling.LANCZOS).save(buffer, format="PNG")
    return buffer.getvalue()


def build(plans: tuple[SlidePlan, ...], filters: Filters, data: Dataset, updated: str) -> Deck:
    """The Deck of `plans` (the slides of `filters` over `data`; sources dated `updated`)."""
    footers = tuple(
        LABELS["present_footer"].format(
            sources=source_line(plan.source_ids, data.sources) or "—",
            updated=updated,
            number=number,
            total=len(plans),
        )
        for number, plan in enumerate(plans, start=1)
    )
    pages = tuple(slides.page_html(p, f) for p, f in zip(plans, footers, strict=True))
    return Deck(plans, footers, pages, escape_markdown(describe_scope(filters, data)))


_decks: dict[tuple[str, Filters], tuple[Dataset, Deck]] = {}  # → (the data it was built from, it)
_lock = threading.Lock()
KEPT = 256  # filter combinations kept; more and the oldest half is dropped


def deck(data_key: str, filters: Filters, data: Dataset) -> Deck:
    """The Deck of `filters` at revision `data_key` (its Dataset `data`), built on first use.
    A plain dict, not st.cache: Streamlit's hashing of the arguments cost more than the lookup.
    Decks built from another Dataset object (another revision, or the loaders' cache was
    cleared) are dropped."""
    found = _decks.get((data_key, filters))
    if found is not None and found[0] is data:
        return found[1]
    plans = tuple(cache.briefing_slides(data_key, filters))
    built = build(plans, filters, data, cache.sources_updated(data_key))
    with _lock:
        for old in [key for key, (source, _) in _decks.items() if source is not data]:
            del _decks[old]
        if len(_decks) >= KEPT:
            for old in list(_decks)[: KEPT // 2]:
                del _decks[old]
        _decks[(data_key, filters)] = (data, built)
    return built
