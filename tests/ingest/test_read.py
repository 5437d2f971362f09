"""Reading reports: encodings, formats, and bad input refused with a clear Chinese message."""

import io
import subprocess
import sys

import docx
import pytest
from pypdf import PdfWriter

from ingest import read
from ingest.read import IngestError, read_report
from tests.conftest import DATA, ROOT

NEWS = (DATA / "raw" / "wuhai-news-2025.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_in_any_common_encoding_reads_the_same(tmp_path, encoding):
    path = tmp_path / "report.txt"
    sample = NEWS.replace("\xa0", " ")  # GBK cannot encode a no-break space
    path.write_bytes(sample.encode(encoding))
    assert read_report(path) == sample


def test_docx_paragraphs_and_tables_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("北京医疗机构累计派专家250余人次。")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "开展手术630余例次"
    path = tmp_path / "report.docx"
    document.save(path)
    text = read_report(path)
    assert "250余人次" in text and "630余例次" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b"  \n\n ", "文件为空"),
        ("junk.txt", bytes(range(256)) * 20, "二进制"),
        ("report.xls", b"anything", "不支持旧版 Excel"),
        ("report.doc", b"anything", "不支持的文件类型"),
        ("noext", b"anything", "不支持的文件类型"),
        ("broken.docx", b"PK\x03\x04 not really a docx", "docx"),
        ("broken.pdf", b"%PDF-1.4 broken", "pdf"),
    ],
)
def test_bad_files_are_refused_with_a_chinese_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_report(path)


def test_an_image_only_pdf_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(IngestError, match="没有文字层"):
        read_report(path)


def test_a_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("数" * 200, encoding="utf-8")
    with pytest.raises(IngestError, match="文件过大"):
        read_report(path)


def test_an_upload_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    with pytest.raises(IngestError, match="文件过大"):
        read.read_bytes(("数" * 200).encode("utf-8"), ".txt")


def run_ingest(*args):
    return subprocess.run(
        [sys.executable, "-m", "ingest", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )


def test_cli_prints_candidates_as_utf8_csv():
    result = run_ingest(DATA / "raw" / "wuhai-news-2025.txt")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith("quote,value,unit,qualifier,field,place")
    assert len(lines) == 1 + 17
    assert any(line.startswith("250余人次,250.0,人次,more_than,医疗") for line in lines)


def test_cli_reads_a_gbk_report(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("乌海市开展手术630余例次。".encode("gbk"))
    result = run_ingest(path)
    assert result.returncode == 0 and "630余例次" in result.stdout.decode("utf-8")


def test_cli_exits_non_zero_with_a_message_on_an_unreadable_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run_ingest(path)
    assert result.returncode == 2
    assert "错误：文件为空" in result.stderr.decode("utf-8")
    assert result.stdout == b""
