"""汇报模式's QR code: a localhost address is flagged (no phone in the room can open it)."""

import pytest

from ui.labels import LABELS
from ui.slides import share_html


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8501/present?field=医疗",
        "http://127.0.0.1:8501/present",
        "http://[::1]:8501/present",
        "http://LOCALHOST/present",
    ],
)
def test_a_qr_code_of_this_machines_own_address_says_phones_cannot_open_it(url):
    html = share_html(url)
    assert LABELS["present_share_local"][:10] in html
    assert "局域网地址" in LABELS["present_share_local"]


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:8501/present?slide=2", "https://jmb.example.gov.cn/present"]
)
def test_a_lan_address_or_name_gets_no_warning(url):
    html = share_html(url)
    assert LABELS["present_share_local"][:10] not in html
    assert 'class="slide-share"' in html and "<img" in html
