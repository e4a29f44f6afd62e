"""Demo targets for the Lai Châu demo (:mod:`core.demo.org`), from seed 000.

- Mutual-aid fund model 2023: the seed's table (:data:`core.demo.org.FUND_MODEL_2023`), created
  in the seed's order, so the fund model report lists the units as the province did.
- "01 triệu sáng kiến" (programme 1TRIEU-SK): LĐLĐ tỉnh Lai Châu 1.200 for phase 1 and
  2.300 for the whole programme (seed 000), so 1.100 for phase 2; each upper-level union a
  share of those in proportion to its members (largest remainders, so the shares add up
  exactly; whole programme = phase 1 + phase 2 for every union); each CĐCS the suggested
  10% of its members, rounded up, for the whole programme.

:func:`load_demo_targets` is idempotent: a target that already exists is left as it is (even
if edited since), so a second call adds nothing and changes nothing (a no-op, not an error).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.demo.org import AS_OF, FUND_MODEL_2023, MARKER_CODE, OFFICE_CODE
from core.initiatives.records import find_programme
from core.org.units import find_by_code
from core.targets.targets import (
    WHOLE_PROGRAMME,
    FundModelFigures,
    member_counts,
    set_fund_model_target,
    suggested_initiative_target,
)
from db.models import (
    FundModelTarget,
    InitiativeTarget,
    Unit,
    UnitKind,
    utcnow,
)

FUND_MODEL_YEAR = 2023
FUND_MODEL_2023_NOTE = (
    "(Kèm theo Giải pháp khắc phục những tồn tại hạn chế nhằm nâng cao chất lượng hiệu quả "
    "trong phong trào “Lao động giỏi, lao động sáng tạo” và nhân rộng mô hình “Quỹ Tương hỗ "
    "Công đoàn” năm 2023, ngày 06/3/2023 của BTV Liên đoàn Lao động tỉnh)"
)
PROGRAMME_CODE = "1TRIEU-SK"
PROVINCE_PHASE_1 = 1200  # seed 000: 1.775/1.200 = 148%
PROVINCE_WHOLE = 2300  # seed 000: 2.412/2.300 = 105%
PROVINCE_TARGETS = {
    1: PROVINCE_PHASE_1,
    2: PROVINCE_WHOLE - PROVINCE_PHASE_1,
    WHOLE_PROGRAMME: PROVINCE_WHOLE,
}


@dataclass
class DemoTargetsSummary:
    fund_model: int = 0  # fund model targets added
    initiative: int = 0  # initiative targets added
    kept: int = 0  # targets already present, left unchanged


def split_proportionally(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders; ties to the first),
    summing exactly to ``total``. Zero weights everywhere split equally."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1] * len(weights)
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def _demo_unit(session: Session, code: str) -> Unit:
    unit = find_by_code(session, code)
    if unit is None:
        raise UserError(f"Không tìm thấy đơn vị {code} của dữ liệu mẫu.")
    return unit


def _fund_model(session: Session, summary: DemoTargetsSummary) -> None:
    existing = set(session.scalars(select(FundModelTarget.unit_id).where(
        FundModelTarget.year == FUND_MODEL_YEAR)))
    start = utcnow()
    for i, row in enumerate(FUND_MODEL_2023):
        unit = _demo_unit(session, row.code)
        if unit.id in existing:
            summary.kept += 1
            continue
        target = set_fund_model_target(
            session, unit.id, FUND_MODEL_YEAR,
            FundModelFigures(row.grassroots, row.running_2022, row.new_2023))
        # The report lists units in creation order: keep the seed's order even when the
        # clock does not move between two rows.
        target.created_at = target.updated_at = start + timedelta(milliseconds=i)
        summary.fund_model += 1


def _initiative_targets(session: Session, summary: DemoTargetsSummary) -> None:
    programme = find_programme(session, PROGRAMME_CODE)
    if programme is None:
        raise UserError(f"Không tìm thấy chương trình {PROGRAMME_CODE}.")
    province = _demo_unit(session, OFFICE_CODE)
    uppers = [_demo_unit(session, row.code) for row in FUND_MODEL_2023]
    members = member_counts(session, AS_OF.year)
    grassroots = session.execute(
        select(Unit.id, Unit.parent_id).where(
            Unit.kind == UnitKind.GRASSROOTS, Unit.deleted_at.is_(None),
            Unit.merged_into_id.is_(None), Unit.parent_id.in_([u.id for u in uppers]))
        .order_by(Unit.code)
    ).all()
    under: dict[uuid.UUID, int] = defaultdict(int)
    for unit_id, parent_id in grassroots:
        assert parent_id is not None  # selected by parent_id IN (the upper unions)
        under[parent_id] += members.get(unit_id, 0)

    wanted: dict[tuple[uuid.UUID, int], int] = {}
    for phase, total in PROVINCE_TARGETS.items():
        wanted[(province.id, phase)] = total
    weights = [under[u.id] for u in uppers]
    phase_1 = split_proportionally(PROVINCE_TARGETS[1], weights)
    phase_2 = split_proportionally(PROVINCE_TARGETS[2], weights)
    for unit, one, two in zip(uppers, phase_1, phase_2, strict=True):
        wanted[(unit.id, 1)] = one
        wanted[(unit.id, 2)] = two
        wanted[(unit.id, WHOLE_PROGRAMME)] = one + two
    for unit_id, _parent in grassroots:
        count = members.get(unit_id, 0)
        if count:
            wanted[(unit_id, WHOLE_PROGRAMME)] = suggested_initiative_target(count)

    existing = set(session.execute(
        select(InitiativeTarget.unit_id, InitiativeTarget.phase_number).where(
            InitiativeTarget.programme_id == programme.id)).all())
    new = []
    for (unit_id, phase), target in wanted.items():
        if (unit_id, phase) in existing:
            summary.kept += 1
            continue
        new.append(InitiativeTarget(unit_id=unit_id, programme_id=programme.id,
                                    phase_number=phase, target=target))
    session.add_all(new)
    summary.initiative += len(new)


def load_demo_targets(db: AppDatabase) -> DemoTargetsSummary:
    """Add the demo targets (one transaction) to a database holding the demo units.

    Without the demo units it raises :class:`UserError` and changes nothing; targets that
    already exist are kept as they are, so calling it again is a no-op.
    """
    summary = DemoTargetsSummary()
    if not db.office_code:
        db.set_office_code(OFFICE_CODE)
    with db.transaction() as session:
        if find_by_code(session, MARKER_CODE) is None:
            raise UserError(
                "Chưa có dữ liệu mẫu của LĐLĐ tỉnh Lai Châu (lệnh demo); "
                "hãy nạp dữ liệu mẫu trước khi nạp chỉ tiêu mẫu."
            )
        _fund_model(session, summary)
        _initiative_targets(session, summary)
    return summary
