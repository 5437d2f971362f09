"""The permalink a QR code encodes leads to the same view: page, filters and slide."""

from urllib.parse import parse_qs, urlsplit

from metrics.urls import share_url


def test_the_share_url_keeps_the_filters_and_the_slide():
    url = share_url(
        "http://10.0.0.5:8501/present", {"slide": "3", "field": "医疗,教育", "kind": ""}
    )
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("10.0.0.5:8501", "/present")
    assert parse_qs(parts.query) == {"field": ["医疗,教育"], "slide": ["3"]}


def test_a_base_that_already_has_a_query_or_anchor_is_replaced_not_appended():
    url = share_url("http://host/present?old=1#top", {"slide": "2"})
    assert url == "http://host/present?slide=2"
