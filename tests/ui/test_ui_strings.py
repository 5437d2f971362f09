"""Every Chinese word a page shows comes from ui/labels/, so another label set stays one folder away."""

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

# A Chinese character, not punctuation: the fullwidth separators and brackets that join values
# (、：；（）《》) are typography, left where the values are joined.
CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
CSS_COMMENT = re.compile(r"/\*.*?\*/", flags=re.DOTALL)  # a note to developers, never shown
LABELS_HOME = ROOT / "ui" / "labels"
# (file, literal): why it may stay. A field page passes its field, a vocabulary value that picks
# the rows (metrics/vocab.FIELDS), not wording.
ALLOWED = {
    ("views/education.py", "教育"): "the page's field (data value)",
    ("views/medical.py", "医疗"): "the page's field (data value)",
    ("views/innovation.py", "科创"): "the page's field (data value)",
    ("views/culture.py", "文旅"): "the page's field (data value)",
}


def chinese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal with a Chinese character, docstrings excepted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CHINESE.search(CSS_COMMENT.sub("", node.value))
    ]


def product_files() -> list[Path]:
    """app.py and every module under views/ and ui/ except the labels home."""
    files = [ROOT / "app.py", *(ROOT / "views").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    return sorted(f for f in files if LABELS_HOME not in f.parents)


def test_no_chinese_wording_outside_ui_labels():
    stray = [
        f"{path.relative_to(ROOT)}:{line}: {text[:40]!r}"
        for path in product_files()
        for line, text in chinese_literals(path)
        if (str(path.relative_to(ROOT)), text) not in ALLOWED
    ]
    assert not stray, "move these into ui/labels/:\n" + "\n".join(stray)


def test_the_scan_finds_wording_in_an_f_string_and_skips_docstrings(tmp_path):
    module = tmp_path / "page.py"
    module.write_text(
        '"""页面说明"""\nn = 3\nst.caption(f"共 {n} 行")\nCSS = "/* 注释 */ a {}"\n',
        encoding="utf-8",
    )
    assert chinese_literals(module) == [(3, "共 "), (3, " 行")]


def test_every_allowed_literal_is_still_there():
    # An allow-list entry whose literal is gone would hide the next stray string.
    for name, text in ALLOWED:
        assert text in [t for _, t in chinese_literals(ROOT / name)], name
