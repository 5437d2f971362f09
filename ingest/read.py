"""Report files → text: .txt in any common Chinese encoding, .docx, .pdf with a text layer, .xlsx
and .csv; tables are kept as tables (ingest/formats.py, one line per row)."""

from __future__ import annotations

import io
from pathlib import Path

from ingest.formats import csv_text, docx_text, pdf_text, xlsx_text
from ingest.limits import ArchiveError, check_archive

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".txt", ".docx", ".pdf", ".xlsx", ".csv")
KINDS_TEXT = "txt、docx、pdf、xlsx 或 csv"
# Tried in order when there is no BOM; GB18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8", "gb18030")


class IngestError(ValueError):
    """A report that cannot be read; the message is shown to the user as is (Chinese)."""


def read_report(path: Path) -> str:
    """The text of a report file; raises IngestError with a clear Chinese message otherwise."""
    if path.suffix.lower() not in SUPPORTED:
        raise IngestError(_unsupported(path.suffix or "无扩展名"))
    if not path.exists():
        raise IngestError(f"文件不存在：{path}")
    _check_size(path.stat().st_size)
    return read_bytes(path.read_bytes(), path.suffix.lower())


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise IngestError(
            f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 {MAX_BYTES // 1024 // 1024} MB"
        )


def read_bytes(data: bytes, suffix: str) -> str:
    """The text of a report given as bytes (uploads) and its extension."""
    _check_size(len(data))
    if not data.strip():
        raise IngestError("文件为空")
    if suffix == ".txt":
        text = decode_text(data)
    elif suffix == ".docx":
        text = _docx_text(data)
    elif suffix == ".pdf":
        text = _pdf_text(data)
    elif suffix == ".xlsx":
        text = _xlsx_text(data)
    elif suffix == ".csv":
        text = csv_text(decode_text(data))
    else:
        raise IngestError(_unsupported(suffix))
    if not text.strip():
        raise IngestError("文件中没有可读的文字")
    return text


def _unsupported(suffix: str) -> str:
    if suffix.lower() == ".xls":
        return "不支持旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中另存为 .xlsx 后再上传"
    return f"不支持的文件类型“{suffix}”：请上传 {KINDS_TEXT}"


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM), GB18030/GBK; anything else is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise IngestError("文件看起来是二进制数据，不是文本报告")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best)
    raise IngestError("无法识别文件编码：请另存为 UTF-8 或 GBK 文本后再上传")


def _looks_like_text(text: str) -> bool:
    """Mostly printable characters (binary junk decoded as GB18030 is full of rare symbols)."""
    if not text:
        return False
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    cjk_or_ascii = sum(
        ch.isascii()
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        for ch in text
    )
    return printable / len(text) > 0.97 and cjk_or_ascii / len(text) > 0.9


def _docx_text(data: bytes) -> str:
    import docx

    _check_container(data, "docx 文件")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several types for a broken package
        raise IngestError("无法打开 docx 文件：文件可能已损坏") from error
    return docx_text(document)


def _pdf_text(data: bytes) -> str:
    try:
        text = pdf_text(data)
    except Exception as error:  # pdfminer raises many types for a broken file
        raise IngestError("无法打开 pdf 文件：文件可能已损坏") from error
    if not text.strip():
        raise IngestError("这个 PDF 没有文字层（可能是扫描图片），请上传带文字的 PDF 或 docx")
    return text


def _check_container(data: bytes, name: str) -> None:
    """docx and xlsx are zips: refuse one that would unpack too large before reading it."""
    try:
        check_archive(data, name)
    except ArchiveError as error:
        raise IngestError(str(error)) from error


def _xlsx_text(data: bytes) -> str:
    from zipfile import BadZipFile

    _check_container(data, "xlsx 文件")
    try:
        return xlsx_text(data)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise IngestError("无法打开 xlsx 文件：文件可能已损坏") from error
