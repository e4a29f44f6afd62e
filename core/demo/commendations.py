"""The demo's commendation round: "Tổng kết phong trào … năm 2023", approved, with six Bằng
Lao động sáng tạo (as seed 000 reports for 2022) for the authors of the demo register's valid
initiatives with the highest benefit, Bằng khen for the units with the most valid initiatives
and Giấy khen for the next authors. Loading it twice adds nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.commendations.rules import default_round_name
from core.common.database import AppDatabase
from core.org.office import load_office
from db.models import Initiative, InitiativeAuthor, InitiativeStatus, Unit

YEAR = 2023
CREATIVE_LABOUR = 6
COLLECTIVES = 3
GIAY_KHEN = 8


def load_demo_commendations(db: AppDatabase) -> int:
    """Add the demo round (once); the number of nominees added."""
    name = default_round_name(YEAR)
    if ops.find_round(db, name) is not None:
        return 0
    with db.reading() as s:
        office = load_office(s)
        rows = s.execute(
            select(Initiative.id, Initiative.unit_id, Unit.name, InitiativeAuthor.full_name,
                   InitiativeAuthor.member_id)
            .join(Unit, Unit.id == Initiative.unit_id)
            .join(InitiativeAuthor, (InitiativeAuthor.initiative_id == Initiative.id)
                  & (InitiativeAuthor.position == 0))
            .where(Initiative.status == InitiativeStatus.VALID, Initiative.deleted_at.is_(None),
                   Initiative.economic_benefit.is_not(None),
                   func.strftime("%Y", Initiative.registered_on).in_(
                       [str(y) for y in range(YEAR - 2, YEAR + 1)]))
            .order_by(Initiative.economic_benefit.desc(), Initiative.seq)
            .limit(200)).all()
        busiest = s.execute(
            select(Initiative.unit_id, func.count()).where(
                Initiative.status == InitiativeStatus.VALID, Initiative.deleted_at.is_(None))
            .group_by(Initiative.unit_id).order_by(func.count().desc()).limit(COLLECTIVES)).all()
    if not rows:
        return 0
    r = ops.create_round(db, RoundInput(name, YEAR, deadline=date(YEAR, 12, 15))).value
    added, people = 0, set[object]()
    for initiative_id, _unit_id, unit_name, author, member_id in rows:
        if added >= CREATIVE_LABOUR + GIAY_KHEN:
            break
        person = member_id or (author, unit_name)
        if person in people:
            continue
        people.add(person)
        award = AwardForm.LAO_DONG_SANG_TAO if added < CREATIVE_LABOUR else AwardForm.GIAY_KHEN
        n = ops.add_nominee(db, r.id, NomineeInput(
            NomineeKind.INDIVIDUAL, award, full_name=author, unit_name=unit_name,
            member_id=member_id, initiative_ids=(initiative_id,),
            summary="Tác giả sáng kiến được công nhận và áp dụng hiệu quả trong hoạt động công đoàn.")).value
        ops.set_criterion(db, n.id, "initiative", True, "Sáng kiến đã được công nhận (hợp lệ)")
        ops.set_criterion(db, n.id, "compliance", True, "Nhận xét của BCH công đoàn cơ sở")
        added += 1
    for unit_id, count in busiest:
        n = ops.add_nominee(db, r.id, NomineeInput(
            NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN, unit_id=unit_id,
            summary=f"Phát động và duy trì phong trào; {count} sáng kiến được công nhận.")).value
        for key in ("launched", "agreement", "reviewed", "applied", "compliance", "rating"):
            ops.set_criterion(db, n.id, key, True, "Báo cáo tổng kết năm 2023")
        added += 1
    ops.approve(db, r.id, f"45/QĐ-{office.doc_symbol or 'LĐLĐ'}", date(YEAR, 12, 28))
    return added
