"""One rule picks the provisional winner of every kind of conflict (edit/edit, deleted here
and edited there, edited here and deleted there): the owner's version; for a row a third
office owns, the higher version, then the office whose code sorts first — so the two
offices of a conflict always pick the same version."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from core.sync import exchange
from core.sync import keys as keys_module
from db.models import Member, SyncPeer, Unit
from tests.sync_offices import make_offices

KINDS = ("edit_edit", "deleted_here", "deleted_there")
#: (owner of the row, the version QT sends) -> who wins at VL (VL's version: 2 deleted, 3 edited)
OWNERS = [("VL", 9, "mine"), ("QT", 1, "theirs"), ("HH", 9, "theirs"), ("HH", 1, "mine")]


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    o = make_offices(tmp_path_factory.mktemp("winner"), districts=("VL",))
    yield o
    o.close()


def _conflict_at_vl(db, kind: str, owner: str, their_version: int) -> str:
    """VL holds a member owned by ``owner`` with an unacknowledged local change of ``kind``;
    QT's change of the same member arrives: the winner VL records."""
    with db.transaction() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == "VL"))
        member = Member(full_name="Trần Thị Lan", name_folded="tran thi lan", sort_key="lan",
                        unit_id=unit, position="Tổ viên")
        s.add(member)
        s.flush()
        key = member.id.hex
        conn = s.connection()
        conn.exec_driver_sql("UPDATE member SET origin_office = ?, row_version = 2 WHERE id = ?",
                             (owner, key))
        row = json.loads(conn.exec_driver_sql(
            "SELECT row FROM sync_outbox WHERE row_id = ? ORDER BY seq DESC LIMIT 1",
            (key,)).scalar())
        if kind == "deleted_here":
            conn.exec_driver_sql("DELETE FROM member WHERE id = ?", (key,))
        else:
            conn.exec_driver_sql("UPDATE member SET position = 'Theo huyện', row_version = 3 "
                                 "WHERE id = ?", (key,))
        if kind == "deleted_there":
            change = {"s": 10_000, "e": "member", "id": key, "op": "delete", "v": their_version,
                      "b": their_version, "row": {**row, "row_version": their_version},
                      "changed": []}
        else:
            change = {"s": 10_000, "e": "member", "id": key, "op": "update", "v": their_version,
                      "b": 2, "row": {**row, "position": "Theo tỉnh", "row_version": their_version},
                      "changed": ["position"]}
        me = keys_module.require_identity(s)
        peer = s.get(SyncPeer, "QT")
        report = exchange.FileReport(file="test")
        conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")
        exchange._apply_change(exchange._Raw(conn), me, peer, "p", change, report,
                               exchange._Context(conn, peer.acked_through))
        conn.exec_driver_sql("DELETE FROM sync_applying")
        assert report.conflicts == 1, report
        winner = s.scalar(text("SELECT winner FROM sync_conflict WHERE row_id = :k"), {"k": key})
        kept = conn.exec_driver_sql("SELECT position FROM member WHERE id = ?", (key,)).scalar()
        s.rollback()  # every case starts from the same database
    return f"{winner}:{kept}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("owner", "their_version", "expected"), OWNERS)
def test_every_kind_of_conflict_is_won_by_the_same_rule(offices, kind, owner, their_version,
                                                         expected):
    winner, kept = _conflict_at_vl(offices.db("VL"), kind, owner, their_version).split(":")
    assert winner == expected
    # what the row holds follows the winner
    theirs = {"edit_edit": "Theo tỉnh", "deleted_here": "Theo tỉnh", "deleted_there": "None"}
    mine = {"edit_edit": "Theo huyện", "deleted_here": "None", "deleted_there": "Theo huyện"}
    assert kept == (theirs if expected == "theirs" else mine)[kind]


@pytest.mark.parametrize(("mine", "theirs"), [(2, 9), (9, 2), (3, 3)])
def test_the_two_offices_of_a_conflict_pick_the_same_version(mine, theirs):
    """For a row of a third office: what VL decides receiving QT's version and what QT
    decides receiving VL's are the same version."""

    class Office:
        def __init__(self, code):
            self.office_code, self.province_code = code, "QT"

    vl, qt = Office("VL"), Office("QT")
    row = {"origin_office": "HH"}
    at_vl = exchange._winner(Member, vl, qt, row, {"position"}, theirs, mine)
    at_qt = exchange._winner(Member, qt, vl, row, {"position"}, mine, theirs)
    assert {at_vl, at_qt} == {"mine", "theirs"}  # the same version: VL's kept by exactly one
