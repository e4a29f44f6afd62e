"""Members (đoàn viên): add, edit, remove, and the queries of lazy lists.

Lists never load all rows: :func:`page_members` returns one page in a stable order
(the sort column, then the id); :func:`keys` gives the keys (the member table's rowid) of
the whole list in that order and :func:`rows_by_keys` the rows of some of them, so a view
can show any place of a million members by reading only what is on screen.
"""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnClause, Integer, Select, func, literal_column, select
from sqlalchemy.orm import Session

from core.common import limits
from core.common.errors import NotFound, UserError
from core.common.lists import Cancelled, read_keys
from core.common.text import clean, fold, name_sort_key
from db import search
from db.models import Gender, Member, Unit, utcnow

if TYPE_CHECKING:
    from core.common.database import AppDatabase

GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}


@dataclass(frozen=True)
class MemberInput:
    full_name: str
    unit_id: uuid.UUID
    gender: Gender | None = None
    date_of_birth: date | None = None
    position: str = ""
    member_since: date | None = None


@dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    full_name: str
    gender: Gender | None
    date_of_birth: date | None
    unit_name: str
    position: str
    member_since: date | None
    key: int = field(default=0, compare=False)  # the list's key (the table's rowid)


@dataclass(frozen=True)
class MemberQuery:
    """What a members list shows: some units (None = all) and an optional search text."""

    unit_ids: frozenset[uuid.UUID] | None = None
    text: str = ""


# Sortable columns of the members list, by name.
SORT_COLUMNS = {
    "name": Member.sort_key,
    "gender": Member.gender,
    "date_of_birth": Member.date_of_birth,
    "unit": Unit.name_folded,
    "position": Member.position,
    "member_since": Member.member_since,
}


def _validate(session: Session, data: MemberInput) -> str:
    name = clean(data.full_name)
    if not name:
        raise UserError("Thiếu họ và tên.")
    limits.check("Họ và tên", name, limits.PERSON_NAME)
    limits.check("Chức vụ", clean(data.position), limits.POSITION)
    unit = session.get(Unit, data.unit_id)
    if unit is None or not unit.is_active:
        raise UserError("Đơn vị không tồn tại hoặc đã sáp nhập.")
    today = date.today()
    if data.date_of_birth and not date(1900, 1, 1) <= data.date_of_birth <= today:
        raise UserError("Ngày sinh không hợp lệ.")
    if data.member_since and data.date_of_birth and data.member_since < data.date_of_birth:
        raise UserError("Ngày vào công đoàn trước ngày sinh.")
    return name


def add_member(session: Session, data: MemberInput) -> Member:
    name = _validate(session, data)
    member = Member(
        full_name=name,
        name_folded=fold(name),
        sort_key=name_sort_key(name),
        gender=data.gender,
        date_of_birth=data.date_of_birth,
        unit_id=data.unit_id,
        position=clean(data.position),
        member_since=data.member_since,
    )
    session.add(member)
    return member


def get_member(session: Session, member_id: uuid.UUID) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise NotFound("Không tìm thấy đoàn viên.")
    return member


def update_member(session: Session, member_id: uuid.UUID, data: MemberInput) -> Member:
    member = get_member(session, member_id)
    name = _validate(session, data)
    member.full_name, member.name_folded, member.sort_key = name, fold(name), name_sort_key(name)
    member.gender, member.date_of_birth = data.gender, data.date_of_birth
    member.unit_id, member.position = data.unit_id, clean(data.position)
    member.member_since = data.member_since
    return member


def delete_member(session: Session, member_id: uuid.UUID) -> None:
    """Tombstone (the deletion travels to the province); undo with :func:`restore_member`."""
    get_member(session, member_id).deleted_at = utcnow()


def restore_member(session: Session, member_id: uuid.UUID) -> None:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Không tìm thấy đoàn viên.")
    member.deleted_at = None


