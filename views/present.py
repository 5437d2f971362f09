"""汇报模式: the current filter as 16:9 slides, a PPTX download and a QR permalink. The page a
whole room opens at once: drawn by ui/present_page.py (this script is compiled again for every
new session, a module once per process)."""

from ui import present_page

present_page.show()
