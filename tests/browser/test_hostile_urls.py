"""What Chromium renders for hostile URL values: the text as typed, no link, no image, and no
request leaving the machine (the markdown injection of issue 15)."""

import pytest

URLS = [
    ("map?view=[点此重新登录](https://evil.example/login)", "点此重新登录"),
    ("sources?figure=![t](http://evil.example/t.png)", "evil.example/t.png"),
    ("present?slide=[x](https://evil.example/x)", "evil.example/x"),
    ("?field=<img src=http://evil.example/i.png>", "evil.example/i"),  # echo cut at 30 chars
]


@pytest.mark.parametrize(("path", "echo"), URLS)
def test_hostile_url_values_render_as_plain_text(watched, server, path, echo):
    watched.open(f"{server}/{path}", ready="[data-testid=stAlert]")
    page = watched.page
    alerts = page.locator("[data-testid=stAlert]").all_inner_texts()
    assert any(echo in text for text in alerts), alerts
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("img[src*='evil.example']").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    watched.screenshot(f"hostile-{path.split('?')[0] or 'overview'}")
    watched.assert_clean()
