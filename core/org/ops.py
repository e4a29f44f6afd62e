"""The organisation feature as the window sees it: units, members and the office's identity.

Every function takes the open :class:`~core.common.database.AppDatabase` first and runs ONE
transaction (writes) or one read itself; values in and out are plain frozen dataclasses,
ids, strings and dates, never sessions or ORM rows. Mutations return
:class:`~core.common.changes.Done` (value and what changed), which the GUI hands to its
change bus. Tombstoned (deleted) rows are never returned.

The session-level functions of :mod:`core.org.units`, :mod:`core.org.members` and
:mod:`core.org.office` stay for the command line, imports and tests; these wrap them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common import limits
from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.errors import NotFound, UserError
from core.common.text import clean
from core.org import members as _members
from core.org import office as _office
from core.org import units as _units
from core.org.members import GENDER_LABELS, MemberInput, MemberQuery, MemberRow
from core.org.office import OfficeSettings
from core.org.units import KIND_LABELS, SECTOR_LABELS, UnitNode
from db.models import Gender, Sector, Unit, UnitKind, UnitMemberCount

__all__ = [
    "GENDER_LABELS", "KIND_LABELS", "SECTOR_LABELS", "LEVELS",
    "Gender", "Sector", "UnitKind",
    "MemberInput", "MemberQuery", "MemberRow", "OfficeSettings", "UnitNode",
    "MemberCount", "UnitDraft", "UnitDetail", "UnitTree", "UnitEventRow", "MergePlan",
    "MergeResult", "MemberDetail",
]

UNITS = Changes(units=True)
MEMBERS = Changes(members=True)
OFFICE = Changes(office=True)
# Levels an office can be set up at (first run), as core.org.office.init_office names them.
LEVELS = ("upper", "grassroots", "province")


# --- values ------------------------------------------------------------------------------

@dataclass(frozen=True)
class MemberCount:
    """The number of members of a unit in a year (typed in, not derived), women among them."""

    year: int
    members: int
    female: int | None = None


@dataclass(frozen=True)
class UnitDraft:
    """What the unit dialog sends. On an edit ``code`` and ``kind`` are ignored (they never
    change); ``parent_id`` None means top level (only a province may be there)."""

    code: str
    name: str
    kind: UnitKind
    parent_id: uuid.UUID | None = None
    sector: Sector | None = None
    member_count: MemberCount | None = None  # also record this year's count


@dataclass(frozen=True)
class UnitDetail:
    """One unit as the edit dialog shows it."""

    id: uuid.UUID
    code: str
    name: str
    kind: UnitKind
    sector: Sector | None
    parent_id: uuid.UUID | None
    parent_code: str | None
    merged_into_id: uuid.UUID | None
    subtree: frozenset[uuid.UUID]  # the unit and every unit below it (not a parent choice)
    member_counts: tuple[MemberCount, ...]  # by year

    def count_for(self, year: int) -> MemberCount | None:
        return next((c for c in self.member_counts if c.year == year), None)


@dataclass(frozen=True)
class UnitTree:
    """Units, parents before children and siblings by name; ``own_unit_id`` is this
    office's own unit (None before the first run)."""

    nodes: tuple[UnitNode, ...]
    own_unit_id: uuid.UUID | None


@dataclass(frozen=True)
class UnitEventRow:
    on: date
    kind: str  # created | renamed | moved | merged | absorbed
    detail: str


@dataclass(frozen=True)
class MergePlan:
    """What merging ``source`` would do: its members and active direct sub-units move, to
    one of ``targets`` (same level, active, not below the source; neighbours first)."""

    source: UnitNode
    members: int
    sub_units: int
    targets: tuple[UnitNode, ...]


@dataclass(frozen=True)
class MergeResult:
    source_id: uuid.UUID
    target_id: uuid.UUID
    members_moved: int


@dataclass(frozen=True)
class MemberDetail:
    id: uuid.UUID
    full_name: str
    gender: Gender | None
    date_of_birth: date | None
    unit_id: uuid.UUID
    unit_name: str
    position: str
    member_since: date | None


# --- units: reads ------------------------------------------------------------------------

