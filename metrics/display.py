"""The one display rule for a figure: its amount as the source wrote it, and its kind.

Every surface (web cards and chart labels, hover text, tables, slides, PPTX data labels, notes,
map tooltips, exports) calls these functions, so a number never loses its qualifier (余/近/以上),
its unit or its kind (成果/目标) on the way to a viewer.
"""

from __future__ import annotations

import pandas as pd

from metrics.quantity import QuantityError, format_quantity, parse_quantity
from metrics.vocab import KIND_LABELS

TARGET = "target"


def figure_label(value: float, unit: str, qualifier: str, amount: str = "") -> str:
    """'250余人次', '近百家', '千名', '50亿元以上': the source's phrase when it states this value.

    `amount` is the number phrase quoted from the source (figures.amount). It is used as written
    (千名 stays 千名, not 1000名) when it parses to exactly this value, unit and qualifier; an
    edited or missing amount falls back to the formatted quantity, qualifier kept.
    """
    phrase = (amount or "").strip()
    if phrase:
        try:
            parsed = parse_quantity(phrase)
        except QuantityError:
            parsed = None
        if parsed is not None and (parsed.value, parsed.unit, parsed.qualifier) == (
            float(value),
            unit,
            qualifier,
        ):
            return phrase
    return format_quantity(float(value), unit, qualifier)


def figure_labels(figures: pd.DataFrame) -> pd.Series:
    """figure_label for every row of a figures frame (value, unit, qualifier, optional amount)."""
    amounts = figures["amount"] if "amount" in figures else pd.Series("", index=figures.index)
    labels = [
        figure_label(value, unit, qualifier, amount if isinstance(amount, str) else "")
        for value, unit, qualifier, amount in zip(
            figures["value"], figures["unit"], figures["qualifier"], amounts, strict=True
        )
    ]
    return pd.Series(labels, index=figures.index, dtype=object)


def kind_label(kind: str) -> str:
    """成果 or 目标, the display name of a figure's kind."""
    return KIND_LABELS.get(kind, kind)


def is_target(kind: str) -> bool:
    """True for a plan target (shown marked 目标, never as a result)."""
    return kind == TARGET


def marked_label(label: str, kind: str) -> str:
    """A label that carries its kind when it is a target: '50亿元以上（目标）'; results unmarked."""
    return f"{label}（{kind_label(kind)}）" if is_target(kind) else label


def marked_labels(figures: pd.DataFrame) -> pd.Series:
    """figure_labels with the 目标 mark on targets (value, unit, qualifier, kind[, amount])."""
    labels = figure_labels(figures)
    return pd.Series(
        [marked_label(label, kind) for label, kind in zip(labels, figures["kind"], strict=True)],
        index=figures.index,
        dtype=object,
    )
