"""Which records a viewer picked in a chart."""

from metrics.selection import selected_ids


def test_selected_ids_reads_plotly_selection_points():
    event = {
        "selection": {
            "points": [{"customdata": ["f2"]}, {"customdata": ["f1"]}, {"customdata": ["f2"]}]
        }
    }
    assert selected_ids(event) == ["f2", "f1"]
    assert selected_ids({"selection": {"points": []}}) == []
    assert selected_ids(None) == []
