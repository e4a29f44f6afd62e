"""Change capture for sync: SQLite triggers that write every change of a synced row to
``sync_outbox`` in the same transaction as the change — ORM flushes, bulk Core inserts
(db/bulk.py), importers and the demo loader alike.

The triggers are generated from the models: every mapped class deriving from
:class:`db.models.base.SyncedMixin` whose table exists in the database gets three (after
insert, update, delete). :func:`install` drops and re-creates them all and is called after
every upgrade (db/migrate.py), so a table added by a later migration joins sync without
new sync code. Derived tables (``initiative_tally``, the FTS indexes) are not SyncedMixin
tables and never travel.

While a package is applied (core/sync) a row sits in ``sync_applying`` and the triggers do
nothing, so received rows are not echoed back as local changes.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table

from db.models.base import SyncedMixin

PREFIX = "sync_capture_"
OUTBOX = "sync_outbox"
#: bookkeeping columns that change on every update: never listed as "changed"
_ALWAYS = {"updated_at", "row_version"}
_JSON_PAIRS = 50  # json_object()/json_insert() pairs per call (SQLite's argument limit)
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_OFFICE = "coalesce((SELECT value FROM setting WHERE key = 'office.unit_code'), '')"


def _all_subclasses(cls: type) -> list[type]:
    found: list[type] = []
    subs: list[type] = cls.__subclasses__()
    for sub in subs:
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def synced_models() -> dict[str, type]:
    """Every mapped SyncedMixin model by table name (from any declarative base)."""
    models: dict[str, type] = {}
    for cls in _all_subclasses(SyncedMixin):
        table = getattr(cls, "__table__", None)
        if isinstance(table, Table) and table.name not in models:
            models[table.name] = cls
    return dict(sorted(models.items()))


def travelling_columns(model: type) -> list[str]:
    table = model.__table__  # type: ignore[attr-defined]
    local = set(getattr(model, "__sync_local__", ()))
    return [c.name for c in table.columns if c.name not in local]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _json_row(row: str, columns: list[str]) -> str:
    """SQL building a JSON object of ``row``'s columns (chained under the argument limit)."""
    first, rest = columns[:_JSON_PAIRS], columns[_JSON_PAIRS:]
    sql = "json_object(" + ", ".join(f"'{c}', {row}.{_q(c)}" for c in first) + ")"
    while rest:
        chunk, rest = rest[:_JSON_PAIRS], rest[_JSON_PAIRS:]
        sql = ("json_insert(" + sql + ", "
               + ", ".join(f"'$.{c}', {row}.{_q(c)}" for c in chunk) + ")")
    return sql


def _changed(columns: list[str]) -> str:
    parts = " || ".join(
        f"CASE WHEN old.{_q(c)} IS NOT new.{_q(c)} THEN '\"{c}\",' ELSE '' END"
        for c in columns if c not in _ALWAYS)
    return f"'[' || rtrim({parts or chr(39) * 2}, ',') || ']'"


def _really_changed(columns: list[str]) -> str:
    """SQL true when an update changed a travelling column other than the bookkeeping ones
    (an update that only stamps updated_at/row_version, or changes nothing, is not a change
    worth sending)."""
    return "(" + " OR ".join(f"old.{_q(c)} IS NOT new.{_q(c)}" for c in columns
                             if c not in _ALWAYS) + ")" if set(columns) - _ALWAYS else "0"


def trigger_sql(table: str, columns: list[str]) -> dict[str, str]:
    """The three CREATE TRIGGER statements capturing changes of ``table``."""
    quiet = "NOT EXISTS (SELECT 1 FROM sync_applying)"
    insert_cols = "entity, row_id, operation, row_version, base_version, row, changed, office, at"

    def body(op: str, row: str, version: str, base: str, changed: str) -> str:
        return (f"INSERT INTO {OUTBOX} ({insert_cols}) VALUES ('{table}', {row}.id, '{op}', "
                f"{version}, {base}, {_json_row(row, columns)}, {changed}, {_OFFICE}, {_NOW});")

    t = _q(table)
    return {
        f"{PREFIX}{table}_ai": (
            f"CREATE TRIGGER {PREFIX}{table}_ai AFTER INSERT ON {t} WHEN {quiet} BEGIN "
            + body("insert", "new", "new.row_version", "0", "'[]'") + " END"),
        f"{PREFIX}{table}_au": (
            f"CREATE TRIGGER {PREFIX}{table}_au AFTER UPDATE ON {t} "
            f"WHEN {quiet} AND {_really_changed(columns)} BEGIN "
            + body("update", "new", "new.row_version", "old.row_version", _changed(columns))
            + " END"),
        f"{PREFIX}{table}_ad": (
            f"CREATE TRIGGER {PREFIX}{table}_ad AFTER DELETE ON {t} WHEN {quiet} BEGIN "
            + body("delete", "old", "old.row_version", "old.row_version", "'[]'") + " END"),
    }


def capture_inserts_sql(table: str, columns: list[str]) -> str:
    """What ``table``'s insert trigger writes, for every row whose rowid is above the one
    parameter, in one statement: for a bulk insert made with that trigger set aside
    (:class:`db.bulk.DeferredInsertTriggers`), the same outbox entries in rowid order —
    without SQLite running a trigger program per row, two thirds of the time of a
    100,000-row import. Nothing while a package is applied, as the trigger."""
    return (f"INSERT INTO {OUTBOX} (entity, row_id, operation, row_version, base_version, row, "
            f"changed, office, at) SELECT '{table}', new.id, 'insert', new.row_version, 0, "
            f"{_json_row('new', columns)}, '[]', {_OFFICE}, {_NOW} FROM {_q(table)} AS new "
            f"WHERE new.rowid > ? AND NOT EXISTS (SELECT 1 FROM sync_applying) "
            f"ORDER BY new.rowid")


def capture_update_sql(table: str, columns: list[str]) -> str:
    """An update entry for the row ``id = ?`` (second parameter) as it stands, listing the
    columns given as a JSON list (first parameter): what the update trigger writes, for a
    decision that must travel although it changed no value (core.sync.exchange.resolve)."""
    return (f"INSERT INTO {OUTBOX} (entity, row_id, operation, row_version, base_version, row, "
            f"changed, office, at) SELECT '{table}', r.id, 'update', r.row_version, "
            f"r.row_version - 1, {_json_row('r', columns)}, ?, {_OFFICE}, {_NOW} "
            f"FROM {_q(table)} r WHERE r.id = ?")


def install(connection: Connection) -> list[str]:
    """Drop every capture trigger and create them again for every SyncedMixin table present
    in the database (idempotent; inside the caller's transaction). Returns the tables."""
    if connection.dialect.name != "sqlite":
        return []
    present = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if OUTBOX not in present or "sync_applying" not in present:
        return []  # before the sync migration: nothing to capture into
    for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'",
            (PREFIX.replace("_", "\\_") + "%",)).all():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")
    tables = []
    for table, model in synced_models().items():
        if table not in present:
            continue
        for sql in trigger_sql(table, travelling_columns(model)).values():
            connection.exec_driver_sql(sql)
        tables.append(table)
    return tables
