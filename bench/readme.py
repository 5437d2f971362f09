"""The README's bench section, written from artifacts/bench.json (the last `make bench`).

python -m bench.readme [--check]  replaces everything from the "## Measured" heading to the end
of README.md; --check exits 1 when the README differs from what bench.json gives. A part that
bench.json does not hold (it was not run this time) keeps its subsection as the README has it,
with the date, machine and load of the run that measured it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bench.browser import PAGES
from bench.readme_room import mark as _mark
from bench.readme_room import num as _num
from bench.readme_room import room_section

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = ROOT / "artifacts" / "bench.json"
MAP = ROOT / "artifacts" / "bench-map.json"
HEADING = "## Measured (`make bench`)"
INTRO = """\
`make bench` (not part of `make test`: timings are noisy) measures, in one run, and writes
`artifacts/bench.json`; this section is generated from that file by `python -m bench.readme`
(do not edit it by hand). Every time is compared with a floor measured in the same run:

- `python -m bench.room`, **a room at once**: many sessions speaking Streamlit's own websocket
  protocol from one small asyncio client (`bench/load.py`: `BackMsg.rerun_script` with a page and a
  query string, timed to `ForwardMsg.script_finished`; an exception element is an error), against
  a bare one-line app (`bench/bare.py`, one process) and the dashboard under `make serve` (nginx
  and one Streamlit process per core);
- `python -m bench.tab`: a filter change in one real Debian Chromium tab with no other load,
  against the same click on a bare page with one control and one chart (`bench/floor.py`);
- `python -m bench.edit`: at region scale, the first view after an editor saves one figure;
- `python -m bench`: every page's server script time (AppTest) and first open in Debian Chromium
  (a new tab, until every chart, map and table is drawn) as a ratio to the floor of the drawing
  libraries that page's first run draws, opened alternately with the page (`bench/floor.py`: the
  bare page plus one plotly chart and/or one pydeck map; a page with neither: the bare page),
  server memory, ingest and PPTX; `python -m bench.map`: building the map per view.

