"""The initiative tally (db.models.InitiativeTally): its SQLite triggers, filling it, and
what readers query.

Progress and the dashboard count initiatives per unit, status, field and month over a
whole programme: a million rows to group each time. The tally holds those counts already
grouped (tens of thousands of rows), kept exact by triggers on ``initiative`` — so reading
it gives the same figures as grouping the register, only sooner. :func:`source` is what
readers select from: the table on SQLite, the same GROUP BY computed on the fly elsewhere
(PostgreSQL consolidation has no triggers yet). :func:`differences` checks the table
against that GROUP BY (the ``check`` command).
"""

from __future__ import annotations

from sqlalchemy import Connection, String, cast, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from db.models import Initiative, InitiativeTally

TABLE = "initiative_tally"
KEY = "programme_id, phase_key, unit_id, status, field_key, month"
_KEY_OF = {  # the key of a row of initiative, as ``{row}.column`` SQL
    "programme_id": "{row}.programme_id",
    "phase_key": "coalesce({row}.phase_number, -1)",
    "unit_id": "{row}.unit_id",
    "status": "{row}.status",
    "field_key": "coalesce({row}.field, '')",
    "month": "substr({row}.registered_on, 1, 7)",
}
_COUNTED = "{row}.deleted_at IS NULL AND {row}.programme_id IS NOT NULL"
_WATCHED = ("programme_id, phase_number, unit_id, status, field, registered_on, "
            "economic_benefit, deleted_at")
TRIGGERS = ("initiative_tally_ai", "initiative_tally_ad", "initiative_tally_au_old",
            "initiative_tally_au_new")


def _key(row: str) -> str:
    return ", ".join(expr.format(row=row) for expr in _KEY_OF.values())


def _add(row: str) -> str:
    return (
        f"INSERT INTO {TABLE} ({KEY}, initiatives, with_benefit, benefit) "
        f"VALUES ({_key(row)}, 1, {row}.economic_benefit IS NOT NULL, "
        f"coalesce({row}.economic_benefit, 0)) "
        f"ON CONFLICT ({KEY}) DO UPDATE SET initiatives = initiatives + 1, "
        "with_benefit = with_benefit + excluded.with_benefit, "
        "benefit = benefit + excluded.benefit;"
    )


def _remove(row: str) -> str:
    match = " AND ".join(f"{name} = {expr.format(row=row)}" for name, expr in _KEY_OF.items())
    return (
        f"UPDATE {TABLE} SET initiatives = initiatives - 1, "
        f"with_benefit = with_benefit - ({row}.economic_benefit IS NOT NULL), "
        f"benefit = benefit - coalesce({row}.economic_benefit, 0) WHERE {match}; "
        f"DELETE FROM {TABLE} WHERE {match} AND initiatives = 0;"
    )


def trigger_sql() -> list[str]:
    """CREATE TRIGGER statements (SQLite) keeping the tally in step with ``initiative``."""
    new, old = _COUNTED.format(row="new"), _COUNTED.format(row="old")
    return [
        f"CREATE TRIGGER initiative_tally_ai AFTER INSERT ON initiative WHEN {new} "
        f"BEGIN {_add('new')} END",
        f"CREATE TRIGGER initiative_tally_ad AFTER DELETE ON initiative WHEN {old} "
        f"BEGIN {_remove('old')} END",
        f"CREATE TRIGGER initiative_tally_au_old AFTER UPDATE OF {_WATCHED} ON initiative "
        f"WHEN {old} BEGIN {_remove('old')} END",
        f"CREATE TRIGGER initiative_tally_au_new AFTER UPDATE OF {_WATCHED} ON initiative "
        f"WHEN {new} BEGIN {_add('new')} END",
    ]


def _grouped_sql(where: str = "") -> str:
    row = "initiative"
    return (
        f"SELECT {_key(row)}, count(*), count(economic_benefit), "
        f"coalesce(sum(economic_benefit), 0) FROM initiative "
        f"WHERE {_COUNTED.format(row=row)}{where} GROUP BY 1, 2, 3, 4, 5, 6"
    )


def fill(connection: Connection) -> None:
    """Empty the tally and count the whole register into it (a migration, a repair)."""
    if connection.dialect.name != "sqlite":
        return  # no table kept elsewhere: source() computes the rows
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE} ({KEY}, initiatives, with_benefit, benefit) {_grouped_sql()}")


def add_new_rows_sql() -> str:
    """Count rows with ``seq >= ?`` into the tally in one statement (db.bulk, after a bulk
    insert made without the insert trigger)."""
    return (
        f"INSERT INTO {TABLE} ({KEY}, initiatives, with_benefit, benefit) "
        f"{_grouped_sql(' AND initiative.seq >= ?')} "
        f"ON CONFLICT ({KEY}) DO UPDATE SET initiatives = initiatives + excluded.initiatives, "
        "with_benefit = with_benefit + excluded.with_benefit, "
        "benefit = benefit + excluded.benefit"
    )


def _on_the_fly() -> Subquery:
    i = Initiative
    return (
        select(
            i.programme_id.label("programme_id"),
            func.coalesce(i.phase_number, -1).label("phase_key"),
            i.unit_id.label("unit_id"),
            cast(i.status, String).label("status"),
            func.coalesce(cast(i.field, String), literal("")).label("field_key"),
            func.substr(cast(i.registered_on, String), 1, 7).label("month"),
            func.count().label("initiatives"),
            func.count(i.economic_benefit).label("with_benefit"),
            func.coalesce(func.sum(i.economic_benefit), 0).label("benefit"),
        )
        .where(i.deleted_at.is_(None), i.programme_id.is_not(None))
        .group_by(i.programme_id, i.phase_number, i.unit_id, i.status, i.field,
                  func.substr(cast(i.registered_on, String), 1, 7))
        .subquery("tally")
    )


def source(session: Session):
    """What to select tally rows from: the table (SQLite) or the same rows computed."""
    if session.get_bind().dialect.name == "sqlite":
        return InitiativeTally.__table__
    return _on_the_fly()


def differences(session: Session) -> int:
    """How many tally rows differ from a fresh count of the register (0 = exact)."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    connection = session.connection()
    columns = f"{KEY}, initiatives, with_benefit, benefit"
    stored = f"SELECT {columns} FROM {TABLE}"
    counted = _grouped_sql()
    return int(connection.exec_driver_sql(
        f"SELECT (SELECT count(*) FROM ({stored} EXCEPT {counted})) + "
        f"(SELECT count(*) FROM ({counted} EXCEPT {stored}))"
    ).scalar_one())


__all__ = ["TRIGGERS", "add_new_rows_sql", "differences", "fill", "source", "trigger_sql"]
