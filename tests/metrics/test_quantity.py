"""Chinese quantities: parsing what the documents write, formatting it back the same way."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.quantity import Quantity, QuantityError, format_quantity, parse_number, parse_quantity
from metrics.vocab import UNITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("250余人次", Quantity(250, "人次", "more_than")),
        ("630余例次", Quantity(630, "例次", "more_than")),
        ("14场", Quantity(14, "场", "exact")),
        ("9家", Quantity(9, "家", "exact")),
        ("50亿元以上", Quantity(5_000_000_000, "元", "at_least")),
        ("近百家", Quantity(100, "家", "about")),
        ("千名", Quantity(1000, "名", "exact")),
        ("两条", Quantity(2, "条", "exact")),
        ("三批", Quantity(3, "批", "exact")),
        ("1.91万人次", Quantity(19100, "人次", "exact")),
        ("2.13亿元", Quantity(213_000_000, "元", "exact")),
        ("67.4亿元", Quantity(6_740_000_000, "元", "exact")),  # not 6740000000.000001
        ("超200亿元", Quantity(20_000_000_000, "元", "more_than")),
        ("约3万人", Quantity(30000, "人", "about")),
        ("100人左右", Quantity(100, "人", "about")),
        ("增长72%", Quantity(72, "%", "growth")),
        ("同比增长15.5％", Quantity(15.5, "%", "growth")),
        ("增长20%以上", Quantity(20, "%", "growth_at_least")),
        ("1万余人", Quantity(10000, "人", "more_than")),
        ("3个月", Quantity(3, "个月", "exact")),
        ("一百二十二名", Quantity(122, "名", "exact")),
    ],
)
def test_parse_quantity_reads_document_forms(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "余人次", "250克", "abc", "第8次会议"])
def test_parse_quantity_rejects_non_quantities(text):
    with pytest.raises(QuantityError):
        parse_quantity(text)


@pytest.mark.parametrize(("token", "value"), [("百", 100), ("千", 1000), ("两", 2), ("十一", 11)])
def test_parse_number_reads_bare_chinese_numerals(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "text"),
    [
        (3900, "人次", "more_than", "3900余人次"),
        (5_000_000_000, "元", "at_least", "50亿元以上"),
        (100, "家", "about", "近百家"),
        (1000, "人", "about", "近千人"),
        (19100, "人次", "exact", "1.91万人次"),
        (250, "人次", "more_than", "250余人次"),
        (20, "%", "growth_at_least", "增长20%以上"),
        (72, "%", "growth", "增长72%"),
        (500, "名", "about", "约500名"),
        (14, "场", "exact", "14场"),
        (123_456_789, "元", "exact", "1.2346亿元"),
    ],
)
def test_format_quantity_writes_the_chinese_way(value, unit, qualifier, text):
    assert format_quantity(value, unit, qualifier) == text


def test_format_quantity_rejects_unknown_qualifier():
    with pytest.raises(ValueError, match="qualifier"):
        format_quantity(1, "个", "roughly")


QUALIFIERS_WITHOUT_ROUNDING = ["exact", "more_than", "at_least", "growth", "growth_at_least"]


@given(
    value=st.integers(min_value=0, max_value=10**13),
    unit=st.sampled_from([u for u in UNITS if u != "%"]),
    qualifier=st.sampled_from(QUALIFIERS_WITHOUT_ROUNDING + ["about"]),
)
def test_format_then_parse_round_trips(value, unit, qualifier):
    """What the formatter writes, the parser reads back: same unit, qualifier, value to 4 digits."""
    if qualifier.startswith("growth"):
        unit = "%"
    parsed = parse_quantity(format_quantity(value, unit, qualifier))
    assert (parsed.unit, parsed.qualifier) == (unit, qualifier)
    scale = (
        10**12 if value >= 10**12 else 10**8 if value >= 10**8 else 10**4 if value >= 10**4 else 1
    )
    assert abs(parsed.value - value) <= 0.00005 * scale


@given(
    digits=st.integers(min_value=1, max_value=99999),
    scale=st.sampled_from([1, 10**4, 10**8]),
)
def test_round_trip_is_exact_when_four_decimals_suffice(digits, scale):
    value = digits * scale // 10000 if scale > 1 else digits
    assert parse_quantity(format_quantity(value, "元", "exact")).value == value


@given(
    units=st.integers(min_value=0, max_value=9999),
    hundredths=st.integers(min_value=0, max_value=99),
    word=st.sampled_from(["万", "亿", "万亿"]),
)
def test_a_scaled_decimal_parses_to_its_exact_value(units, hundredths, word):
    digits = f"{units}.{hundredths:02d}"
    scale = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[word]
    assert parse_quantity(f"{digits}{word}元").value == float(Decimal(digits) * scale)
