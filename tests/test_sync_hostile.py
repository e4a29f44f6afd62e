"""Hostile and broken packages are refused with a Vietnamese reason and the database
unchanged. Every bad package is built here, from a valid one or from scratch."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.sync import keys as keys_module
from core.sync import package as pkg
from db.models import SyncPeer
from tests.sync_offices import PASS, make_offices, register, snapshot


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    o = make_offices(tmp_path_factory.mktemp("hostile"))
    register(o.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    o.valid = o.send("VL", "QT")
    yield o
    o.close()


def _refused(offices, path: Path, *, at: str = "QT") -> str:
    db = offices.db(at)
    before = snapshot(db)
    [outcome] = offices.receive(at, path)
    assert outcome.state == "refused", outcome
    assert snapshot(db) == before
    return outcome.reason


def _vl_keys(offices):
    with offices.db("VL").reading() as s:
        me = keys_module.require_identity(s)
        pairs = keys_module.unseal(me.private_sealed, PASS)
        qt = s.get(SyncPeer, "QT")
        return me.key_id, pairs[0].sign, qt.key_id, qt.box_public


def craft(offices, tmp: Path, *, members: list[tuple[str, bytes]] | None = None,
          manifest: dict | None = None, header: dict | None = None, sign_key=None,
          patch_names: dict[bytes, bytes] | None = None, lie_size: int | None = None,
          name: str = "bad.scdpkg") -> Path:
    """A package from VL to QT built by hand: ``members`` added to a valid zip, fields of
    the manifest or header replaced, names patched in the raw zip, a declared size lied."""
    kid, sign, qt_kid, qt_box = _vl_keys(offices)
    change = {"s": 10_000, "e": "member", "id": uuid.uuid4().hex, "op": "insert", "v": 1, "b": 0,
              "row": {}, "changed": [], "office": "VL", "at": "2026-12-06 00:00:00"}
    changes = (json.dumps(change) + "\n").encode()
    body = {"format": 1, "schema": "0009", "min_reader": 1, "package_id": uuid.uuid4().hex,
            "sender": "VL", "sender_key": kid, "recipient": "QT", "recipient_key": qt_kid,
            "epoch": 1, "seq": 1, "prev_hash": "", "ack": 0, "ack_epoch": 0, "covers_from": 1,
            "key_records": [], "counts": {"member": 1},
            "members": {pkg.CHANGES: hashlib.sha256(changes).hexdigest()}}
    body.update(manifest or {})
    manifest_bytes = json.dumps(body).encode()
    signature = (sign_key or sign).sign(manifest_bytes)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(pkg.CHANGES, changes)
        zf.writestr(pkg.MANIFEST, manifest_bytes)
        zf.writestr(pkg.SIGNATURE, signature)
        for member, data in members or []:
            zf.writestr(member, data)
        if lie_size is not None:
            zf.filelist[0].file_size = lie_size
    data = raw.getvalue()
    for old, new in (patch_names or {}).items():
        assert len(old) == len(new)
        data = data.replace(old, new)
    zip_path = tmp / (name + ".zip")
    zip_path.write_bytes(data)
    out = tmp / name
    with open(out, "wb") as fh:
        pkg.seal_file(zip_path, fh, {"sender": "VL", "recipient": "QT", "recipient_key": qt_kid,
                                     **(header or {})}, qt_box)
    return out


def test_a_crafted_package_that_is_sound_is_accepted_so_the_builder_is_honest(offices, tmp_path):
    path = craft(offices, tmp_path)
    db = offices.db("QT")
    with db.reading():
        pass
    [preview] = offices.receive("QT", path, dry_run=True)
    assert preview.state == "applied"  # its one change is rejected (empty row), not the file
    assert preview.rejected == 1


@pytest.mark.parametrize("keep", [0, 5, 12, 60, 200, -1])
def test_truncated_packages_are_refused(offices, tmp_path, keep):
    data = offices.valid.read_bytes()
    cut = tmp_path / "cut.scdpkg"
    cut.write_bytes(data[:keep] if keep >= 0 else data[:-1])
    reason = _refused(offices, cut)
    assert "cắt cụt" in reason or "không giải mã được" in reason.lower() or "bị hỏng" in reason


@pytest.mark.parametrize("where", [3, 20, 0.5, -1])
def test_bit_flipped_packages_are_refused(offices, tmp_path, where):
    data = bytearray(offices.valid.read_bytes())
    at = int(len(data) * where) if isinstance(where, float) else where % len(data)
    data[at] ^= 0x01
    flipped = tmp_path / "flip.scdpkg"
    flipped.write_bytes(bytes(data))
    reason = _refused(offices, flipped)
    assert any(word in reason for word in ("hỏng", "sửa", "không phải gói", "cắt cụt"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(min_value=0, max_value=0.9999), mask=st.integers(1, 255))
def test_any_byte_flip_never_changes_the_database(offices, tmp_path, position, mask):
    data = bytearray(offices.valid.read_bytes())
    data[int(position * len(data))] ^= mask
    flipped = tmp_path / "random-flip.scdpkg"
    flipped.write_bytes(bytes(data))
    _refused(offices, flipped)


def test_a_package_for_another_office_is_refused(offices):
    reason = _refused(offices, offices.valid, at="HH")
    assert "gửi cho văn phòng QT" in reason


def test_a_header_rewritten_to_another_recipient_does_not_decrypt(offices, tmp_path):
    data = offices.valid.read_bytes()
    moved = tmp_path / "moved.scdpkg"
    moved.write_bytes(data.replace(b'"recipient": "QT"', b'"recipient": "HH"', 1))
    reason = _refused(offices, moved, at="HH")
    assert "Không giải mã được" in reason


def test_an_unknown_sender_and_an_unknown_key_are_refused(offices, tmp_path):
    stranger = craft(offices, tmp_path, manifest={"sender": "XX"}, header={"sender": "XX"},
                     name="stranger.scdpkg")
    assert "không biết" in _refused(offices, stranger)
    unknown_key = craft(offices, tmp_path, manifest={"sender_key": "0" * 16},
                        sign_key=Ed25519PrivateKey.generate(), name="key.scdpkg")
    assert "khoá không biết" in _refused(offices, unknown_key)


def test_a_forged_signature_and_a_member_not_matching_its_hash_are_refused(offices, tmp_path):
    forged = craft(offices, tmp_path, sign_key=Ed25519PrivateKey.generate(), name="forged.scdpkg")
    assert "chữ ký không hợp lệ" in _refused(offices, forged)
    altered = craft(offices, tmp_path, manifest={"members": {pkg.CHANGES: "0" * 64}},
                    name="altered.scdpkg")
    assert "không khớp mã băm" in _refused(offices, altered)
    mismatch = craft(offices, tmp_path, manifest={"recipient": "HH"}, name="mismatch.scdpkg")
    assert "không khớp phần đầu" in _refused(offices, mismatch)


def test_newer_formats_are_refused(offices, tmp_path):
    newer_outer = craft(offices, tmp_path, name="outer.scdpkg")
    data = newer_outer.read_bytes().replace(b'"format": 1', b'"format": 2', 1)
    newer_outer.write_bytes(data)
    assert "mới hơn" in _refused(offices, newer_outer)
    newer_inner = craft(offices, tmp_path, manifest={"min_reader": 99}, name="inner.scdpkg")
    assert "phiên bản Sổ Công đoàn mới hơn" in _refused(offices, newer_inner)


@pytest.mark.parametrize("evil", [b"../../evil.txt", b"/etc/passwd00", b"C:/Windows/x1",
                                  b"C:\\Windows\\x1", b"a/../../b.txt"])
def test_unsafe_member_paths_are_refused(offices, tmp_path, evil):
    placeholder = b"Q" * len(evil)
    path = craft(offices, tmp_path, members=[(placeholder.decode(), b"x")],
                 patch_names={placeholder: evil})
    assert "đường dẫn không an toàn" in _refused(offices, path)


def test_duplicate_members_are_refused(offices, tmp_path):
    path = craft(offices, tmp_path, members=[("changes.jsonZ", b"{}\n")],
                 patch_names={b"changes.jsonZ": b"changes.jsonl"})
    assert "trùng tên" in _refused(offices, path)


def test_sizes_that_lie_are_refused(offices, tmp_path):
    smaller = craft(offices, tmp_path, lie_size=3, name="small.scdpkg")
    assert "kích thước khai báo" in _refused(offices, smaller)
    larger = craft(offices, tmp_path, lie_size=10_000, name="large.scdpkg")
    assert "kích thước khai báo" in _refused(offices, larger)


def test_extreme_compression_ratios_are_refused(offices, tmp_path):
    bomb = craft(offices, tmp_path, members=[("attachments/bomb", b"\0" * (8 << 20))])
    assert "tỉ lệ" in _refused(offices, bomb)


def test_too_many_members_are_refused(offices, tmp_path):
    many = craft(offices, tmp_path, members=[(f"attachments/{i:04d}", b"") for i in range(1000)])
    assert "vượt giới hạn 1000" in _refused(offices, many)


def test_a_file_that_is_not_a_package_is_refused(offices, tmp_path):
    other = tmp_path / "anh.scdpkg"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert "không phải gói đồng bộ" in _refused(offices, other)


def test_a_first_block_claiming_more_than_the_file_holds_is_refused(offices, tmp_path):
    """Found by the byte-flip property test: the first block's length was not checked
    against what was read, so a flipped high byte of it (claiming megabytes) still opened."""
    import struct

    data = bytearray(offices.valid.read_bytes())
    (head_length,) = struct.unpack(">I", data[len(pkg.MAGIC):len(pkg.MAGIC) + 4])
    at = len(pkg.MAGIC) + 4 + head_length
    (length,) = struct.unpack(">I", data[at:at + 4])
    data[at:at + 4] = struct.pack(">I", length + len(data))
    longer = tmp_path / "longer.scdpkg"
    longer.write_bytes(bytes(data))
    assert "cắt cụt" in _refused(offices, longer)
