"""A new district whose own units already exist (made before the province's first package)
takes that package: the same unit code with another id is adopted (never sent) or kept as a
conflict (already sent) — the members under it are never rejected; too many rejected rows
refuse a package whole."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.org import members
from core.org import units as org
from core.org.office import init_office
from core.sync import exchange, ops
from db.models import Member, Programme, Unit, UnitKind
from tests.sync_offices import PASS, _open, make_offices, unit_id


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    with o.province.transaction() as s:
        org.create_unit(s, org.UnitInput(code="NEW", name="LĐLĐ huyện Mới", kind=UnitKind.UPPER,
                                         parent_code="QT"))
        grass = org.create_unit(s, org.UnitInput(code="NEW-01", name="CĐCS Nhà máy",
                                                 kind=UnitKind.GRASSROOTS, parent_code="NEW"))
        for i in range(30):
            members.add_member(s, members.MemberInput(
                full_name=f"Nguyễn Văn {i}", unit_id=grass.id, date_of_birth=date(1990, 1, 1)))
    yield o
    o.close()


def _new_district(o, *, sent_first: bool):
    """NEW enrolled; it sets its office up (making units NEW and QT of its own) before it
    takes the province's first package — what the first-run dialog used to force."""
    enrolment = o.root / "NEW.scdkey"
    ops.enrol(o.province, "NEW", PASS, enrolment)
    db = _open(o.root / "NEW.sqlite", "")
    ops.import_enrolment(db, enrolment, PASS)
    db.set_office_code("NEW")
    with db.transaction() as s:
        init_office(s, code="NEW", name="LĐLĐ huyện Mới", level="upper", parent_code="QT",
                    parent_name="LĐLĐ tỉnh Quảng Trị")
    o.districts["NEW"] = db
    if sent_first:
        o.receive("QT", o.send("NEW", "QT"))
    return db


def _count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_local_unit_never_sent_takes_the_incoming_identity(offices):
    db = _new_district(offices, sent_first=False)
    local_new = unit_id(db, "NEW")
    [preview] = offices.receive("NEW", offices.send("QT", "NEW"), dry_run=True)
    assert preview.rejected == 0, preview.rejected_reasons[:3]
    package = sorted((offices.root / "out" / "QT").glob("QT-gui-NEW-*"))[-1]
    [outcome] = offices.receive("NEW", package)
    assert outcome.state == "applied" and outcome.rejected == 0, outcome.rejected_reasons[:3]
    assert unit_id(db, "NEW") == unit_id(offices.province, "NEW") != local_new
    assert unit_id(db, "QT") == unit_id(offices.province, "QT")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Member)) >= 30
        assert s.scalar(select(func.count()).select_from(Unit).where(Unit.code == "NEW")) == 1
        assert s.scalar(select(func.count()).select_from(Programme)) >= 1
    # what the district sends now refers to the province's units
    offices.reopen("NEW")
    [back] = offices.receive("QT", offices.send("NEW", "QT"))
    assert back.state == "applied" and back.rejected == 0, back.rejected_reasons[:3]


def test_a_local_unit_already_sent_is_a_conflict_and_its_members_are_kept(offices):
    db = _new_district(offices, sent_first=True)
    local_new = unit_id(db, "NEW")
    [outcome] = offices.receive("NEW", offices.send("QT", "NEW"))
    assert outcome.state == "applied", outcome.reason
    assert outcome.rejected == 0, outcome.rejected_reasons[:3]
    assert outcome.conflicts >= 1
    assert unit_id(db, "NEW") == local_new
    with db.reading() as s:
        grass = s.scalar(select(Unit).where(Unit.code == "NEW-01"))
        assert grass.parent_id == local_new
        assert s.scalar(select(func.count()).select_from(Member)
                        .where(Member.unit_id == grass.id)) == 30
    assert any(c.entity == "unit" for c in ops.conflicts(db))


def test_too_many_rejected_rows_refuse_the_package_with_the_first_reasons(offices, monkeypatch):
    with offices.province.transaction() as s:  # a programme code the district minted too
        s.add(Programme(code="TRUNG", name="Trùng mã của tỉnh"))
    with offices.db("VL").transaction() as s:
        s.add(Programme(code="TRUNG", name="Trùng mã của huyện"))
    package = offices.send("QT", "VL")
    [preview] = offices.receive("VL", package, dry_run=True)
    assert preview.state == "applied" and preview.rejected == 1
    monkeypatch.setattr(exchange, "MAX_REJECTED", 0)
    [outcome] = offices.receive("VL", package)
    assert outcome.state == "refused"
    assert "không áp dụng được" in outcome.reason and "trùng" in outcome.reason
    assert outcome.rejected == 1 and outcome.rejected_reasons
    with offices.db("VL").reading() as s:
        assert s.scalar(select(Programme.name).where(Programme.code == "TRUNG")) == \
            "Trùng mã của huyện"


def test_the_threshold_counts_share_and_absolute_number():
    report = exchange.FileReport(file="x", new=50, rejected=6)
    with pytest.raises(exchange._TooManyRejected) as info:
        exchange._check_rejected(report, "QT", 1)
    assert "6 trong 56" in str(info.value)
    exchange._check_rejected(exchange.FileReport(file="x", new=1000, rejected=100), "QT", 1)
    with pytest.raises(exchange._TooManyRejected, match="101 trong"):
        exchange._check_rejected(exchange.FileReport(file="x", new=10000, rejected=101), "QT", 1)


def test_a_row_that_could_not_be_stored_is_sent_again(offices):
    """A package applied with one rejected row does not acknowledge it: once the cause is
    removed here, the next package from the same sender brings it in."""
    with offices.province.transaction() as s:
        s.add(Programme(code="TRUNG", name="Trùng mã của tỉnh"))
    with offices.db("VL").transaction() as s:
        s.add(Programme(code="TRUNG", name="Trùng mã của huyện"))
    [first] = offices.receive("VL", offices.send("QT", "VL"))
    assert first.state == "applied" and first.rejected == 1
    with offices.db("VL").transaction() as s:  # the district gives up its own code
        s.execute(Programme.__table__.update().where(Programme.code == "TRUNG")
                  .values(code="TRUNG-HUYEN"))
    offices.receive("QT", offices.send("VL", "QT"))  # its acknowledgement reaches the province
    [second] = offices.receive("VL", offices.send("QT", "VL"))
    assert second.state == "applied" and second.rejected == 0
    with offices.db("VL").reading() as s:
        assert s.scalar(select(Programme.name).where(Programme.code == "TRUNG")) == \
            "Trùng mã của tỉnh"