def _node(unit: Unit) -> UnitNode:
    return UnitNode(unit.id, unit.code, unit.name, unit.kind, unit.parent_id, unit.sector,
                    unit.merged_into_id)


def _own_unit(session: Session, office_code: str) -> Unit | None:
    unit = _units.find_by_code(session, office_code) if office_code else None
    return unit if unit is not None and unit.deleted_at is None else None


def unit_tree(db: AppDatabase, *, include_merged: bool = False) -> UnitTree:
    """Every unit (merged ones too with ``include_merged``) and this office's own unit."""
    with db.reading() as session:
        nodes = tuple(_units.unit_tree(session, include_merged=include_merged))
        own = _own_unit(session, db.office_code)
        return UnitTree(nodes, own.id if own is not None else None)


def own_unit(db: AppDatabase) -> UnitNode | None:
    """This office's own unit (None before the first run)."""
    with db.reading() as session:
        unit = _own_unit(session, db.office_code)
        return _node(unit) if unit is not None else None


def unit_subtree(db: AppDatabase, unit_id: uuid.UUID, *, merged: bool = False) -> frozenset[uuid.UUID]:
    """The unit and every unit below it; with ``merged`` also units merged into those (whose
    records count for them: what a unit filter of initiatives or progress takes in)."""
    with db.reading() as session:
        return frozenset(_units.subtree_ids(session, unit_id, merged=merged))


def _counts(session: Session, unit_id: uuid.UUID) -> tuple[MemberCount, ...]:
    rows = session.execute(
        select(UnitMemberCount.year, UnitMemberCount.members, UnitMemberCount.female)
        .where(UnitMemberCount.unit_id == unit_id, UnitMemberCount.deleted_at.is_(None))
        .order_by(UnitMemberCount.year)
    )
    return tuple(MemberCount(*row) for row in rows)


def unit_detail(db: AppDatabase, unit_id: uuid.UUID) -> UnitDetail:
    """Raises NotFound for an unknown or deleted unit."""
    with db.reading() as session:
        unit = _units.get_unit(session, unit_id)
        parent = unit.parent if unit.parent is not None and unit.parent.deleted_at is None else None
        return UnitDetail(
            id=unit.id,
            code=unit.code,
            name=unit.name,
            kind=unit.kind,
            sector=unit.sector,
            parent_id=parent.id if parent else None,
            parent_code=parent.code if parent else None,
            merged_into_id=unit.merged_into_id,
            subtree=frozenset(_units.subtree_ids(session, unit.id)),
            member_counts=_counts(session, unit.id),
        )


def member_counts(db: AppDatabase, unit_id: uuid.UUID) -> tuple[MemberCount, ...]:
    """The member counts recorded for a unit, by year."""
    with db.reading() as session:
        _units.get_unit(session, unit_id)
        return _counts(session, unit_id)


def suggest_unit_code(db: AppDatabase) -> str:
    """The next free code carrying this office's code, e.g. "VL-0042"."""
    with db.reading() as session:
        return _units.next_unit_code(session, db.office_code)


def unit_history(db: AppDatabase, unit_id: uuid.UUID) -> tuple[UnitEventRow, ...]:
    """Created, renamed, moved, merged, absorbed: oldest first."""
    with db.reading() as session:
        _units.get_unit(session, unit_id)
        return tuple(UnitEventRow(e.on, e.kind, e.detail) for e in _units.unit_history(session, unit_id))


def merge_plan(db: AppDatabase, source_id: uuid.UUID) -> MergePlan:
    """What merging ``source_id`` would move, and into which units it may go."""
    with db.reading() as session:
        source = _units.get_unit(session, source_id)
        if not source.is_active:
            raise UserError(f"{source.name} đã được sáp nhập trước đó.")
        members = _members.count_members(session, MemberQuery(unit_ids=frozenset({source_id})))
        sub_units = session.scalar(
            select(func.count()).select_from(Unit).where(
                Unit.parent_id == source_id, Unit.merged_into_id.is_(None), Unit.deleted_at.is_(None)
            )
        ) or 0
        below = _units.subtree_ids(session, source_id)
        targets = [
            node for node in _units.unit_tree(session)
            if node.kind == source.kind and node.id not in below
        ]
        # Units under the same parent first: most mergers happen between neighbours.
        targets.sort(key=lambda node: node.parent_id != source.parent_id)
        return MergePlan(_node(source), members, sub_units, tuple(targets))


