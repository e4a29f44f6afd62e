"""Initiative records: create, edit, review, pay, delete — with history of every change.

Authors carry a % contribution summing to 100 (equal shares when none are given); the lead
author is the one with the highest share (the first listed on a tie), as seed 004 §1.3 says.
The phase an initiative counts toward is derived from its registration date.
"""

from __future__ import annotations

import getpass
import json
import re
import uuid
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import Session

from core.common import limits, similarity
from core.common.errors import NotFound, UserError
from core.common.text import clean, fold
from db import search
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeChange,
    InitiativeField,
    InitiativeKind,
    InitiativePayment,
    InitiativeStatus,
    Programme,
    ProgrammePhase,
    Recogniser,
    Unit,
    UnitKind,
    utcnow,
)

KIND_LABELS = {
    InitiativeKind.TECHNICAL: "Giải pháp kỹ thuật",
    InitiativeKind.MANAGEMENT: "Giải pháp quản lý",
    InitiativeKind.OPERATIONAL: "Giải pháp tác nghiệp",
    InitiativeKind.APPLIED_TECHNOLOGY: "Giải pháp ứng dụng tiến bộ kỹ thuật",
    InitiativeKind.UNION_WORK: "Giải pháp trong hoạt động công đoàn",
    InitiativeKind.COVID: "Giải pháp phòng chống Covid-19",
    InitiativeKind.RESEARCH: "Đề tài nghiên cứu khoa học",
}
FIELD_LABELS = {
    InitiativeField.AGRICULTURE_ENVIRONMENT: "Nông – lâm – ngư nghiệp và môi trường",
    InitiativeField.IT_ELECTRONICS_TELECOM: "Công nghệ thông tin, điện tử, viễn thông",
    InitiativeField.MATERIALS_CHEMICALS_ENERGY: "Vật liệu, hóa chất, năng lượng",
    InitiativeField.HEALTH: "Y tế – chăm sóc sức khỏe",
    InitiativeField.EDUCATION: "Giáo dục và đào tạo",
    InitiativeField.OTHER: "Lĩnh vực khác",
}
STATUS_LABELS = {
    InitiativeStatus.DRAFT: "Nháp",
    InitiativeStatus.UNDER_REVIEW: "Đang xem xét",
    InitiativeStatus.VALID: "Hợp lệ",
    InitiativeStatus.REJECTED: "Không hợp lệ",
}
RECOGNISER_LABELS = {
    Recogniser.COUNCIL: "Hội đồng sáng kiến",
    Recogniser.HEAD: "Thủ trưởng đơn vị",
}


def current_user() -> str:
    try:
        return getpass.getuser()
    except OSError:  # pragma: no cover - no login name (some service accounts)
        return "?"


@dataclass(slots=True)  # 100,000s of them in an import
class AuthorInput:
    full_name: str
    unit_text: str = ""
    share: int | None = None
    member_id: uuid.UUID | None = None


@dataclass
class InitiativeInput:
    name: str
    kind: InitiativeKind
    unit_id: uuid.UUID
    authors: list[AuthorInput]
    programme_id: uuid.UUID | None = None
    registered_on: date | None = None
    field: InitiativeField | None = None
    objective: str = ""
    steps: str = ""
    scope: str = ""
    description: str = ""
    conditions: str = ""
    first_applied_on: date | None = None
    trial_only: bool = False
    economic_benefit: int | None = None
    social_benefit: str = ""
    recognised_by: Recogniser | None = None
    decision_number: str = ""
    decision_date: date | None = None
    status: InitiativeStatus = InitiativeStatus.UNDER_REVIEW
    rejection_reason: str = ""
    new_in_unit: bool = True
    ip_protected: bool = False
    unlawful: bool = False
    confidential: bool = False
    portal_uploaded: bool = False
    portal_uploaded_on: date | None = None
    awards: str = ""


