"""Regenerate data/tasks.csv from the raw plan text (`make data`); the data test checks for drift."""

import pandas as pd

from metrics.load import load_figures, load_source_texts, load_sources
from metrics.paths import DATA_DIR, FIGURES_CSV, SOURCES_CSV, TASKS_CSV
from metrics.plan import attach_targets, parse_plan_tasks


def build_tasks() -> None:
    """Parse every plan source into tasks, attach their target figures and write tasks.csv."""
    # Load inputs.
    sources = load_sources(SOURCES_CSV)
    texts = load_source_texts(sources, DATA_DIR)
    figures = load_figures(FIGURES_CSV)
    # Process data.
    plans = sources[sources["kind"] == "plan"]["source_id"]
    tasks = pd.concat([parse_plan_tasks(texts[s], s) for s in plans], ignore_index=True)
    tasks = attach_targets(tasks, figures[figures["source_id"].isin(plans)])
    # Save outputs.
    tasks.to_csv(TASKS_CSV, index=False, encoding="utf-8", lineterminator="\n")
    print(f"wrote {len(tasks)} tasks to {TASKS_CSV}")


if __name__ == "__main__":
    build_tasks()