The region-scale dataset (`python -m bench.generate`: 100,000 figures, 5,000 links, 2,000 tasks ×
24 monthly updates) is generated into `build/region` and seeded into its own SQLite file once."""


def edit_section(edit: dict) -> list[str]:
    """The region-scale first view after an edit."""
    met = edit["first_view_after_edit_s"] <= edit["budget_s"]
    when = f", {edit['date']}" if edit.get("date") else ""
    where = (
        f"Machine: {edit['machine']}; load average before the run "
        f"{' / '.join(str(v) for v in edit['load_average_before'])}. "
        if edit.get("machine")
        else ""
    )
    return [
        "",
        f"### First view after a saved edit, region scale (`bench/edit.py`{when})",
        "",
        (
            where + f"Median {edit['first_view_after_edit_s']} s (script thread CPU "
            f"{edit['first_view_after_edit_cpu_s']} s) over {len(edit['runs_s'])} edits "
            f"({', '.join(str(v) for v in edit['runs_s'])} s); budget ≤ {edit['budget_s']} s: "
            f"{_mark(met)}. A full load and validation of the same store takes {edit['full_load_s']} s "
            f"(CPU {edit['full_load_cpu_s']} s); after an edit only the changed rows are read and "
            "validated again (`store/reload.py`)."
        ),
    ]


def pages_section(results: dict) -> list[str]:
    """Browser and server time of every page, both datasets."""
    datasets = [name for name in ("bundled", "region") if name in results]
    if not datasets:
        return []
    lines = [
        "",
        f"### Pages (`python -m bench`, {results.get('date', '')})",
        "",
        f"Machine: {results.get('machine', '—')}"
        + (
            f"; load average before the run "
            f"{' / '.join(str(v) for v in results['load_average_before'])}"
            if results.get("load_average_before")
            else ""
        )
        + (
            " → " + " / ".join(str(v) for v in results["load_average_after"]) + " after"
            if results.get("load_average_after")
            else ""
        )
        + f". Bare page {results.get('bare_page_s')} s; "
        + "; ".join(
            f"{name} {row['seconds']} s ({row['ratio']}×)"
            for name, row in results.get("library_floors", {}).items()
        )
        + ".",
        "",
        "| page | floor (libraries drawn) | "
        + " | ".join(
            f"{d}: first open | × floor, floor s (budget) | server median/p95 ms" for d in datasets
        )
        + " |",
        "|---|---|" + "---|---|---|" * len(datasets),
    ]
    for label, _path, _ready, file in PAGES:
        first = results[datasets[0]].get("browser", {}).get(label, {})
        cells = [f"{first.get('floor', '—')} ({'、'.join(first.get('libraries', [])) or '—'})"]
        for name in datasets:
            browser = results[name].get("browser", {}).get(label, {})
            server = results[name].get("server", {}).get(f"{file}.py", {})
            cells.append(
                f"{_num(browser.get('seconds'), ' s')} | {_ratio(browser)} | "
                f"{server.get('median_ms', '—')} / {server.get('p95_ms', '—')}"
            )
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    change = [
        f"{name} {results[name]['server'].get('filter change (overview)', {}).get('median_ms')} / "
        f"{results[name]['server'].get('filter change (overview)', {}).get('p95_ms')} ms"
        for name in datasets
    ]
    lines += ["", f"Filter change on 总览 (server, median / p95): {'; '.join(change)}."]
    return lines


def _ratio(row: dict) -> str:
    """'1.42× of 2.24 s (≤ 1.3) **missed**': one page's first open against its floor's time."""
    if "budget" not in row:
        return "—"
    return f"{row['ratio']}× of {row['floor_s']} s (≤ {row['budget']}) {_mark(row['met'])}"


def other_section(results: dict) -> list[str]:
    """Memory, the browser load, ingest, PPTX and the map build."""
    lines = [""]
    if "memory" in results:
        region = results.get("memory_region", {})
        lines.append(
            f"- Memory (server RSS after 3 sessions opened every page): bundled "
            f"{results['memory'].get('rss_peak_mb')} MB peak, region "
            f"{region.get('rss_peak_mb', '—')} MB peak (budget 500)."
        )
    if "ingest" in results or "pptx_s" in results:
        lines.append(f"- Ingest: {results.get('ingest')}; PPTX: {results.get('pptx_s')}.")
    if MAP.exists():
        maps = json.loads(MAP.read_text(encoding="utf-8"))
        for name, views in maps.items():
            cells = ", ".join(
                f"{view} {row['median_ms']} ms / {row['spec_kb']} KB" for view, row in views.items()
            )
            lines.append(f"- Map build ({name}): {cells}.")
    return lines if len(lines) > 1 else []


def tab_section(tab: dict) -> list[str]:
    """The filter change in one real tab, against its floor."""
    app, floor = tab["app"], tab["floor"]
    met = app["median_s"] <= tab["budget_s"]
    return [
        "",
        f"### A filter change in one real tab (`bench/tab.py`, {tab['date']})",
        "",
        (
            f"Machine: {tab['machine']}; load average before the run "
            f"{' / '.join(str(v) for v in tab.get('load_average_before', []))}. A click on 总览's "
            f"quick field switch, settled (script finished, no stale element, every chart drawn) "
            f"after median {app['median_s']} s, p95 {app['p95_s']} s over {app['changes']} "
            f"changes; budget median ≤ {tab['budget_s']} s: {_mark(met)}. The same click on a "
            f"bare page with one control and one chart: median {floor['median_s']} s, p95 "
            f"{floor['p95_s']} s ({tab['ratio']}× that floor)."
        ),
    ]


# (results key, the heading its subsection starts with): the order of the subsections
PARTS = (
    ("room", "### A room at once"),
    ("filter_change_tab", "### A filter change in one real tab"),
    ("edit_region", "### First view after a saved edit"),
    ("bundled", "### Pages"),
)


def _generated(key: str, results: dict) -> list[str]:
    if key == "room":
        return room_section(results["room"])
    if key == "filter_change_tab":
        return tab_section(results["filter_change_tab"])
    if key == "edit_region":
        return edit_section(results["edit_region"])
    return pages_section(results) + other_section(results)


def kept_parts(old_section: str) -> dict[str, str]:
    """The subsections of an earlier bench section, by results key (as they were written)."""
    kept = {}
    for chunk in old_section.split("\n### ")[1:]:
        text = "### " + chunk.rstrip()
        for key, heading in PARTS:
            if text.startswith(heading):
                kept[key] = text
    return kept


def section(results: dict, old_section: str = "") -> str:
    """The whole section: generated parts from `results`, the others kept from `old_section`."""
    lines = [HEADING, "", INTRO, ""]
    kept = kept_parts(old_section)
    for key, _heading in PARTS:
        if key in results:
            lines += _generated(key, results)
        elif key in kept:
            lines += ["", kept[key]]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"


def render(readme: str, results: dict) -> str:
    """`readme` with its bench section (the heading to the end) replaced."""
    head, _, old = readme.partition(HEADING)
    return head.rstrip() + "\n\n" + section(results, old)


def main(argv: list[str]) -> int:
    """Regenerate the README's bench section from artifacts/bench.json."""
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    new = render(README.read_text(encoding="utf-8"), results)
    if "--check" in argv:
        return 0 if new == README.read_text(encoding="utf-8") else 1
    README.write_text(new, encoding="utf-8")
    print(f"wrote the bench section of {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
