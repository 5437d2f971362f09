"""Bulk-import preview and write times on a region-scale store (issue 15).

python -m bench.importing [--rows 2000 100000]
Generates 100,000 figures (bench.generate), seeds an SQLite store, then previews (and writes) an
upload changing N figures' indicator. Reported as seconds and as a ratio to a floor measured in
the same run: pandas reading the same CSV.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from bench.generate import generate
from store import backup, schema
from store.db import open_store


def _upload(engine: sa.Engine, rows: int) -> bytes:
    with engine.connect() as connection:
        figures = pd.read_sql(sa.select(schema.figures), connection).drop(
            columns=["seq", "version"]
        )
    changed = figures.head(rows).copy()
    changed["indicator"] = changed["indicator"] + "（改）"
    return changed.to_csv(index=False).encode("utf-8-sig")


def measure(engine: sa.Engine, rows: int) -> dict[str, float]:
    """Seconds to read, preview and write an upload changing `rows` figures; the CSV floor."""
    raw = _upload(engine, rows)
    started = time.perf_counter()
    pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    floor = time.perf_counter() - started
    started = time.perf_counter()
    plan = backup.plan_import(engine, backup.read_upload(raw, "figures.csv"))
    preview = time.perf_counter() - started
    assert plan.ok and plan.total_changes == rows, plan.errors[:3]
    started = time.perf_counter()
    backup.apply_import(engine, plan, "bench", "bench")
    write = time.perf_counter() - started
    return {"rows": rows, "floor_s": floor, "preview_s": preview, "write_s": write}


def main() -> None:
    """Time a bulk import preview and apply at 2,000 and 100,000 rows."""
    parser = argparse.ArgumentParser(prog="python -m bench.importing")
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 100_000])
    parser.add_argument("--figures", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jmb-import-") as tmp:
        folder = generate(Path(tmp) / "data", args.figures, 5000, 2000)
        engine = open_store(f"sqlite:///{tmp}/store.sqlite", folder)
        for rows in args.rows:
            result = measure(engine, rows)
            print(
                f"{rows:>7} rows: preview {result['preview_s']:.2f} s "
                f"({result['preview_s'] / result['floor_s']:.0f}× reading the CSV, "
                f"{result['floor_s']:.3f} s), write {result['write_s']:.2f} s",
                flush=True,
            )
        engine.dispose()


if __name__ == "__main__":
    main()
