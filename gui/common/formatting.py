"""How values look on screen: dates dd/mm/yyyy, numbers with "." thousands (no Qt here)."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str) -> date | None:
    """``"06/03/2023"`` (also ``6-3-2023``, ``6.3.2023``) → date; empty → None.

    Raises ValueError when the text is not a real date in day/month/year order.
    """
    if not text or not text.strip():
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = (int(g) for g in match.groups())
    return date(year, month, day)


def format_int(value: int) -> str:
    """12345 → "12.345" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")
