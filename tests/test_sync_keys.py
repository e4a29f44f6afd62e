"""Office keys: enrolment files signed by the province, private keys only ever stored
sealed with the passphrase, refusals in Vietnamese."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.common.database import open_app_database
from core.org import units as org
from core.org.office import init_office
from core.sync import keys, ops
from db.models import SyncIdentity, SyncPeer, UnitKind
from tests.sync_offices import PASS, make_offices


@pytest.fixture
def province(tmp_path):
    db = open_app_database(tmp_path / "QT.sqlite")
    db.auto_backups = False
    db.set_office_code("QT")
    with db.transaction() as s:
        init_office(s, code="QT", name="LĐLĐ tỉnh Quảng Trị", level="province")
        for code in ("VL", "HH"):  # only units that exist are enrolled
            org.create_unit(s, org.UnitInput(code=code, name=f"LĐLĐ huyện {code}",
                                             kind=UnitKind.UPPER, parent_code="QT"))
    ops.init_province(db, PASS)
    yield db
    db.close()


def _fresh(tmp_path, name="VL.sqlite"):
    db = open_app_database(tmp_path / name)
    db.auto_backups = False
    return db


def test_private_keys_are_never_stored_in_plain_text(province, tmp_path):
    out = tmp_path / "VL.scdkey"
    ops.enrol(province, "VL", PASS, out)
    district = _fresh(tmp_path)
    ops.import_enrolment(district, out, PASS)
    with district.reading() as s:
        me = s.scalar(select(SyncIdentity))
        pair = keys.unseal(me.private_sealed, PASS)[0]
    raw = pair.private_bytes()
    for path in (district.path, province.path, out):
        data = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                    if path.with_name(path.name + "-wal").exists() else b"")
        assert raw["sign"].encode() not in data and raw["box"].encode() not in data
    sealed = json.loads(me.private_sealed)
    assert sealed["kdf"] == "scrypt" and sealed["n"] >= 2**15
    district.close()


def test_enrolment_gives_the_district_its_code_and_the_province_its_keys(province, tmp_path):
    out = tmp_path / "VL.scdkey"
    ops.enrol(province, "vl", PASS, out)
    district = _fresh(tmp_path)
    me = ops.import_enrolment(district, out, PASS).value
    assert (me.office_code, me.role, me.province_code) == ("VL", "district", "QT")
    assert district.office_code in ("", "VL")
    district.close()
    district = _fresh(tmp_path)
    assert district.office_code == "VL"
    with district.reading() as s:
        peer = s.get(SyncPeer, "QT")
        assert peer.key_id == ops.identity(province).key_id
    district.close()


def test_a_tampered_enrolment_file_is_refused(province, tmp_path):
    out = tmp_path / "VL.scdkey"
    ops.enrol(province, "VL", PASS, out)
    record = json.loads(out.read_text())
    record["office"] = "HH"
    forged = tmp_path / "forged.scdkey"
    forged.write_text(json.dumps(record))
    district = _fresh(tmp_path)
    with pytest.raises(keys.KeyError_, match="Chữ ký không hợp lệ"):
        ops.import_enrolment(district, forged, PASS)
    assert ops.identity(district) is None
    district.close()


def test_an_enrolment_file_for_another_office_or_a_wrong_passphrase_is_refused(province, tmp_path):
    out = tmp_path / "HH.scdkey"
    ops.enrol(province, "HH", PASS, out)
    district = _fresh(tmp_path)
    district.set_office_code("VL")
    with district.transaction() as s:
        init_office(s, code="VL", name="LĐLĐ huyện Vĩnh Linh", level="upper", parent_code="QT",
                    parent_name="LĐLĐ tỉnh Quảng Trị")
    with pytest.raises(keys.KeyError_, match="dành cho văn phòng HH"):
        ops.import_enrolment(district, out, PASS)
    other = _fresh(tmp_path, "HH.sqlite")
    with pytest.raises(keys.KeyError_, match="Sai mật khẩu"):
        ops.import_enrolment(other, out, "mat-khau-khac-han")
    assert ops.identity(other) is None
    district.close()
    other.close()


def test_not_an_enrolment_file(province, tmp_path):
    junk = tmp_path / "junk.scdkey"
    junk.write_bytes(b"\x00\x01 not json")
    district = _fresh(tmp_path)
    with pytest.raises(keys.KeyError_, match="không phải tệp cấp khoá"):
        ops.import_enrolment(district, junk, PASS)
    district.close()


def test_short_passphrases_and_district_enrolments_are_refused(province, tmp_path):
    with pytest.raises(keys.KeyError_, match="ít nhất 8"):
        keys.seal([keys.KeyPair.generate()], "ngắn")
    (tmp_path / "o").mkdir()
    o = make_offices(tmp_path / "o")
    with pytest.raises(keys.KeyError_, match="Chỉ văn phòng tỉnh"):
        ops.enrol(o.db("VL"), "XX", PASS, tmp_path / "x.scdkey")
    o.close()


def test_rotation_keeps_the_old_key_for_packages_already_on_their_way(tmp_path):
    o = make_offices(tmp_path)
    in_flight = o.send("QT", "VL")  # encrypted to VL's first key
    old = ops.identity(o.db("VL")).key_id
    new = ops.rotate(o.db("VL"), PASS).value.key_id
    assert new != old
    [outcome] = o.receive("VL", in_flight)
    assert outcome.state == "applied"
    o.close()
