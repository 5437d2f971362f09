"""A seeded synthetic region-wide dataset (all 12 盟市, their 旗县, many years) in data/'s format.

python -m bench.generate OUT_DIR [--figures 100000] [--links 5000] [--tasks 2000]
Every row passes the same validation as the bundled data: quotes are verbatim substrings of
generated report texts, amounts parse to their values, places are known.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from metrics.columns import LINK_COLUMNS, SOURCE_COLUMNS
from metrics.paths import DEFAULT_DATA_DIR
from metrics.quantity import format_quantity
from metrics.vocab import FIELDS, LOCAL_SIDE

FIGURES_PER_REPORT = 100
INDICATORS = {
    "教育": ("培训教师", "名"),
    "医疗": ("派驻专家", "人次"),
    "科创": ("引进企业", "家"),
    "文旅": ("接待游客", "人次"),
    "产业": ("完成投资", "元"),
    "能源": ("外送绿电", "度"),
    "人才": ("引进人才", "名"),
    "消费帮扶": ("销售农畜产品", "元"),
    "劳务协作": ("转移就业", "人"),
    "基础设施": ("建成道路", "公里"),
    "生态": ("治理沙化土地", "亩"),
    "对外开放": ("开行中欧班列", "次"),
    "综合": ("签约项目", "个"),
}
QUALIFIERS = ("exact", "more_than", "about", "at_least")


UNITS = [
    "市商务局",
    "市发展和改革委员会",
    "市工业和信息化局",
    "市科学技术局",
    "市教育体育局",
    "市卫生健康委员会",
    "市文化和旅游局",
    "市农牧局",
    "市能源局",
    "市交通运输局",
    "市人力资源和社会保障局",
    "市自然资源局",
    "市生态环境局",
    "市投资促进中心",
    "各旗区人民政府",
    "各工业园区",
    "市乡村振兴局",
    "市外事办公室",
    "市住房和城乡建设局",
    "市市场监督管理局",
]
STATUSES = ("未启动", "推进中", "已完成", "滞后")


def task_updates(task_ids: np.ndarray, months: int, rng: np.random.Generator) -> pd.DataFrame:
    """`months` monthly status updates per task (the last months up to 2025-12), vectorised."""
    periods = pd.period_range(end="2025-12", periods=months, freq="M").astype(str)
    count = len(task_ids) * months
    return pd.DataFrame(
        {
            "task_id": np.repeat(task_ids, months),
            "month": np.tile(periods, len(task_ids)),
            "status": rng.choice(STATUSES, count, p=[0.1, 0.6, 0.2, 0.1]),
            "note": "按计划推进",
            "figure_id": "",
            "achieved_value": "",
            "quote": "",
            "source_id": "",
            "author": rng.choice(UNITS, count),
            "created_at": "",
        }
    )


def generate(
    out: Path, figures: int, links: int, tasks: int, seed: int = 2025, months: int = 24
) -> Path:
    """Write sources, raw texts, figures, links, tasks and places under `out`; returns `out`."""
    rng = np.random.default_rng(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "raw").mkdir(parents=True)
    places = pd.read_csv(DEFAULT_DATA_DIR / "places.csv", dtype=str, keep_default_na=False)
    local = places.loc[places["side"] == LOCAL_SIDE, "name"].to_numpy()
    partners = places.loc[places["side"] != LOCAL_SIDE, "name"].to_numpy()

    # Load inputs: figures first, their sentences make up the report texts.
    field = rng.choice(FIELDS, figures)
    value = rng.integers(1, 5000, figures) * np.where(
        np.isin(field, ["产业", "消费帮扶"]), 10**6, 1
    )
    qualifier = rng.choice(QUALIFIERS, figures)
    place = rng.choice(local, figures)
    partner = rng.choice(partners, figures)
    year = rng.integers(2016, 2026, figures)
    rows, texts = [], {}
    for index in range(figures):
        indicator, unit = INDICATORS[field[index]]
        amount = format_quantity(float(value[index]), unit, qualifier[index])
        source_id = f"syn-{index // FIGURES_PER_REPORT:05d}"
        quote = f"{place[index]}{indicator}{amount}"
        texts.setdefault(source_id, []).append(f"{year[index]}年，{partner[index]}协助{quote}。")
        rows.append(
            (f"syn-f{index:06d}", source_id, quote, amount, float(value[index]), unit,
             qualifier[index], "achievement", field[index], indicator, place[index],
             partner[index], str(year[index]), "", "")
        )  # fmt: skip
    columns = "figure_id,source_id,quote,amount,value,unit,qualifier,kind,field,indicator,place,partner,period,headline,note"
    figure_table = pd.DataFrame(rows, columns=columns.split(","))

    # Process data: links quote the report sentences, tasks come from one synthetic plan.
    link_rows = []
    for index in range(links):
        source_id = f"syn-{rng.integers(0, len(texts)):05d}"
        sentence = texts[source_id][0]
        link_rows.append(
            (f"syn-l{index:05d}", source_id, sentence.rstrip("。"), rng.choice(partners),
             rng.choice(local), rng.choice(FIELDS), "合作", rng.choice(["achieved", "planned"]),
             rng.choice(["to_local", "to_partner", "both"]), "")
        )  # fmt: skip
    link_table = pd.DataFrame(
        link_rows,
        columns=[*LINK_COLUMNS, "note"],
    )
    plan_lines = [
        f"（{i}）任务{i}。推进第{i}项合作。（责任单位：市商务局）" for i in range(1, tasks + 1)
    ]
    plan_text = "一、合作任务\n" + "\n".join(plan_lines) + "\n"
    task_table = pd.DataFrame(
        {
            "task_id": [f"1.{i}" for i in range(1, tasks + 1)],
            "source_id": "syn-plan",
            "section_no": 1,
            "section": "合作任务",
            "item_no": range(1, tasks + 1),
            "title": [f"任务{i}" for i in range(1, tasks + 1)],
            "text": [f"推进第{i}项合作。" for i in range(1, tasks + 1)],
            "responsible": [
                "、".join(rng.choice(UNITS, int(rng.integers(1, 4)), replace=False))
                for _ in range(tasks)
            ],
            "targets": "",
        }
    )
    update_table = task_updates(task_table["task_id"].to_numpy(), months, rng)

    # Save outputs.
    texts["syn-plan"] = [plan_text]
    source_rows = []
    for source_id, sentences in texts.items():
        raw = "".join(sentences).encode("utf-8")
        (out / "raw" / f"{source_id}.txt").write_bytes(raw)
        source_rows.append(
            (source_id, f"合成报告 {source_id}", "合成数据", "", "", "", "2016-2025",
             "plan" if source_id == "syn-plan" else "report", f"raw/{source_id}.txt",
             hashlib.sha256(raw).hexdigest())
        )  # fmt: skip
    pd.DataFrame(
        source_rows,
        columns=[*SOURCE_COLUMNS, "sha256"],
    ).to_csv(out / "sources.csv", index=False)
    figure_table.to_csv(out / "figures.csv", index=False)
    link_table.to_csv(out / "links.csv", index=False)
    task_table.to_csv(out / "tasks.csv", index=False)
    update_table.to_csv(out / "task_updates.csv", index=False)
    places.to_csv(out / "places.csv", index=False)
    return out


def main() -> None:
    """Write the region-scale dataset into build/region."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate")
    parser.add_argument("out", type=Path)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=5_000)
    parser.add_argument("--tasks", type=int, default=2_000)
    parser.add_argument("--months", type=int, default=24, help="status updates per task")
    args = parser.parse_args()
    generate(args.out, args.figures, args.links, args.tasks, months=args.months)
    print(
        f"wrote {args.figures} figures, {args.links} links, {args.tasks} tasks "
        f"({args.tasks * args.months} status updates) to {args.out}"
    )


if __name__ == "__main__":
    main()
