"""Commendation use cases as the window and the command line call them (issue 12).

Every function takes the open database first, opens one read or one transaction itself and
takes and returns plain values (frozen dataclasses, ids, text, dates); a change returns
:class:`~core.common.changes.Done` with ``Changes(commendations=True)``. The rules themselves
are :mod:`core.commendations.rules`'; documents, files and certificates have their modules.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.commendations import rules
from core.commendations.rules import (
    AWARD_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    Criterion,
    Finding,
    LinkedInitiative,
    OtherAward,
    Thresholds,
)
from core.common import limits
from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.errors import NotFound, UserError
from core.common.text import clean, fold
from db.models import (
    AwardForm,
    CommendationRound,
    Initiative,
    Member,
    Nominee,
    NomineeInitiative,
    NomineeKind,
    NomineeStatus,
    RoundLevel,
    Setting,
    Tier,
    Unit,
    utcnow,
)

__all__ = [
    "AWARD_LABELS", "KIND_LABELS", "LEVEL_LABELS", "AwardForm", "Criterion", "Finding",
    "NomineeDetail", "NomineeInput", "NomineeKind", "NomineeRow", "NomineeStatus", "RoundInfo",
    "RoundInput", "RoundLevel", "Thresholds", "Tier",
]

COMMENDATIONS = Changes(commendations=True)
STATUS_LABELS = {NomineeStatus.PROPOSED: "Đề nghị", NomineeStatus.APPROVED: "Được khen thưởng",
                 NomineeStatus.NOT_APPROVED: "Không được khen thưởng"}
ROUND_NAME = 500
SUMMARY = limits.LONG_TEXT
_THRESHOLD_KEY = "commendations.threshold."
_CALIBRATION_KEY = "commendations.calibration."


# ---- plain values -------------------------------------------------------------------------

@dataclass(frozen=True)
class RoundInput:
    name: str
    year: int
    level: RoundLevel = RoundLevel.UPPER
    forms: tuple[AwardForm, ...] = (AwardForm.GIAY_KHEN, AwardForm.BANG_KHEN,
                                    AwardForm.LAO_DONG_SANG_TAO)
    deadline: date | None = None
    programme_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RoundInfo:
    id: uuid.UUID
    name: str
    year: int
    level: RoundLevel
    forms: tuple[AwardForm, ...]
    deadline: date | None
    programme_id: uuid.UUID | None
    nominees: int
    approved: int


@dataclass(frozen=True)
class NomineeInput:
    kind: NomineeKind
    award: AwardForm
    full_name: str = ""  # a person or collective not in the lists; else taken from member/unit
    unit_name: str = ""
    member_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    position: str = ""
    tier: Tier = Tier.WORKER
    summary: str = ""
    initiative_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class NomineeRow:
    id: uuid.UUID
    seq: int
    kind: NomineeKind
    full_name: str
    unit_name: str
    position: str
    award: AwardForm
    status: NomineeStatus
    decision_number: str
    decision_date: date | None


@dataclass(frozen=True)
class NomineeDetail:
    row: NomineeRow
    round_id: uuid.UUID
    member_id: uuid.UUID | None
    unit_id: uuid.UUID | None
    tier: Tier
    summary: str
    criteria: tuple[Criterion, ...]
    initiatives: tuple[LinkedInitiative, ...]
    findings: tuple[Finding, ...]


# ---- rounds -------------------------------------------------------------------------------

def _forms_text(forms: Iterable[AwardForm]) -> str:
    return ",".join(AwardForm(f).value for f in forms)


def _forms(text: str) -> tuple[AwardForm, ...]:
    return tuple(AwardForm(f) for f in text.split(",") if f)


def _round_info(session: Session, r: CommendationRound) -> RoundInfo:
    counts = dict(session.execute(
        select(Nominee.status, func.count()).where(Nominee.round_id == r.id,
                                                   Nominee.deleted_at.is_(None))
        .group_by(Nominee.status)).all())
    return RoundInfo(r.id, r.name, r.year, RoundLevel(r.level), _forms(r.forms), r.deadline,
                     r.programme_id, sum(counts.values()), counts.get(NomineeStatus.APPROVED, 0))


def _validate_round(data: RoundInput) -> tuple[str, tuple[AwardForm, ...]]:
    name = limits.check("Tên đợt khen thưởng", clean(data.name), ROUND_NAME)
    if not name:
        raise UserError("Thiếu tên đợt khen thưởng.")
    if not isinstance(data.year, int) or not 2000 <= data.year <= 2100:
        raise UserError(f"Năm của đợt khen thưởng không hợp lệ: {data.year}")
    forms = tuple(dict.fromkeys(AwardForm(f) for f in data.forms))
    if not forms:
        raise UserError("Đợt khen thưởng cần ít nhất một hình thức khen thưởng.")
    return name, forms


def create_round(db: AppDatabase, data: RoundInput) -> Done[RoundInfo]:
    name, forms = _validate_round(data)
    with db.transaction() as s:
        if s.scalar(select(CommendationRound.id).where(
                CommendationRound.name_folded == fold(name), CommendationRound.year == data.year,
                CommendationRound.deleted_at.is_(None))):
            raise UserError(f"Đã có đợt khen thưởng «{name}» năm {data.year}.")
        r = CommendationRound(name=name, name_folded=fold(name), year=data.year,
                              level=RoundLevel(data.level), forms=_forms_text(forms),
                              deadline=data.deadline, programme_id=data.programme_id)
        s.add(r)
        s.flush()
        return Done(_round_info(s, r), COMMENDATIONS)


def update_round(db: AppDatabase, round_id: uuid.UUID, data: RoundInput) -> Done[RoundInfo]:
    name, forms = _validate_round(data)
    with db.transaction() as s:
        r = _get_round(s, round_id)
        r.name, r.name_folded, r.year, r.level = name, fold(name), data.year, RoundLevel(data.level)
        r.forms, r.deadline, r.programme_id = _forms_text(forms), data.deadline, data.programme_id
        s.flush()
        return Done(_round_info(s, r), COMMENDATIONS)


def _get_round(s: Session, round_id: uuid.UUID) -> CommendationRound:
    r = s.get(CommendationRound, round_id)
    if r is None or r.deleted_at is not None:
        raise NotFound("Không tìm thấy đợt khen thưởng.")
    return r


def rounds(db: AppDatabase) -> list[RoundInfo]:
    """Every round, the newest year first."""
    with db.reading() as s:
        items = s.scalars(select(CommendationRound).where(CommendationRound.deleted_at.is_(None))
                          .order_by(CommendationRound.year.desc(), CommendationRound.name))
        return [_round_info(s, r) for r in items]


def find_round(db: AppDatabase, text: str) -> RoundInfo | None:
    """A round by its name (tone marks ignored) or id."""
    with db.reading() as s:
        r = _find_round(s, text)
        return _round_info(s, r) if r else None


def _find_round(s: Session, text: str) -> CommendationRound | None:
    try:
        r = s.get(CommendationRound, uuid.UUID(str(text)))
        if r is not None and r.deleted_at is None:
            return r
    except ValueError:
        pass
    return s.scalars(select(CommendationRound).where(
        CommendationRound.name_folded == fold(clean(text)),
        CommendationRound.deleted_at.is_(None)).order_by(CommendationRound.year.desc())).first()


def get_round(db: AppDatabase, round_id: uuid.UUID) -> RoundInfo:
    with db.reading() as s:
        return _round_info(s, _get_round(s, round_id))


# ---- nominees -----------------------------------------------------------------------------

def _row(n: Nominee) -> NomineeRow:
    return NomineeRow(n.id, n.seq, NomineeKind(n.kind), n.full_name, n.unit_name, n.position,
                      AwardForm(n.award), NomineeStatus(n.status), n.decision_number, n.decision_date)


def _apply(s: Session, n: Nominee, data: NomineeInput) -> None:
    kind = NomineeKind(data.kind)
    name = clean(data.full_name)
    unit_name = clean(data.unit_name)
    position = clean(data.position)
    member_id = unit_id = None
    if kind == NomineeKind.INDIVIDUAL and data.member_id:
        member = s.get(Member, data.member_id)
        if member is None or member.deleted_at is not None:
            raise NotFound("Không tìm thấy đoàn viên được chọn.")
        member_id, unit_id = member.id, member.unit_id
        name = name or member.full_name
        unit_name = unit_name or member.unit.name
        position = position or member.position
    elif data.unit_id:
        unit = s.get(Unit, data.unit_id)
        if unit is None or unit.deleted_at is not None:
            raise NotFound("Không tìm thấy đơn vị được chọn.")
        unit_id = unit.id
        if kind == NomineeKind.COLLECTIVE:
            name = name or unit.name
        unit_name = unit_name or unit.name
    if not name:
        raise UserError("Thiếu họ và tên (hoặc tên tập thể) của người được đề nghị.")
    limits.check("Họ và tên" if kind == NomineeKind.INDIVIDUAL else "Tên tập thể", name,
                 limits.UNIT_NAME if kind == NomineeKind.COLLECTIVE else limits.PERSON_NAME)
    limits.check("Đơn vị", unit_name, limits.UNIT_NAME)
    limits.check("Chức vụ", position, limits.POSITION)
    summary = limits.check("Tóm tắt thành tích", clean(data.summary, multiline=True), SUMMARY)
    n.kind, n.full_name, n.name_folded, n.unit_name = kind, name, fold(name), unit_name
    n.member_id, n.unit_id, n.position, n.tier = member_id, unit_id, position, Tier(data.tier)
    n.award, n.summary = AwardForm(data.award), summary


def _link(s: Session, n: Nominee, ids: Sequence[uuid.UUID]) -> None:
    wanted = list(dict.fromkeys(ids))
    for i in wanted:
        item = s.get(Initiative, i)
        if item is None or item.deleted_at is not None:
            raise NotFound("Không tìm thấy sáng kiến được gắn với người được đề nghị.")
    existing = {link.initiative_id: link for link in s.scalars(
        select(NomineeInitiative).where(NomineeInitiative.nominee_id == n.id))}
    for initiative_id, link in existing.items():  # synced rows: tombstoned, not deleted
        if initiative_id not in wanted and link.deleted_at is None:
            link.deleted_at = utcnow()
        elif initiative_id in wanted and link.deleted_at is not None:
            link.deleted_at = None
    for initiative_id in wanted:
        if initiative_id not in existing:
            s.add(NomineeInitiative(nominee_id=n.id, initiative_id=initiative_id))


def add_nominee(db: AppDatabase, round_id: uuid.UUID, data: NomineeInput) -> Done[NomineeRow]:
    with db.transaction() as s:
        _get_round(s, round_id)
        seq = (s.scalar(select(func.max(Nominee.seq)).where(Nominee.round_id == round_id)) or 0) + 1
        n = Nominee(id=uuid.uuid4(), round_id=round_id, seq=seq, criteria="{}",
                    status=NomineeStatus.PROPOSED)
        with s.no_autoflush:
            _apply(s, n, data)
        s.add(n)
        s.flush()
        _link(s, n, data.initiative_ids)
        s.flush()
        return Done(_row(n), COMMENDATIONS)


def update_nominee(db: AppDatabase, nominee_id: uuid.UUID, data: NomineeInput) -> Done[NomineeRow]:
    with db.transaction() as s:
        n = _get_nominee(s, nominee_id)
        with s.no_autoflush:
            _apply(s, n, data)
        _link(s, n, data.initiative_ids)
        s.flush()
        return Done(_row(n), COMMENDATIONS)


def delete_nominee(db: AppDatabase, nominee_id: uuid.UUID) -> Done[None]:
    with db.transaction() as s:
        n = _get_nominee(s, nominee_id)
        if n.status == NomineeStatus.APPROVED:
            raise UserError(f"{n.full_name} đã được khen thưởng theo Quyết định số "
                            f"{n.decision_number}; không xóa được.")
        n.deleted_at = utcnow()
        return Done(None, COMMENDATIONS)


def _get_nominee(s: Session, nominee_id: uuid.UUID) -> Nominee:
    n = s.get(Nominee, nominee_id)
    if n is None or n.deleted_at is not None:
        raise NotFound("Không tìm thấy người được đề nghị khen thưởng.")
    return n


def set_criterion(db: AppDatabase, nominee_id: uuid.UUID, key: str, met: bool,
                  note: str = "") -> Done[tuple[Criterion, ...]]:
    """Tick (or untick) one criterion of the checklist with its evidence note."""
    with db.transaction() as s:
        n = _get_nominee(s, nominee_id)
        items = rules.parse_criteria(NomineeKind(n.kind), n.criteria)
        if key not in {c.key for c in items}:
            raise UserError(f"Không có tiêu chuẩn «{key}» cho {KIND_LABELS[NomineeKind(n.kind)].lower()}.")
        note = limits.check("Minh chứng", clean(note), 1_000)
        items = tuple(replace(c, met=bool(met), note=note) if c.key == key else c for c in items)
        n.criteria = rules.dump_criteria(items)
        return Done(items, COMMENDATIONS)


def nominees(db: AppDatabase, round_id: uuid.UUID, *, search: str = "",
             status: NomineeStatus | None = None, award: AwardForm | None = None) -> list[NomineeRow]:
    """The round's nominees in order; ``search`` matches name or unit ignoring tone marks."""
    with db.reading() as s:
        return [_row(n) for n in _nominee_query(s, round_id, search, status, award)]


