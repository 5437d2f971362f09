"""The one display rule for a figure: its amount as the source wrote it, and its kind.

Every surface (web cards and chart labels, hover text, tables, slides, PPTX data labels, notes,
map tooltips, exports) calls these functions, so a number never loses its qualifier (余/近/以上),
its unit or its kind (成果/目标) on the way to a viewer.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from metrics.quantity import QuantityError, format_quantity, parse_quantity
from metrics.vocab import KIND_LABELS

TARGET = "target"


@lru_cache(maxsize=65536)  # region-scale data repeats a few thousand (value, unit, amount) combos
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
    amounts = figures["amount"].tolist() if "amount" in figures else [""] * len(figures)
    # Plain lists: iterating pandas' Arrow-backed strings row by row is ten times slower.
    labels = [
        figure_label(float(value), unit, qualifier, amount if isinstance(amount, str) else "")
        for value, unit, qualifier, amount in zip(
            figures["value"].tolist(),
            figures["unit"].tolist(),
            figures["qualifier"].tolist(),
            amounts,
            strict=True,
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


PART_WORD = "其中"


def fold_parts(table: pd.DataFrame) -> pd.DataFrame:
    """A figures table for charts and slide lists: a figure that is part of another one in the
    table (`part_of`) is not a sibling row but a '其中 4家' on its whole. Adds `parts` ('其中 4家'),
    `parts_detail` ('其中 4家：率先入驻…') and `bar_text`, the label every chart and list shows
    ('9家，其中 4家'; '4条（目标）'). Rows keep their index and order; a folded table is
    returned as it is."""
    if "bar_text" in table:
        return table.assign(**{c: "" for c in ("parts", "parts_detail") if c not in table})
    labels = table["display"] if "display" in table else figure_labels(table)
    table = table.assign(display=labels)
    part_of = table["part_of"] if "part_of" in table else pd.Series("", index=table.index)
    is_part = part_of.isin(table["figure_id"]) & (part_of != "")
    parts, details = {}, {}
    for whole, label, indicator in zip(
        part_of[is_part], labels[is_part], table.loc[is_part, "indicator"], strict=True
    ):
        parts.setdefault(whole, []).append(label)
        details.setdefault(whole, []).append(f"{label}：{indicator}")
    kept = table[~is_part]
    short = pd.Series("", index=kept.index, dtype=object)
    long = short.copy()
    for whole, labels_of_parts in parts.items():  # a handful: index the wholes, not every row
        rows = kept.index[kept["figure_id"] == whole]
        short[rows] = f"{PART_WORD} {'、'.join(labels_of_parts)}"
        long[rows] = f"{PART_WORD} {'；'.join(details[whole])}"
    text = [
        marked_label(label, kind) + (f"，{part}" if part else "")
        for label, kind, part in zip(
            kept["display"].tolist(), kept["kind"].tolist(), short.tolist(), strict=True
        )
    ]
    return kept.assign(parts=short, parts_detail=long, bar_text=text)


EACH_WORD = "，每个"


def described_label(label: str, members: list[str]) -> str:
    """A figure's label with the figures describing each of its items: '2个，每个50亿元以上'
    (one plan target, the way the plan states it)."""
    return label + "".join(f"{EACH_WORD}{member}" for member in members)


def is_describing(table: pd.DataFrame) -> pd.Series:
    """True for a figure that describes the items of another figure of `table` (`describes`:
    50亿元以上, the scale of each of the 2个 projects): one target with it, not one of its own."""
    describes = table["describes"] if "describes" in table else pd.Series("", index=table.index)
    return describes.isin(table["figure_id"]) & (describes != "")


def fold_described(table: pd.DataFrame) -> pd.DataFrame:
    """A figures table for slide lists: a figure describing another one of the table is not a
    line of its own but part of that figure's `display` ('2个，每个50亿元以上'), as the plan's
    target reads on every surface (metrics.targets). Rows keep their index and order."""
    describing = is_describing(table)
    if not describing.any():
        return table
    labels = table["display"] if "display" in table else figure_labels(table)
    members: dict[str, list[str]] = {}
    for head, label in zip(table.loc[describing, "describes"], labels[describing], strict=True):
        members.setdefault(head, []).append(label)
    kept = table[~describing]
    shown = [
        described_label(label, members.get(figure_id, []))
        for figure_id, label in zip(kept["figure_id"], labels[~describing], strict=True)
    ]
    return kept.assign(display=shown)


def count_kinds(table: pd.DataFrame) -> tuple[int, int]:
    """(results, targets) among `table`'s figures, a target counted once with the figures that
    describe it (2个 and its 50亿元以上 are one target): what slides say they count."""
    heads = table[~is_describing(table)]
    targets = int(heads["kind"].map(is_target).sum())
    return len(heads) - targets, targets


def kind_mix(kinds: pd.Series) -> str:
    """'mixed', 'target' or 'achievement': what a chart or slide shows, for its title."""
    present = set(kinds)
    if TARGET in present and len(present) > 1:
        return "mixed"
    return TARGET if TARGET in present else "achievement"


def part_notes(figures: pd.DataFrame) -> pd.Series:
    """A line for cards and tables relating parts and wholes among `figures`: on a whole
    '其中 4家：率先入驻…', on a part '属于 9家：入驻…'; '' elsewhere."""
    notes = pd.Series("", index=figures.index, dtype=object)
    if "part_of" not in figures or not (figures["part_of"] != "").any():
        return notes
    labels = figure_labels(figures)
    by_id = dict(
        zip(figures["figure_id"], zip(labels, figures["indicator"], strict=True), strict=True)
    )
    wholes: dict[str, list[str]] = {}
    for index, whole, label, indicator in zip(
        figures.index, figures["part_of"], labels, figures["indicator"], strict=True
    ):
        if whole in by_id:
            notes[index] = f"属于 {by_id[whole][0]}：{by_id[whole][1]}"
            wholes.setdefault(whole, []).append(f"{label}：{indicator}")
    for index, figure_id in zip(figures.index, figures["figure_id"], strict=True):
        if figure_id in wholes:
            notes[index] = f"{PART_WORD} {'；'.join(wholes[figure_id])}"
    return notes
