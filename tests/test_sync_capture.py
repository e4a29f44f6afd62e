"""Change capture (db/outbox.py): every change of a synced row lands in sync_outbox in the
same transaction — ORM, bulk Core inserts, new tables — and nothing while a package applies."""

from __future__ import annotations

import json
import uuid
from typing import ClassVar

import pytest
from sqlalchemy import String, func, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db import outbox
from db.bulk import bulk_insert
from db.models import Base, Member, SyncedMixin, SyncOutbox, Unit, new_row_stamp, table_of


def _outbox(session) -> list[SyncOutbox]:
    return list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)))


def test_every_synced_table_has_its_three_triggers_and_derived_tables_none(app_db):
    with app_db.reading() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))
    synced = [t for t, m in outbox.synced_models().items() if m.metadata is Base.metadata]
    assert {"unit", "member", "initiative", "initiative_target", "fund_model_target"} <= set(synced)
    for table in synced:
        for suffix in ("ai", "au", "ad"):
            assert f"{outbox.PREFIX}{table}_{suffix}" in names
    assert not any(n.startswith(f"{outbox.PREFIX}initiative_tally") for n in names)
    assert not any(n.startswith(f"{outbox.PREFIX}setting") for n in names)


def test_ownership_is_declared_on_the_models():
    models = outbox.synced_models()
    assert models["initiative_target"].__sync_owner__ == "province"
    assert models["fund_model_target"].__sync_owner__ == "province"
    assert models["initiative"].__sync_owner__ == "origin"
    assert models["member"].__sync_owner__ == "origin"
    assert "seq" not in outbox.travelling_columns(models["initiative"])


def test_insert_update_delete_are_captured_with_versions_row_and_office(app_db):
    with app_db.transaction() as s:
        parent = s.scalar(select(Unit).where(Unit.code == "VL"))
        before = len(_outbox(s))
        member = Member(full_name="Lê Thị Hương", name_folded="le thi huong", sort_key="huong",
                        unit_id=parent.id)
        s.add(member)
        s.flush()
        member.position = "Tổ trưởng"
        s.flush()
        s.delete(member)
        s.flush()
        entries = _outbox(s)[before:]
    assert [e.operation for e in entries] == ["insert", "update", "delete"]
    ins, upd, dele = entries
    assert ins.entity == "member" and ins.row_id == member.id.hex
    assert (ins.base_version, ins.row_version) == (0, 1)
    assert (upd.base_version, upd.row_version) == (1, 2)
    assert json.loads(upd.changed) == ["position"]
    assert json.loads(upd.row)["position"] == "Tổ trưởng"
    assert json.loads(ins.row)["full_name"] == "Lê Thị Hương"
    assert dele.row_version == 2
    assert {e.office for e in entries} == {"VL"}


def test_an_update_that_changes_no_travelling_column_is_not_captured(app_db):
    with app_db.transaction() as s:
        parent = s.scalar(select(Unit).where(Unit.code == "VL"))
        member = Member(full_name="Lê Văn Nam", name_folded="le van nam", sort_key="nam",
                        unit_id=parent.id, position="Tổ viên")
        s.add(member)
        s.flush()
        before = len(_outbox(s))
        conn, key = s.connection(), member.id.hex
        # nothing at all; the same value again; only the bookkeeping columns
        conn.exec_driver_sql("UPDATE member SET position = position WHERE id = ?", (key,))
        conn.exec_driver_sql("UPDATE member SET position = 'Tổ viên' WHERE id = ?", (key,))
        conn.exec_driver_sql("UPDATE member SET row_version = row_version + 1, updated_at = "
                             "'2026-12-06 08:00:00.000000' WHERE id = ?", (key,))
        assert len(_outbox(s)) == before
        # a real change of a travelling column still is, bookkeeping with it
        conn.exec_driver_sql("UPDATE member SET position = 'Tổ trưởng', row_version = "
                             "row_version + 1 WHERE id = ?", (key,))
        [entry] = _outbox(s)[before:]
        assert json.loads(entry.changed) == ["position"]
        conn.exec_driver_sql("UPDATE member SET date_of_birth = '1990-01-01' WHERE id = ?",
                             (key,))
        conn.exec_driver_sql("UPDATE member SET date_of_birth = NULL WHERE id = ?", (key,))
        assert [json.loads(e.changed) for e in _outbox(s)[before + 1:]] == [
            ["date_of_birth"], ["date_of_birth"]]  # from NULL and to NULL count


