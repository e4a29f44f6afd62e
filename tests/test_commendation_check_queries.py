"""check_round loads what the rules need in a few grouped queries: the number of SQL statements
does not grow with the number of nominees (it was two per nominee), and the findings are the
same as checking each nominee alone."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from core.commendations import ops, rules
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.initiatives import ops as initiative_ops
from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind, InitiativeStatus
from core.org import units as org
from db.models import UnitKind


@contextmanager
def _counting(db):
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _statements(db, round_id) -> int:
    with _counting(db) as seen:
        ops.check_round(db, round_id)
    return len(seen)


def test_check_round_statements_do_not_grow_with_nominees(app_db):
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        unit_id = unit.id
    programme = next(p for p in initiative_ops.programmes(app_db) if p.code == "1TRIEU-SK")
    initiative = initiative_ops.save_initiative(app_db, InitiativeInput(
        name="Sổ điểm điện tử", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        programme_id=programme.id, authors=[AuthorInput("Lê Thị Hương", share=100)],
        registered_on=date(2023, 3, 15), economic_benefit=90_000_000)).value
    initiative_ops.set_status(app_db, [initiative], InitiativeStatus.VALID)
    r = ops.create_round(app_db, RoundInput(rules.default_round_name(2023), 2023)).value
    other = ops.create_round(app_db, RoundInput("Đợt bổ sung", 2023)).value

    def add(i: int) -> None:
        name = f"Nguyễn Văn {i}"
        ops.add_nominee(app_db, r.id, NomineeInput(
            NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO, full_name=name,
            unit_name="Trường THCS Hồ Xuân Hương", initiative_ids=(initiative,)))
        if i % 2:  # the same person proposed in another round of the same year and level
            ops.add_nominee(app_db, other.id, NomineeInput(
                NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name=name,
                unit_name="Trường THCS Hồ Xuân Hương"), allow_duplicate=True)

    for i in range(2):
        add(i)
    few = _statements(app_db, r.id)
    for i in range(2, 12):
        add(i)
    many = _statements(app_db, r.id)
    assert many == few, f"{few} statements for 2 nominees, {many} for 12"
    assert few <= 6

    checks = ops.check_round(app_db, r.id)
    assert len(checks) == 12
    for c in checks:  # the grouped loading finds what checking one nominee alone finds
        assert c.findings == ops.check_nominee(app_db, c.row.id)
    duplicates = [c.row.full_name for c in checks if any(f.rule == "duplicate" for f in c.findings)]
    assert duplicates == [f"Nguyễn Văn {i}" for i in range(12) if i % 2]
    assert all(any(f.rule == "creative_labour" and f.ok for f in c.findings) for c in checks)