# Fields copied as they are from InitiativeInput to the record (text ones are cleaned).
_PLAIN = [f.name for f in fields(InitiativeInput) if f.name not in {"authors", "unit_id"}]
_TEXT = {"name", "objective", "steps", "scope", "description", "conditions", "social_benefit",
         "decision_number", "rejection_reason", "awards"}
_MULTILINE = limits.MULTILINE_INITIATIVE_FIELDS


def clean_field(name: str, value: str) -> str:
    """An initiative text field as stored (line breaks kept in the multi-line ones)."""
    return clean(value, multiline=name in _MULTILINE)


def normalise_shares(authors: list[AuthorInput]) -> list[AuthorInput]:
    """Authors with shares that sum to 100: given ones are checked, missing ones split equally."""
    named = [(clean(a.full_name), a) for a in authors]  # each name cleaned once
    authors = [AuthorInput(name, clean(a.unit_text) if a.unit_text else "", a.share,
                           a.member_id) for name, a in named if name]
    if not authors:
        raise UserError("Cần ít nhất một tác giả.")
    limits.check_authors([a.full_name for a in authors])
    for a in authors:
        limits.check("Đơn vị của tác giả", a.unit_text, limits.AUTHOR_UNIT)
    given = [a.share for a in authors if a.share is not None]
    if not given:
        base, extra = divmod(100, len(authors))
        for i, a in enumerate(authors):
            a.share = base + (1 if i < extra else 0)
        return authors
    if len(given) != len(authors):
        missing = [a for a in authors if a.share is None]
        rest = 100 - sum(given)
        if rest < len(missing):
            raise UserError(f"Tỷ lệ đóng góp đã ghi là {sum(given)}%, không còn phần cho các tác giả còn lại.")
        base, extra = divmod(rest, len(missing))
        for i, a in enumerate(missing):
            a.share = base + (1 if i < extra else 0)
    shares: list[int] = []
    for a in authors:
        assert a.share is not None  # every share is set by now: given, or split from the rest
        shares.append(a.share)
    if any(share <= 0 or share > 100 for share in shares):
        raise UserError("Tỷ lệ đóng góp của mỗi tác giả phải từ 1% đến 100%.")
    total = sum(shares)
    if total != 100:
        raise UserError(f"Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là {total}%).")
    return authors


def lead_author(authors: list[AuthorInput]) -> AuthorInput:
    return max(authors, key=lambda a: a.share or 0)  # max() keeps the first on a tie


def authors_text(authors: list[AuthorInput]) -> str:
    if len(authors) == 1:
        return authors[0].full_name
    return ", ".join(f"{a.full_name} ({a.share}%)" for a in authors)


def derive_phase(session: Session, programme_id: uuid.UUID | None, on: date | None) -> int | None:
    if programme_id is None or on is None:
        return None
    return session.scalar(
        select(ProgrammePhase.number).where(
            ProgrammePhase.programme_id == programme_id,
            ProgrammePhase.starts_on <= on,
            ProgrammePhase.ends_on >= on,
            ProgrammePhase.deleted_at.is_(None),
        ).order_by(ProgrammePhase.number)
    )


def next_seq(session: Session) -> int:
    return (session.scalar(select(func.max(Initiative.seq))) or 0) + 1


def next_number(session: Session, office_code: str, year: int) -> str:
    prefix = f"{office_code}-SK-{year}-"
    # The longest, then the greatest: "…-100000" comes after "…-99999" (text compares less).
    last = session.scalar(
        select(Initiative.number).where(Initiative.number.like(prefix + "%"))
        .order_by(func.length(Initiative.number).desc(), Initiative.number.desc()).limit(1)
    )
    n = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{n:05d}"


