"""ui/cache.py: every cached function in ui/ is dropped when the data changes, or kept on purpose."""

from __future__ import annotations

import importlib
import pkgutil

from streamlit.runtime.caching.cache_utils import CachedFunc

import ui
from ui import cache


def _cached_functions() -> dict[str, CachedFunc]:
    """Every st.cache_resource / st.cache_data function defined in a ui/ module, by its name."""
    found = {}
    for info in pkgutil.iter_modules(ui.__path__):
        module = importlib.import_module(f"ui.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, CachedFunc) and value._info.func.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return found


def test_every_cached_function_in_ui_is_cleared_with_the_data_or_kept_on_purpose() -> None:
    found = _cached_functions()
    registered = {id(function) for function in cache.VIEWS}
    missed = [n for n, f in found.items() if id(f) not in registered and n not in cache.KEPT]
    assert not missed, f"cached but never cleared when the data changes: {missed}"
    # a KEPT entry that no longer exists would hide a stale reason
    assert set(cache.KEPT) <= set(found)
    assert "ui.page._options_at" in found and "ui.cache.report_candidates" in found


def test_clear_views_drops_what_a_view_computed() -> None:
    calls = []

    @cache.view()
    def doubled(data_key: str, n: int) -> int:
        calls.append(n)
        return 2 * n

    try:
        assert doubled("sqlite:///x#rev1", 3) == 6
        assert doubled("sqlite:///x#rev1", 3) == 6
        assert calls == [3]  # the second call was answered from the cache
        cache.clear_views()
        assert doubled("sqlite:///x#rev1", 3) == 6
        assert calls == [3, 3]
    finally:
        cache.VIEWS.remove(doubled)


def test_the_sources_date_of_present_follows_the_revision(monkeypatch) -> None:
    import pandas as pd

    from metrics.load import Dataset

    def dataset(published: str) -> Dataset:
        sources = pd.DataFrame({"published": [published], "period": [""]})
        empty = pd.DataFrame()
        return Dataset(sources, {}, empty, empty, empty, empty)

    revisions = {
        "sqlite:///x#rev1": dataset("2025-03-01"),
        "sqlite:///x#rev2": dataset("2026-01-05"),
    }
    monkeypatch.setattr(cache.loaders, "dataset_at", revisions.__getitem__)
    try:
        assert cache.sources_updated("sqlite:///x#rev1") == "2025-03-01"
        # an edit makes a new revision: the footer shows the edited date at the next rerun
        assert cache.sources_updated("sqlite:///x#rev2") == "2026-01-05"
        assert cache.sources_updated("sqlite:///x#rev1") == "2025-03-01"
    finally:
        cache.sources_updated.clear()


def test_the_source_filter_shows_the_titles_of_the_current_revision() -> None:
    import pandas as pd

    from metrics.load import Dataset
    from ui import state

    def dataset(title: str) -> Dataset:
        sources = pd.DataFrame({"source_id": ["s1"], "title": [title]})
        empty = pd.DataFrame()
        return Dataset(sources, {}, empty, empty, empty, empty)

    before, after = dataset("旧标题"), dataset("新标题")
    assert state._formatter("source", before)("s1") == "旧标题"
    assert state._formatter("source", before)("s1") == "旧标题"
    # a saved edit to a source's title is a new dataset: the next rerun shows the new title
    assert state._formatter("source", after)("s1") == "新标题"
    assert state._formatter("source", after)("s9") == "s9"


def test_a_view_keys_filters_by_their_values() -> None:
    """Equal filters built apart share one result; a different filter (or order) gets its own."""
    from metrics.filters import Filters

    calls = []

    @cache.view()
    def shown(data_key: str, filters: Filters) -> tuple:
        calls.append(filters)
        return filters.field

    try:
        assert shown("r1", Filters(field=("教育",))) == ("教育",)
        assert shown("r1", Filters(field=(*["教育"],))) == ("教育",)
        assert len(calls) == 1
        assert shown("r1", Filters(field=("医疗",))) == ("医疗",)
        assert shown("r1", Filters(field=("教育",), place=("乌海市",))) == ("教育",)
        assert shown("r2", Filters(field=("教育",))) == ("教育",)
        assert len(calls) == 4
    finally:
        shown.clear()
        cache.VIEWS.remove(shown)