def _nominee_query(s: Session, round_id: uuid.UUID, search: str = "",
                   status: NomineeStatus | None = None,
                   award: AwardForm | None = None) -> list[Nominee]:
    q = select(Nominee).where(Nominee.round_id == round_id, Nominee.deleted_at.is_(None))
    if status:
        q = q.where(Nominee.status == status)
    if award:
        q = q.where(Nominee.award == award)
    items = list(s.scalars(q.order_by(Nominee.seq)))
    needle = fold(clean(search)).lower()
    if needle:
        items = [n for n in items if needle in n.name_folded.lower() or needle in fold(n.unit_name).lower()]
    return items


def _linked(s: Session, nominee_id: uuid.UUID) -> tuple[LinkedInitiative, ...]:
    rows = s.scalars(select(Initiative).join(
        NomineeInitiative, NomineeInitiative.initiative_id == Initiative.id).where(
        NomineeInitiative.nominee_id == nominee_id, NomineeInitiative.deleted_at.is_(None))
        .order_by(Initiative.number))
    return tuple(LinkedInitiative(i.id, i.number, i.name, i.status, i.economic_benefit,
                                  (i.decision_date or i.registered_on).year) for i in rows)


def _others(s: Session, n: Nominee, r: CommendationRound) -> list[OtherAward]:
    q = select(Nominee, CommendationRound).join(
        CommendationRound, CommendationRound.id == Nominee.round_id).where(
        CommendationRound.year == r.year, CommendationRound.level == r.level,
        CommendationRound.deleted_at.is_(None), Nominee.deleted_at.is_(None),
        Nominee.id != n.id, Nominee.status != NomineeStatus.NOT_APPROVED,
        Nominee.kind == n.kind)
    if n.member_id:
        q = q.where(Nominee.member_id == n.member_id)
    elif n.kind == NomineeKind.COLLECTIVE and n.unit_id:
        q = q.where(Nominee.unit_id == n.unit_id)
    else:
        q = q.where(Nominee.name_folded == n.name_folded)
    out = []
    for other, other_round in s.execute(q):
        if not n.member_id and n.kind == NomineeKind.INDIVIDUAL and \
                fold(other.unit_name).lower() != fold(n.unit_name).lower():
            continue  # the same name in another unit is another person
        out.append(OtherAward(other_round.name, AwardForm(other.award)))
    return out


