"""escape_markdown: outside text shows as typed through Streamlit markdown, never as markup (the
browser test tests/browser/test_hostile_urls.py checks what Chromium actually renders)."""

import re

import pytest

from metrics.markdown import escape_markdown, markdown_table

HOSTILE = [
    "[点此重新登录](https://evil.example/login)",
    "![t](http://evil.example/t.png)",
    "<img src=x onerror=alert(1)>",
    "**粗体** _斜体_ ~~删除~~ `code`",
    "# 标题",
    "- 列表\n1. 列表\n> 引用",
    ":red[红字] :smile:",
    "$x^2$",
    "https://evil.example/a www.evil.example mail@evil.example",
    "&lt;script&gt;",
    "| a | b |\n|---|---|",
    "\\[x](y)",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markup_character_is_escaped(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped
    unescaped = re.sub(r"\\.", "", escaped)  # drop every escaped pair
    assert not re.search(r"[\\`*_{}\[\]()#!|<>~$:&@]", unescaped), escaped
    assert "www." not in unescaped.lower()
    assert not re.search(r"(?i)https?\\?:|\w\\?@", escaped)  # no bare URL or e-mail for GFM
    shown = re.sub(r"\\(.)", r"\1", escaped.replace("\u2060", ""))
    assert shown == " ".join(text.splitlines())  # the same text, as typed


def test_plain_chinese_and_numbers_are_untouched():
    assert escape_markdown("增长20%以上 1.91万人次") == "增长20%以上 1.91万人次"


def test_a_table_keeps_its_cells_literal():
    table = markdown_table(["限定", "示例"], [["余/多|超", "250余人次"], ["[链接](x)", "*近*百家"]])
    lines = table.splitlines()
    assert lines[:2] == ["| 限定 | 示例 |", "| --- | --- |"]
    assert lines[2] == "| 余/多\\|超 | 250余人次 |"  # a | in a cell does not split it
    assert lines[3] == "| \\[链接\\]\\(x\\) | \\*近\\*百家 |"
