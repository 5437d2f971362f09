"""Scoring extraction against gold figures: recall, precision and qualifier, field and partner
accuracy over the evaluation set (ingest/eval_data/) and the bundled sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ingest.evalset import Gold


@dataclass(frozen=True)
class Outcome:
    """How one gold figure fared: found, and if so whether its qualifier, field and partner
    (Beijing or not) were guessed right."""

    doc: str
    style: str
    kind: str
    found: bool
    qualifier: bool
    field: bool
    beijing: bool | None
    amount: str = ""
    guessed: str = ""  # the field and partner guessed, for the list of misses


def locate(text: str, gold: list[Gold], ordered: bool = True) -> list[tuple[int, int] | None]:
    """Where each gold amount is in `text`: after its anchor, else after the previous amount."""
    # ordered=False: each is searched from the start (curated figures are not in text order).
    spans, cursor = [], 0
    for figure in gold:
        at = cursor if ordered else 0
        if figure.anchor:
            anchor = text.find(figure.anchor, cursor)
            at = anchor + len(figure.anchor) if anchor >= 0 else -1
        start = text.find(figure.amount, at) if at >= 0 else -1
        if start < 0:
            spans.append(None)
            continue
        spans.append((start, start + len(figure.amount)))
        cursor = start + len(figure.amount)
    return spans


def judge(
    candidates: pd.DataFrame, text: str, gold: list[Gold], doc: str, style: str
) -> tuple[list[Outcome], pd.DataFrame]:
    """(outcomes of the gold figures, unmatched candidates) of one document."""
    spans = locate(text, gold, ordered=style != "来源原文")
    taken: dict[int, int] = {}  # gold index → candidate row
    for row, c in enumerate(candidates.itertuples(index=False)):
        start, end = int(c.start), int(c.start) + len(c.quote)
        hit = next(
            (
                i
                for i, span in enumerate(spans)
                if span and i not in taken and start < span[1] and span[0] < end
            ),
            None,
        )
        if hit is not None:
            taken[hit] = row
    outcomes = []
    for i, figure in enumerate(gold):
        c = candidates.iloc[taken[i]] if i in taken else None
        guessed = c.get("beijing", "unknown") if c is not None else None
        outcomes.append(
            Outcome(
                doc,
                style,
                figure.kind,
                c is not None,
                c is not None and c["qualifier"] == figure.qualifier,
                c is not None and c["field"] == figure.field,
                None if figure.beijing is None else guessed == figure.beijing,
                figure.amount,
                "" if c is None else f"{c['field']}≠{figure.field} {guessed}≠{figure.beijing}",
            )
        )
    unmatched = candidates.drop(index=candidates.index[list(taken.values())])
    return outcomes, unmatched


def summarise(outcomes: list[Outcome], by: str) -> pd.DataFrame:
    """Recall and the accuracies of the found figures, per value of `by` (kind or style)."""
    frame = pd.DataFrame([o.__dict__ for o in outcomes])
    rows = []
    for key, group in [*frame.groupby(by, sort=False), ("全部", frame)]:
        found = group[group["found"]]
        scored = found.dropna(subset=["beijing"])
        rows.append(
            {
                by: key,
                "gold": len(group),
                "recall": len(found) / len(group),
                "qualifier": found["qualifier"].mean() if len(found) else float("nan"),
                "field": found["field"].mean() if len(found) else float("nan"),
                "beijing": scored["beijing"].astype(bool).mean() if len(scored) else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def source_docs() -> list[tuple[str, str, list]]:
    """The bundled sources with their curated figures as gold: (name, text, gold)."""
    from ingest.evalset import Gold
    from metrics.load import load_dataset
    from metrics.paths import data_dir

    dataset = load_dataset(data_dir())
    docs = []
    for source_id, text in dataset.texts.items():
        figures = dataset.figures[dataset.figures["source_id"] == source_id]
        gold = [
            Gold(quote[: quote.index(amount)], amount, value, unit, qualifier, field, None, "source")
            for quote, amount, value, unit, qualifier, field in zip(
                figures["quote"], figures["amount"], figures["value"], figures["unit"],
                figures["qualifier"], figures["field"], strict=True,
            )
        ]  # fmt: skip
        docs.append((source_id, text, gold))
    return docs


def run_evaluation() -> tuple[list[Outcome], pd.DataFrame]:
    """Read and extract every evaluation document: (outcomes, candidates that match no gold)."""
    from ingest.evalset import load_eval_docs
    from ingest.extract import PlaceMatcher, extract_candidates
    from ingest.read import IngestError, read_bytes
    from metrics.load import load_places
    from metrics.paths import data_dir

    places = PlaceMatcher.from_places(load_places(data_dir() / "places.csv"))
    outcomes, extra = [], []
    jobs = [(name, "来源原文", text, gold) for name, text, gold in source_docs()]
    for doc in load_eval_docs():
        try:
            text = read_bytes(doc.data, doc.suffix)
        except IngestError:
            text = ""
        jobs.append((doc.name, doc.style, text, list(doc.gold)))
    for name, style, text, gold in jobs:
        candidates = (
            extract_candidates(text, places)
            if text
            else pd.DataFrame(columns=["quote", "start", "qualifier", "field"])
        )
        found, unmatched = judge(candidates.reset_index(drop=True), text, gold, name, style)
        outcomes += found
        extra.append(unmatched.assign(doc=name, style=style))
    return outcomes, pd.concat(extra, ignore_index=True)


def precision_by_style(outcomes: list[Outcome], extra: pd.DataFrame) -> pd.DataFrame:
    """Precision per document style and overall: found gold over everything extracted."""
    frame = pd.DataFrame([o.__dict__ for o in outcomes])
    found = frame[frame["found"]].groupby("style", sort=False).size()
    wrong = extra.groupby("style", sort=False).size()
    table = pd.DataFrame({"found": found, "extra": wrong}).fillna(0).astype(int)
    table.loc["全部"] = table.sum()
    table["precision"] = table["found"] / (table["found"] + table["extra"]).where(
        lambda n: n > 0, 1
    )
    return table


def main() -> int:
    """Print recall, precision and accuracies per class and per style."""
    outcomes, extra = run_evaluation()
    with pd.option_context("display.width", 160, "display.precision", 3):
        print("按类别（kind）：")
        print(summarise(outcomes, "kind").to_string(index=False))
        print("\n按文体（style）：")
        print(summarise(outcomes, "style").to_string(index=False))
        print("\n准确率（precision）：")
        print(precision_by_style(outcomes, extra).to_string())
        wrong = [o for o in outcomes if o.found and (not o.field or o.beijing is False)]
        if wrong:
            print("\n领域或合作方判断有误：")
            for o in wrong:
                print(f"  {o.doc} {o.amount}: {o.guessed}")
        if len(extra):
            print("\n多出的候选：")
            print(extra[["doc", "quote"]].to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
