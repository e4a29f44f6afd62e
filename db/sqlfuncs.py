"""Small SQL expressions whose spelling differs between SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class year_month(FunctionElement):  # noqa: N801 - reads like a SQL function
    """'YYYY-MM' of a date column."""

    type = String()
    inherit_cache = True


@compiles(year_month, "sqlite")
def _year_month_sqlite(element, compiler, **kw):
    # SQLAlchemy stores dates as 'YYYY-MM-DD' text in SQLite: the first seven characters are
    # the month (substr costs a third of strftime over a million rows).
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"
