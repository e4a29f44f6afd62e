"""Length limits of every text field, in one place.

Each limit is the most characters (after :func:`core.common.text.clean`) a field may hold,
checked in core on the way in — forms, edits and imports alike — with a Vietnamese message
naming the field, its length and its limit ("Tên sáng kiến dài 1.000.000 ký tự, tối đa 500.").
The window's line edits take the same numbers (``setMaxLength``). The values are generous
for real records and small enough that search, exports and printed documents stay quick:

=========================================  ======  ==========================================
Field                                      Limit   Why
=========================================  ======  ==========================================
Initiative name                            500     long official titles run to ~300
Description, objective, steps, scope,      20,000  about eight printed pages each
conditions, social benefit
Reason for rejection                       2,000
Awards                                     1,000
Decision number (số quyết định)            50      "123/QĐ-LĐLĐ" style symbols
Author name, member name                   100     a person's full name
Author's unit (as written)                 255     the unit name's limit
Authors per initiative                     50
Unit name                                  255     the ``unit.name`` column
Unit code                                  32      the ``unit.code`` column
Member's position                          200
Payer of an initiative's support           255
Office settings (letterhead)               255     document symbol 50, chair's name 100
=========================================  ======  ==========================================
"""

from __future__ import annotations

from collections.abc import Iterable

from core.common.errors import UserError

INITIATIVE_NAME = 500
LONG_TEXT = 20_000
REJECTION_REASON = 2_000
AWARDS = 1_000
DECISION_NUMBER = 50
PERSON_NAME = 100
AUTHOR_UNIT = 255
AUTHORS_PER_INITIATIVE = 50
UNIT_NAME = 255
UNIT_CODE = 32
POSITION = 200
SETTING = 255
DOC_SYMBOL = 50

# Initiative text fields: (label in messages, limit).
INITIATIVE_FIELDS: dict[str, tuple[str, int]] = {
    "name": ("Tên sáng kiến", INITIATIVE_NAME),
    "objective": ("Mục đích", LONG_TEXT),
    "steps": ("Các bước thực hiện", LONG_TEXT),
    "scope": ("Phạm vi áp dụng", LONG_TEXT),
    "description": ("Mô tả", LONG_TEXT),
    "conditions": ("Điều kiện áp dụng", LONG_TEXT),
    "social_benefit": ("Lợi ích xã hội", LONG_TEXT),
    "decision_number": ("Số quyết định", DECISION_NUMBER),
    "rejection_reason": ("Lý do không hợp lệ", REJECTION_REASON),
    "awards": ("Khen thưởng", AWARDS),
}

# The office's letterhead settings (core.common.letterhead.OfficeSettings).
OFFICE_FIELDS: dict[str, tuple[str, int]] = {
    "unit_code": ("Mã đơn vị", UNIT_CODE),
    "name": ("Tên đơn vị", UNIT_NAME),
    "parent_name": ("Tên đơn vị cấp trên", UNIT_NAME),
    "place": ("Địa danh", SETTING),
    "doc_symbol": ("Ký hiệu văn bản", DOC_SYMBOL),
    "on_behalf": ("Thẩm quyền ký", SETTING),
    "chair_title": ("Chức danh người ký", SETTING),
    "chair_name": ("Họ tên người ký", PERSON_NAME),
}

# Initiative text fields that hold several lines (clean(..., multiline=True)).
MULTILINE_INITIATIVE_FIELDS = frozenset(
    {"objective", "steps", "scope", "description", "conditions", "social_benefit", "rejection_reason"})


def number(n: int) -> str:
    """1000000 → "1.000.000" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def too_long(label: str, text: str, limit: int) -> str | None:
    """The message when ``text`` is longer than ``limit``, else None."""
    if len(text) <= limit:
        return None
    return f"{label} dài {number(len(text))} ký tự, tối đa {number(limit)}."


def check(label: str, text: str, limit: int) -> str:
    """``text`` unchanged, or :class:`UserError` naming the field, its length and limit."""
    message = too_long(label, text, limit)
    if message:
        raise UserError(message)
    return text


def check_fields(values: Iterable[tuple[str, str]], fields: dict[str, tuple[str, int]]) -> None:
    """Check each (field, text) named in ``fields``; the first too long raises UserError."""
    for name, text in values:
        if name in fields and text:
            label, limit = fields[name]
            check(label, text, limit)


def check_authors(names: list[str]) -> None:
    """At most :data:`AUTHORS_PER_INITIATIVE` authors, each name within :data:`PERSON_NAME`."""
    if len(names) > AUTHORS_PER_INITIATIVE:
        raise UserError(f"Sáng kiến có {number(len(names))} tác giả, tối đa "
                        f"{AUTHORS_PER_INITIATIVE}.")
    for name in names:
        check("Họ tên tác giả", name, PERSON_NAME)