def _filtered(session: Session, query: Select, q: MemberQuery) -> Select:
    query = query.where(Member.deleted_at.is_(None))
    if q.unit_ids is not None:
        query = query.where(Member.unit_id.in_(q.unit_ids))
    folded = fold(q.text)
    if folded:
        query = query.where(search.member_name_contains(session, folded))
    return query


def count_members(session: Session, q: MemberQuery) -> int:
    return session.scalar(_filtered(session, select(func.count()).select_from(Member), q)) or 0


def _order(sort: str, descending: bool) -> list:
    column = SORT_COLUMNS[sort]
    return [column.desc(), Member.id.desc()] if descending else [column, Member.id]


# The member table's implicit rowid: the key of the lists (and of the search index, see
# db.search). Members have UUID keys; an integer key keeps a million of them in 8 MB.
_ROWID: ColumnClause[int] = literal_column("member.rowid", Integer)
_ROW_COLUMNS = (Member.id, Member.full_name, Member.gender, Member.date_of_birth, Unit.name,
                Member.position, Member.member_since, _ROWID)


def page_members(
    session: Session,
    q: MemberQuery,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[MemberRow]:
    """One page of the list, ordered by ``sort`` then id (a total, stable order)."""
    query = _filtered(session, select(*_ROW_COLUMNS).join(Unit, Unit.id == Member.unit_id), q)
    rows = session.execute(query.order_by(*_order(sort, descending)).offset(offset).limit(limit))
    return [MemberRow(*row) for row in rows]


# --- lazy lists: every key of a list in its order, then rows by key ---------------------

def keys(session: Session, q: MemberQuery, *, sort: str = "name", descending: bool = False,
         is_cancelled: Cancelled = None) -> array | None:
    """The key of every member of the list, in the order of :func:`page_members`
    (``page_members(offset=i)`` starts with ``keys[i]``); None if ``is_cancelled()`` turned
    true meanwhile."""
    query = select(_ROWID).select_from(Member)
    if sort == "unit":
        query = query.join(Unit, Unit.id == Member.unit_id)
    query = _filtered(session, query, q).order_by(*_order(sort, descending))
    return read_keys(session, query, is_cancelled)


def rows_by_keys(session: Session, wanted: Sequence[int]) -> list[MemberRow | None]:
    """The members with these keys, in the same order. One deleted since the keys were
    read is still given (the list's next keys leave it out); None only for one gone from
    the table."""
    if not wanted:
        return []
    query = (select(*_ROW_COLUMNS).join(Unit, Unit.id == Member.unit_id)
             .where(_ROWID.in_(list(wanted))))
    found = {row.key: row for row in (MemberRow(*r) for r in session.execute(query))}
    return [found.get(key) for key in wanted]


def key_of(session: Session, member_id: uuid.UUID) -> int | None:
    """The list key of a member (None if there is none with that id)."""
    return session.scalar(select(_ROWID).select_from(Member).where(Member.id == member_id))


# Each in a read of its own, for the window (which holds no sessions).

def list_page(db: AppDatabase, q: MemberQuery, *, sort: str = "name", descending: bool = False,
              offset: int = 0, limit: int = 200) -> list[MemberRow]:
    with db.reading() as session:
        return page_members(session, q, sort=sort, descending=descending, offset=offset,
                            limit=limit)


def list_keys(db: AppDatabase, q: MemberQuery, *, sort: str = "name", descending: bool = False,
              is_cancelled: Cancelled = None) -> array | None:
    with db.reading() as session:
        return keys(session, q, sort=sort, descending=descending, is_cancelled=is_cancelled)


def list_count(db: AppDatabase, q: MemberQuery) -> int:
    with db.reading() as session:
        return count_members(session, q)


def list_rows(db: AppDatabase, wanted: Sequence[int]) -> list[MemberRow | None]:
    with db.reading() as session:
        return rows_by_keys(session, wanted)


def list_key_of(db: AppDatabase, member_id: uuid.UUID) -> int | None:
    with db.reading() as session:
        return key_of(session, member_id)
