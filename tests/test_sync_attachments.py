"""A commendation file's documents travel with their rows: the attached files a package's
rows refer to are carried as ``attachments/<SHA-256>``, checked by hash on both sides and
limited in size; the receiver stores them in its own attachments folder."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from core.commendations import ops as cops
from core.commendations.ops import RoundInput
from core.common.paths import attachments_dir
from core.sync import exchange, ops
from tests.sync_offices import PASS, make_offices

SCAN = b"%PDF-1.4 bien ban hop xet chon " + bytes(range(256)) * 40


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _attach(offices, content: bytes = SCAN):
    district = offices.db("VL")
    r = cops.create_round(district, RoundInput("Khen thưởng năm 2026", 2026)).value
    source = offices.root / "bien-ban-hop.pdf"
    source.write_bytes(content)
    item = cops.attach(district, r.id, "minutes", source).value
    return r, item


def _export(offices):
    return ops.export_package(offices.db("VL"), PASS, "QT", offices.root / "out").value


def _forget_files(offices) -> None:
    """The offices of the tests share a folder; the province's copy must come by package."""
    shutil.rmtree(attachments_dir(offices.province.path))


def test_an_attached_file_travels_with_its_row_and_is_stored_by_its_hash(offices):
    r, item = _attach(offices)
    result = _export(offices)
    _forget_files(offices)
    [outcome] = offices.receive("QT", result.path)
    [stored] = [f for req in cops.round_file(offices.province, r.id).requirements
                for f in req.files]
    path = cops.stored_file_path(offices.province, stored)
    assert path.is_file() and path.read_bytes() == SCAN
    assert stored.sha256 == hashlib.sha256(SCAN).hexdigest() == item.sha256
    assert (outcome.state, outcome.attachments, outcome.reason) == ("applied", 1, "")
    assert (result.attachments, result.left_out) == (1, ())


def test_a_damaged_file_at_the_sender_is_left_out_and_named(offices):
    _, item = _attach(offices)
    kept = cops.stored_file_path(offices.db("VL"), item)
    kept.write_bytes(SCAN[:-1] + b"X")  # damaged on the sender's disk
    result = _export(offices)
    assert result.attachments == 0
    [why] = result.left_out
    assert "bien-ban-hop.pdf" in why and "mã băm" in why


def test_the_receiver_checks_the_hash_and_the_size(offices, monkeypatch):
    _, item = _attach(offices)
    kept = cops.stored_file_path(offices.db("VL"), item)
    kept.write_bytes(b"not the scan")
    monkeypatch.setattr(exchange, "_intact", lambda path, sha: True)  # a sender that does not look
    bad = _export(offices)
    monkeypatch.undo()
    _forget_files(offices)
    [outcome] = offices.receive("QT", bad.path)
    assert outcome.state == "applied" and outcome.attachments == 0
    assert "không khớp mã băm" in outcome.reason
    assert not cops.stored_file_path(offices.province, item).exists()


def test_an_attached_file_beyond_the_size_limit_is_not_stored(offices, monkeypatch):
    _, item = _attach(offices)
    result = _export(offices)
    _forget_files(offices)
    monkeypatch.setattr(exchange, "MAX_ATTACHMENT", 1000)
    [outcome] = offices.receive("QT", result.path)
    assert outcome.state == "applied" and outcome.attachments == 0
    assert "lớn hơn" in outcome.reason
    assert not cops.stored_file_path(offices.province, item).exists()