def _findings(s: Session, n: Nominee, thresholds: Thresholds) -> tuple[Finding, ...]:
    r = s.get(CommendationRound, n.round_id)
    assert r is not None
    return tuple(rules.check(
        kind=NomineeKind(n.kind), tier=Tier(n.tier), award=AwardForm(n.award), round_year=r.year,
        round_level=RoundLevel(r.level), offered=_forms(r.forms),
        criteria=rules.parse_criteria(NomineeKind(n.kind), n.criteria),
        linked=_linked(s, n.id), others=_others(s, n, r), thresholds=thresholds))


def nominee_detail(db: AppDatabase, nominee_id: uuid.UUID) -> NomineeDetail:
    with db.reading() as s:
        n = _get_nominee(s, nominee_id)
        t = _thresholds(s)
        return NomineeDetail(_row(n), n.round_id, n.member_id, n.unit_id, Tier(n.tier), n.summary,
                             rules.parse_criteria(NomineeKind(n.kind), n.criteria),
                             _linked(s, n.id), _findings(s, n, t))


def check_nominee(db: AppDatabase, nominee_id: uuid.UUID) -> tuple[Finding, ...]:
    return nominee_detail(db, nominee_id).findings


@dataclass(frozen=True)
class NomineeCheck:
    row: NomineeRow
    findings: tuple[Finding, ...]

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.ok)


