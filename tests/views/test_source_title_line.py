"""来源 shows a document's own title on one line where the extracted text breaks it (the plan's
鄂尔多斯市 / 区域合作深化行动方案), while the stored text stays verbatim."""

import re

from metrics.highlight import Segment, title_breaks, without_spans
from metrics.load import load_dataset
from tests.conftest import DATA
from tests.views.conftest import html_text, open_page


def test_the_plan_heading_reads_as_one_line_and_the_data_keeps_its_break(app):
    at = open_page(app, "sources.py", doc="ordos-plan-2025")
    document = html_text(at).split('<div class="doc">', 1)[1]
    assert "鄂尔多斯市人民政府关于印发鄂尔多斯市区域合作深化行动方案的通知" in document
    assert "鄂尔多斯市<br>" not in document
    marked = set(" ".join(re.findall(r'data-figures="([^"]+)"', document)).split())
    assert len(marked) == 7  # every figure of the plan still marked
    text = load_dataset(DATA).texts["ordos-plan-2025"]
    assert "印发鄂尔多斯市\n\n区域合作深化行动方案的通知" in text  # verbatim in the data


def test_a_subtitle_on_its_own_line_stays_there():
    text = "正文。\n\n京蒙携手 双向奔赴\n\n——全面深化京蒙合作\n\n□赵辉"
    assert title_breaks(text, "京蒙携手 双向奔赴——全面深化京蒙合作") == []


def test_only_the_breaks_inside_the_title_are_left_out_of_the_display():
    text = "关于印发鄂尔\n\n多斯方案的通知\n\n鄂尔多斯方案\n正文"
    gaps = title_breaks(text, "鄂尔多斯方案")
    assert gaps == [(6, 8)]
    segments = [Segment(text[:7], ()), Segment(text[7:12], ("f1",)), Segment(text[12:], ())]
    shown = without_spans(segments, gaps)
    assert "".join(s.text for s in shown) == "关于印发鄂尔多斯方案的通知\n\n鄂尔多斯方案\n正文"
    assert shown[1] == Segment("多斯方案", ("f1",))
