"""The README's layout section matches the tree: what it names exists, and every package is named."""

import re

from tests.conftest import ROOT

NOT_IN_GIT = {"build", "var", "artifacts"}  # made by runs (.gitignore)
# The layout explains why there is no pages/ folder (a test in test_data.py keeps it absent).
ABSENT_ON_PURPOSE = {"pages/", "pages/x.py"}


def layout_section() -> str:
    """The text of the README's '## Layout' section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]


def named_paths(text: str) -> set[str]:
    """Every `code span` that names a file or folder (ends in / or .py)."""
    spans = re.findall(r"`([^`\s]+)`", text)
    return {s for s in spans if s.endswith(("/", ".py"))}


def code_packages() -> set[str]:
    """Top-level modules and folders that hold Python code, as the README writes them."""
    folders = {
        f"{p.name}/"
        for p in ROOT.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and p.name not in NOT_IN_GIT
        and any(p.glob("*.py"))
    }
    return folders | {p.name for p in ROOT.glob("*.py")}


def test_every_path_the_layout_names_exists():
    named = named_paths(layout_section()) - ABSENT_ON_PURPOSE
    missing = [p for p in named if not (ROOT / p).exists()]
    assert not missing, f"README layout names paths that do not exist: {missing}"


def test_every_package_is_in_the_layout():
    top = {p.split("/")[0] + "/" if "/" in p else p for p in named_paths(layout_section())}
    assert not code_packages() - top, f"not in the README layout: {code_packages() - top}"


def test_the_checks_catch_a_missing_and_a_stale_entry():
    assert named_paths("`ui/` (`ui/labels/`, `python -m store`, `make bench`)") == {
        "ui/",
        "ui/labels/",
    }
    assert "ui/" in code_packages() and "app.py" in code_packages()
    assert not (ROOT / "ui" / "labels.py").exists()  # the old single module is gone
