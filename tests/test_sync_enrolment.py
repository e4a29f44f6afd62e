"""Keys made by mistake and mistyped enrolments: only a province makes the province's keys;
an enrolment file replaces keys never used (after a confirmation); the province enrols only
units that exist (the CLI suggests close codes); an enrolment can be removed, its backlog
dropped; the enrolment file carries the office's name and parent."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.cli import main
from core.common.errors import UserError
from core.org.office import init_office
from core.sync import ops
from db.models import SyncOutbox
from tests.sync_offices import PASS, _open, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _fresh_district(o, code: str = "HH"):
    db = _open(o.root / f"{code}.sqlite", code)
    with db.transaction() as s:
        init_office(s, code=code, name=f"LĐLĐ huyện {code}", level="upper", parent_code="QT",
                    parent_name="LĐLĐ tỉnh Quảng Trị")
    return db


def test_an_office_with_a_parent_cannot_make_the_provinces_keys(offices):
    db = _fresh_district(offices)
    try:
        assert not ops.can_be_province(db)
        assert ops.can_be_province(offices.province) is True
        with pytest.raises(UserError, match="trực thuộc QT"):
            ops.init_province(db, PASS)
        assert ops.identity(db) is None
    finally:
        db.close()


def test_keys_made_by_mistake_are_replaced_by_the_enrolment_file_after_a_yes(offices, tmp_path):
    from core.sync import keys

    with offices.province.transaction() as s:
        from core.org import units as org
        from db.models import UnitKind
        org.create_unit(s, org.UnitInput(code="HH", name="LĐLĐ huyện HH", kind=UnitKind.UPPER,
                                         parent_code="QT"))
    db = _fresh_district(offices)
    try:
        with db.transaction() as s:  # what an older window let a district do
            s.add(keys.SyncIdentity(office_code="HH", role="province", province_code="HH",
                                    key_id="nham", sign_public=b"x", box_public=b"y",
                                    private_sealed="{}", created_at=keys.utcnow()))
        enrolment = tmp_path / "HH.scdkey"
        ops.enrol(offices.province, "HH", PASS, enrolment)
        assert ops.keys_replaceable(db)
        with pytest.raises(UserError, match="tạo nhầm"):
            ops.import_enrolment(db, enrolment, PASS)
        me = ops.import_enrolment(db, enrolment, PASS, replace=True).value
        assert (me.office_code, me.role, me.province_code) == ("HH", "district", "QT")
        # it now exchanges with the province
        [got] = ops.import_packages(db, [offices.send("QT", "HH")], PASS).value
        assert got.state == "applied", got.reason
    finally:
        db.close()


def test_keys_used_to_send_a_package_are_not_replaced(offices, tmp_path):
    enrolment = tmp_path / "VL-again.scdkey"
    ops.enrol(offices.province, "VL", PASS, enrolment)
    register(offices.db("VL"), "VL-01", ["Máy bơm"])
    offices.send("VL", "QT")
    assert not ops.keys_replaceable(offices.db("VL"))
    with pytest.raises(UserError, match="đã gửi gói"):
        ops.import_enrolment(offices.db("VL"), enrolment, PASS, replace=True)


def test_the_enrolment_file_names_the_office_and_its_parent(offices, tmp_path):
    enrolment = tmp_path / "VL2.scdkey"
    ops.enrol(offices.province, "VL", PASS, enrolment)
    info = ops.read_enrolment(enrolment)
    assert (info.office, info.name, info.parent_code, info.province) == (
        "VL", "LĐLĐ huyện VL", "QT", "QT")
    assert ("VL", "LĐLĐ huyện VL") in ops.enrolable_units(offices.province)


def test_a_mistyped_code_is_refused_with_close_matches(offices, tmp_path, capsys, monkeypatch):
    with pytest.raises(UserError, match="ZZ-NOPE"):
        ops.enrol(offices.province, "ZZ-NOPE", PASS, tmp_path / "ZZ.scdkey")
    assert not (tmp_path / "ZZ.scdkey").exists()
    assert "ZZ-NOPE" not in {p.office_code for p in ops.status(offices.province).peers}
    monkeypatch.setenv("SOCONGDOAN_PASSPHRASE", PASS)
    monkeypatch.setenv("SOCONGDOAN_PASSPHRASE_OFFICE", PASS)
    offices.province.close()
    capsys.readouterr()
    code = main(["--db", str(offices.root / "QT.sqlite"), "keys", "enrol", "--office", "VK",
                 str(tmp_path / "VK.scdkey")])
    out = capsys.readouterr()
    assert code != 0
    assert "VK" in out.err + out.out and "VL" in out.err + out.out  # the close match offered
    offices.reopen("QT")


def test_a_removed_enrolment_drops_its_backlog(offices, tmp_path):
    from core.org import units as org
    from db.models import UnitKind

    with offices.province.transaction() as s:
        org.create_unit(s, org.UnitInput(code="ZZ", name="Gõ nhầm", kind=UnitKind.UPPER,
                                         parent_code="QT"))
    ops.enrol(offices.province, "ZZ", PASS, tmp_path / "ZZ.scdkey")
    register(offices.province, "VL", ["Sáng kiến của tỉnh"])
    # VL acknowledges everything; ZZ never will
    offices.receive("VL", offices.send("QT", "VL"))
    offices.receive("QT", offices.send("VL", "QT"))

    def pending() -> int:
        with offices.province.reading() as s:
            return s.scalar(select(func.count()).select_from(SyncOutbox)
                            .where(SyncOutbox.entity != "sync_key"))

    assert pending() > 0
    dropped = ops.remove_office(offices.province, "ZZ", PASS).value
    assert dropped > 0 and pending() == 0
    assert "ZZ" not in {p.office_code for p in ops.status(offices.province).peers}
