"""The periods a fund book is asked for: a month, a quarter, a year."""

from __future__ import annotations

from datetime import date

import pytest

from core.fund.documents import period


def test_periods():
    assert period("month", 2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period("month", 2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    assert period("quarter", 2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period("quarter", 2024, 1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert period("year", 2026) == (date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        period("week", 2026, 1)


def test_rates_are_percentages_with_a_decimal_comma():
    from core.common.errors import UserError
    from core.fund.funds import format_rate, parse_rate

    assert [parse_rate(t) for t in ("0", "0,5", "6", "1,25 %", "", "0,5 %/năm")] == [0, 50, 600, 125, 0, 50]
    assert [format_rate(bp) for bp in (0, 50, 600, 125, 1250)] == ["0", "0,5", "6", "1,25", "12,5"]
    for bad in ("abc", "0,125", "101", "-1"):
        with pytest.raises(UserError):
            parse_rate(bad)
