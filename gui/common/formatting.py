"""How values look on screen: dates dd/mm/yyyy, numbers with "." thousands (no Qt here)."""

from __future__ import annotations

from datetime import date


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_int(value: int) -> str:
    """12345 → "12.345" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")
