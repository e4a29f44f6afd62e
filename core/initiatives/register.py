"""The initiative register as a list: filters, full-text search, pages, counts and totals.

Pages come straight from SQL (never all rows). With a search text the FTS5 index drives the
query: in the default order (newest first) SQLite stops after the first page; sorted by a
column it orders the matches only. Count and benefit total are a separate query, so a view
can show the first page before they arrive.
"""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import Select, extract, func, select
from sqlalchemy.orm import Session

from core.common.lists import Cancelled, read_keys
from core.common.text import fold
from core.initiatives.eligibility import Window
from db import search, tally
from db.models import (
    Initiative,
    InitiativeField,
    InitiativeKind,
    InitiativeStatus,
    Programme,
    Unit,
)

if TYPE_CHECKING:
    from core.common.database import AppDatabase


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    unit_ids: frozenset[uuid.UUID] | None = None  # a unit and its sub-units
    programme_id: uuid.UUID | None = None
    phase: int | None = None
    statuses: frozenset[InitiativeStatus] | None = None
    kind: InitiativeKind | None = None
    field: InitiativeField | None = None
    year: int | None = None  # of registration
    benefit_min: int | None = None
    benefit_max: int | None = None
    confidential: bool | None = None
    portal_uploaded: bool | None = None


class RegisterRow(NamedTuple):
    """One line of the register, with what the eligibility icon needs (a named tuple: a
    page builds fifty of them on every scroll)."""

    id: uuid.UUID
    seq: int
    number: str
    name: str
    kind: InitiativeKind
    field: InitiativeField | None
    unit_name: str
    authors_text: str
    registered_on: date
    phase_number: int | None
    first_applied_on: date | None
    economic_benefit: int | None
    status: InitiativeStatus
    confidential: bool
    portal_uploaded: bool
    recognised_by: str | None
    decision_number: str
    decision_date: date | None
    new_in_unit: bool
    ip_protected: bool
    unlawful: bool
    social_benefit: str
    eligible_from: date | None
    eligible_to: date | None

    @property
    def window(self) -> Window:
        return Window(self.eligible_from, self.eligible_to)


# "number" sorts by the number shown ("VL-SK-2022-00002" before "VL-SK-2023-00001"): by
# year, then the sequence within the year. The numbers of one office have one width, so
# their text order is that order; ix_initiative_number (number, seq) over the live rows
# (migration 0007a) serves it with no sort step, pages and keys alike.
SORT_COLUMNS = {
    "number": Initiative.number,
    "name": Initiative.name_folded,
    "kind": Initiative.kind,
    "field": Initiative.field,
    "unit": Initiative.unit_folded,
    "authors": Initiative.authors_folded,
    "registered_on": Initiative.registered_on,
    "phase": Initiative.phase_number,
    "first_applied_on": Initiative.first_applied_on,
    "benefit": Initiative.economic_benefit,
    "status": Initiative.status,
}

_ROW_COLUMNS = (
    Initiative.id, Initiative.seq, Initiative.number, Initiative.name, Initiative.kind,
    Initiative.field, Unit.name, Initiative.authors_text, Initiative.registered_on,
    Initiative.phase_number, Initiative.first_applied_on, Initiative.economic_benefit,
    Initiative.status, Initiative.confidential, Initiative.portal_uploaded,
    Initiative.recognised_by, Initiative.decision_number, Initiative.decision_date,
    Initiative.new_in_unit, Initiative.ip_protected, Initiative.unlawful,
    Initiative.social_benefit, Programme.eligible_from, Programme.eligible_to,
)


# Built once: constructing the 24-column select costs more than a first page of a search.
_BASE = (
    select(*_ROW_COLUMNS)
    .select_from(Initiative)
    .join(Unit, Unit.id == Initiative.unit_id)
    .outerjoin(Programme, Programme.id == Initiative.programme_id)
)

# Sort columns with an index SQLite can read in order: with a search matching many records,
# the page is found by walking that index and keeping the matches (see page()).
_WALKABLE = {"number", "registered_on", "name", "benefit"}
_WALK_SHARE = 0.005  # walk when at least this share of the register matches
_UNIT_SHARE = 0.05  # a unit filter this selective drives a common word's default order


def _expression(f: RegisterFilter) -> str | None:
    return search.match_expression(fold(f.text))


