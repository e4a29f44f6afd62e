"""Golden and property tests for core/common/vnformat.py (Vietnamese money, dates, words)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.common.vnformat import (
    amount_in_words,
    date_line,
    doc_number,
    format_date,
    format_money,
    format_percent,
    parse_date,
    parse_money,
    words_to_amount,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---- format_money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (3_031_150_000, "3.031.150.000"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1_500_000, "1.500.000"),
        (-1000, "-1.000"),
        (-3_031_150_000, "-3.031.150.000"),
    ],
)
def test_format_money(n, expected):
    assert format_money(n) == expected


@pytest.mark.parametrize("bad", [1000.0, 1.5, True, "1000", None])
def test_format_money_refuses_non_int(bad):
    with pytest.raises(TypeError, match="Số tiền phải là số nguyên"):
        format_money(bad)


# ---- format_date / date_line / doc_number -----------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 3, 6), "06/03/2023"),
        (date(2023, 12, 15), "15/12/2023"),
        (date(1990, 1, 1), "01/01/1990"),
        (datetime(2023, 3, 6, 14, 30), "06/03/2023"),
    ],
)
def test_format_date(d, expected):
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 3, 6), "Vĩnh Linh, ngày 06 tháng 3 năm 2023"),
        (date(2023, 1, 6), "Vĩnh Linh, ngày 06 tháng 01 năm 2023"),
        (date(2023, 2, 15), "Vĩnh Linh, ngày 15 tháng 02 năm 2023"),
        (date(2023, 12, 31), "Vĩnh Linh, ngày 31 tháng 12 năm 2023"),
        (date(2023, 10, 9), "Vĩnh Linh, ngày 09 tháng 10 năm 2023"),
        (date(2024, 3, 10), "Vĩnh Linh, ngày 10 tháng 3 năm 2024"),
    ],
)
def test_date_line_follows_decree_30(d, expected):
    assert date_line("Vĩnh Linh", d) == expected


def test_date_line_cleans_the_place_and_works_without_one():
    assert date_line("  Hà\u00a0 Nội ", date(2020, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2020"
    assert date_line(nfd("Đông Hà"), date(2023, 3, 6)) == "Đông Hà, ngày 06 tháng 3 năm 2023"
    assert date_line("", date(2023, 3, 6)) == "ngày 06 tháng 3 năm 2023"


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (8, "HD-LĐLĐ", "Số: 08/HD-LĐLĐ"),
        (1, "BC-CĐCS", "Số: 01/BC-CĐCS"),
        (10, "HD-LĐLĐ", "Số: 10/HD-LĐLĐ"),
        (125, " QĐ-LĐLĐ ", "Số: 125/QĐ-LĐLĐ"),
    ],
)
def test_doc_number(number, symbol, expected):
    assert doc_number(number, symbol) == expected


def test_doc_number_refuses_bad_input():
    with pytest.raises(ValueError, match="Số văn bản phải từ 1 trở lên: 0"):
        doc_number(0, "HD-LĐLĐ")
    with pytest.raises(ValueError, match="Thiếu ký hiệu văn bản"):
        doc_number(8, "  ")
    with pytest.raises(TypeError, match="Số văn bản phải là số nguyên"):
        doc_number(8.0, "HD-LĐLĐ")


# ---- amount_in_words --------------------------------------------------------------------------

GOLDEN_WORDS = [
    (3_031_150_000, "Ba tỷ không trăm ba mươi mốt triệu một trăm năm mươi nghìn đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1025, "Một nghìn không trăm hai mươi lăm đồng"),
    (2_000_000, "Hai triệu đồng"),
    (0, "Không đồng"),
    (1, "Một đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi bốn đồng"),
    (25, "Hai mươi lăm đồng"),
    (55, "Năm mươi lăm đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (115, "Một trăm mười lăm đồng"),
    (1000, "Một nghìn đồng"),
    (1001, "Một nghìn không trăm linh một đồng"),
    (1010, "Một nghìn không trăm mười đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (250_000, "Hai trăm năm mươi nghìn đồng"),
    (1_000_001, "Một triệu không trăm linh một đồng"),
    (1_500_000, "Một triệu năm trăm nghìn đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
    (1_005_000_000, "Một tỷ không trăm linh năm triệu đồng"),
    (2_500_000_000_000, "Hai nghìn năm trăm tỷ đồng"),  # as spoken: the tỷ are counted
    (1_001_000_000_000, "Một nghìn không trăm linh một tỷ đồng"),
    (10**15, "Một triệu tỷ đồng"),
    (10**15 + 5, "Một triệu tỷ không trăm linh năm đồng"),
    (
        999_999_999_999_999_999,
        "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
        "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
    ),
    (-1000, "Âm một nghìn đồng"),
    (-1_005_000, "Âm một triệu không trăm linh năm nghìn đồng"),
]


@pytest.mark.parametrize(("n", "expected"), GOLDEN_WORDS)
def test_amount_in_words_golden(n, expected):
    assert amount_in_words(n) == expected


def test_amount_in_words_currency():
    assert amount_in_words(2_000_000, currency="") == "Hai triệu"
    assert amount_in_words(15, currency="USD") == "Mười lăm USD"


@pytest.mark.parametrize("bad", [1000.0, True, "1000"])
def test_amount_in_words_refuses_non_int(bad):
    with pytest.raises(TypeError, match="Số tiền phải là số nguyên"):
        amount_in_words(bad)


@pytest.mark.parametrize("bad", [10**18, -(10**18)])
def test_amount_in_words_refuses_amounts_it_cannot_name(bad):
    with pytest.raises(ValueError, match="Số tiền quá lớn để đọc thành chữ"):
        amount_in_words(bad)


# ---- words_to_amount --------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "words"), GOLDEN_WORDS)
def test_words_to_amount_golden(n, words):
    assert words_to_amount(words) == n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ba tỷ không trăm ba mươi mốt triệu một trăm năm mươi nghìn", 3_031_150_000),
        ("MỘT TRIỆU KHÔNG TRĂM LINH NĂM NGHÌN ĐỒNG", 1_005_000),
        ("một nghìn không trăm hai mươi lăm đồng", 1025),
        (nfd("Một nghìn không trăm hai mươi lăm đồng"), 1025),
        ("  Hai   triệu\u00a0đồng ", 2_000_000),
        ("mot nghin khong tram hai muoi lam dong", 1025),  # typed without tones
        ("Một trăm lẻ năm đồng", 105),  # lẻ for linh
        ("Một ngàn đồng", 1000),  # ngàn for nghìn
        ("Hai tỉ đồng", 2_000_000_000),  # tỉ for tỷ
        ("Hai mươi tư nghìn", 24_000),  # tư for bốn
        ("Âm một nghìn", -1000),
        ("Không", 0),
    ],
)
def test_words_to_amount_is_tolerant_of_form(text, expected):
    assert words_to_amount(text) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "abc",
        "đồng",
        "nghìn",
        "một nghìn năm",  # colloquial 1500: a later group must say its hundreds
        "một trăm năm",  # 105 or 150? must be "linh năm" or "năm mươi"
        "một triệu một tỷ",  # a tỷ group after triệu
        "một tỷ một tỷ",
        "một nghìn tỷ năm trăm tỷ",  # say "một nghìn năm trăm tỷ"
        "một tỷ hai triệu",  # "một tỷ không trăm linh hai triệu"
        "một nghìn triệu",  # groups out of order
        "tỷ",
        "một nghìn một nghìn",
        "một nghìn không trăm",  # a zero group is left out, not written
        "linh năm",
        "mười mười",
        "Âm không đồng",
        "15 triệu",
    ],
)
def test_words_to_amount_refuses_malformed_text(bad):
    with pytest.raises(ValueError, match="Số tiền bằng chữ không hợp lệ: "):
        words_to_amount(bad)


def test_words_to_amount_refuses_empty_text():
    with pytest.raises(ValueError, match="Thiếu số tiền bằng chữ"):
        words_to_amount("  ")


@given(st.integers(min_value=0, max_value=10**15))
def test_words_round_trip(n):
    assert words_to_amount(amount_in_words(n)) == n


@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_words_round_trip_whole_range_and_negatives(n):
    assert words_to_amount(amount_in_words(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_words_are_nfc_single_spaced_and_capitalised(n):
    words = amount_in_words(n)
    assert unicodedata.is_normalized("NFC", words)
    assert "  " not in words
    assert words == words.strip()
    assert words[0].isupper() and words[1:] == words[1:].lower()
    assert words.endswith(" đồng")
    assert " lẻ " not in words and " tư " not in words


# ---- parse_money ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1_500_000, 1_500_000),
        (0, 0),
        (1.0e6, 1_000_000),
        (3031150000.0, 3_031_150_000),
        (Decimal("250000"), 250_000),
        ("3.031.150.000", 3_031_150_000),
        ("3,031,150,000 đ", 3_031_150_000),
        ("3.031.150.000 đồng", 3_031_150_000),
        ("1 500 000", 1_500_000),
        ("1\u00a0500\u00a0000", 1_500_000),
        ("1.500.000₫", 1_500_000),
        ("500.000 VNĐ", 500_000),
        ("1.500", 1500),  # the dot separates thousands
        ("1,500", 1500),
        ("1500000", 1_500_000),
        ("  250000  ", 250_000),
        ("-1.000", -1000),
    ],
)
def test_parse_money(value, expected):
    result = parse_money(value)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0"])
def test_parse_money_empty_is_none(value):
    assert parse_money(value) is None


@pytest.mark.parametrize(
    "bad",
    ["15 triệu", "1,5", "1.50", "1.500,00", "1.500,000", "12.34.567", "hai trăm", "abc", "1500.5"],
)
def test_parse_money_refuses_text_that_is_not_whole_dong(bad):
    with pytest.raises(ValueError, match="^" + re.escape(f"Số tiền không hợp lệ: {bad}")):
        parse_money(bad)


def test_parse_money_refuses_fractional_and_odd_values():
    with pytest.raises(
        ValueError, match=r"Số tiền không hợp lệ: 1500\.5 \(số tiền phải là số nguyên đồng\)"
    ):
        parse_money(1500.5)
    with pytest.raises(ValueError, match="Số tiền không hợp lệ: nan"):
        parse_money(float("nan"))
    with pytest.raises(ValueError, match="Số tiền không hợp lệ: True"):
        parse_money(True)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_money_reads_format_money(n):
    assert parse_money(format_money(n)) == n
    assert parse_money(format_money(n) + " đồng") == n


# ---- parse_date -------------------------------------------------------------------------------

MARCH_6 = date(2023, 3, 6)


@pytest.mark.parametrize(
    "value",
    [
        MARCH_6,
        datetime(2023, 3, 6, 14, 30),
        44991,  # Excel serial, 1900 date system
        44991.0,
        44991.75,  # with a time of day
        "06/03/2023",
        "06/3/2023",
        "6/3/2023",
        "06-03-2023",
        "06.03.2023",
        "2023-03-06",
        "2023-03-06 00:00:00",
        " 06/03/2023 ",
        "ngày 06 tháng 3 năm 2023",
        "Ngày 6 tháng 03 năm 2023",
        nfd("ngày 06 tháng 3 năm 2023"),
        "Vĩnh Linh, ngày 06 tháng 3 năm 2023",
    ],
)
def test_parse_date_reads_6_march_2023(value):
    result = parse_date(value)
    assert result == MARCH_6
    assert type(result) is date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01/02/2023", date(2023, 2, 1)),  # day first, never US order
        ("12/11/1990", date(1990, 11, 12)),
        ("29/02/2024", date(2024, 2, 29)),
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),  # after Excel's phantom 29/02/1900
        (32874, date(1990, 1, 1)),
    ],
)
def test_parse_date_values(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "   "])
def test_parse_date_empty_is_none(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "bad",
    [
        "3/13/2023",  # US order: there is no month 13
        "abc",
        "không nhớ",
        "06/03/23",  # two-digit year is ambiguous
        "06/03-2023",
        "2023/03/06",
        "ngày 32 tháng 3 năm 2023",
    ],
)
def test_parse_date_refuses_bad_text_naming_it(bad):
    with pytest.raises(ValueError) as err:
        parse_date(bad)
    assert str(err.value) == f"Ngày không hợp lệ: {bad} (dùng dạng dd/mm/yyyy)"


@pytest.mark.parametrize(("bad", "days"), [("31/02/2023", 28), ("29/02/2023", 28), ("31/4/2024", 30),
                                          ("ngày 30 tháng 2 năm 2024", 29)])
def test_parse_date_calls_a_missing_day_a_date_that_does_not_exist(bad, days):
    with pytest.raises(ValueError) as err:
        parse_date(bad)
    month, year = (2, 2023) if "2023" in bad else ((4, 2024) if "/4/" in bad else (2, 2024))
    assert str(err.value) == f"Ngày không tồn tại: {bad} (tháng {month} năm {year} chỉ có {days} ngày)"


@pytest.mark.parametrize("bad", [0, -5, 60, 3_000_000, float("nan"), True])
def test_parse_date_refuses_bad_serials(bad):
    with pytest.raises(ValueError, match="^" + re.escape(f"Ngày không hợp lệ: {bad} ")):
        parse_date(bad)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_reads_what_we_write(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(date_line("Vĩnh Linh", d)) == d


# ---- format_percent ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (1775, 1200, 148),
        (2412, 2300, 105),
        (1, 200, 1),  # 0.5 % rounds half up
        (1, 201, 0),
        (1, 3, 33),
        (2, 3, 67),
        (0, 5, 0),
        (5, 5, 100),
        (-1, 200, -1),  # halves round away from zero
    ],
)
def test_format_percent(numerator, denominator, expected):
    assert format_percent(numerator, denominator) == expected


def test_format_percent_of_zero_denominator_is_none():
    assert format_percent(5, 0) is None
    assert format_percent(0, 0) is None


def test_format_percent_refuses_floats():
    with pytest.raises(TypeError, match="Tử số phải là số nguyên"):
        format_percent(1.5, 3)


def test_percentages_are_parsed_once_for_the_window_and_the_command_line():
    from core.common.vnformat import parse_percent

    typed = ["0", "0,5", "6", "6,5%", "6,5 %", "1,25 %/năm", "6.5", "100", " 12,5 % / năm "]
    assert [parse_percent(t) for t in typed] == [0, 50, 600, 650, 650, 125, 650, 10_000, 1250]
    assert parse_percent(6) == 600
    assert parse_percent(None) is None and parse_percent("  ") is None and parse_percent("%") is None
    for bad in ("abc", "0,125", "101", "-1", "1.2.3", "6,5 triệu", True, 1.5):
        with pytest.raises(ValueError, match="phần trăm|Tỷ lệ"):
            parse_percent(bad)
