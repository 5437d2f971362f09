"""Display tables built once per content and shared by every session of the process.

Streamlit asks a pandas Styler for every cell's display value on every run (`_compute`,
`_translate`): 数据表's figure table took ~20 ms a rerun for 24 rows. A table with the same rows
gets the same display object here; a Styler's answers are computed once and then given from
memory, so what Streamlit sends is unchanged (tests/ui/test_styled.py compares it with a fresh
Styler's). Rows that are the very object seen before (the pages' rows come from ui/cache.py)
are found without reading them; other rows by a hash of their content.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from enum import Enum
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

KEPT = 64  # display tables kept per kind, one per distinct content (a page of up to 500 rows each)
_CELL = re.compile(r"row(\d+)_col(\d+)")
_uuids = itertools.count()


def content_key(table: pd.DataFrame) -> tuple:
    """A key that differs when the rows, index, columns or dtypes differ (64-bit row hashes)."""
    try:
        rows = pd.util.hash_pandas_object(table, index=True).to_numpy()
    except TypeError:  # a cell pandas cannot hash (a list): key by the text of every cell
        return (tuple(table.columns), tuple(map(tuple, table.astype(str).to_numpy())))
    digest = hashlib.blake2b(rows.tobytes(), digest_size=16).digest()
    return (tuple(table.columns), tuple(map(str, table.dtypes)), len(table), digest)


class Memo:
    """Whatever `build(table)` returns, once per table content (LRU of KEPT per memo)."""

    def __init__(self, build: Callable[[pd.DataFrame], Any]) -> None:
        self.build = build
        self.lock = threading.Lock()
        self.by_content: OrderedDict[tuple, Any] = OrderedDict()
        # id(table) → (table, result); holding `table` keeps its id from being reused
        self.by_object: OrderedDict[int, tuple[pd.DataFrame, Any]] = OrderedDict()

    def __call__(self, table: pd.DataFrame) -> Any:
        with self.lock:
            held = self.by_object.get(id(table))
            if held is not None and held[0] is table:
                return held[1]
        key = content_key(table)
        with self.lock:
            result = self.by_content.get(key)
            if result is not None:
                self.by_content.move_to_end(key)
        if result is None:
            result = self.build(table)
        with self.lock:
            _remember(self.by_content, key, result)
            _remember(self.by_object, id(table), (table, result))
        return result


def _remember(memory: OrderedDict, key: object, value: object) -> None:
    memory[key] = value
    memory.move_to_end(key)
    if len(memory) > KEPT:
        memory.popitem(last=False)


def frozen(styler: Styler) -> Styler:
    """`styler` with its cell styles and display values computed now and answered from memory
    afterwards (it must not be changed after this); its uuid is fixed, so sessions sharing it
    never write to it."""
    styler.set_uuid(f"t{next(_uuids)}")
    styler._compute()
    translated = _without_plain_cells(styler._translate(False, False), styler.data)
    # Streamlit calls both on every run; they would give the same answer again.
    styler._compute = lambda: styler
    styler._translate = lambda *_args, **_kwargs: translated
    return styler


def _without_plain_cells(translated: dict, table: pd.DataFrame) -> dict:
    """A Styler's translated table without the body cells shown as their own text: Streamlit
    writes each body cell's display value over the table's text one by one; for a cell whose
    display value is its text that write changes nothing."""
    text = table.astype(str).to_numpy()

    def differs(cell: dict) -> bool:
        match = _CELL.match(cell.get("id") or "")
        if not match:
            return False
        shown = cell.get("display_value")
        shown = str(shown.value) if isinstance(shown, Enum) else str(shown)
        return shown != text[int(match[1]), int(match[2])]

    body = [[cell for cell in row if differs(cell)] for row in translated.get("body", [])]
    return {**translated, "body": body}