def apply_filter(query: Select, f: RegisterFilter, *, walk: bool = False) -> Select | None:
    """Filters as WHERE clauses; None when the search text can match nothing.

    With a search text the FTS5 table is joined (it drives the query), or with ``walk``
    the matches are a set that rows read in some index order are checked against.
    """
    query = query.where(Initiative.deleted_at.is_(None))
    folded = fold(f.text)
    if folded:
        expression = search.match_expression(folded)
        if expression is None:  # only punctuation: nothing can match
            return None
        if walk:
            # "+ 0" keeps SQLite from driving the query by the matches (then sorting them all)
            matches = select(search.fts.c.rowid).where(search.matching(expression))
            query = query.where((Initiative.seq + 0).in_(matches))
        else:
            query = query.join(search.fts, search.fts.c.rowid == Initiative.seq).where(
                search.matching(expression)
            )
    if f.unit_ids is not None:
        query = query.where(Initiative.unit_id.in_(f.unit_ids))
    if f.programme_id is not None:
        query = query.where(Initiative.programme_id == f.programme_id)
    if f.phase is not None:
        query = query.where(Initiative.phase_number == f.phase)
    if f.statuses:
        query = query.where(Initiative.status.in_(f.statuses))
    if f.kind is not None:
        query = query.where(Initiative.kind == f.kind)
    if f.field is not None:
        query = query.where(Initiative.field == f.field)
    if f.year is not None:
        query = query.where(
            Initiative.registered_on.between(date(f.year, 1, 1), date(f.year, 12, 31))
        )
    if f.benefit_min is not None:
        query = query.where(Initiative.economic_benefit >= f.benefit_min)
    if f.benefit_max is not None:
        query = query.where(Initiative.economic_benefit <= f.benefit_max)
    if f.confidential is not None:
        query = query.where(Initiative.confidential.is_(f.confidential))
    if f.portal_uploaded is not None:
        query = query.where(Initiative.portal_uploaded.is_(f.portal_uploaded))
    return query


def _many_match(session: Session, f: RegisterFilter) -> bool:
    """Whether the search matches at least _WALK_SHARE of the register (FTS5 counts fast)."""
    expression = _expression(f)
    if expression is None:
        return False
    register = session.scalar(select(func.max(Initiative.seq))) or 0
    matches = session.scalar(
        select(func.count()).select_from(search.fts).where(search.matching(expression))
    ) or 0
    return matches >= _WALK_SHARE * register


def _few_units(session: Session, f: RegisterFilter) -> bool:
    """Whether the unit filter keeps under _UNIT_SHARE of the register (read from the tally):
    then the newest matches of a common word are found sooner from the units' rows than by
    reading the word's matches newest first until enough belong to those units."""
    if f.unit_ids is None:
        return False
    t = tally.source(session)
    everything = session.scalar(select(func.sum(t.c.initiatives))) or 0
    kept = session.scalar(select(func.sum(t.c.initiatives))
                          .where(t.c.unit_id.in_(f.unit_ids))) or 0
    return kept < _UNIT_SHARE * everything


def _order(f: RegisterFilter, sort: str | None, descending: bool) -> list:
    """ORDER BY of a list: the sort column then ``seq`` (a total order), newest first by
    default. With a search text in the default order the FTS5 rowid (= ``seq``) orders it,
    which lets SQLite read the matches in that order and stop early."""
    if _expression(f) is not None and sort is None:
        return [search.fts.c.rowid.desc()]
    if sort is None:
        return [Initiative.seq.desc()]
    col = SORT_COLUMNS[sort]
    return [col.desc(), Initiative.seq.desc()] if descending else [col, Initiative.seq]


