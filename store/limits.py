"""Limits on what an editor may store, in one place, refused with Chinese messages.

Every write path (forms, report publishing, bulk import, tracker updates, accounts) calls these
before touching the database: control characters (NUL breaks PostgreSQL, others break Excel),
over-long text, absurd magnitudes, months in the future and dangling references.
"""

from __future__ import annotations

import math
import re
from datetime import date

# Longest text per column (characters); any other column gets DEFAULT_LENGTH.
MAX_LENGTH = {
    "indicator": 60,
    "title": 300,
    "quote": 2000,
    "amount": 40,
    "note": 2000,
    "reason": 500,
    "responsible": 500,
    "link_type": 40,
    "headline": 200,
    "targets": 2000,
    "text": 2_000_000,  # a source's full text
    "sentence": 5000,
}
DEFAULT_LENGTH = 200
# A stored value (base units) above this is a typo, not a figure: 10^16 元 is a hundred times
# China's GDP.
MAX_VALUE = 1e16
# A tracker value may exceed its target, but not by more than this factor.
MAX_OVER_TARGET = 100.0
MAX_USERNAME_INPUT = 64
MAX_PASSWORD_INPUT = 256
# Control characters other than tab, line feed and carriage return, lone surrogates (not
# encodable, so no database takes them) and the non-characters XML (xlsx) cannot hold.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]"
_CONTROL = re.compile(CONTROL_CHARACTERS)


class LimitError(ValueError):
    """A value over a limit; the message is Chinese and meant for the editor."""


def check_text(value: object, label: str, column: str = "") -> None:
    """Refuse control characters and text longer than the column's limit."""
    if not isinstance(value, str):
        return
    if _CONTROL.search(value):
        raise LimitError(f"{label}中含有不可见的控制字符，请删去后再保存")
    limit = MAX_LENGTH.get(column, DEFAULT_LENGTH)
    if len(value) > limit:
        raise LimitError(f"{label}过长（{len(value)} 字），上限为 {limit} 字")


def clean_report_text(text: str) -> str:
    """A report's text with page breaks as line breaks and other control characters removed
    (PDF text layers carry form feeds); done before extraction, so quotes stay verbatim."""
    return _CONTROL.sub("", text.replace("\x0c", "\n").replace("\x0b", "\n"))


def check_value(value: float, label: str = "数值") -> None:
    """A stored number is finite, not negative and below MAX_VALUE."""
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise LimitError(f"{label}必须是数字")
    if value < 0:
        raise LimitError(f"{label}不能是负数")
    if value > MAX_VALUE:
        raise LimitError(f"{label}过大（超过 {MAX_VALUE:.0e}），请检查单位和位数")


def check_against_target(value: float, target: float) -> None:
    """A reported value within MAX_OVER_TARGET times its target (a typo guard)."""
    check_value(value, "完成值")
    if target > 0 and value > target * MAX_OVER_TARGET:
        raise LimitError(
            f"完成值是目标的 {value / target:.0f} 倍，请检查单位（如“亿元”应填成以元计的数）"
        )


def check_month(month: str, today: date | None = None) -> None:
    """A reported month is not in the future."""
    today = today or date.today()
    if month > today.strftime("%Y-%m"):
        raise LimitError(f"月份“{month}”还没到，不能报送未来的进展")
