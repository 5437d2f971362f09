"""A column has one name on the 数据表 page, in its Excel download and in its CSV download."""

import csv
import io

import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.views.conftest import open_page


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """The data callables of the page's download buttons, by file extension, as a click runs them."""
    made: dict[str, object] = {}
    register = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[str(file_name).rsplit(".", 1)[-1]] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return made


def test_data_page_excel_and_csv_name_every_column_alike(app, downloads):
    at = open_page(app, "data.py")
    page = list(at.dataframe[0].value.columns)
    workbook = load_workbook(io.BytesIO(downloads["xlsx"]()))
    excel = [cell.value for cell in next(workbook["数字"].iter_rows(max_row=1))]
    text = downloads["csv"]().decode("utf-8-sig")
    csv_header = next(csv.reader(io.StringIO(text)))
    assert page == excel == csv_header
    assert "限定" in page and "原文引文" in page
    assert len(set(page)) == len(page)  # no two columns share a name