# --- units: writes -----------------------------------------------------------------------

def _parent_code(session: Session, parent_id: uuid.UUID | None) -> str | None:
    if parent_id is None:
        return None
    try:
        return _units.get_unit(session, parent_id).code
    except NotFound:
        raise UserError("Không tìm thấy đơn vị cấp trên.") from None


def _record_count(session: Session, unit_id: uuid.UUID, count: MemberCount | None) -> None:
    if count is not None:
        if not 1900 <= count.year <= 2100:
            raise UserError(f"Năm {count.year} không hợp lệ.")
        _units.set_member_count(session, unit_id, count.year, count.members, count.female)


def add_unit(db: AppDatabase, draft: UnitDraft, on: date | None = None) -> Done[UnitNode]:
    """Create a unit (and record a member count if the draft has one)."""
    with db.transaction() as session:
        unit = _units.create_unit(
            session,
            _units.UnitInput(code=draft.code, name=draft.name, kind=draft.kind,
                             parent_code=_parent_code(session, draft.parent_id), sector=draft.sector),
            on,
        )
        _record_count(session, unit.id, draft.member_count)
        session.flush()
        return Done(_node(unit), UNITS)


def edit_unit(db: AppDatabase, unit_id: uuid.UUID, draft: UnitDraft, on: date | None = None) -> Done[UnitNode]:
    """Rename, move and/or change the sector of a unit (each goes to its history); a unit
    merged into another can no longer be edited."""
    with db.transaction() as session:
        if not _units.get_unit(session, unit_id).is_active:
            raise UserError("Đơn vị đã sáp nhập, không sửa được.")
        unit = _units.update_unit(
            session, unit_id, name=draft.name, sector=draft.sector,
            parent_code=_parent_code(session, draft.parent_id), on=on,
        )
        _record_count(session, unit.id, draft.member_count)
        session.flush()
        return Done(_node(unit), UNITS)


def move_unit(db: AppDatabase, unit_id: uuid.UUID, parent_id: uuid.UUID | None,
              on: date | None = None) -> Done[UnitNode]:
    """Put a unit under another parent (written to its history)."""
    with db.transaction() as session:
        unit = _units.get_unit(session, unit_id)
        if not unit.is_active:
            raise UserError("Đơn vị đã sáp nhập, không chuyển được.")
        unit = _units.update_unit(
            session, unit_id, name=unit.name, sector=unit.sector,
            parent_code=_parent_code(session, parent_id), on=on,
        )
        session.flush()
        return Done(_node(unit), UNITS)


def set_member_count(db: AppDatabase, unit_id: uuid.UUID, count: MemberCount) -> Done[MemberCount]:
    """Record (or correct) a unit's member count for a year."""
    with db.transaction() as session:
        _units.get_unit(session, unit_id)
        _record_count(session, unit_id, count)
        return Done(count, UNITS)


def merge_units(db: AppDatabase, source_id: uuid.UUID, target_id: uuid.UUID, on: date) -> Done[MergeResult]:
    """Merge ``source_id`` into ``target_id``: its members and sub-units move (cannot be undone)."""
    with db.transaction() as session:
        moved = _units.merge_units(session, source_id, target_id, on)
        return Done(MergeResult(source_id, target_id, moved), UNITS | MEMBERS)


# --- members -----------------------------------------------------------------------------

def _member_detail(session: Session, member_id: uuid.UUID) -> MemberDetail:
    m = _members.get_member(session, member_id)
    return MemberDetail(m.id, m.full_name, m.gender, m.date_of_birth, m.unit_id, m.unit.name,
                        m.position, m.member_since)


def member_detail(db: AppDatabase, member_id: uuid.UUID) -> MemberDetail:
    """Raises NotFound for an unknown or deleted member."""
    with db.reading() as session:
        return _member_detail(session, member_id)


