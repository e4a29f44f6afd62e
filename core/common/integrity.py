"""`check`: the database's own integrity plus the registry's rules, as readable problems."""

from __future__ import annotations

from sqlalchemy import Connection, Date, DateTime, select
from sqlalchemy.orm import aliased
from sqlalchemy.types import TypeDecorator

from core.common import stored_text
from core.common.database import AppDatabase
from db import faults, search, sqlite, tally
from db.migrate import head_revision, stored_revision
from db.models import Base, Member, Unit

#: Why the search index check (which writes) could not run, by db.faults.kind.
_UNCHECKED = {
    "busy": "cơ sở dữ liệu đang bị khóa (một chương trình khác đang ghi); hãy thử lại sau",
    "readonly": "tệp cơ sở dữ liệu chỉ cho phép đọc",
    "full": "ổ đĩa đã đầy",
    "io": "lỗi đọc/ghi ổ đĩa",
}


def check_database(db: AppDatabase) -> list[str]:
    """Every problem found, in Vietnamese; an empty list means the database is sound."""
    problems: list[str] = []
    revision = stored_revision(db.path)
    if revision != head_revision():
        problems.append(f"Lược đồ {revision} khác phiên bản hiện hành {head_revision()}.")
    with db.translated(), db.engine.connect() as conn:
        damage = sqlite.integrity_problems(conn)
    problems += [f"SQLite: {p}" for p in damage]
    if damage:
        problems.append(str(faults.damaged(db.path)))
    with db.reading() as s:
        stranded = s.execute(
            select(Member.full_name, Unit.name)
            .join(Unit, Unit.id == Member.unit_id)
            .where(Member.deleted_at.is_(None))
            .where((Unit.merged_into_id.is_not(None)) | (Unit.deleted_at.is_not(None)))
            .limit(50)
        ).all()
        problems += [f"Đoàn viên {m} thuộc đơn vị đã sáp nhập/xoá: {u}" for m, u in stranded]
        parent = aliased(Unit)
        orphans = s.execute(
            select(Unit.code, parent.code)
            .join(parent, parent.id == Unit.parent_id)
            .where(Unit.merged_into_id.is_(None), Unit.deleted_at.is_(None))
            .where(parent.merged_into_id.is_not(None))
        ).all()
        problems += [f"Đơn vị {c} trực thuộc đơn vị đã sáp nhập {p}" for c, p in orphans]
        office = s.scalar(select(Unit).where(Unit.code == db.office_code)) if db.office_code else None
        if db.office_code and office is None:
            problems.append(f"Không tìm thấy đơn vị của văn phòng ({db.office_code}).")
        try:
            broken = search.index_problems(s.connection())
        except Exception as exc:  # noqa: BLE001 - re-raised unless SQLite could not write
            reason = _UNCHECKED.get(faults.kind(exc) or "")
            if reason is None:
                raise
            s.rollback()
            problems.append(f"Không kiểm tra được chỉ mục tìm kiếm: {reason}.")
            broken = []
        for name in broken:
            problems.append(f"Chỉ mục tìm kiếm {name} lệch với dữ liệu; chạy lệnh check --repair "
                            "để lập lại.")
        problems += stored_text.problems(s.connection())
        problems += unreadable_dates(s.connection())
        differing = tally.differences(s)
        if differing:
            problems.append(
                f"Bảng đếm sáng kiến (tiến độ, biểu đồ) lệch với sổ theo dõi ở {differing} dòng; "
                "chạy lệnh check --repair để đếm lại.")
    return problems


def _date_columns(conn: Connection):
    """(table, quoted column, SQL condition of an unreadable value) of every date and
    timestamp column of the tables present."""
    present = {n for (n,) in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for column in table.columns:
            type_ = column.type
            while isinstance(type_, TypeDecorator):
                type_ = type_.impl_instance
            if isinstance(type_, DateTime):
                bad = "datetime({c}) IS NULL"
            elif isinstance(type_, Date):
                bad = "(date({c}) IS NULL OR date({c}) != {c})"
            else:
                continue
            c = '"' + column.name.replace('"', '""') + '"'
            yield table.name, column.name, c, f"{c} IS NOT NULL AND " + bad.format(c=c)


def unreadable_dates(conn: Connection, *, limit: int = 20) -> list[str]:
    """Stored values of date and timestamp columns the program cannot read back (e.g. ''
    written into a date): every row that would stop a page from opening."""
    found: list[str] = []
    for table, name, _c, bad in _date_columns(conn):
        n = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}" WHERE {bad}').scalar() or 0
        if n and len(found) < limit:
            found.append(f"Bảng {table}, cột {name}: {n} dòng có giá trị ngày không đọc được "
                         "(ví dụ chuỗi rỗng); các trang dùng bảng này có thể không mở được. "
                         "Chạy lệnh check --repair để đặt các ô rỗng về trống (NULL); giá trị "
                         "khác phải sửa tay.")
    return found


def repair_empty_dates(conn: Connection) -> int:
    """'' stored in a date or timestamp column means "no date": set to NULL (a captured
    edit, so the mend travels). Returns the cells mended; other bad values are left for a
    person (check keeps reporting them)."""
    mended = 0
    for table, _name, c, _bad in _date_columns(conn):
        result = conn.exec_driver_sql(f'UPDATE "{table}" SET {c} = NULL WHERE {c} = \'\'')
        mended += max(result.rowcount, 0)
    return mended


def recount(db: AppDatabase) -> None:
    """Clean stored text of control, bidi and non-characters (:mod:`core.common.stored_text`),
    then count the register into the tally and index initiatives and members for search again
    — one transaction."""
    with db.transaction() as s:
        stored_text.repair(s.connection())
        repair_empty_dates(s.connection())
        tally.fill(s.connection())
        search.rebuild_all(s.connection())
