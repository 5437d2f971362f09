"""python -m briefing --out FILE.pptx [--field 医疗] [--place 乌海市]: write the briefing deck."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from briefing.deck import build_briefing
from briefing.map_image import map_boundaries
from metrics.filters import Filters, filter_options, filters_from_query
from metrics.validate import DataError
from store.db import load_store, open_store


def main(argv: list[str] | None = None) -> int:
    """Write the deck for the filters on the command line: 0 when written, 2 on bad input."""
    parser = argparse.ArgumentParser(prog="python -m briefing", description="生成汇报用 PPTX")
    parser.add_argument("--out", required=True, type=Path, help="输出文件，例如 汇报.pptx")
    for name, help_text in (
        ("field", "领域，可用逗号分隔多个，例如 医疗,教育"),
        ("place", "内蒙古地区，例如 乌海市"),
        ("partner", "合作方，例如 东城区"),
        ("source", "来源编号"),
        ("kind", "achievement（成果）或 target（目标）"),
    ):
        parser.add_argument(f"--{name}", default="", help=help_text)
    parser.add_argument("--no-map", action="store_true", help="不生成地图页（更快）")
    args = parser.parse_args(argv)
    if args.out.suffix.lower() != ".pptx":
        print(f"错误：输出文件应以 .pptx 结尾：{args.out}", file=sys.stderr)
        return 2
    try:
        data = load_store(open_store())
    except (DataError, SQLAlchemyError) as error:
        print(f"错误：数据无法读取：{error}", file=sys.stderr)
        return 2
    options = filter_options(data.figures, data.links, data.sources, data.places)
    requested = {name: getattr(args, name) for name in Filters.names() if hasattr(args, name)}
    filters, unknown = filters_from_query(requested, options)
    if unknown:
        for name, values in unknown.items():
            allowed = "、".join(options.of(name))
            print(
                f"错误：无法识别的 --{name}：{'、'.join(values)}。可选：{allowed}", file=sys.stderr
            )
        return 2
    start = time.perf_counter()
    boundaries = None
    if not args.no_map:
        boundaries = map_boundaries()
    deck = build_briefing(data, filters, boundaries)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(deck)
    elapsed = time.perf_counter() - start
    print(f"已生成 {args.out}（{len(deck) // 1024} KB，{elapsed:.1f} 秒）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