def _validate(session: Session, data: InitiativeInput) -> tuple[Unit, list[AuthorInput]]:
    if not clean(data.name):
        raise UserError("Thiếu tên sáng kiến.")
    limits.check_fields(((name, clean_field(name, getattr(data, name))) for name in _TEXT),
                        limits.INITIATIVE_FIELDS)
    unit = session.get(Unit, data.unit_id)
    if unit is None or unit.deleted_at is not None:
        raise UserError("Đơn vị không tồn tại.")
    if data.economic_benefit is not None and data.economic_benefit < 0:
        raise UserError("Giá trị làm lợi không được âm.")
    if isinstance(data.economic_benefit, float):
        raise UserError("Giá trị làm lợi phải là số đồng nguyên.")
    if data.status == InitiativeStatus.REJECTED and not clean(data.rejection_reason):
        raise UserError("Cần ghi lý do khi đánh giá không hợp lệ.")
    if data.portal_uploaded_on and not data.portal_uploaded:
        raise UserError("Có ngày đăng tải nhưng chưa đánh dấu đã đăng tải lên Cổng.")
    if data.programme_id is not None and session.get(Programme, data.programme_id) is None:
        raise UserError("Chương trình không tồn tại.")
    return unit, normalise_shares(data.authors)


def _snapshot(item: Initiative) -> dict:
    snap = {name: getattr(item, name) for name in _PLAIN}
    snap["unit_id"] = item.unit_id
    snap["authors"] = item.authors_text
    return snap


def _apply(session: Session, item: Initiative, data: InitiativeInput, unit: Unit,
           authors: list[AuthorInput]) -> None:
    for name in _PLAIN:
        value = getattr(data, name)
        setattr(item, name, clean_field(name, value) if name in _TEXT else value)
    item.registered_on = data.registered_on or item.registered_on or date.today()
    item.unit_id = unit.id
    item.phase_number = derive_phase(session, item.programme_id, item.registered_on)
    item.authors_text = authors_text(authors)
    item.lead_author = lead_author(authors).full_name
    item.name_folded = fold(item.name)
    item.authors_folded = fold(" ".join(f"{a.full_name} {a.unit_text}" for a in authors))
    item.description_folded = fold(" ".join([item.description, item.objective, item.social_benefit]))
    item.unit_folded = fold(unit.name)
    item.authors[:] = [
        InitiativeAuthor(position=i, full_name=a.full_name, unit_text=a.unit_text,
                         share=a.share, member_id=a.member_id)
        for i, a in enumerate(authors)
    ]


def _log(session: Session, item: Initiative, action: str, changes: dict, by: str | None) -> None:
    session.add(
        InitiativeChange(
            initiative_id=item.id,
            changed_by=by or current_user(),
            action=action,
            changes=json.dumps(changes, ensure_ascii=False, default=str),
        )
    )


def create_initiative(session: Session, data: InitiativeInput, *, by: str | None = None) -> Initiative:
    unit, authors = _validate(session, data)
    office = session.info.get("office_code") or "XX"
    registered = data.registered_on or date.today()
    item = Initiative(
        id=uuid.uuid4(),
        seq=next_seq(session),
        number=next_number(session, office, registered.year),
        registered_on=registered,
    )
    _apply(session, item, data, unit, authors)
    session.add(item)
    session.flush()
    _log(session, item, "created", {}, by)
    return item


def get_initiative(session: Session, initiative_id: uuid.UUID) -> Initiative:
    item = session.get(Initiative, initiative_id)
    if item is None or item.deleted_at is not None:
        raise NotFound("Không tìm thấy sáng kiến.")
    return item


def update_initiative(session: Session, initiative_id: uuid.UUID, data: InitiativeInput, *,
                      by: str | None = None) -> Initiative:
    item = get_initiative(session, initiative_id)
    unit, authors = _validate(session, data)
    before = _snapshot(item)
    _apply(session, item, data, unit, authors)
    after = _snapshot(item)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        _log(session, item, "updated", changes, by)
    return item


