"""Values arriving in a package, checked and converted by column type before they are written.

A package's rows are JSON made by SQLite at the sending office. Before a value reaches the
receiving database it must be what the column's type can be read back as by the ORM: a date
column holds a valid ISO date or NULL (never '' — the "Sáng kiến" page crashed on
``date.fromisoformat('')``), an integer column an integer, a UUID column 32 hex digits, a
flag 0 or 1. A value that is not is a :class:`BadValue` and the whole package is refused.
"""

from __future__ import annotations

import enum
import functools
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, String, Uuid
from sqlalchemy.types import TypeDecorator, TypeEngine

from db import outbox


class BadValue(ValueError):
    """``str(exc)`` names the kind of value expected, in Vietnamese."""


def _base(type_: TypeEngine) -> TypeEngine:
    while isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    return type_


def _date(v: Any) -> Any:
    if isinstance(v, str) and len(v) == 10:
        try:
            date.fromisoformat(v)
            return v
        except ValueError:
            pass
    raise BadValue("một ngày (yyyy-mm-dd)")


def _datetime(v: Any) -> Any:
    if isinstance(v, str) and v:
        try:
            datetime.fromisoformat(v)
            return v
        except ValueError:
            pass
    raise BadValue("một thời điểm (ngày giờ)")


def _integer(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    raise BadValue("một số nguyên")


def _boolean(v: Any) -> Any:
    if isinstance(v, bool) or v in (0, 1):
        return int(v)
    raise BadValue("có (1) hoặc không (0)")


def _number(v: Any) -> Any:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return v
    raise BadValue("một số")


def _text(v: Any) -> Any:
    if isinstance(v, str):
        return v
    raise BadValue("một đoạn chữ")


_HEX32 = re.compile("[0-9a-f]{32}")


def _uuid(v: Any) -> Any:
    if isinstance(v, str):
        if len(v) == 32 and _HEX32.fullmatch(v):
            return v  # already as stored
        try:
            return uuid.UUID(v).hex
        except ValueError:
            pass
    raise BadValue("một mã định danh (UUID)")


def _as_is(v: Any) -> Any:
    return v


def _converter(type_: TypeEngine) -> Callable[[Any], Any]:
    base = _base(type_)
    if isinstance(base, DateTime):
        return _datetime
    if isinstance(base, Date):
        return _date
    if isinstance(base, Boolean):
        return _boolean
    if isinstance(base, Integer):
        return _integer
    if isinstance(base, Numeric | Float):
        return _number
    if isinstance(base, Uuid):
        return _uuid
    if isinstance(base, String):
        return _text
    if isinstance(base, LargeBinary):
        return _as_is
    return _as_is


@functools.lru_cache(maxsize=256)
def converters(table: str) -> dict[str, Callable[[Any], Any]]:
    model = outbox.synced_models()[table]
    return {c.name: _converter(c.type) for c in model.__table__.columns}  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=256)
def _only(table: str, columns: frozenset[str]) -> dict[str, Callable[[Any], Any]]:
    return {name: check for name, check in converters(table).items() if name in columns}


def convert(table: str, row: dict, *, only: frozenset[str] | None = None) -> dict:
    """``row`` with every value checked and converted for its column (None stays None —
    the database's NOT NULL constraints decide about those); with ``only``, the other
    columns left out. Raises :class:`BadValue` with ``args = (column, value, expected)``."""
    conv = converters(table) if only is None else _only(table, only)
    out: dict[str, Any] = {}
    for name, value in row.items():
        check = conv.get(name)
        if check is None:
            if only is not None:
                continue
            check = _as_is
        kind = value.__class__
        # the usual cases first (a value already as stored: text, a key, a whole number,
        # a flag)
        if value is None or (kind is str and (check is _text or (
                check is _uuid and len(value) == 32 and _HEX32.fullmatch(value)))) or (
                kind is int and (check is _integer or (check is _boolean and value in (0, 1)))):
            out[name] = value
            continue
        try:
            out[name] = check(value)
        except BadValue as exc:
            raise BadValue(name, value, str(exc)) from None
    return out


@functools.lru_cache(maxsize=256)
def insert_defaults(table: str) -> dict[str, Any]:
    """The model's scalar defaults (as stored), for the columns a row did not carry."""
    model = outbox.synced_models()[table]
    found: dict[str, Any] = {}
    for c in model.__table__.columns:  # type: ignore[attr-defined]
        default = c.default
        if default is None or not getattr(default, "is_scalar", False):
            continue
        value = default.arg
        if isinstance(value, enum.Enum):
            value = value.value
        if isinstance(value, bool):
            value = int(value)
        found[c.name] = value
    return found
