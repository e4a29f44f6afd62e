"""Figures for the targets dashboard's charts (Chỉ tiêu & báo cáo) that core.targets.progress does
not give: registrations per month (progress over time) and benefit value totals by field and by
sector, for a unit and the units below it. (The targets grid is core.targets.targets; the saved
counting rule core.targets.settings.)

Every figure is an SQL ``GROUP BY`` over the tally (db/tally.py: the register already
grouped, kept exact by triggers); Python only reshapes the few grouped rows (months,
fields, sectors, units). The counting rule is core.targets.progress's, so the dashboard
and the progress table always count the same initiatives. No Qt here.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.initiatives.records import FIELD_LABELS
from core.org.units import SECTOR_LABELS, subtree_ids
from core.targets.progress import COUNTED, CountRule
from core.targets.targets import WHOLE_PROGRAMME
from db import tally
from db.models import InitiativeField, Programme, ProgrammePhase, Sector, Unit

UNSET_LABEL = "Chưa xác định"

UnitScope = frozenset[uuid.UUID] | None  # None: every unit


# ---- scope ----------------------------------------------------------------------------------

def scope_unit_ids(session: Session, unit_id: uuid.UUID | None) -> UnitScope:
    """The units whose initiatives count for ``unit_id``: the unit, every unit below it and
    every unit merged into one of those (:func:`core.org.units.subtree_ids`). ``None`` (no filter)
    for a top-level unit or no unit: then every unit counts."""
    if unit_id is None:
        return None
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise UserError("Không tìm thấy đơn vị.")
    if unit.parent_id is None:
        return None
    return frozenset(subtree_ids(session, unit_id, merged=True))


def _counted(session: Session, columns: Callable, programme_id: uuid.UUID, phase: int | None,
             rule: CountRule, unit_ids: UnitScope) -> Select:
    """``select(*columns(t))`` over the tally rows ``t`` (db/tally.py) of the programme (phase)
    that the counting rule counts, for the units in scope."""
    t = tally.source(session)
    query = select(*columns(t)).where(
        t.c.programme_id == programme_id,
        t.c.status.in_(sorted(COUNTED[CountRule(rule)])),
    )
    if phase is not None and phase != WHOLE_PROGRAMME:
        query = query.where(t.c.phase_key == phase)
    if unit_ids is not None:
        query = query.where(t.c.unit_id.in_(sorted(unit_ids)))
    return query


# ---- progress over time ----------------------------------------------------------------------

@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: int  # registered that month
    cumulative: int  # registered up to the end of that month


def _month_start(text: str) -> date:
    year, month = text.split("-")
    return date(int(year), int(month), 1)


def _next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def monthly_registrations(session: Session, programme_id: uuid.UUID, phase: int | None, *,
                          rule: CountRule = CountRule.REGISTERED,
                          unit_ids: UnitScope = None) -> list[MonthCount]:
    """Counted initiatives per month of registration, with the running total; every month
    from the first to the last one with a registration is listed (0 for quiet months)."""
    query = _counted(session, lambda t: (t.c.month, func.sum(t.c.initiatives)),
                     programme_id, phase, rule, unit_ids)
    per_month = {_month_start(m): int(n)
                 for m, n in session.execute(query.group_by(query.selected_columns[0])) if m}
    result: list[MonthCount] = []
    if not per_month:
        return result
    current, last, total = min(per_month), max(per_month), 0
    while current <= last:
        count = per_month.get(current, 0)
        total += count
        result.append(MonthCount(current, count, total))
        current = _next_month(current)
    return result


# ---- benefit value by field and by sector ------------------------------------------------------

@dataclass(frozen=True)
class BenefitTotal:
    key: str | None  # the InitiativeField / Sector value; None when not set
    label: str
    count: int  # counted initiatives
    with_benefit: int  # of which with an economic benefit stated
    benefit: int  # đồng per year, summed


def _totals(rows: Iterable, order: list, labels: Mapping) -> list[BenefitTotal]:
    # Keys come back as plain str; the enums compare and hash equal to them.
    found = {key: (int(count), int(with_benefit), int(benefit))
             for key, count, with_benefit, benefit in rows}
    result = []
    for key in [*order, None]:
        if key is None and key not in found:
            continue
        count, with_benefit, benefit = found.pop(key, (0, 0, 0))
        label = labels[key] if key is not None else UNSET_LABEL
        result.append(BenefitTotal(None if key is None else str(key), label, count, with_benefit,
                                   benefit))
    for key, (count, with_benefit, benefit) in found.items():  # a value this version lacks
        result.append(BenefitTotal(str(key), str(key), count, with_benefit, benefit))
    return result


def benefit_totals(session: Session, programme_id: uuid.UUID, phase: int | None, *,
                   rule: CountRule = CountRule.REGISTERED,
                   unit_ids: UnitScope = None) -> tuple[list[BenefitTotal], list[BenefitTotal]]:
    """Counted initiatives and their benefit value (đồng) per field and per sector of the
    initiative's unit: every field and sector listed, then "not set" when some have none.

    One pass over the tally: a ``GROUP BY field, unit_id`` (a few thousand groups at most),
    then both totals from those groups here — by field, and by the sector of each group's
    unit.
    """
    query = _counted(
        session,
        lambda t: (t.c.field_key, t.c.unit_id, func.sum(t.c.initiatives),
                   func.sum(t.c.with_benefit), func.sum(t.c.benefit)),
        programme_id, phase, rule, unit_ids,
    )
    groups = session.execute(query.group_by(*query.selected_columns[:2])).all()
    sectors = dict(session.execute(
        select(Unit.id, Unit.sector).where(Unit.id.in_({unit_id for _, unit_id, *_ in groups}))
    ).all()) if groups else {}
    by_field: dict = defaultdict(lambda: [0, 0, 0])
    by_sector: dict = defaultdict(lambda: [0, 0, 0])
    for field, unit_id, count, with_benefit, total in groups:
        for sums in (by_field[field or None], by_sector[sectors.get(unit_id)]):
            sums[0] += count
            sums[1] += with_benefit
            sums[2] += total
    return (_totals([(k, *v) for k, v in by_field.items()], list(InitiativeField), FIELD_LABELS),
            _totals([(k, *v) for k, v in by_sector.items()], list(Sector), SECTOR_LABELS))


def benefit_by_field(session: Session, programme_id: uuid.UUID, phase: int | None, *,
                     rule: CountRule = CountRule.REGISTERED,
                     unit_ids: UnitScope = None) -> list[BenefitTotal]:
    """Counted initiatives and their benefit value per field (see :func:`benefit_totals`)."""
    return benefit_totals(session, programme_id, phase, rule=rule, unit_ids=unit_ids)[0]


def benefit_by_sector(session: Session, programme_id: uuid.UUID, phase: int | None, *,
                      rule: CountRule = CountRule.REGISTERED,
                      unit_ids: UnitScope = None) -> list[BenefitTotal]:
    """The same per sector of the initiative's unit (hành chính sự nghiệp, giáo dục, …)."""
    return benefit_totals(session, programme_id, phase, rule=rule, unit_ids=unit_ids)[1]