def set_status(session: Session, initiative_id: uuid.UUID, status: InitiativeStatus,
               reason: str = "", *, by: str | None = None) -> Initiative:
    item = get_initiative(session, initiative_id)
    reason = clean(reason, multiline=True)
    limits.check("Lý do không hợp lệ", reason, limits.REJECTION_REASON)
    if status == InitiativeStatus.REJECTED and not reason:
        raise UserError("Cần ghi lý do khi đánh giá không hợp lệ.")
    changes: dict[str, list[object]] = {"status": [item.status, status]}
    if reason != item.rejection_reason:
        changes["rejection_reason"] = [item.rejection_reason, reason]
    item.status, item.rejection_reason = status, reason
    _log(session, item, "updated", changes, by)
    return item


def delete_initiative(session: Session, initiative_id: uuid.UUID, *, by: str | None = None) -> None:
    item = get_initiative(session, initiative_id)
    item.deleted_at = utcnow()
    _log(session, item, "deleted", {}, by)


def restore_initiative(session: Session, initiative_id: uuid.UUID, *, by: str | None = None) -> None:
    item = session.get(Initiative, initiative_id)
    if item is None:
        raise NotFound("Không tìm thấy sáng kiến.")
    item.deleted_at = None
    _log(session, item, "restored", {}, by)


def add_payment(session: Session, initiative_id: uuid.UUID, amount: int, paid_on: date,
                payer: str, *, by: str | None = None) -> InitiativePayment:
    item = get_initiative(session, initiative_id)
    if not isinstance(amount, int) or amount <= 0:
        raise UserError("Số tiền hỗ trợ phải là số đồng nguyên dương.")
    payer = limits.check("Người/đơn vị chi", clean(payer), limits.SETTING)
    payment = InitiativePayment(amount=amount, paid_on=paid_on, payer=payer)
    item.payments.append(payment)
    _log(session, item, "updated", {"payment": [None, f"{amount} đ, {paid_on:%d/%m/%Y}, {payer}"]}, by)
    return payment


def history(session: Session, initiative_id: uuid.UUID) -> list[InitiativeChange]:
    return list(session.scalars(
        select(InitiativeChange).where(InitiativeChange.initiative_id == initiative_id)
        .order_by(InitiativeChange.created_at)
    ))


# ---- programmes -------------------------------------------------------------------------

def list_programmes(session: Session) -> list[Programme]:
    return list(session.scalars(select(Programme).where(Programme.deleted_at.is_(None))
                                .order_by(Programme.yearly, Programme.name)))


def find_programme(session: Session, code_or_name: str) -> Programme | None:
    text = clean(code_or_name)
    for programme in list_programmes(session):
        if programme.code.upper() == text.upper() or fold(programme.name) == fold(text):
            return programme
    matches = [p for p in list_programmes(session) if fold(text) in fold(p.name)]
    return matches[0] if len(matches) == 1 else None


def set_phase_dates(session: Session, programme_id: uuid.UUID, number: int,
                    starts_on: date, ends_on: date) -> int:
    """Adjust this office's phase window; re-derives the phase of the programme's initiatives.
    Returns how many initiatives changed phase."""
    if ends_on < starts_on:
        raise UserError("Ngày kết thúc giai đoạn trước ngày bắt đầu.")
    phase = session.scalar(select(ProgrammePhase).where(
        ProgrammePhase.programme_id == programme_id, ProgrammePhase.number == number))
    if phase is None:
        raise NotFound(f"Không có giai đoạn {number}.")
    phase.starts_on, phase.ends_on = starts_on, ends_on
    session.flush()
    return recompute_phases(session, programme_id)


def recompute_phases(session: Session, programme_id: uuid.UUID) -> int:
    phases = session.execute(select(ProgrammePhase.number, ProgrammePhase.starts_on,
                                    ProgrammePhase.ends_on)
                             .where(ProgrammePhase.programme_id == programme_id,
                                    ProgrammePhase.deleted_at.is_(None))
                             .order_by(ProgrammePhase.number)).all()
    changed = 0
    # One UPDATE per phase (phases are few), plus one for dates outside every phase.
    for number, starts, ends in phases:
        changed += _rowcount(session.execute(
            update(Initiative)
            .where(Initiative.programme_id == programme_id,
                   Initiative.registered_on.between(starts, ends),
                   (Initiative.phase_number.is_(None)) | (Initiative.phase_number != number))
            .values(phase_number=number)
            .execution_options(synchronize_session=False)
        ))
    outside = [~Initiative.registered_on.between(s, e) for _, s, e in phases]
    changed += _rowcount(session.execute(
        update(Initiative)
        .where(Initiative.programme_id == programme_id, Initiative.phase_number.is_not(None), *outside)
        .values(phase_number=None)
        .execution_options(synchronize_session=False)
    ))
    return changed


