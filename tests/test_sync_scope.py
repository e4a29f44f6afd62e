"""The province sends a district only what concerns it: its own units (and those above it),
their members, targets addressed to it, its initiatives with their review results, shared
reference rows (programmes) — never another district's members or initiatives."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.initiatives.records import set_status
from core.org import members
from core.org import units as org
from db.models import Initiative, InitiativeStatus, InitiativeTarget, Member, Programme, Unit
from tests.sync_offices import get, make_offices, register, unit_id


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def _add_members(db, unit_code: str, names: list[str]) -> None:
    with db.transaction() as s:
        unit = org.find_by_code(s, unit_code)
        for name in names:
            members.add_member(s, members.MemberInput(full_name=name, unit_id=unit.id,
                                                      date_of_birth=date(1985, 3, 4)))


def _names(db) -> set[str]:
    with db.reading() as s:
        return set(s.scalars(select(Member.full_name)))


def test_a_district_never_receives_another_districts_members(offices):
    hh_item = register(offices.db("HH"), "HH-01", ["Sáng kiến của HH"])[0]
    _add_members(offices.db("HH"), "HH-01", ["Trần Thị Bí Mật", "Lê Văn Riêng"])
    vl_item = register(offices.db("VL"), "VL-01", ["Sáng kiến của VL"])[0]
    _add_members(offices.db("VL"), "VL-01", ["Phạm Văn Vĩnh"])
    offices.receive("QT", offices.send("HH", "QT"), offices.send("VL", "QT"))
    _add_members(offices.province, "VL", ["Nguyễn Văn Tỉnh Thêm"])  # the province adds one to VL
    with offices.province.transaction() as s:
        set_status(s, vl_item, InitiativeStatus.VALID)
    assert {"Trần Thị Bí Mật", "Phạm Văn Vĩnh"} <= _names(offices.province)

    [got] = offices.receive("VL", offices.send("QT", "VL"))
    assert got.state == "applied" and got.rejected == 0, got.rejected_reasons[:3]
    vl = offices.db("VL")
    names = _names(vl)
    assert "Nguyễn Văn Tỉnh Thêm" in names
    assert not names & {"Trần Thị Bí Mật", "Lê Văn Riêng"}
    assert unit_id(vl, "HH") is None and unit_id(vl, "HH-01") is None
    assert get(vl, Initiative, hh_item) is None
    assert get(vl, Initiative, vl_item).status == InitiativeStatus.VALID  # review result
    with vl.reading() as s:
        assert s.scalar(select(func.count()).select_from(Programme)) >= 1  # shared rows
        targets = s.scalars(select(InitiativeTarget)).all()
        assert targets and {t.unit_id for t in targets} == {unit_id(vl, "VL")}
        assert s.scalar(select(Unit.code).where(Unit.code == "QT")) == "QT"  # the parent chain


def test_what_was_left_out_is_acknowledged_and_pruned(offices):
    _add_members(offices.province, "HH", ["Chỉ của HH"])
    offices.receive("VL", offices.send("QT", "VL"))
    offices.receive("HH", offices.send("QT", "HH"))
    offices.receive("QT", offices.send("VL", "QT"), offices.send("HH", "QT"))
    with offices.province.reading() as s:  # both acknowledged everything, scoped or not
        assert s.scalar(select(func.count()).select_from(Member.__table__)) >= 1
        from db.models import SyncOutbox
        assert s.scalar(select(func.count()).select_from(SyncOutbox)
                        .where(SyncOutbox.entity == "member")) == 0
    assert "Chỉ của HH" not in _names(offices.db("VL"))
    assert "Chỉ của HH" in _names(offices.db("HH"))


def test_the_scope_is_decided_in_sql_without_reading_whole_tables(offices):
    """The province's export to a district reads no synced table whole into Python to
    decide what concerns the district (a province holds every district's rows)."""
    import re

    from sqlalchemy import event

    register(offices.db("HH"), "HH-01", ["Sáng kiến của HH"])
    _add_members(offices.db("HH"), "HH-01", ["Trần Thị Bí Mật"])
    offices.receive("QT", offices.send("HH", "QT"))
    seen: list[str] = []
    offices.province.engine.dispose()
    event.listen(offices.province.engine, "connect",
                 lambda dbapi, _record: dbapi.set_trace_callback(seen.append))
    offices.receive("VL", offices.send("QT", "VL"))
    synced = ("unit", "member", "initiative", "initiative_author", "initiative_target")
    whole = [s for s in seen if s.lstrip().upper().startswith("SELECT") and any(
        re.search(rf'FROM "?{t}"?\s*$', s) for t in synced)]
    assert whole == []
    assert "Trần Thị Bí Mật" not in _names(offices.db("VL"))