def check_round(db: AppDatabase, round_id: uuid.UUID) -> list[NomineeCheck]:
    """Every nominee's findings, in the round's order."""
    with db.reading() as s:
        _get_round(s, round_id)
        t = _thresholds(s)
        return [NomineeCheck(_row(n), _findings(s, n, t)) for n in _nominee_query(s, round_id)]


# ---- decisions ----------------------------------------------------------------------------

def approve(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date,
            nominee_ids: Sequence[uuid.UUID] | None = None) -> Done[int]:
    """Approve the named nominees (all proposed ones when none is named) under the decision;
    returns how many were approved."""
    return _decide(db, round_id, decision_number, on, nominee_ids, NomineeStatus.APPROVED)


def reject(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date,
           nominee_ids: Sequence[uuid.UUID]) -> Done[int]:
    return _decide(db, round_id, decision_number, on, nominee_ids, NomineeStatus.NOT_APPROVED)


def _decide(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date,
            nominee_ids: Sequence[uuid.UUID] | None, status: NomineeStatus) -> Done[int]:
    number = limits.check("Số quyết định", clean(decision_number), limits.DECISION_NUMBER)
    if not number:
        raise UserError("Thiếu số quyết định khen thưởng.")
    if not isinstance(on, date):
        raise UserError("Thiếu ngày ký quyết định.")
    with db.transaction() as s:
        _get_round(s, round_id)
        if nominee_ids is None:
            items = _nominee_query(s, round_id, status=NomineeStatus.PROPOSED)
        else:
            items = [_get_nominee(s, i) for i in nominee_ids]
            for n in items:
                if n.round_id != round_id:
                    raise UserError(f"{n.full_name} không thuộc đợt khen thưởng này.")
        for n in items:
            n.status, n.decision_number, n.decision_date = status, number, on
        return Done(len(items), COMMENDATIONS)