def _rowcount(result: Result[Any]) -> int:
    """Rows matched by a bulk UPDATE: without RETURNING, Session.execute (typed as returning a
    Result) gives a CursorResult."""
    return cast(CursorResult[Any], result).rowcount


# ---- duplicates ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DuplicateCandidate:
    id: uuid.UUID
    number: str
    name: str
    authors_text: str
    unit_name: str
    similarity: int  # percent


def find_duplicates(session: Session, name: str, unit_id: uuid.UUID | None,
                    author_names: list[str], *, exclude_id: uuid.UUID | None = None,
                    limit: int = 5) -> list[DuplicateCandidate]:
    """Likely duplicates (:func:`core.common.similarity.likely_same_initiative`): the same
    title up to tones, case, spacing, punctuation and small typos, with the same numbers,
    from the same unit, with an author in common. "… số 7" and "… số 8", or the same title
    from another unit or other authors, are different initiatives. ``unit_id`` None or no
    ``author_names`` means not known (not checked); with neither, nothing is found."""
    key = similarity.InitiativeKey.of(name, unit_id, author_names)
    if not key.title or (unit_id is None and not key.authors):
        return []
    query = select(Initiative.id, Initiative.name_folded).where(Initiative.deleted_at.is_(None))
    if unit_id is not None:
        # The unit's records (ix_initiative_unit; a unit holds thousands at most), their
        # titles screened in memory, the authors checked for the few left.
        query = query.where(Initiative.unit_id == unit_id)
    else:
        # Records naming one of the authors (each name an FTS5 phrase of whole words).
        phrases = [" ".join(_FTS_WORD.findall(a)) for a in key.authors]
        expression = " OR ".join(f'"{p}"' for p in phrases if p)
        if not expression:
            return []
        query = (query.join(search.fts, search.fts.c.rowid == Initiative.seq)
                 .where(search.matching(f"({expression})", "authors_folded")))
    names = {rid: folded for rid, folded in session.execute(query) if rid != exclude_id}
    same = dict(similarity.same_titles(key.title, names))
    if not same:
        return []
    rows = session.execute(
        select(Initiative.id, Initiative.number, Initiative.name, Initiative.authors_text,
               Initiative.unit_id, Unit.name)
        .join(Unit, Unit.id == Initiative.unit_id)
        .where(Initiative.id.in_(list(same)))
    ).all()
    authors: dict[uuid.UUID, list[str]] = {}
    for initiative_id, full_name in session.execute(
        select(InitiativeAuthor.initiative_id, InitiativeAuthor.full_name)
        .where(InitiativeAuthor.initiative_id.in_(list(same)), InitiativeAuthor.deleted_at.is_(None))
    ):
        authors.setdefault(initiative_id, []).append(full_name)
    found = [
        DuplicateCandidate(rid, number, rname, rtext, unit_name, same[rid])
        for rid, number, rname, rtext, runit, unit_name in rows
        if similarity.likely_same_initiative(
            key, similarity.InitiativeKey.of(names[rid], runit, authors.get(rid, ())))
    ]
    found.sort(key=lambda c: (-c.similarity, c.number))
    return found[:limit]


_FTS_WORD = re.compile(r"[0-9a-z]+")


def grassroots_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.kind == UnitKind.GRASSROOTS,
                                                   Unit.merged_into_id.is_(None),
                                                   Unit.deleted_at.is_(None))
                                .order_by(Unit.name_folded)))