def add_member(db: AppDatabase, data: MemberInput) -> Done[MemberDetail]:
    with db.transaction() as session:
        member = _members.add_member(session, data)
        session.flush()
        return Done(_member_detail(session, member.id), MEMBERS)


def edit_member(db: AppDatabase, member_id: uuid.UUID, data: MemberInput) -> Done[MemberDetail]:
    with db.transaction() as session:
        _members.update_member(session, member_id, data)
        session.flush()
        return Done(_member_detail(session, member_id), MEMBERS)


def delete_members(db: AppDatabase, ids: list[uuid.UUID]) -> Done[int]:
    """Tombstone the members (all or none); undo with :func:`restore_members`."""
    with db.transaction() as session:
        for member_id in ids:
            _members.delete_member(session, member_id)
        return Done(len(ids), MEMBERS)


def restore_members(db: AppDatabase, ids: list[uuid.UUID]) -> Done[int]:
    """Bring deleted members back exactly as they were (all or none)."""
    with db.transaction() as session:
        for member_id in ids:
            _members.restore_member(session, member_id)
        return Done(len(ids), MEMBERS)


def count_members(db: AppDatabase, query: MemberQuery) -> int:
    with db.reading() as session:
        return _members.count_members(session, query)


def page_members(db: AppDatabase, query: MemberQuery, *, sort: str = "name", descending: bool = False,
                 offset: int = 0, limit: int = 200) -> list[MemberRow]:
    """One page of a members list in a stable order (see core.org.members.page_members)."""
    with db.reading() as session:
        return _members.page_members(session, query, sort=sort, descending=descending,
                                     offset=offset, limit=limit)


# --- the office --------------------------------------------------------------------------

def load_office(db: AppDatabase) -> OfficeSettings:
    with db.reading() as session:
        return _office.load_office(session)


def office_is_set_up(db: AppDatabase) -> bool:
    """Whether the first run has been completed (code, name and place known)."""
    return load_office(db).is_complete


def save_office(db: AppDatabase, settings: OfficeSettings) -> Done[OfficeSettings]:
    """Save the office's document wording; its code was fixed at the first run."""
    settings = replace(settings, **{k: clean(v) for k, v in vars(settings).items()})
    limits.check_fields(vars(settings).items(), limits.OFFICE_FIELDS)
    with db.transaction() as session:
        current = _office.load_office(session)
        if current.unit_code and settings.unit_code.upper() != current.unit_code:
            raise UserError(f"Mã đơn vị {current.unit_code} đã cố định khi thiết lập, không đổi được.")
        if not settings.name:
            raise UserError("Thiếu tên đơn vị.")
        if not settings.place:
            raise UserError("Thiếu địa danh ghi ngày tháng trên văn bản.")
        settings = replace(settings, unit_code=current.unit_code or settings.unit_code.upper())
        _office.save_office(session, settings)
    return Done(settings, OFFICE)


def set_up_office(db: AppDatabase, settings: OfficeSettings, *, level: str,
                  parent_code: str | None = None) -> Done[OfficeSettings]:
    """The first run: this installation becomes office ``settings.unit_code`` at ``level``
    (one of LEVELS); its unit (and parent unit) are created when missing, and the document
    wording saved. On failure nothing is saved and the database keeps its office code."""
    code = clean(settings.unit_code).upper()
    limits.check_fields(((k, clean(v)) for k, v in vars(settings).items()), limits.OFFICE_FIELDS)
    previous = db.office_code
    db.set_office_code(code)  # the rows created carry this office as their origin
    try:
        with db.transaction() as session:
            created = _office.init_office(
                session,
                code=code,
                name=settings.name,
                level=level,
                parent_code=clean(parent_code or "").upper() or None,
                parent_name=clean(settings.parent_name) or None,
                place=settings.place,
                chair_name=clean(settings.chair_name),
            )
            wording = {
                key: clean(getattr(settings, key))
                for key in ("doc_symbol", "on_behalf", "chair_title")
                if clean(getattr(settings, key))
            }
            result = replace(created, **wording)
            _office.save_office(session, result)
    except BaseException:
        db.set_office_code(previous)
        raise
    return Done(result, OFFICE | UNITS)