def test_a_rolled_back_change_leaves_no_outbox_row(app_db):
    with app_db.reading() as s:
        before = len(_outbox(s))
    with pytest.raises(RuntimeError), app_db.transaction() as s:
        parent = s.scalar(select(Unit).where(Unit.code == "VL"))
        s.add(Member(full_name="A", name_folded="a", sort_key="a", unit_id=parent.id))
        s.flush()
        raise RuntimeError("stop")
    with app_db.reading() as s:
        assert len(_outbox(s)) == before


def test_bulk_core_inserts_are_captured(app_db):
    with app_db.transaction() as s:
        parent = s.scalar(select(Unit).where(Unit.code == "VL"))
        before = len(_outbox(s))
        rows = [{"id": uuid.uuid4(), "full_name": f"Người {i}", "name_folded": f"nguoi {i}",
                 "sort_key": f"{i}", "gender": None, "date_of_birth": None,
                 "unit_id": parent.id, "position": "", "member_since": None,
                 **new_row_stamp("VL")} for i in range(50)]
        bulk_insert(s.connection(), table_of(Member), rows)
        entries = _outbox(s)[before:]
    assert len(entries) == 50
    assert {e.row_id for e in entries} == {r["id"].hex for r in rows}


def test_nothing_is_captured_while_a_package_applies(app_db):
    with app_db.transaction() as s:
        parent = s.scalar(select(Unit).where(Unit.code == "VL"))
        before = len(_outbox(s))
        s.execute(text("INSERT INTO sync_applying (id) VALUES (1)"))
        s.add(Member(full_name="B", name_folded="b", sort_key="b", unit_id=parent.id))
        s.flush()
        s.execute(text("DELETE FROM sync_applying"))
        assert len(_outbox(s)) == before


class _OtherBase(DeclarativeBase):
    pass


class _Gadget(SyncedMixin, _OtherBase):
    """A table a later feature might add: it declares ownership and nothing else."""

    __tablename__ = "test_gadget"
    __sync_owner__: ClassVar[str] = "province"
    label: Mapped[str] = mapped_column(String(40))


def test_a_new_synced_table_joins_capture_without_new_sync_code(app_db):
    with app_db.engine.begin() as conn:
        _OtherBase.metadata.create_all(conn)
        tables = outbox.install(conn)  # what db/migrate.py runs after every upgrade
        outbox.install(conn)  # idempotent
    assert "test_gadget" in tables
    app_db.sessions.kw["info"]["office_code"] = "VL"
    with app_db.transaction() as s:
        before = len(_outbox(s))
        s.add(_Gadget(label="mới"))
        s.flush()
        entries = _outbox(s)[before:]
    assert [(e.entity, e.operation) for e in entries] == [("test_gadget", "insert")]
    assert json.loads(entries[0].row)["label"] == "mới"


def test_a_decision_keeping_the_values_already_here_still_travels(tmp_path):
    """Resolving a conflict for the version the row already holds changes no value (the
    capture trigger writes nothing): the decision is written to the outbox all the same."""
    from core.sync import ops
    from db.models import Initiative
    from tests.sync_offices import edit, get, make_offices, register

    offices = make_offices(tmp_path, districts=("VL",))
    try:
        [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
        offices.receive("QT", offices.send("VL", "QT"))
        edit(offices.db("VL"), Initiative, item, name="Tên của huyện")
        edit(offices.province, Initiative, item, name="Tên của tỉnh")
        offices.receive("QT", offices.send("VL", "QT"))
        assert get(offices.province, Initiative, item).name == "Tên của huyện"  # provisional
        [c] = ops.conflicts(offices.province)
        keep = "mine" if c.mine["name"] == "Tên của huyện" else "theirs"
        with offices.province.reading() as s:
            before = s.scalar(select(func.max(SyncOutbox.seq))) or 0
        ops.resolve(offices.province, c.id, keep)
        with offices.province.reading() as s:
            [entry] = s.scalars(select(SyncOutbox).where(SyncOutbox.seq > before))
        assert entry.row_id == item.hex and json.loads(entry.changed) == ["name"]
        assert json.loads(entry.row)["name"] == "Tên của huyện"
    finally:
        offices.close()
