"""PPTX export time for the full data and a filtered view (median of 5), with the map picture."""

from __future__ import annotations

import statistics
import time

from briefing.deck import build_briefing
from briefing.map_image import map_boundaries
from metrics.filters import Filters
from metrics.load import load_dataset
from metrics.paths import DATA_DIR, ROOT

REGION = ROOT / "build" / "region"


def main(runs: int = 5) -> dict[str, float]:
    """Build the deck `runs` times per case; the median seconds per case."""
    data = load_dataset(DATA_DIR)
    results = {}
    boundaries = map_boundaries()
    cases = [
        ("full data", data, Filters()),
        ("医疗 · 乌海市", data, Filters(field=("医疗",), place=("乌海市",))),
    ]
    if (REGION / "figures.csv").exists():  # from `python -m bench.generate`
        cases.append(("region, full data", load_dataset(REGION), Filters()))
    for label, dataset, filters in cases:
        timings, size = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            size = len(build_briefing(dataset, filters, boundaries))
            timings.append(time.perf_counter() - start)
        print(f"PPTX {label:14} {statistics.median(timings):5.2f} s median, {size // 1024} KB")
        results[label] = round(statistics.median(timings), 2)
    return results


if __name__ == "__main__":
    main()
