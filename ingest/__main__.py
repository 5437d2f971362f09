"""python -m ingest FILE: print the candidate figures of a report as CSV (UTF-8) on stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.extract import CANDIDATE_COLUMNS, PlaceMatcher, extract_candidates
from ingest.read import IngestError, read_report
from metrics.load import load_places
from metrics.paths import data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="列出报告中的候选数字")
    parser.add_argument("file", type=Path, help="报告文件：txt、docx、pdf、xlsx 或 csv")
    args = parser.parse_args(argv)
    try:
        text = read_report(args.file)
        places = PlaceMatcher.from_places(load_places(data_dir() / "places.csv"))
        candidates = extract_candidates(text, places)
    except IngestError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except (ValueError, ArithmeticError) as error:  # never a traceback, never exit 1
        print(f"错误：无法处理该报告（{type(error).__name__}）", file=sys.stderr)
        return 2
    if too_large := candidates.attrs.get("too_large"):
        shown = "、".join(quote[:30] for quote in too_large[:3])
        print(
            f"错误：报告中有 {len(too_large)} 个数字过大，无法作为数字记录：{shown}",
            file=sys.stderr,
        )
        return 2
    sys.stdout.reconfigure(encoding="utf-8")
    candidates[CANDIDATE_COLUMNS].to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
