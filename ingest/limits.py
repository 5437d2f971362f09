"""Zip containers (docx, backup zips) checked before anything is decompressed: a small upload
must not unpack into hundreds of megabytes (a zip bomb)."""

from __future__ import annotations

import io
import zipfile

MAX_UNPACKED = 100 * 1024 * 1024  # bytes, all members together
MAX_RATIO = 200  # unpacked / packed, per member (real docx XML compresses ~10:1)
MAX_MEMBERS = 10_000


class ArchiveError(ValueError):
    """A container refused before reading; the message is Chinese and meant for the user."""


def check_archive(data: bytes, name: str, limit: int = MAX_UNPACKED) -> None:
    """Refuse a zip whose declared sizes are too large (zipfile never inflates past them)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ArchiveError(f"{name} 不是有效的 zip 文件（可能已损坏）") from error
    if len(members) > MAX_MEMBERS:
        raise ArchiveError(f"{name} 包含的文件过多（{len(members)} 个）")
    total = sum(member.file_size for member in members)
    if total > limit:
        raise ArchiveError(
            f"{name} 解压后过大（{total / 1024 / 1024:.0f} MB），上限为 {limit // 1024 // 1024} MB"
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * member.compress_size:
            raise ArchiveError(
                f"{name} 中的 {member.filename[:60]} 压缩比异常，疑似压缩炸弹，已拒绝"
            )