# ---- the window of a phase ---------------------------------------------------------------------

def phase_window(session: Session, programme_id: uuid.UUID,
                 phase: int | None) -> tuple[date | None, date | None]:
    """First and last day of the phase (or of the whole programme), as core.targets.progress uses."""
    if phase is not None and phase != WHOLE_PROGRAMME:
        row = session.execute(select(ProgrammePhase.starts_on, ProgrammePhase.ends_on).where(
            ProgrammePhase.programme_id == programme_id, ProgrammePhase.number == phase)).first()
        if row is not None:
            return row[0], row[1]
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise UserError("Không tìm thấy chương trình.")
    starts, ends = programme.eligible_from, programme.eligible_to
    if programme.phases:
        starts = starts or programme.phases[0].starts_on
        ends = ends or programme.phases[-1].ends_on
    return starts, ends


# ---- everything the dashboard's charts show, for one unit ---------------------------------------

@dataclass(frozen=True)
class Figures:
    months: tuple[MonthCount, ...]
    by_field: tuple[BenefitTotal, ...]
    by_sector: tuple[BenefitTotal, ...]


def figures(session: Session, programme_id: uuid.UUID, phase: int | None, *,
            rule: CountRule = CountRule.REGISTERED, unit_id: uuid.UUID | None = None) -> Figures:
    """The charts' figures for ``unit_id`` and the units below it (None: every unit)."""
    scope = scope_unit_ids(session, unit_id)
    by_field, by_sector = benefit_totals(session, programme_id, phase, rule=rule, unit_ids=scope)
    return Figures(tuple(monthly_registrations(session, programme_id, phase, rule=rule, unit_ids=scope)),
                   tuple(by_field), tuple(by_sector))
