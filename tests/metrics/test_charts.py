"""Bar labels that keep every bar of a chart apart."""

import pandas as pd

from metrics.charts import bar_labels


def test_bar_labels_keep_every_bar_apart():
    table = pd.DataFrame(
        {
            "indicator": ["培训教师", "培训教师", "培训教师", "服务患者"],
            "place": ["包头市", "兴安盟", "包头市", "乌海市"],
        }
    )
    assert bar_labels(table) == [
        "培训教师（包头市）",
        "培训教师（兴安盟）",
        "培训教师（包头市） 2",
        "服务患者",
    ]
    assert bar_labels(table[["indicator"]].tail(1)) == ["服务患者"]
