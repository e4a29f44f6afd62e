"""What the window does with targets and the dashboard (Chỉ tiêu & báo cáo), one use case per
function: each takes the open database first, opens one read (``db.reading()``) or one
transaction (``db.transaction()``) itself, and takes and returns plain values and frozen
dataclasses — never a session or an ORM object. Saving returns what changed
(core.common.changes) so that every open page can refresh. The session-level functions these
wrap (core.targets.progress, figures, targets, settings) stay for the CLI and the tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.targets import settings
from core.targets import targets as _targets
from core.targets.figures import BenefitTotal, Figures, MonthCount
from core.targets.progress import CountRule, ProgressRow
from core.targets.targets import TargetGridRow

__all__ = [
    "BenefitTotal", "CountRule", "DashboardContext", "Figures", "MonthCount", "PhaseChoice",
    "ProgrammeChoice", "ProgressView", "TargetGridRow", "UnitProgress", "chart_figures",
    "dashboard_context", "fund_model_years", "save_count_rule", "save_targets", "target_grid",
    "unit_progress", "write_fund_model_report", "write_progress_report", "write_summary_report",
]

TARGETS_CHANGED = Changes(targets=True)


# ---- what the top bar offers --------------------------------------------------------------------

@dataclass(frozen=True)
class PhaseChoice:
    number: int
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class ProgrammeChoice:
    id: uuid.UUID
    code: str
    name: str
    phases: tuple[PhaseChoice, ...]


@dataclass(frozen=True)
class DashboardContext:
    programmes: tuple[ProgrammeChoice, ...]
    office_unit_id: uuid.UUID | None  # this office's unit (None: not set, or no longer active)
    office_unit_code: str | None
    rule: CountRule  # the saved counting rule
    fund_model_years: tuple[int, ...]  # newest first


def dashboard_context(db: AppDatabase) -> DashboardContext:
    """The programmes and their phases, this office's unit, the saved counting rule and the
    years with fund model targets: what the dashboard's top bar and report menu offer."""
    from core.initiatives.records import list_programmes
    from core.org import units as org
    from core.org.office import load_office

    with db.reading() as session:
        programmes = tuple(
            ProgrammeChoice(
                p.id, p.code, p.name,
                tuple(PhaseChoice(ph.number, ph.name, ph.starts_on, ph.ends_on)
                      for ph in p.phases if ph.deleted_at is None),
            )
            for p in list_programmes(session)
        )
        code = load_office(session).unit_code
        unit = org.find_by_code(session, code) if code else None
        if unit is not None and not unit.is_active:
            unit = None
        return DashboardContext(
            programmes,
            unit.id if unit else None,
            unit.code if unit else None,
            settings.load_count_rule(session),
            tuple(_targets.fund_model_years(session)),
        )


def fund_model_years(db: AppDatabase) -> tuple[int, ...]:
    """Years with mutual-aid fund model targets, newest first."""
    with db.reading() as session:
        return tuple(_targets.fund_model_years(session))


def save_count_rule(db: AppDatabase, rule: CountRule) -> Changes:
    """Remember the counting rule the office chose (one settings row)."""
    with db.transaction() as session:
        settings.save_count_rule(session, CountRule(rule))
    return TARGETS_CHANGED


# ---- progress of the units ----------------------------------------------------------------------

@dataclass(frozen=True)
class UnitProgress:
    """One unit's line of core.targets.progress, with its derived figures worked out."""

    unit_id: uuid.UUID
    code: str
    name: str
    depth: int  # 0: the top of the table
    parent_id: uuid.UUID | None
    target: int | None
    own_target: bool  # False: the target is the sum of the sub-units' targets
    valid: int
    under_review: int
    rejected: int
    achieved: int
    expected: int | None  # pro-rata for the days elapsed in the phase
    percent: int | None
    shortfall: int
    behind: bool  # fewer than expected by now

    @classmethod
    def of(cls, row: ProgressRow) -> UnitProgress:
        """A unit's row of a progress table (a report's totals row has no unit)."""
        if row.unit_id is None:
            raise ValueError("a totals row is not a unit's progress")
        return cls(row.unit_id, row.code, row.name, row.depth, row.parent_id, row.target,
                   row.own_target, row.valid, row.under_review, row.rejected, row.achieved,
                   row.expected, row.percent, row.shortfall, row.behind)


