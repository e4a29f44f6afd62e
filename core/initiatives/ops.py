"""The initiative register's use cases as the window calls them.

Every function takes the open database first and opens one read (``db.reading()``) or one
transaction (``db.transaction()``) itself; it takes and returns plain values — frozen
dataclasses, ids, numbers, text, dates — never a session or an ORM object. A function that
changes something returns :class:`~core.common.changes.Done` (its value and what changed),
which the window passes to every page.

The session-level functions (``core.initiatives.records``, ``register``, …) stay what the
command line and the tests call; these wrap them. The enums and labels the screens need
are re-exported here.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.initiatives import eligibility, records, register
from core.initiatives.documents import DecisionCandidate, decision_selection
from core.initiatives.eligibility import RuleResult, Window
from core.initiatives.records import (
    FIELD_LABELS,
    KIND_LABELS,
    RECOGNISER_LABELS,
    STATUS_LABELS,
    AuthorInput,
    DuplicateCandidate,
    InitiativeInput,
)
from core.initiatives.register import RegisterFilter, Totals
from core.org import members as org_members
from core.org import units as org_units
from core.org.office import load_office
from db.models import InitiativeField, InitiativeKind, InitiativeStatus, Recogniser, UnitKind

__all__ = [
    "FIELD_LABELS", "KIND_LABELS", "RECOGNISER_LABELS", "STATUS_LABELS",
    "AuthorInfo", "AuthorInput", "DecisionCandidate", "DecisionDefaults", "DuplicateCandidate", "FieldChange",
    "decision_selection",
    "FormData", "HistoryEntry", "InitiativeDetail", "InitiativeField", "InitiativeInput",
    "InitiativeKind", "InitiativeStatus", "MemberChoice", "PaymentInfo", "PhaseInfo",
    "ProgrammeInfo", "Recogniser", "RegisterFilter", "RuleResult", "Totals", "UnitChoice",
    "UnitKind", "Window",
]

INITIATIVES = Changes(initiatives=True)
PHASES = Changes(programmes=True, initiatives=True)

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


# ---- plain values -------------------------------------------------------------------------

@dataclass(frozen=True)
class PhaseInfo:
    number: int
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class ProgrammeInfo:
    """A programme with its live phases (read once; no ORM object outlives its session)."""

    id: uuid.UUID
    code: str
    name: str
    eligible_from: date | None
    eligible_to: date | None
    yearly: bool
    phases: tuple[PhaseInfo, ...]

    @property
    def window(self) -> Window:
        return Window(self.eligible_from, self.eligible_to)


@dataclass(frozen=True)
class UnitChoice:
    """A unit offered by a filter or a form."""

    id: uuid.UUID
    code: str
    name: str
    kind: UnitKind
    parent_id: uuid.UUID | None = None

    @property
    def grassroots(self) -> bool:
        return self.kind == UnitKind.GRASSROOTS


@dataclass(frozen=True)
class MemberChoice:
    """A member offered as an author."""

    id: uuid.UUID
    full_name: str
    unit_name: str


@dataclass(frozen=True)
class AuthorInfo:
    full_name: str
    unit_text: str
    share: int | None
    member_id: uuid.UUID | None = None

    def as_input(self) -> AuthorInput:
        return AuthorInput(self.full_name, self.unit_text, self.share, self.member_id)


@dataclass(frozen=True)
class PaymentInfo:
    paid_on: date
    amount: int  # đồng
    payer: str


@dataclass(frozen=True)
class FieldChange:
    """One field of a change, with the values as the history stored them (JSON values)."""

    field: str
    old: object
    new: object


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime | None  # UTC (naive when the database gave no zone)
    who: str
    action: str  # created | updated | imported | deleted | restored
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class InitiativeDetail:
    """Everything the form shows of one initiative."""

    id: uuid.UUID
    number: str
    name: str
    kind: InitiativeKind
    field: InitiativeField | None
    programme_id: uuid.UUID | None
    phase_number: int | None
    registered_on: date
    unit: UnitChoice
    objective: str
    steps: str
    scope: str
    description: str
    conditions: str
    first_applied_on: date | None
    trial_only: bool
    economic_benefit: int | None
    social_benefit: str
    recognised_by: Recogniser | None
    decision_number: str
    decision_date: date | None
    status: InitiativeStatus
    rejection_reason: str
    new_in_unit: bool
    ip_protected: bool
    unlawful: bool
    confidential: bool
    portal_uploaded: bool
    portal_uploaded_on: date | None
    awards: str
    authors_text: str
    authors: tuple[AuthorInfo, ...]  # a record loaded in bulk: one author from authors_text
    payments: tuple[PaymentInfo, ...]
    history: tuple[HistoryEntry, ...]  # oldest first

    @property
    def unit_id(self) -> uuid.UUID:
        return self.unit.id


@dataclass(frozen=True)
class FormData:
    """What the initiative form needs to open: the programmes, the grassroots unions it
    offers (plus the record's own unit when that is not one of them) and the record."""

    programmes: tuple[ProgrammeInfo, ...]
    units: tuple[UnitChoice, ...]
    record: InitiativeDetail | None


@dataclass(frozen=True)
class DecisionDefaults:
    symbol: str  # "QĐ-LĐLĐ": "QĐ-" and the office's document symbol


# ---- conversions (inside a session) -------------------------------------------------------

def _programme_info(programme) -> ProgrammeInfo:
    phases = tuple(PhaseInfo(p.number, p.name, p.starts_on, p.ends_on)
                   for p in programme.phases if p.deleted_at is None)
    return ProgrammeInfo(programme.id, programme.code, programme.name, programme.eligible_from,
                         programme.eligible_to, programme.yearly, phases)


def _unit_choice(unit) -> UnitChoice:
    return UnitChoice(unit.id, unit.code, unit.name, unit.kind, unit.parent_id)


def _history(session, initiative_id: uuid.UUID) -> tuple[HistoryEntry, ...]:
    entries = []
    for change in records.history(session, initiative_id):
        try:
            stored = json.loads(change.changes or "{}")
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        fields = []
        for key, pair in stored.items():
            old, new = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
            fields.append(FieldChange(key, old, new))
        entries.append(HistoryEntry(change.created_at, change.changed_by, change.action, tuple(fields)))
    return tuple(entries)


def _detail(session, item) -> InitiativeDetail:
    authors = tuple(AuthorInfo(a.full_name, a.unit_text, a.share, a.member_id)
                    for a in item.authors if a.deleted_at is None)
    if not authors and item.authors_text:
        authors = (AuthorInfo(item.authors_text, "", 100),)
    payments = tuple(PaymentInfo(p.paid_on, p.amount, p.payer) for p in item.payments if p.deleted_at is None)
    unit = org_units.get_unit(session, item.unit_id)
    return InitiativeDetail(
        id=item.id, number=item.number, name=item.name, kind=item.kind, field=item.field,
        programme_id=item.programme_id, phase_number=item.phase_number,
        registered_on=item.registered_on, unit=_unit_choice(unit), objective=item.objective,
        steps=item.steps, scope=item.scope, description=item.description,
        conditions=item.conditions, first_applied_on=item.first_applied_on,
        trial_only=item.trial_only, economic_benefit=item.economic_benefit,
        social_benefit=item.social_benefit, recognised_by=item.recognised_by,
        decision_number=item.decision_number, decision_date=item.decision_date,
        status=item.status, rejection_reason=item.rejection_reason,
        new_in_unit=item.new_in_unit, ip_protected=item.ip_protected, unlawful=item.unlawful,
        confidential=item.confidential, portal_uploaded=item.portal_uploaded,
        portal_uploaded_on=item.portal_uploaded_on, awards=item.awards,
        authors_text=item.authors_text, authors=authors, payments=payments,
        history=_history(session, item.id),
    )


def _programmes(session) -> tuple[ProgrammeInfo, ...]:
    return tuple(_programme_info(p) for p in records.list_programmes(session))


# ---- reads: the register page -------------------------------------------------------------

def programmes(db: AppDatabase) -> list[ProgrammeInfo]:
    """The live programmes (campaigns before yearly movements, then by name)."""
    with db.reading() as session:
        return list(_programmes(session))


def filter_units(db: AppDatabase) -> list[UnitChoice]:
    """The units the register's unit filter offers: every unit not merged away, parents
    before children."""
    with db.reading() as session:
        nodes = org_units.unit_tree(session)
    return [UnitChoice(n.id, n.code, n.name, n.kind, n.parent_id) for n in nodes if n.merged_into_id is None]


def unit_and_below(db: AppDatabase, unit_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """A unit, every unit below it and every unit merged into those (whose initiatives now
    count for it)."""
    with db.reading() as session:
        return frozenset(org_units.subtree_ids(session, unit_id, merged=True))


def registration_years(db: AppDatabase) -> list[int]:
    """Registration years present, newest first (for the year filter)."""
    with db.reading() as session:
        return register.years(session)


# ---- reads: the form -----------------------------------------------------------------------

def form_data(db: AppDatabase, initiative_id: uuid.UUID | None = None) -> FormData:
    """Everything the form needs to open, in one read. NotFound (UserError) when the record
    has been deleted meanwhile."""
    with db.reading() as session:
        units = [_unit_choice(u) for u in records.grassroots_units(session)]
        record = None
        if initiative_id is not None:
            record = _detail(session, records.get_initiative(session, initiative_id))
            if all(u.id != record.unit.id for u in units):
                units.append(record.unit)
        return FormData(_programmes(session), tuple(units), record)


def initiative_detail(db: AppDatabase, initiative_id: uuid.UUID) -> InitiativeDetail:
    with db.reading() as session:
        return _detail(session, records.get_initiative(session, initiative_id))


def initiative_history(db: AppDatabase, initiative_id: uuid.UUID) -> list[HistoryEntry]:
    """Who changed what and when, oldest first."""
    with db.reading() as session:
        return list(_history(session, initiative_id))


def unit_members(db: AppDatabase, unit_id: uuid.UUID, limit: int = 3000) -> list[MemberChoice]:
    """Members of a unit to pick authors from (by name)."""
    with db.reading() as session:
        rows = org_members.page_members(session, org_members.MemberQuery(unit_ids=frozenset({unit_id})),
                                        limit=limit)
    return [MemberChoice(r.id, r.full_name, r.unit_name) for r in rows]


def phase_of(db: AppDatabase, programme_id: uuid.UUID | None, on: date | None) -> int | None:
    """The phase of the programme a registration date falls in (None: outside every one)."""
    if programme_id is None or on is None:
        return None
    with db.reading() as session:
        return records.derive_phase(session, programme_id, on)


def check_eligibility(item, programme: ProgrammeInfo | None) -> list[RuleResult]:
    """Each eligibility rule for what the form holds (any object with the fields an
    initiative has: recognised_by, decision_number, …), passed or with its reason."""
    return eligibility.check(item, programme.window if programme is not None else None)


def duplicates(db: AppDatabase, data: InitiativeInput,
               exclude_id: uuid.UUID | None = None) -> list[DuplicateCandidate]:
    """Initiatives that look like ``data`` (the same name up to tones, spacing and small
    typos, the same numbers, in the same unit, with an author in common): to warn before
    saving (:func:`core.initiatives.records.find_duplicates`)."""
    with db.reading() as session:
        return records.find_duplicates(session, data.name, data.unit_id,
                                       [a.full_name for a in data.authors], exclude_id=exclude_id)


# ---- changes ---------------------------------------------------------------------------------

def save_initiative(db: AppDatabase, data: InitiativeInput,
                    initiative_id: uuid.UUID | None = None) -> Done[uuid.UUID]:
    """Create (no id) or edit an initiative; the value is its id. UserError (Vietnamese)
    when core refuses it; nothing is written then."""
    with db.transaction() as session:
        if initiative_id is None:
            saved = records.create_initiative(session, data).id
        else:
            records.update_initiative(session, initiative_id, data)
            saved = initiative_id
    return Done(saved, INITIATIVES)


def set_status(db: AppDatabase, ids: Sequence[uuid.UUID], status: InitiativeStatus,
               reason: str = "") -> Done[int]:
    """Mark initiatives valid, not valid (a reason is required), … in one transaction;
    the value is how many."""
    with db.transaction() as session:
        for initiative_id in ids:
            records.set_status(session, initiative_id, status, reason)
    return Done(len(ids), INITIATIVES)


def delete_initiatives(db: AppDatabase, ids: Iterable[uuid.UUID]) -> Done[int]:
    """Delete (tombstone) initiatives in one transaction; restore_initiatives undoes it."""
    ids = list(ids)
    with db.transaction() as session:
        for initiative_id in ids:
            records.delete_initiative(session, initiative_id)
    return Done(len(ids), INITIATIVES)


def restore_initiatives(db: AppDatabase, ids: Iterable[uuid.UUID]) -> Done[int]:
    ids = list(ids)
    with db.transaction() as session:
        for initiative_id in ids:
            records.restore_initiative(session, initiative_id)
    return Done(len(ids), INITIATIVES)


def add_payment(db: AppDatabase, initiative_id: uuid.UUID, amount: int, paid_on: date,
                payer: str) -> Done[tuple[PaymentInfo, ...]]:
    """Record a support payment; the value is the initiative's payments now."""
    with db.transaction() as session:
        records.add_payment(session, initiative_id, amount, paid_on, payer)
        session.flush()
        item = records.get_initiative(session, initiative_id)
        payments = tuple(PaymentInfo(p.paid_on, p.amount, p.payer) for p in item.payments if p.deleted_at is None)
    return Done(payments, INITIATIVES)


def set_phase_dates(db: AppDatabase, programme_id: uuid.UUID, number: int, starts_on: date,
                    ends_on: date) -> Done[int]:
    """New dates for one phase of a programme; the programme's initiatives move to the phase
    their registration date now falls in. The value is how many changed phase."""
    with db.transaction() as session:
        changed = records.set_phase_dates(session, programme_id, number, starts_on, ends_on)
    return Done(changed, PHASES)


# ---- files -------------------------------------------------------------------------------------

def export_register(db: AppDatabase, path: str | os.PathLike[str], f: RegisterFilter,
                    progress: Progress = None, is_cancelled: Cancelled = None) -> int:
    """The register workbook for the filter; the number of initiatives written."""
    from core.initiatives import export

    return export.export_register(db, path, f, progress=progress, is_cancelled=is_cancelled)


def export_portal_list(db: AppDatabase, path: str | os.PathLike[str], f: RegisterFilter,
                       progress: Progress = None, is_cancelled: Cancelled = None, *,
                       include_under_review: bool = False) -> int:
    """The list for the national portal: recognised initiatives of the filter (those under
    review too only with ``include_under_review``), confidential ones reduced; rows written."""
    from core.initiatives import export

    return export.export_portal_list(db, path, f, progress=progress, is_cancelled=is_cancelled,
                                     include_under_review=include_under_review)


def write_template(db: AppDatabase, path: str | os.PathLike[str]) -> Path:
    """The blank import template, its example row naming one of this office's units."""
    from core.initiatives import export

    with db.reading() as session:
        unit = export.default_template_unit(session)
    return export.write_template(path, unit=unit)


def write_description_report(db: AppDatabase, initiative_id: uuid.UUID, path: str | os.PathLike[str],
                             is_cancelled: Cancelled = None) -> Path:
    """The description report (PDF) of one initiative."""
    from core.initiatives import documents

    with db.reading() as session:
        return documents.description_report(session, initiative_id, path, is_cancelled=is_cancelled)


def decision_defaults(db: AppDatabase) -> DecisionDefaults:
    """What the recognition decision's dialog starts with."""
    with db.reading() as session:
        office = load_office(session)
    return DecisionDefaults(symbol=f"QĐ-{office.doc_symbol or 'LĐLĐ'}")


def write_recognition_decision(db: AppDatabase, selection: Iterable[uuid.UUID] | RegisterFilter,
                               path: str | os.PathLike[str], *, number: int, signed_on: date,
                               symbol: str | None = None, year: int | None = None,
                               is_cancelled: Cancelled = None) -> Path:
    """The decision recognising the selected (valid) initiatives, with its list (PDF);
    ``year`` names its period ("công nhận sáng kiến năm 2026")."""
    from core.initiatives import documents

    with db.transaction() as session:  # the number goes into the office's numbering book
        documents.book_recognition_decision(session, number=number, signed_on=signed_on, symbol=symbol)
        return documents.recognition_decision(session, selection, path, number=number, signed_on=signed_on,
                                              symbol=symbol, year=year, is_cancelled=is_cancelled)


def decision_candidates(db: AppDatabase, year: int | None) -> tuple[DecisionCandidate, ...]:
    """The valid initiatives registered in ``year`` (None: every year) a recognition
    decision may include, each with the reasons it is not eligible (none: eligible)."""
    from core.initiatives import documents

    with db.reading() as session:
        return tuple(documents.decision_candidates(session, year))

