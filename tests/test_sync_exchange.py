"""Packages between offices: duplicates, routes, order, loss, replay, fork, conflicts,
deletions, the return trip, confidentiality, acknowledgements, keys."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from core.common.errors import UserError
from core.initiatives.records import delete_initiative, set_status
from core.sync import ops
from db.models import Initiative, InitiativeAuthor, InitiativeStatus, SyncOutbox
from tests.sync_offices import PASS, edit, get, make_offices, register, snapshot


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def _count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_district_package_brings_its_records_to_the_province(offices):
    ids = register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm", "Sổ tay điện tử"])
    package = offices.send("VL", "QT")
    assert package.name.startswith("VL-gui-QT-") and package.name.endswith("-so-0001.scdpkg")
    [outcome] = offices.receive("QT", package)
    assert (outcome.state, outcome.rejected, outcome.conflicts) == ("applied", 0, 0)
    assert outcome.new >= 2
    item = get(offices.province, Initiative, ids[0])
    assert item.name == "Cải tiến máy bơm" and item.origin_office == "VL"
    assert item.number.startswith("VL-")
    # received rows are not echoed back into the province's outbox
    with offices.province.reading() as s:
        assert not s.scalar(select(func.count()).select_from(SyncOutbox).where(
            SyncOutbox.row_id == ids[0].hex))


def test_the_same_package_twice_and_by_two_routes_changes_nothing_the_second_time(offices, tmp_path):
    register(offices.db("VL"), "VL-01", ["Máy gặt cải tiến"])
    package = offices.send("VL", "QT")
    by_email = tmp_path / "email" / "tep-dinh-kem.scdpkg"
    by_email.parent.mkdir()
    shutil.copy(package, by_email)
    offices.receive("QT", package)
    before = snapshot(offices.province)
    for again in (package, by_email):
        [outcome] = offices.receive("QT", again)
        assert outcome.state == "duplicate"
        assert "đã được nhập trước đây" in outcome.reason
    assert snapshot(offices.province) == before


def test_preview_counts_without_changing_anything(offices):
    register(offices.db("VL"), "VL-01", ["Một", "Hai", "Ba"])
    package = offices.send("VL", "QT")
    before = snapshot(offices.province)
    [preview] = offices.receive("QT", package, dry_run=True)
    assert preview.state == "applied" and preview.new >= 3
    assert snapshot(offices.province) == before
    [real] = offices.receive("QT", package)
    assert (real.new, real.updated, real.conflicts) == (preview.new, preview.updated,
                                                         preview.conflicts)


def test_out_of_order_in_one_batch_and_a_lost_file_healed_by_the_next(offices):
    first = register(offices.db("VL"), "VL-01", ["Thứ nhất"])
    p1 = offices.send("VL", "QT")
    second = register(offices.db("VL"), "VL-01", ["Thứ hai"])
    p2 = offices.send("VL", "QT")
    # p1 is lost: p2 carries everything not yet acknowledged
    [outcome] = offices.receive("QT", p2)
    assert outcome.state == "applied"
    assert get(offices.province, Initiative, first[0]) is not None
    assert get(offices.province, Initiative, second[0]) is not None
    # p1 turns up later: old, reported, nothing changes
    before = snapshot(offices.province)
    [late] = offices.receive("QT", p1)
    assert late.state == "duplicate" and "đã cũ" in late.reason
    assert snapshot(offices.province) == before


def test_files_opened_out_of_order_in_one_batch_apply_in_sequence(offices):
    register(offices.db("VL"), "VL-01", ["A"])
    p1 = offices.send("VL", "QT")
    register(offices.db("VL"), "VL-01", ["B"])
    p2 = offices.send("VL", "QT")
    outcomes = offices.receive("QT", p2, p1)
    states = {o.seq: o.state for o in outcomes}
    assert states == {1: "applied", 2: "applied"}
    assert _count(offices.province, Initiative) == 2


def test_acknowledgements_prune_the_outbox_and_shrink_the_next_package(offices):
    register(offices.db("VL"), "VL-01", ["A"])
    offices.receive("QT", offices.send("VL", "QT"))
    assert _count(offices.db("VL"), SyncOutbox) > 0
    offices.receive("VL", offices.send("QT", "VL"))  # carries the acknowledgement
    assert _count(offices.db("VL"), SyncOutbox) == 0
    result = ops.export_package(offices.db("VL"), PASS, "QT", offices.root).value
    assert result.changes == 0


def test_replay_of_a_package_from_an_old_epoch_is_refused(offices):
    register(offices.db("VL"), "VL-01", ["A"])
    old = offices.send("VL", "QT")
    offices.receive("QT", old)
    register(offices.db("VL"), "VL-01", ["B"])
    fresh = ops.export_package(offices.db("VL"), PASS, "QT", offices.root, new_epoch=True).value
    assert offices.receive("QT", fresh.path)[0].state == "applied"
    before = snapshot(offices.province)
    [replayed] = offices.receive("QT", old)
    assert replayed.state in ("duplicate", "refused")
    assert "phát lại" in replayed.reason or "trước đây" in replayed.reason
    assert snapshot(offices.province) == before


def test_a_fork_after_a_restore_is_stopped_with_guidance_then_healed_by_a_new_epoch(offices):
    district = offices.db("VL")
    register(district, "VL-01", ["A"])
    offices.receive("QT", offices.send("VL", "QT"))
    backup = offices.root / "VL-backup.sqlite"
    with district.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(district.path, backup)
    register(district, "VL-01", ["B"])
    offices.receive("QT", offices.send("VL", "QT"))  # package 2
    # VL is restored from the backup taken before package 2, and registers something else
    district.close()
    shutil.copy(backup, district.path)
    for sidecar in ("-wal", "-shm"):
        Path(str(district.path) + sidecar).unlink(missing_ok=True)
    district = offices.reopen("VL")
    other = register(district, "VL-01", ["C khác"], on=date(2025, 6, 1))
    clash = register(district, "VL-01", ["D mang số đã dùng"])  # the number B already has
    forked = offices.send("VL", "QT")  # package 2 again, different content
    before = snapshot(offices.province)
    [outcome] = offices.receive("QT", forked)
    assert outcome.state == "refused"
    assert "rẽ nhánh" in outcome.reason and "--new-epoch" in outcome.reason
    assert snapshot(offices.province) == before
    healed = ops.export_package(district, PASS, "QT", offices.root, new_epoch=True).value
    [applied] = offices.receive("QT", healed.path)
    assert applied.state == "applied", applied
    assert get(offices.province, Initiative, other[0]) is not None, applied
    # a number minted twice (before and after the restore) is rejected with its reason
    assert get(offices.province, Initiative, clash[0]) is None
    assert any("trùng giá trị phải là duy nhất (initiative.number)" in r
               for r in applied.rejected_reasons)


def test_an_update_whose_create_comes_in_a_later_package(offices):
    district = offices.db("VL")
    [item] = register(district, "VL-01", ["Bản đầu"])
    edit(district, Initiative, item, name="Bản sửa")
    with district.transaction() as s:  # the create is held back from the first package
        entry = s.scalar(select(SyncOutbox).where(SyncOutbox.row_id == item.hex,
                                                  SyncOutbox.operation == "insert"))
        saved = {c: getattr(entry, c) for c in ("entity", "row_id", "operation", "row_version",
                                                 "base_version", "row", "changed", "office", "at")}
        s.delete(entry)
    p1 = offices.send("VL", "QT")
    with district.transaction() as s:
        s.add(SyncOutbox(**saved))  # ...and comes in the next one
    p2 = offices.send("VL", "QT")
    offices.receive("QT", p1)
    assert get(offices.province, Initiative, item).name == "Bản sửa"
    [outcome] = offices.receive("QT", p2)
    assert outcome.state == "applied"
    assert get(offices.province, Initiative, item).name == "Bản sửa"  # the older create loses


def _exchange(offices, code: str = "VL"):
    to_province = offices.send(code, "QT")
    to_district = offices.send("QT", code)
    a = offices.receive("QT", to_province)[0]
    b = offices.receive(code, to_district)[0]
    return a, b


def test_edits_of_different_fields_on_both_sides_merge_without_conflict(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, description="Mô tả mới của huyện")
    with offices.province.transaction() as s:
        set_status(s, item, InitiativeStatus.VALID)
    a, b = _exchange(offices)
    assert (a.conflicts, b.conflicts) == (0, 0)
    for db in (offices.province, offices.db("VL")):
        row = get(db, Initiative, item)
        assert (row.description, row.status) == ("Mô tả mới của huyện", InitiativeStatus.VALID)


def test_edits_of_the_same_field_keep_both_and_the_owner_wins_on_both_sides(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, name="Tên của huyện")
    edit(offices.province, Initiative, item, name="Tên của tỉnh")
    a, b = _exchange(offices)
    assert (a.conflicts, b.conflicts) == (1, 1)
    for db in (offices.province, offices.db("VL")):
        assert get(db, Initiative, item).name == "Tên của huyện"  # the district owns it
        [c] = ops.conflicts(db)
        assert c.fields == ("name",)
        assert {c.mine["name"], c.theirs["name"]} == {"Tên của huyện", "Tên của tỉnh"}
    # a person decides at the province; the decision travels
    [c] = ops.conflicts(offices.province)
    ops.resolve(offices.province, c.id, "theirs" if c.theirs["name"] == "Tên của tỉnh" else "mine")
    assert get(offices.province, Initiative, item).name == "Tên của tỉnh"
    assert ops.conflicts(offices.province) == []
    offices.receive("VL", offices.send("QT", "VL"))
    assert get(offices.db("VL"), Initiative, item).name == "Tên của tỉnh"


def test_review_results_are_the_provinces_in_a_conflict(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
    offices.receive("QT", offices.send("VL", "QT"))
    with offices.db("VL").transaction() as s:
        set_status(s, item, InitiativeStatus.REJECTED, "Huyện tự đánh giá")
    with offices.province.transaction() as s:
        set_status(s, item, InitiativeStatus.VALID)
    _exchange(offices)
    for db in (offices.province, offices.db("VL")):
        assert get(db, Initiative, item).status == InitiativeStatus.VALID
        assert len(ops.conflicts(db)) == 1


def test_delete_against_update_is_a_conflict_kept_for_a_person(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Sẽ bị xoá"])
    offices.receive("QT", offices.send("VL", "QT"))
    with offices.db("VL").transaction() as s:
        delete_initiative(s, item)
    edit(offices.province, Initiative, item, name="Tỉnh sửa tên")
    a, b = _exchange(offices)
    assert a.conflicts == 1 and b.conflicts == 1
    for db in (offices.province, offices.db("VL")):
        row = get(db, Initiative, item)
        assert row.deleted_at is not None  # the owner's deletion is the provisional winner
        assert "deleted_at" in ops.conflicts(db)[0].fields


def test_a_hard_deletion_travels_as_a_tombstone(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Có tác giả"])
    offices.receive("QT", offices.send("VL", "QT"))
    with offices.province.reading() as s:
        author_ids = list(s.scalars(select(InitiativeAuthor.id).where(
            InitiativeAuthor.initiative_id == item)))
    assert author_ids
    with offices.db("VL").transaction() as s:
        s.delete(s.get(InitiativeAuthor, author_ids[0]))
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert outcome.updated >= 1
    assert get(offices.province, InitiativeAuthor, author_ids[0]) is None


def test_confidential_initiatives_leave_with_the_portal_fields_only(offices):
    [item] = register(offices.db("HH"), "HH-01", ["Bí mật quốc phòng"], confidential=True)
    offices.receive("QT", offices.send("HH", "QT"))
    row = get(offices.province, Initiative, item)
    assert row.name == "Bí mật quốc phòng" and row.confidential
    assert row.description == "" and row.authors_text == "" and row.lead_author == ""
    with offices.province.reading() as s:
        assert not s.scalar(select(func.count()).select_from(InitiativeAuthor).where(
            InitiativeAuthor.initiative_id == item))


def test_rotated_keys_are_accepted_through_the_signed_record(offices):
    ops.rotate(offices.db("VL"), PASS)
    register(offices.db("VL"), "VL-01", ["Sau khi thay khoá"])
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert outcome.state == "applied"
    status = ops.status(offices.province)
    vl = next(p for p in status.peers if p.office_code == "VL")
    assert vl.key_id == ops.identity(offices.db("VL")).key_id


def test_a_revoked_key_is_refused_and_nothing_changes(offices):
    register(offices.db("VL"), "VL-01", ["A"])
    package = offices.send("VL", "QT")
    ops.revoke(offices.province, "VL", PASS)
    before = snapshot(offices.province)
    [outcome] = offices.receive("QT", package)
    assert outcome.state == "refused" and "thu hồi" in outcome.reason
    assert snapshot(offices.province) == before


def test_a_wrong_passphrase_is_a_clear_message(offices):
    with pytest.raises(UserError, match="Sai mật khẩu"):
        ops.export_package(offices.db("VL"), "khong-dung-mat-khau", "QT", offices.root)


def test_text_arriving_in_a_package_is_cleaned_on_the_way_in(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Sạch"])
    with offices.db("VL").transaction() as s:  # written past the app's own cleaning
        s.execute(text("UPDATE initiative SET name = :n WHERE id = :id"),
                  {"n": "Tên\u202e có ký tự đảo chiều\x07", "id": item.hex})
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert outcome.state == "applied"
    assert get(offices.province, Initiative, item).name == "Tên có ký tự đảo chiều"


def test_a_hard_deletion_here_against_an_edit_there_is_a_conflict_not_a_resurrection(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Có tác giả"])
    offices.receive("QT", offices.send("VL", "QT"))
    offices.receive("VL", offices.send("QT", "VL"))  # acknowledged: nothing pending
    with offices.province.reading() as s:
        [author] = s.scalars(select(InitiativeAuthor.id).where(
            InitiativeAuthor.initiative_id == item))
    with offices.db("VL").transaction() as s:  # the district (the owner) removes the author
        s.delete(s.get(InitiativeAuthor, author))
    edit(offices.province, InitiativeAuthor, author, unit_text="Tỉnh sửa")
    a, b = _exchange(offices)
    assert (a.conflicts, b.conflicts) == (1, 1)
    for db in (offices.province, offices.db("VL")):
        assert get(db, InitiativeAuthor, author) is None  # the owner's deletion stands
        [c] = ops.conflicts(db)
        assert "deleted_at" in c.fields
    # and it does not come back with the next packages
    _exchange(offices)
    for db in (offices.province, offices.db("VL")):
        assert get(db, InitiativeAuthor, author) is None


def test_a_package_whose_recording_fails_to_commit_is_removed(offices, tmp_path):
    """The file is written inside the transaction that records its sequence number: when
    that commit fails, the file goes, so no package carries a number the next export uses
    again (the recipient would call the two a fork)."""
    import sqlite3

    from sqlalchemy import event

    register(offices.db("VL"), "VL-01", ["Sáng kiến A"])
    db = offices.db("VL")
    out = tmp_path / "usb"
    out.mkdir()

    def fail(_conn):
        raise sqlite3.OperationalError("disk I/O error")

    event.listen(db.engine, "commit", fail)
    try:
        with pytest.raises(Exception):  # noqa: B017 - the fault as the database reports it
            ops.export_package(db, PASS, "QT", out)
    finally:
        event.remove(db.engine, "commit", fail)
    assert list(out.iterdir()) == []
    result = ops.export_package(db, PASS, "QT", out).value  # the same number, now recorded
    assert result.seq == 1 and [p.name for p in out.iterdir()] == [result.path.name]
    [got] = offices.receive("QT", result.path)
    assert got.state == "applied", got.reason
