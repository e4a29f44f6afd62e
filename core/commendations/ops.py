"""Commendation use cases as the window and the command line call them (issue 12).

Every function takes the open database first, opens one read or one transaction itself and
takes and returns plain values (frozen dataclasses, ids, text, dates); a change returns
:class:`~core.common.changes.Done` with ``Changes(commendations=True)``. The rules themselves
are :mod:`core.commendations.rules`'; documents, files and certificates have their modules.
"""

from __future__ import annotations

import os
import uuid
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from core.commendations import documents, dossier, rules
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
from core.common.vnformat import doc_number, format_date
from db.models import (
    AwardForm,
    Certificate,
    CertificatePrint,
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
    "NomineeDetail", "NomineeInput", "NomineeKind", "NomineeQuery", "NomineeRow", "NomineeStatus", "RoundInfo",
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

    @property
    def key(self) -> int:
        """The row's key in the lazy list: its number (STT) in the round."""
        return self.seq


@dataclass(frozen=True)
class NomineeQuery:
    """What the nominee list shows: one round, optionally searched (tone marks ignored) and
    filtered by status."""

    round_id: uuid.UUID | None = None
    search: str = ""
    status: NomineeStatus | None = None


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
    note: str = ""  # why an approval was undone, when it was


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
    folded = fold(clean(text)).lower()
    live = select(CommendationRound).where(CommendationRound.deleted_at.is_(None))
    exact = s.scalars(live.where(CommendationRound.name_folded == folded)
                      .order_by(CommendationRound.year.desc())).first()
    if exact is not None or not folded:
        return exact
    # The round's year, or a part of its name (tone marks ignored), when only one round has it.
    if folded.isdigit() and len(folded) == 4:
        found = list(s.scalars(live.where(CommendationRound.year == int(folded))).all())
    else:
        found = list(s.scalars(live.where(CommendationRound.name_folded.contains(folded, autoescape=True))).all())
    if len(found) > 1:
        names = "; ".join(f"«{r.name}»" for r in found[:5])
        raise UserError(f"Có {len(found)} đợt khen thưởng khớp với «{text}» ({names}); hãy ghi rõ hơn.")
    return found[0] if found else None


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


class DuplicateNominee(UserError):
    """Saving a person or unit already proposed at the round's level in its year (this round
    or another): refused unless the caller confirms (``allow_duplicate``)."""

    def __init__(self, name: str, others: Sequence[OtherAward]) -> None:
        self.others = tuple(others)
        where = "; ".join(f"{AWARD_LABELS[o.award]} trong đợt «{o.round_name}»" for o in self.others)
        super().__init__(f"{name} đã được đề nghị {where} (cùng năm, cùng cấp): một người, một tập "
                         "thể không nhận hai hình thức cùng cấp trong một năm.")


def _refuse_duplicate(s: Session, n: Nominee, allow: bool) -> None:
    if allow:
        return
    r = _get_round(s, n.round_id)
    with s.no_autoflush:
        others = _others(s, n, r)
    if others:
        raise DuplicateNominee(n.full_name, others)


def add_nominee(db: AppDatabase, round_id: uuid.UUID, data: NomineeInput, *,
                allow_duplicate: bool = False) -> Done[NomineeRow]:
    """A nominee of the round; one already proposed at the same level in the same year (the
    same member, unit, or name and unit ignoring tone marks) raises :class:`DuplicateNominee`
    unless ``allow_duplicate``."""
    with db.transaction() as s:
        _get_round(s, round_id)
        seq = (s.scalar(select(func.max(Nominee.seq)).where(Nominee.round_id == round_id)) or 0) + 1
        n = Nominee(id=uuid.uuid4(), round_id=round_id, seq=seq, criteria="{}",
                    status=NomineeStatus.PROPOSED)
        with s.no_autoflush:
            _apply(s, n, data)
            _refuse_duplicate(s, n, allow_duplicate)
        s.add(n)
        s.flush()
        _link(s, n, data.initiative_ids)
        s.flush()
        return Done(_row(n), COMMENDATIONS)


def update_nominee(db: AppDatabase, nominee_id: uuid.UUID, data: NomineeInput, *,
                   allow_duplicate: bool = False) -> Done[NomineeRow]:
    with db.transaction() as s:
        n = _get_nominee(s, nominee_id)
        with s.no_autoflush:
            _apply(s, n, data)
            _refuse_duplicate(s, n, allow_duplicate)
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


def _get_nominees(s: Session, nominee_ids: Sequence[uuid.UUID]) -> list[Nominee]:
    """:func:`_get_nominee` for each id, in their order, loaded in one query."""
    found = {n.id: n for n in s.scalars(select(Nominee).where(
        Nominee.id.in_(set(nominee_ids)), Nominee.deleted_at.is_(None)))}
    if any(i not in found for i in nominee_ids):
        raise NotFound("Không tìm thấy người được đề nghị khen thưởng.")
    return [found[i] for i in nominee_ids]


def set_criterion(db: AppDatabase, nominee_id: uuid.UUID, key: str, met: bool,
                  note: str = "") -> Done[tuple[Criterion, ...]]:
    """Tick (or untick) one criterion of the checklist with its evidence note."""
    with db.transaction() as s:
        n = _get_nominee(s, nominee_id)
        items = rules.parse_criteria(NomineeKind(n.kind), n.criteria)
        if key not in {c.key for c in items}:
            raise UserError(f"Không có tiêu chuẩn «{key}» cho {KIND_LABELS[NomineeKind(n.kind)].lower()}.")
        note = limits.check("Minh chứng", clean(note, multiline=True), 1_000)
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


def nominee_page(db: AppDatabase, q: NomineeQuery, offset: int, limit: int) -> list[NomineeRow]:
    """Rows ``offset…offset+limit`` of the list (the lazy table's first window)."""
    if q.round_id is None:
        return []
    with db.reading() as s:
        return [_row(n) for n in _nominee_query(s, q.round_id, q.search, q.status)[offset:offset + limit]]


def nominee_keys(db: AppDatabase, q: NomineeQuery, is_cancelled=None) -> array:
    """The keys (STT) of the whole list in order."""
    if q.round_id is None:
        return array("q")
    with db.reading() as s:
        return array("q", (n.seq for n in _nominee_query(s, q.round_id, q.search, q.status)))


def nominee_rows(db: AppDatabase, round_id: uuid.UUID | None, keys: Sequence[int]) -> list[NomineeRow | None]:
    """The rows of these keys in the same order (None for a row gone meanwhile)."""
    if round_id is None:
        return [None] * len(keys)
    with db.reading() as s:
        found = {n.seq: _row(n) for n in s.scalars(select(Nominee).where(
            Nominee.round_id == round_id, Nominee.seq.in_(list(keys)), Nominee.deleted_at.is_(None)))}
    return [found.get(k) for k in keys]


def nominee_key_of(db: AppDatabase, nominee_id: uuid.UUID) -> int | None:
    with db.reading() as s:
        n = s.get(Nominee, nominee_id)
        return n.seq if n is not None and n.deleted_at is None else None


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
    for other, other_round in s.execute(q.order_by(Nominee.id)):
        if not n.member_id and n.kind == NomineeKind.INDIVIDUAL and \
                fold(other.unit_name).lower() != fold(n.unit_name).lower():
            continue  # the same name in another unit is another person
        out.append(OtherAward(other_round.name, AwardForm(other.award)))
    return out


def _findings(s: Session, n: Nominee, thresholds: Thresholds) -> tuple[Finding, ...]:
    r = s.get(CommendationRound, n.round_id)
    assert r is not None
    return _check(n, r, thresholds, _linked(s, n.id), _others(s, n, r))


def _check(n: Nominee, r: CommendationRound, thresholds: Thresholds,
           linked: Sequence[LinkedInitiative], others: Sequence[OtherAward]) -> tuple[Finding, ...]:
    return tuple(rules.check(
        kind=NomineeKind(n.kind), tier=Tier(n.tier), award=AwardForm(n.award), round_year=r.year,
        round_level=RoundLevel(r.level), offered=_forms(r.forms),
        criteria=rules.parse_criteria(NomineeKind(n.kind), n.criteria),
        linked=linked, others=others, thresholds=thresholds))


def initiatives_by_numbers(db: AppDatabase, text: str) -> tuple[uuid.UUID, ...]:
    """Initiatives by register numbers separated by commas, semicolons or spaces
    ("LC-SK-2022-00001, LC-SK-2023-00017"); UserError naming any not in the register."""
    import re

    numbers = [n.upper() for n in re.split(r"[,;\s]+", clean(text)) if n]
    if not numbers:
        return ()
    with db.reading() as s:
        found = dict(s.execute(select(Initiative.number, Initiative.id).where(
            Initiative.number.in_(numbers), Initiative.deleted_at.is_(None))).all())
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise UserError(f"Không có sáng kiến số {', '.join(unknown)} trong sổ theo dõi sáng kiến.")
    return tuple(dict.fromkeys(found[n] for n in numbers))


def nominee_detail(db: AppDatabase, nominee_id: uuid.UUID) -> NomineeDetail:
    with db.reading() as s:
        n = _get_nominee(s, nominee_id)
        t = _thresholds(s)
        return NomineeDetail(_row(n), n.round_id, n.member_id, n.unit_id, Tier(n.tier), n.summary,
                             rules.parse_criteria(NomineeKind(n.kind), n.criteria),
                             _linked(s, n.id), _findings(s, n, t), n.status_note or "")


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
    """Every nominee's findings, in the round's order. What the rules need is loaded in a few
    grouped queries (the nominees, their linked initiatives, the other nominations of the same
    people and units at the round's level in its year), never a query per nominee."""
    with db.reading() as s:
        r = _get_round(s, round_id)
        t = _thresholds(s)
        items = _nominee_query(s, round_id)
        linked = _linked_in_round(s, round_id)
        others = _others_in_round(s, r)
        return [NomineeCheck(_row(n), _check(n, r, t, linked.get(n.id, ()), others.get(n.id, [])))
                for n in items]


def _linked_in_round(s: Session, round_id: uuid.UUID) -> dict[uuid.UUID, tuple[LinkedInitiative, ...]]:
    """Every nominee's linked initiatives in one query (the round's live links)."""
    out: dict[uuid.UUID, list[LinkedInitiative]] = {}
    rows = s.execute(select(NomineeInitiative.nominee_id, Initiative).join(
        Initiative, NomineeInitiative.initiative_id == Initiative.id).join(
        Nominee, Nominee.id == NomineeInitiative.nominee_id).where(
        Nominee.round_id == round_id, Nominee.deleted_at.is_(None),
        NomineeInitiative.deleted_at.is_(None)).order_by(Initiative.number))
    for nominee_id, i in rows:
        out.setdefault(nominee_id, []).append(LinkedInitiative(
            i.id, i.number, i.name, i.status, i.economic_benefit, (i.decision_date or i.registered_on).year))
    return {k: tuple(v) for k, v in out.items()}


def _others_in_round(s: Session, r: CommendationRound) -> dict[uuid.UUID, list[OtherAward]]:
    """:func:`_others` for every nominee of the round in one query (a self-join on the same
    matching rule: the member, else a collective's unit, else the folded name)."""
    mine, other, other_round = aliased(Nominee), aliased(Nominee), aliased(CommendationRound)
    same = or_(
        and_(mine.member_id.is_not(None), other.member_id == mine.member_id),
        and_(mine.member_id.is_(None), mine.kind == NomineeKind.COLLECTIVE, mine.unit_id.is_not(None),
             other.unit_id == mine.unit_id),
        and_(mine.member_id.is_(None),
             or_(mine.kind != NomineeKind.COLLECTIVE, mine.unit_id.is_(None)),
             other.name_folded == mine.name_folded))
    q = (select(mine.id, mine.member_id, mine.kind, mine.unit_name, other.unit_name, other.award,
                other_round.name)
         .join(other, and_(other.kind == mine.kind, other.id != mine.id, same))
         .join(other_round, other_round.id == other.round_id)
         .where(mine.round_id == r.id, mine.deleted_at.is_(None), other.deleted_at.is_(None),
                other.status != NomineeStatus.NOT_APPROVED, other_round.year == r.year,
                other_round.level == r.level, other_round.deleted_at.is_(None))
         .order_by(mine.seq, other.id))
    out: dict[uuid.UUID, list[OtherAward]] = {}
    for nominee_id, member_id, kind, unit_name, other_unit, award, round_name in s.execute(q):
        if not member_id and kind == NomineeKind.INDIVIDUAL and \
                fold(other_unit).lower() != fold(unit_name).lower():
            continue  # the same name in another unit is another person
        out.setdefault(nominee_id, []).append(OtherAward(round_name, AwardForm(award)))
    return out


# ---- decisions ----------------------------------------------------------------------------

def approve(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date | None,
            nominee_ids: Sequence[uuid.UUID] | None = None) -> Done[int]:
    """Approve the named nominees (all proposed ones when none is named) under the decision;
    returns how many were approved. A decision number already recorded keeps its date
    (``on=None`` takes it; another date is refused, see :func:`decision_date`)."""
    return _decide(db, round_id, decision_number, on, nominee_ids, NomineeStatus.APPROVED)


def reject(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date | None,
           nominee_ids: Sequence[uuid.UUID]) -> Done[int]:
    return _decide(db, round_id, decision_number, on, nominee_ids, NomineeStatus.NOT_APPROVED)


@dataclass(frozen=True)
class DecisionUse:
    """A decision already recorded on nominees: its number, date and the round it is in."""
    number: str
    signed_on: date
    round_id: uuid.UUID
    round_name: str
    round_year: int


def _decision_use(s: Session, number: str) -> DecisionUse | None:
    row = s.execute(
        select(Nominee.decision_date, CommendationRound.id, CommendationRound.name, CommendationRound.year)
        .join(CommendationRound, CommendationRound.id == Nominee.round_id)
        .where(Nominee.decision_number == number, Nominee.decision_date.is_not(None),
               Nominee.deleted_at.is_(None))
        .order_by(Nominee.decision_date).limit(1)).first()
    if row is None or row[0] is None:
        return None
    return DecisionUse(number, row[0], row[1], row[2], row[3])


def decision_date(db: AppDatabase, decision_number: str) -> DecisionUse | None:
    """Where a decision number was used already (one number has one date), or None."""
    with db.reading() as s:
        return _decision_use(s, clean(decision_number))


def _check_decision(r: CommendationRound, number: str, on: date | None,
                    used: DecisionUse | None) -> date:
    """The decision's date: the one it already has where it was ``used`` (a number has one
    date), else ``on``. Another date for a number already used is refused, saying where and
    when it was used."""
    if used is None:
        if on is None:
            raise UserError("Thiếu ngày ký quyết định.")
        return on
    if on is None or on == used.signed_on:
        return used.signed_on
    where = (f"đợt «{used.round_name}»" if used.round_year == r.year
             else f"đợt «{used.round_name}» của năm {used.round_year}")
    raise UserError(
        f"Quyết định số {number} đã ghi ngày ký {format_date(used.signed_on)} ({where}); một số "
        f"quyết định chỉ có một ngày ký. Nếu đúng là quyết định đó, hãy dùng ngày "
        f"{format_date(used.signed_on)}; nếu là quyết định khác, hãy dùng số khác.")


def _decide(db: AppDatabase, round_id: uuid.UUID, decision_number: str, on: date | None,
            nominee_ids: Sequence[uuid.UUID] | None, status: NomineeStatus) -> Done[int]:
    number = limits.check("Số quyết định", clean(decision_number), limits.DECISION_NUMBER)
    if not number:
        raise UserError("Thiếu số quyết định khen thưởng.")
    if on is not None and not isinstance(on, date):
        raise UserError("Thiếu ngày ký quyết định.")
    with db.transaction() as s:
        r = _get_round(s, round_id)
        used = _decision_use(s, number)
        on = _check_decision(r, number, on, used)
        if used is None:  # the same decision was booked when first used
            _book_decision(s, number, on, f"Quyết định khen thưởng {r.name}")
        if nominee_ids is None:
            items = _nominee_query(s, round_id, status=NomineeStatus.PROPOSED)
        else:
            items = _get_nominees(s, nominee_ids)
            for n in items:
                if n.round_id != round_id:
                    raise UserError(f"{n.full_name} không thuộc đợt khen thưởng này.")
                if n.status != NomineeStatus.PROPOSED:  # a decided one is undone first (Hủy duyệt)
                    raise UserError(f"{n.full_name} đã có quyết định {n.decision_number}; muốn đổi "
                                    "thì Hủy duyệt trước.")
        for n in items:
            n.status, n.decision_number, n.decision_date = status, number, on
        return Done(len(items), COMMENDATIONS)


class AlreadyPrinted(UserError):
    """Undoing an approval whose certificate has been printed: refused unless confirmed."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        super().__init__("Đã in giấy khen/bằng khen cho " + ", ".join(self.names)
                         + "; chỉ hủy duyệt khi đã xác nhận (và thu hồi bản đã in).")


def unapprove(db: AppDatabase, nominee_ids: Sequence[uuid.UUID], reason: str, *,
              printed_ok: bool = False) -> Done[int]:
    """Undo a wrong approval ("Hủy duyệt"): the nominees go back to proposed, their decision
    number and date are cleared and the reason is kept on them. Refused for a nominee whose
    certificate has been printed (:class:`AlreadyPrinted`) unless ``printed_ok``; the
    certificate's number stays in the register. Returns how many were undone."""
    why = limits.check("Lý do hủy duyệt", clean(reason), limits.LONG_TEXT)
    if not why:
        raise UserError("Cần ghi lý do hủy duyệt.")
    if not nominee_ids:
        raise UserError("Chưa chọn người/tập thể nào để hủy duyệt.")
    with db.transaction() as s:
        items = _get_nominees(s, nominee_ids)
        for n in items:
            if n.status != NomineeStatus.APPROVED:
                raise UserError(f"{n.full_name} chưa được duyệt; không có gì để hủy.")
        with_certificate = set(s.scalars(select(Certificate.nominee_id).where(
            Certificate.nominee_id.in_([n.id for n in items]))))
        printed = [n.full_name for n in items if n.id in with_certificate]
        if printed and not printed_ok:
            raise AlreadyPrinted(printed)
        for n in items:
            number, on = n.decision_number, n.decision_date
            when = f" ngày {format_date(on)}" if on else ""
            n.status, n.decision_number, n.decision_date = NomineeStatus.PROPOSED, "", None
            n.status_note = f"Hủy duyệt (Quyết định {number}{when}): {why}"
        return Done(len(items), COMMENDATIONS)


def _book_decision(s: Session, number: str, on: date, title: str) -> None:
    """A decision number written "25/QĐ-LĐLĐ" is recorded in the office's numbering book
    (refused when another document already holds it); other forms are kept as typed.
    Called when the number is first used on nominees."""
    import re

    from core.common import numbering

    m = re.fullmatch(r"0*(\d{1,6})\s*/\s*(\S.*)", number)
    if m:
        numbering.take(s, symbol=m[2], number=int(m[1]), issued_on=on, title=title,
                       feature="commendations")


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


# ---- certificates -------------------------------------------------------------------------

@dataclass(frozen=True)
class PrintResult:
    path: Path
    count: int
    numbers: tuple[str, ...]  # "07/2023" per page, in order
    reprints: int  # pages that reprint a number issued before
    skipped: tuple[str, ...]  # nominees without a certificate template (biểu dương)


def certificate_number(number: int, year: int) -> str:
    return f"{number:02d}/{year}"


def _achievement(round_name: str) -> str:
    phrase = round_name
    for prefix in ("Tổng kết ", "Sơ kết "):
        if phrase.startswith(prefix):
            phrase = phrase[len(prefix):]
    phrase = phrase[:1].lower() + phrase[1:]
    return f"Đã có thành tích xuất sắc trong {phrase}."


def _issue(s: Session, n: Nominee, issued_on: date, office_code: str) -> tuple[Certificate, bool]:
    """The nominee's certificate, numbered in the office's register (new: next number of
    its year); whether it existed already (a reprint)."""
    cert = s.scalar(select(Certificate).where(Certificate.nominee_id == n.id))
    if cert is not None:
        return cert, True
    year = (n.decision_date or issued_on).year
    last = s.scalar(select(func.max(Certificate.number)).where(
        Certificate.office_code == office_code, Certificate.year == year))
    cert = Certificate(nominee_id=n.id, office_code=office_code, year=year, number=(last or 0) + 1,
                       issued_on=issued_on)
    s.add(cert)
    s.flush()
    return cert, False


def print_certificates(db: AppDatabase, round_id: uuid.UUID, out: str | os.PathLike[str], *,
                       stock: bool = False, template: str | None = None,
                       dx_mm: float | None = None, dy_mm: float | None = None, printer: str = "",
                       nominee_ids: Sequence[uuid.UUID] | None = None,
                       printed_on: date | None = None, progress=None,
                       is_cancelled=None, record: bool = True) -> Done[PrintResult]:
    """One PDF with a certificate for each approved nominee of the round (or those named):
    each gets a number in the office's certificate register on first print; a later print
    is recorded as a reprint of the same number. Stock mode moves the text by the offsets
    (default: the printer's saved calibration). Nothing is recorded when writing fails, nor
    with ``record=False`` (a preview: the numbers shown are those the print would take)."""
    from core.commendations import certificates as certs
    from core.common.vnformat import date_line, format_date
    from core.initiatives.documents import full_body_name
    from core.org.office import load_office

    if template is not None:
        certs.load_template(template)  # unknown: UserError before anything
    if stock and (dx_mm is None or dy_mm is None):
        saved = calibration(db, printer)
        dx_mm = saved.dx_mm if dx_mm is None else dx_mm
        dy_mm = saved.dy_mm if dy_mm is None else dy_mm
    printed_on = printed_on or rules.today()
    with db.transaction() if record else db.reading() as s:
        r = _get_round(s, round_id)
        office = load_office(s)
        code = office.unit_code or db.office_code
        if nominee_ids is None:
            items = _nominee_query(s, round_id, status=NomineeStatus.APPROVED)
        else:
            items = _get_nominees(s, nominee_ids)
            for n in items:
                if n.status != NomineeStatus.APPROVED:
                    raise UserError(f"{n.full_name} chưa được duyệt khen thưởng; chưa in được "
                                    "giấy khen/bằng khen.")
        body = (office.on_behalf or "TM. BAN THƯỜNG VỤ").removeprefix("TM.").strip()
        issuer = f"{body} {full_body_name(office.name or code)}".upper()
        pages, numbers, skipped, reprints = [], [], [], 0
        for n in items:
            key = template or certs.DEFAULT_TEMPLATES.get(AwardForm(n.award))
            if key is None:
                skipped.append(f"{n.full_name} ({AWARD_LABELS[AwardForm(n.award)]}: không có mẫu giấy khen/bằng khen)")
                continue
            if not rules.is_own(AwardForm(n.award), RoundLevel(r.level)):
                above = rules.issuer(AwardForm(n.award), RoundLevel(r.level))
                skipped.append(f"{n.full_name} ({AWARD_LABELS[AwardForm(n.award)]} do "
                               f"{rules.ISSUER_BODIES[above]} tặng)")
                continue
            cert, again = _issue(s, n, printed_on, code)
            reprints += again
            s.add(CertificatePrint(certificate_id=cert.id, printed_on=printed_on, reprint=again,
                                   mode="stock" if stock else "full"))
            number = certificate_number(cert.number, cert.year)
            numbers.append(number)
            signed = n.decision_date or printed_on
            detail = ", ".join(p for p in (n.position, n.unit_name) if p) \
                if n.kind == NomineeKind.INDIVIDUAL else ""
            pages.append(certs.CertificateText(key, {
                "issuer": issuer,
                "recipient": n.full_name,
                "detail": detail,
                "achievement": _achievement(r.name),
                "place_date": date_line(office.place, signed),
                "on_behalf": office.on_behalf,
                "signer_title": office.chair_title,
                "signer": office.chair_name,
                "number": f"Số vào sổ: {number}",
                "decision": (f"Quyết định số {n.decision_number} ngày {format_date(signed)}"
                             if n.decision_number else ""),
            }))
        if not pages and skipped:
            raise UserError("Không có giấy khen/bằng khen nào để in: " + "; ".join(skipped) + ".")
        path = certs.write_certificates(out, pages, stock=stock, dx_mm=dx_mm or 0.0,
                                        dy_mm=dy_mm or 0.0, progress=progress,
                                        is_cancelled=is_cancelled)
        return Done(PrintResult(path, len(pages), tuple(numbers), reprints, tuple(skipped)),
                    COMMENDATIONS if record else Changes())


def certificate_candidates(db: AppDatabase, round_id: uuid.UUID) -> list[tuple[NomineeRow, str]]:
    """The round's approved nominees, each with its certificate's register number ("" when
    none has been printed yet), in the round's order."""
    with db.reading() as s:
        _get_round(s, round_id)
        numbers = {n_id: certificate_number(number, year) for n_id, number, year in s.execute(
            select(Certificate.nominee_id, Certificate.number, Certificate.year)
            .join(Nominee, Nominee.id == Certificate.nominee_id)
            .where(Nominee.round_id == round_id, Certificate.deleted_at.is_(None)))}
        return [(_row(n), numbers.get(n.id, "")) for n in
                _nominee_query(s, round_id, status=NomineeStatus.APPROVED)]


@dataclass(frozen=True)
class CertificateEntry:
    number: str
    full_name: str
    award: AwardForm
    issued_on: date
    prints: int


def certificate_register(db: AppDatabase, year: int | None = None) -> list[CertificateEntry]:
    """The office's certificate register (this office's numbers), by year and number, with
    how many times each was printed (one grouped count, not a query per certificate)."""
    prints = (select(CertificatePrint.certificate_id, func.count().label("n"))
              .group_by(CertificatePrint.certificate_id).subquery())
    with db.reading() as s:
        q = (select(Certificate, Nominee, prints.c.n)
             .join(Nominee, Nominee.id == Certificate.nominee_id)
             .outerjoin(prints, prints.c.certificate_id == Certificate.id)
             .where(Certificate.office_code == db.office_code, Certificate.deleted_at.is_(None)))
        if year is not None:
            q = q.where(Certificate.year == year)
        return [CertificateEntry(certificate_number(cert.number, cert.year), n.full_name,
                                 AwardForm(n.award), cert.issued_on, count or 0)
                for cert, n, count in s.execute(q.order_by(Certificate.year, Certificate.number))]


def write_calibration_page(db: AppDatabase, out: str | os.PathLike[str], *, printer: str = "",
                           template: str = "giay_khen_a4", dx_mm: float | None = None,
                           dy_mm: float | None = None) -> Path:
    from core.commendations import certificates as certs

    saved = calibration(db, printer)
    return certs.write_calibration_page(
        out, template=template, dx_mm=saved.dx_mm if dx_mm is None else dx_mm,
        dy_mm=saved.dy_mm if dy_mm is None else dy_mm)


def certificate_templates() -> list[tuple[str, str]]:
    """(key, title) of every certificate template."""
    from core.commendations import certificates as certs

    return [(k, certs.load_template(k).title) for k in certs.templates()]


# ---- the file (hồ sơ) and the documents ---------------------------------------------------

def attach(db: AppDatabase, round_id: uuid.UUID, kind: str, source: str | os.PathLike[str], *,
           nominee_id: uuid.UUID | None = None) -> Done[dossier.StoredFile]:
    """Attach a scan or PDF to the round's file (copied in under its SHA-256)."""
    with db.transaction() as s:
        _get_round(s, round_id)
        return Done(dossier.add_item(s, db.path, round_id, kind, source, nominee_id=nominee_id),
                    COMMENDATIONS)


_TOTRINH_LIST_KEY = "commendations.totrinh."


def _list_fingerprint(entries: Sequence[documents.ListEntry]) -> str:
    """What the Tờ trình's list says, as a hash: when it differs, the Tờ trình is stale."""
    import hashlib
    import json

    rows = [[e.kind.value, e.full_name, e.position, e.unit_name, AwardForm(e.award).value, e.summary]
            for e in entries]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def round_file(db: AppDatabase, round_id: uuid.UUID) -> dossier.RoundFile:
    """The round's file; a generated Tờ trình whose list has changed since (nominees added,
    edited, removed or not approved) is marked stale ("cần tạo lại")."""
    with db.reading() as s:
        _get_round(s, round_id)
        file = dossier.round_file(s, round_id)
        made = s.get(Setting, _TOTRINH_LIST_KEY + str(round_id))
        if made is None:
            return file
        now = _list_fingerprint(_entries(s, round_id, None, own=False))
        reqs = tuple(replace(r, stale=True) if r.kind == "totrinh" and r.files and made.value != now
                     else r for r in file.requirements)
        return replace(file, requirements=reqs)


def stored_file_path(db: AppDatabase, f: dossier.StoredFile) -> Path:
    return dossier.stored_path(db.path, f.sha256, f.file_name)


def _entries(s: Session, round_id: uuid.UUID, status: NomineeStatus | None,
             decision_number: str | None = None,
             decision_date: date | None = None, own: bool | None = None) -> list[documents.ListEntry]:
    """The list of a document; ``own``: only the forms the round decides itself (True) or
    only those proposed to a level above (False)."""
    items = _nominee_query(s, round_id, status=status)
    if own is not None:
        level = _get_round(s, round_id).level
        items = [n for n in items if rules.is_own(AwardForm(n.award), RoundLevel(level)) == own]
    if status is None:  # the proposal: everyone but those not approved
        items = [n for n in items if n.status != NomineeStatus.NOT_APPROVED]
    seen: set[tuple] = set()
    unique = []
    for n in items:  # the same person or unit for the same award is listed once
        who = n.member_id or (n.unit_id if n.kind == NomineeKind.COLLECTIVE else None) or \
            (fold(n.full_name).lower(), fold(n.unit_name).lower())
        key = (n.kind, who, n.award)
        if key not in seen:
            seen.add(key)
            unique.append(n)
    items = unique
    if decision_number:
        items = [n for n in items if n.decision_number == decision_number
                 and (decision_date is None or (n.decision_date or rules.today()) == decision_date)]
    return [documents.ListEntry(NomineeKind(n.kind), n.full_name, n.position, n.unit_name,
                                AwardForm(n.award), n.summary) for n in items]


def _round_text(r: CommendationRound) -> documents.RoundText:
    return documents.RoundText(r.name, r.year, RoundLevel(r.level))


def next_totrinh_number(db: AppDatabase, on: date) -> tuple[int, str]:
    """The number the next Tờ trình signed ``on`` would take from the office's numbering book,
    and its symbol ("TTr-LĐLĐ"), to suggest before writing it."""
    from core.common import numbering
    from core.org.office import load_office

    with db.reading() as s:
        office = load_office(s)
        symbol = f"TTr-{office.doc_symbol or 'LĐLĐ'}"
        return numbering.next_free(s, symbol, on.year), symbol


def write_totrinh(db: AppDatabase, round_id: uuid.UUID, out: str | os.PathLike[str], *,
                  signed_on: date | None = None, number: int | None = None) -> Done[str]:
    """The Tờ trình with the list of those proposed (all but the not approved), numbered from
    the office's book ("Số: 05/TTr-LĐLĐ"); also kept in the round's file. Value: the number."""
    from core.common import numbering
    from core.org.office import load_office

    signed_on = signed_on or rules.today()
    with db.transaction() as s:
        r = _get_round(s, round_id)
        office = load_office(s)
        entries = _entries(s, round_id, None, own=False)
        if not entries:
            if _entries(s, round_id, None):
                raise UserError(
                    f"Các hình thức được đề nghị trong đợt này đều do {rules.LEVEL_LABELS[RoundLevel(r.level)]} "
                    "quyết định (Quyết định khen thưởng của đợt); không có gì trình cấp trên.")
            raise UserError("Đợt khen thưởng chưa có ai được đề nghị; chưa lập được Tờ trình.")
        symbol = f"TTr-{office.doc_symbol or 'LĐLĐ'}"
        taken = numbering.take(s, symbol=symbol, issued_on=signed_on, feature="commendations",
                               title=f"Tờ trình đề nghị khen thưởng {r.name}", number=number)
        number_text = doc_number(taken, symbol)
        path = documents.totrinh(out, office, _round_text(r), entries, number_text=number_text,
                                 signed_on=signed_on)
        dossier.add_item(s, db.path, round_id, "totrinh", path, generated=True, on=signed_on)
        _put(s, _TOTRINH_LIST_KEY + str(round_id), _list_fingerprint(entries))
        return Done(number_text.removeprefix("Số: "), COMMENDATIONS)


@dataclass(frozen=True)
class RoundDecision:
    number: str
    signed_on: date
    approved: int  # how many of the round it approves


def round_decisions(db: AppDatabase, round_id: uuid.UUID) -> list[RoundDecision]:
    """The decisions approving nominees of the round, by date and number."""
    with db.reading() as s:
        _get_round(s, round_id)
        return _round_decisions(s, round_id)


def _round_decisions(s: Session, round_id: uuid.UUID) -> list[RoundDecision]:
    counts: dict[tuple[str, date], int] = {}
    for n in _nominee_query(s, round_id, status=NomineeStatus.APPROVED):
        key = (n.decision_number, n.decision_date or rules.today())
        counts[key] = counts.get(key, 0) + 1
    return [RoundDecision(k[0], k[1], v) for k, v in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


class SeveralDecisions(UserError):
    """The round has several decisions and none was chosen."""

    def __init__(self, decisions: Sequence[RoundDecision]) -> None:
        self.decisions = tuple(decisions)
        listed = ", ".join(f"{d.number} ngày {format_date(d.signed_on)}" for d in self.decisions)
        super().__init__(f"Đợt này có {len(self.decisions)} quyết định ({listed}); hãy chọn một.")


def _decision_of(s: Session, round_id: uuid.UUID, decision_number: str | None,
                 signed_on: date | None = None) -> tuple[str, date]:
    found = [d for d in _round_decisions(s, round_id)
             if (not decision_number or d.number == clean(decision_number))
             and (signed_on is None or d.signed_on == signed_on)]
    if not found:
        if decision_number:
            raise UserError(f"Đợt này không có quyết định số {decision_number}.")
        raise UserError("Chưa có ai được duyệt khen thưởng trong đợt này.")
    if len(found) > 1:
        raise SeveralDecisions(found)
    return found[0].number, found[0].signed_on


def write_decision(db: AppDatabase, round_id: uuid.UUID, out: str | os.PathLike[str], *,
                   decision_number: str | None = None, signed_on: date | None = None) -> Path:
    """The decision (PDF) or its list (a workbook, when ``out`` ends in .xlsx) of those
    approved, grouped by award form; number and date are the approval's."""
    from core.common.vnformat import format_date
    from core.org.office import load_office

    with db.reading() as s:
        r = _get_round(s, round_id)
        office = load_office(s)
        number, on = _decision_of(s, round_id, decision_number, signed_on)
        entries = _entries(s, round_id, NomineeStatus.APPROVED, number, on, own=True)
        if not entries:
            above = sorted({rules.AWARD_LABELS[AwardForm(n.award)] for n in _nominee_query(
                s, round_id, status=NomineeStatus.APPROVED) if n.decision_number == number})
            raise UserError(
                f"Quyết định {number} chỉ gồm hình thức do cấp trên khen thưởng ({', '.join(above)}); "
                f"{rules.LEVEL_LABELS[RoundLevel(r.level)]} không ra quyết định cho các hình thức này "
                "— chúng được đề nghị trong Tờ trình gửi cấp trên.")
        if Path(out).suffix.lower() == ".xlsx":
            return documents.decision_workbook(
                out, office, _round_text(r), entries,
                decision_text=f"(Kèm theo Quyết định số {number} ngày {format_date(on)})")
        return documents.decision(out, office, _round_text(r), entries,
                                  number_text=f"Số: {number}", signed_on=on)


def generate_initiative_summaries(db: AppDatabase, round_id: uuid.UUID) -> Done[int]:
    """For each individual of the round without one, the summary of the initiative (the
    register's description report of each linked initiative, which names its recognition
    decision) generated into the file; the value is how many nominees got one. Individuals
    without a linked initiative are left for an attachment."""
    import tempfile

    from core.initiatives.documents import description_report

    count = 0
    with db.transaction() as s, tempfile.TemporaryDirectory(prefix="socongdoan-") as tmp:
        _get_round(s, round_id)
        have = {n.nominee_id for n in dossier.round_file(s, round_id).nominees if n.complete}
        for n in _nominee_query(s, round_id):
            if n.kind != NomineeKind.INDIVIDUAL or n.id in have:
                continue
            linked = _linked(s, n.id)
            for item in linked:
                name = f"tom-tat-sang-kien-{item.number}.pdf"
                path = description_report(s, item.id, Path(tmp) / name)
                dossier.add_item(s, db.path, round_id, "initiative_summary", path, nominee_id=n.id,
                                 generated=True)
            count += bool(linked)
        return Done(count, COMMENDATIONS)


# ---- choices for the nominee dialog ------------------------------------------------------

def unit_choices(db: AppDatabase) -> list[tuple[uuid.UUID, str, str]]:
    """(id, name, code) of the live units, for the nominee dialog's unit box."""
    from core.initiatives import ops as initiative_ops

    return [(u.id, u.name, u.code) for u in initiative_ops.filter_units(db)]


def member_choices(db: AppDatabase, unit_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(id, full name) of a unit's members (at most 3,000), for the nominee dialog."""
    from core.initiatives import ops as initiative_ops

    return [(m.id, m.full_name) for m in initiative_ops.unit_members(db, unit_id)]


@dataclass(frozen=True)
class MemberChoice:
    """A member offered by the nominee dialog's name search (namesakes told apart by the
    birth date and unit)."""
    id: uuid.UUID
    full_name: str
    date_of_birth: date | None
    unit_id: uuid.UUID
    unit_name: str
    position: str


def search_members(db: AppDatabase, text: str, limit: int = 30) -> list[MemberChoice]:
    """Members of the whole office whose name contains what is typed, tone marks and case
    ignored ("tran" finds "Trần Thị Ánh"), by name; no unit need be chosen first."""
    from db import search

    folded = fold(text).lower().strip()
    if len(folded) < 2:
        return []
    with db.reading() as s:
        rows = s.execute(
            select(Member, Unit.name).join(Unit, Unit.id == Member.unit_id)
            .where(Member.deleted_at.is_(None), search.member_name_contains(s, folded))
            .order_by(Member.sort_key).limit(limit)).all()
        return [MemberChoice(m.id, m.full_name, m.date_of_birth, m.unit_id, unit_name, m.position or "")
                for m, unit_name in rows]


@dataclass(frozen=True)
class InitiativeChoice:
    id: uuid.UUID
    number: str
    name: str
    status: str  # hợp lệ, đang xem xét…


def search_initiatives(db: AppDatabase, text: str, limit: int = 30) -> list[InitiativeChoice]:
    """Initiatives of the register whose name or number contains what is typed, tone marks
    and case ignored ("so hoa", "2023-00017"), newest first."""
    from db.models import InitiativeStatus

    folded = fold(text).lower().strip()
    if len(folded) < 2:
        return []
    with db.reading() as s:
        rows = s.scalars(
            select(Initiative).where(Initiative.deleted_at.is_(None),
                                     Initiative.name_folded.contains(folded, autoescape=True)
                                     | func.lower(Initiative.number).contains(folded, autoescape=True))
            .order_by(Initiative.number.desc()).limit(limit)).all()
        return [InitiativeChoice(i.id, i.number, i.name, rules.STATUS_WORDS[InitiativeStatus(i.status)])
                for i in rows]
