"""Extraction time for a 20,000-character report (government-news style), median of 5."""

from __future__ import annotations

import statistics
import time

from ingest.extract import PlaceMatcher, extract_candidates
from metrics.load import load_dataset
from metrics.paths import DATA_DIR


def report(chars: int = 20_000) -> str:
    """The two seed documents repeated to `chars` characters."""
    data = load_dataset(DATA_DIR)
    text = "".join(data.texts.values())
    return (text * (chars // len(text) + 1))[:chars]


def main(runs: int = 5) -> dict[str, float]:
    """Time reading a report and extracting its figures; return the medians."""
    data = load_dataset(DATA_DIR)
    places = PlaceMatcher.from_places(data.places)
    text = report()
    timings, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(extract_candidates(text, places))
        timings.append(time.perf_counter() - start)
    result = {"chars": len(text), "median_s": round(statistics.median(timings), 3), "found": found}
    print(f"ingest {len(text)} chars: {result['median_s']} s median, {found} candidates")
    return result


if __name__ == "__main__":
    main()
