"""A package that arrives after a gap (it does not carry the changes of a package still
missing) is kept, verified, in the data folder and applied in order once the missing one
has been imported (docs/SYNC.md, "Import" step 5)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from core.common.database import open_app_database
from core.common.paths import held_packages_dir
from core.sync import ops
from db.models import Initiative
from tests.sync_offices import PASS, edit, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _data(path: Path) -> list[str]:
    """Every row but the package history (its ids and times differ by arrival)."""
    con = sqlite3.connect(path)
    try:
        return [line for line in con.iterdump()
                if not line.startswith(('INSERT INTO "sync_package"', 'INSERT INTO "sqlite_sequence"',
                                        "DELETE FROM \"sqlite_sequence\""))]
    finally:
        con.close()


def _checkpointed_copy(db, to: Path) -> None:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db.path, to)


def _gap(offices):
    """Packages 1, 2, 3 from VL, where 3 does not carry 2's changes (the province had
    acknowledged 2 before it was restored from a backup holding only 1). Returns the paths
    of 2 and 3 and a copy of the province holding only 1."""
    vl = offices.db("VL")
    first = register(vl, "VL-01", ["Một"])
    offices.receive("QT", offices.send("VL", "QT"))
    before_two = offices.root / "QT-after-1.sqlite"
    _checkpointed_copy(offices.province, before_two)
    register(vl, "VL-01", ["Hai"])
    p2 = offices.send("VL", "QT")
    assert offices.receive("QT", p2)[0].state == "applied"
    offices.receive("VL", offices.send("QT", "VL"))  # the province acknowledges package 2
    register(vl, "VL-01", ["Ba"])
    edit(vl, Initiative, first[0], name="Một (sửa)")
    p3 = offices.send("VL", "QT")
    return p2, p3, before_two


def _restore(offices, backup: Path):
    db = offices.province
    db.close()
    shutil.copy(backup, db.path)
    for sidecar in ("-wal", "-shm"):
        Path(str(db.path) + sidecar).unlink(missing_ok=True)
    return offices.reopen("QT")


def test_packages_1_3_2_end_as_1_2_3(offices):
    p2, p3, after_one = _gap(offices)
    reference_path = offices.root / "QT-reference.sqlite"
    shutil.copy(after_one, reference_path)
    reference = open_app_database(reference_path)
    reference.auto_backups = False
    try:
        for p in (p2, p3):
            [o] = ops.import_packages(reference, [p], PASS).value
            assert o.state == "applied", o.reason
    finally:
        reference.close()

    province = _restore(offices, after_one)
    [held] = offices.receive("QT", p3)
    assert held.state == "held"
    assert "gói số 2" in held.reason and "tự động" in held.reason
    kept = list(held_packages_dir(province.path).iterdir())
    assert len(kept) == 1 and kept[0].suffix == ".scdpkg"
    p3.unlink()  # the clerk's copy is gone: the kept one is what applies
    assert not any(i.name == "Ba" for i in _names(province))

    outcomes = offices.receive("QT", p2)
    assert [(o.seq, o.state) for o in outcomes] == [(2, "applied"), (3, "applied")]
    assert "đã giữ" in outcomes[1].reason
    assert {"Một (sửa)", "Hai", "Ba"} <= {i.name for i in _names(province)}
    assert not any(held_packages_dir(province.path).iterdir())
    offices.province.close()
    assert _data(province.path) == _data(reference_path)


def _names(db):
    with db.reading() as s:
        return list(s.scalars(select(Initiative)))


def test_a_kept_package_tampered_with_on_disk_is_refused_when_its_turn_comes(offices):
    p2, p3, after_one = _gap(offices)
    province = _restore(offices, after_one)
    assert offices.receive("QT", p3)[0].state == "held"
    [kept] = held_packages_dir(province.path).iterdir()
    data = bytearray(kept.read_bytes())
    data[-20] ^= 0x01
    kept.write_bytes(bytes(data))
    outcomes = offices.receive("QT", p2)
    assert [(o.seq, o.state) for o in outcomes] == [(2, "applied"), (3, "refused")]
    assert "Không giải mã được" in outcomes[1].reason and "gửi lại" in outcomes[1].reason
    assert {"Một", "Hai"} <= {i.name for i in _names(province)}
    assert not any(i.name == "Ba" for i in _names(province))
    assert not any(held_packages_dir(province.path).iterdir())  # the refused file is gone


def test_a_kept_package_replaced_by_another_valid_one_is_refused(offices):
    p2, p3, after_one = _gap(offices)
    province = _restore(offices, after_one)
    assert offices.receive("QT", p3)[0].state == "held"
    [kept] = held_packages_dir(province.path).iterdir()
    shutil.copy(p2, kept)  # a valid package of VL, but not the one that was kept
    outcomes = offices.receive("QT", p2)
    assert [(o.seq, o.state) for o in outcomes] == [(2, "applied"), (3, "refused")]
    assert "không phải gói đã giữ" in outcomes[1].reason
    assert not any(i.name == "Ba" for i in _names(province))