def page(session: Session, f: RegisterFilter, *, sort: str | None = None,
         descending: bool = False, offset: int = 0, limit: int = 50) -> list[RegisterRow]:
    """One page. Default order: newest registered first (by ``seq``).

    With a search text: in the default order the FTS5 index gives the
    matches in ``seq`` order (its rowid), so SQLite stops after the page. Sorted by another
    column SQLite reads every match and sorts; when many match and the column has an index,
    the page's ``seq`` values are found by walking that index instead, keeping matches, and
    only those rows are joined. A common word within a few units (default order) starts
    from those units' rows the same way.
    """
    base = _BASE
    searching = _expression(f) is not None
    order = _order(f, sort, descending)
    walk = False
    if searching and (sort in _WALKABLE or (sort is None and f.unit_ids is not None)):
        walk = _many_match(session, f) and (sort is not None or _few_units(session, f))
        if walk and sort is None:
            order = [Initiative.seq.desc()]
    if walk:
        matching = apply_filter(select(Initiative.seq), f, walk=True)
        if matching is None:
            return []
        window = matching.correlate(None).order_by(*order).offset(offset).limit(limit)
        rows = session.execute(base.where(Initiative.seq.in_(window)).order_by(*order))
        return [RegisterRow._make(row) for row in rows]
    filtered = apply_filter(base, f)
    if filtered is None:
        return []
    rows = session.execute(filtered.order_by(*order).offset(offset).limit(limit))
    return [RegisterRow._make(row) for row in rows]


# --- lazy lists: every key of a list in its order, then rows by key ---------------------
# A list view (gui.common.table_model) reads the keys (``seq``) of all matching rows once,
# in the background, and then only the rows it shows, by key: any place in a million rows
# is one indexed lookup of a window away, where OFFSET walks every row before it.

def keys(session: Session, f: RegisterFilter, *, sort: str | None = None,
         descending: bool = False, is_cancelled: Cancelled = None) -> array | None:
    """``seq`` of every matching initiative, in the order of :func:`page` (``page(offset=i)``
    starts with ``keys[i]``); None if ``is_cancelled()`` turned true meanwhile."""
    query = apply_filter(select(Initiative.seq), f)
    if query is None:
        return array("q")
    return read_keys(session, query.order_by(*_order(f, sort, descending)), is_cancelled)


def rows_by_keys(session: Session, wanted: Sequence[int]) -> list[RegisterRow | None]:
    """The rows of these ``seq`` values, in the same order (one indexed lookup per key,
    wherever the rows are in the list). A row deleted since the keys were read is still
    given (the list's next keys leave it out); None only for one gone from the table."""
    if not wanted:
        return []
    query = _BASE.where(Initiative.seq.in_(list(wanted)))
    found = {row.seq: row for row in (RegisterRow._make(r) for r in session.execute(query))}
    return [found.get(key) for key in wanted]


def key_of(session: Session, initiative_id: uuid.UUID) -> int | None:
    """The ``seq`` of an initiative (None if there is none with that id)."""
    return session.scalar(select(Initiative.seq).where(Initiative.id == initiative_id))


# Each in a read of its own, for the window (which holds no sessions).

def list_page(db: AppDatabase, f: RegisterFilter, *, sort: str | None = None,
              descending: bool = False, offset: int = 0, limit: int = 50) -> list[RegisterRow]:
    with db.reading() as session:
        return page(session, f, sort=sort, descending=descending, offset=offset, limit=limit)


def list_keys(db: AppDatabase, f: RegisterFilter, *, sort: str | None = None,
              descending: bool = False, is_cancelled: Cancelled = None) -> array | None:
    with db.reading() as session:
        return keys(session, f, sort=sort, descending=descending, is_cancelled=is_cancelled)


def list_rows(db: AppDatabase, wanted: Sequence[int]) -> list[RegisterRow | None]:
    with db.reading() as session:
        return rows_by_keys(session, wanted)


def list_key_of(db: AppDatabase, initiative_id: uuid.UUID) -> int | None:
    with db.reading() as session:
        return key_of(session, initiative_id)


def list_totals(db: AppDatabase, f: RegisterFilter) -> Totals:
    with db.reading() as session:
        return totals(session, f)


@dataclass(frozen=True)
class Totals:
    count: int
    benefit: int


def totals(session: Session, f: RegisterFilter) -> Totals:
    query = apply_filter(
        select(func.count(), func.coalesce(func.sum(Initiative.economic_benefit), 0))
        .select_from(Initiative),
        f,
    )
    if query is None:
        return Totals(0, 0)
    count, benefit = session.execute(query).one()
    return Totals(int(count), int(benefit))


def years(session: Session) -> list[int]:
    """Registration years present (for the year filter)."""
    year = extract("year", Initiative.registered_on)
    return [int(y) for y in session.scalars(select(year).distinct().order_by(year.desc())) if y]