@dataclass(frozen=True)
class ProgressView:
    programme: str
    phase: int | None  # None: the whole programme
    phase_label: str
    starts_on: date | None
    ends_on: date | None
    as_of: date
    rule: CountRule
    rows: tuple[UnitProgress, ...]  # the unit tree, depth first

    def by_code(self, code: str) -> UnitProgress:
        return next(r for r in self.rows if r.code == code)


def unit_progress(db: AppDatabase, programme_id: uuid.UUID, phase: int | None, *, as_of: date,
                  rule: CountRule = CountRule.REGISTERED,
                  root_code: str | None = None) -> ProgressView:
    """Progress of every unit from ``root_code`` down (None: the whole tree) against its
    target, as of ``as_of`` (core.targets.progress.progress)."""
    from core.targets.progress import progress

    with db.reading() as session:
        table = progress(session, programme_id, phase, as_of=as_of, rule=rule, root_code=root_code)
    return ProgressView(table.programme, table.phase, table.phase_label, table.starts_on,
                        table.ends_on, table.as_of, table.rule,
                        tuple(UnitProgress.of(row) for row in table.rows))


def chart_figures(db: AppDatabase, programme_id: uuid.UUID, phase: int | None, *,
                  rule: CountRule = CountRule.REGISTERED,
                  unit_id: uuid.UUID | None = None) -> Figures:
    """Registrations per month and benefit value by field and by sector, for ``unit_id`` and
    the units below it (None: every unit)."""
    from core.targets.figures import figures

    with db.reading() as session:
        return figures(session, programme_id, phase, rule=rule, unit_id=unit_id)


# ---- the targets grid ----------------------------------------------------------------------------

def target_grid(db: AppDatabase, programme_id: uuid.UUID, phase: int | None,
                parent_id: uuid.UUID, year: int) -> tuple[TargetGridRow, ...]:
    """The active units directly under ``parent_id``: members (the latest count up to
    ``year``), the suggested target and the target of the phase (None: the whole programme)."""
    with db.reading() as session:
        return tuple(_targets.target_grid(session, programme_id, phase, parent_id, year))


def save_targets(db: AppDatabase, programme_id: uuid.UUID, phase: int | None,
                 targets: Mapping[uuid.UUID, int | None]) -> Done[int]:
    """Set (or, for None, remove) the units' targets of the phase, all in one transaction;
    the value is how many changed."""
    with db.transaction() as session:
        changed = _targets.save_targets(session, programme_id, phase, dict(targets))
    return Done(changed, TARGETS_CHANGED if changed else Changes())


# ---- the official reports -------------------------------------------------------------------------

Cancelled = Callable[[], bool] | None


def write_progress_report(db: AppDatabase, path: str | os.PathLike[str], *,
                          programme_id: uuid.UUID, phase: int | None, rule: CountRule,
                          as_of: date, root: str | None = None,
                          is_cancelled: Cancelled = None) -> Path:
    """The progress table of the units from ``root`` down (.xlsx or .pdf, by the suffix)."""
    from core.targets.progress_report import progress_report

    return progress_report(db, path, programme=programme_id, phase=phase, rule=rule, as_of=as_of,
                           root=root, is_cancelled=is_cancelled)


def write_summary_report(db: AppDatabase, path: str | os.PathLike[str], *, date_from: date,
                         date_to: date, root: str | None = None,
                         is_cancelled: Cancelled = None) -> Path:
    """The initiative summary of the period for the units from ``root`` down."""
    from core.initiatives.summary_report import summary_report

    return summary_report(db, path, date_from=date_from, date_to=date_to, root=root,
                          is_cancelled=is_cancelled)


def write_fund_model_report(db: AppDatabase, path: str | os.PathLike[str], *, year: int,
                            is_cancelled: Cancelled = None) -> Path:
    """The mutual-aid fund model target table of ``year``."""
    from core.targets.fund_model_targets import fund_model_report

    return fund_model_report(db, path, year=year, is_cancelled=is_cancelled)