# ---- settings: thresholds and printer calibration ----------------------------------------

def _settings(s: Session, prefix: str) -> dict[str, str]:
    return {k.removeprefix(prefix): v for k, v in s.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(prefix)))}


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def _thresholds(s: Session) -> Thresholds:
    return rules.thresholds_from(_settings(s, _THRESHOLD_KEY))


def thresholds(db: AppDatabase) -> Thresholds:
    with db.reading() as s:
        return _thresholds(s)


def set_thresholds(db: AppDatabase, t: Thresholds) -> Done[Thresholds]:
    """Save the Creative Labour thresholds (whole đồng, positive)."""
    for name in ("worker", "worker_three_years", "university", "leader"):
        value = getattr(t, name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise UserError(f"Mức giá trị làm lợi phải là số đồng dương: {value}")
    with db.transaction() as s:
        for name in ("worker", "worker_three_years", "university", "leader"):
            _put(s, _THRESHOLD_KEY + name, str(getattr(t, name)))
        return Done(t, COMMENDATIONS)


@dataclass(frozen=True)
class Calibration:
    """A printer's offsets in mm (x to the right, y upwards on the page), saved per printer."""

    printer: str
    dx_mm: float = 0.0
    dy_mm: float = 0.0


def _printer_key(printer: str) -> str:
    return _CALIBRATION_KEY + (fold(clean(printer)) or "default")[:40]


def calibration(db: AppDatabase, printer: str = "") -> Calibration:
    with db.reading() as s:
        row = s.get(Setting, _printer_key(printer))
        if row is None:
            return Calibration(printer)
        try:
            dx, dy = (float(v) for v in row.value.split(";"))
        except ValueError:
            return Calibration(printer)
        return Calibration(printer, dx, dy)


def set_calibration(db: AppDatabase, c: Calibration) -> Done[Calibration]:
    for v in (c.dx_mm, c.dy_mm):
        if not -50 <= v <= 50:
            raise UserError(f"Độ lệch khi in phải trong khoảng −50…50 mm: {v}")
    with db.transaction() as s:
        _put(s, _printer_key(c.printer), f"{c.dx_mm:g};{c.dy_mm:g}")
        return Done(c, COMMENDATIONS)
