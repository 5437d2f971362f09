"""geo/choropleth.py: the banner rows the 鄂尔多斯 map colours, with their tooltips."""

import pandas as pd

from geo.choropleth import choropleth_values
from ui.labels import LABELS


def test_each_banner_is_coloured_by_its_task_count_and_says_why() -> None:
    profiles = pd.DataFrame(
        {
            "name": ["东胜区", "乌审旗"],
            "positioning": ["支持东胜区建设", ""],
            "task_count": [3, 0],
            "task_ids": ["1.1、2.3、4.1", ""],
        }
    )
    rows = choropleth_values(profiles, LABELS["choropleth_tip"])
    assert rows["value"].tolist() == [3, 0]
    assert rows["tip_body"].iloc[0] == "支持东胜区建设\n方案任务 3 条（1.1、2.3、4.1）"
    assert rows["tip_body"].iloc[1].startswith("—\n方案任务 0 条")
