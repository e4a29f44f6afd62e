"""Approving, undoing and printing chosen nominees load them (and, for undoing, whether each has a
printed certificate) in grouped queries: the number of SELECT statements does not grow with the
number of nominees chosen (it was one or two per nominee). Each changed row is still its own
UPDATE (versioned rows), so only what is read is counted. The certificate register counts each
certificate's prints in one grouped query, not one per certificate."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import event

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, NomineeStatus, RoundInput
from core.common import numbering
from core.common.errors import NotFound


def _statements(db, call) -> int:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def _nominees(db, r, first, count):
    return [ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                   full_name=f"Nguyễn Văn {i}")).value.id
            for i in range(first, first + count)]


def test_decide_and_unapprove_statements_do_not_grow_with_nominees(app_db):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    few, many = _nominees(app_db, r, 0, 2), _nominees(app_db, r, 2, 10)
    # "25/QĐ-LĐLĐ" is booked by a first approval, so both measured ones reuse it the same way
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), _nominees(app_db, r, 12, 1))
    approve_few = _statements(app_db, lambda: ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", None, few))
    approve_many = _statements(app_db, lambda: ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", None, many))
    undo_few = _statements(app_db, lambda: ops.unapprove(app_db, few, "Duyệt nhầm"))
    undo_many = _statements(app_db, lambda: ops.unapprove(app_db, many, "Duyệt nhầm"))
    assert approve_many == approve_few, f"{approve_few} SELECTs for 2 nominees, {approve_many} for 10"
    assert undo_many == undo_few, f"{undo_few} SELECTs for 2 nominees, {undo_many} for 10"
    status = {row.id: row.status for row in ops.nominees(app_db, r.id)}
    assert {status[i] for i in few + many} == {NomineeStatus.PROPOSED}


def test_chosen_nominees_keep_their_order_and_an_unknown_one_is_refused(app_db, tmp_path):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    a, b, c = _nominees(app_db, r, 0, 3)
    assert ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), [b, a]).value == 2
    ops.print_certificates(app_db, r.id, tmp_path / "in.pdf", nominee_ids=[b])
    with pytest.raises(ops.AlreadyPrinted) as caught:
        ops.unapprove(app_db, [a, b], "Duyệt nhầm")
    assert caught.value.names == ("Nguyễn Văn 1",)  # b, named in the order given
    with pytest.raises(NotFound):
        ops.unapprove(app_db, [a, uuid.uuid4()], "Duyệt nhầm")
    ops.delete_nominee(app_db, c)
    with pytest.raises(NotFound):
        ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", None, [c])


def test_a_decision_number_is_looked_up_once_per_approval(app_db):
    """Where the number was used is read once: it gives the date and says whether the number is
    booked already (it was read a second time before booking)."""
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    a, b = _nominees(app_db, r, 0, 2)
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT commendation_nominee.decision_date"):
            seen.append(statement)

    event.listen(app_db.engine, "before_cursor_execute", count)
    try:
        ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), [a])
        first = len(seen)
        ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", None, [b])
    finally:
        event.remove(app_db.engine, "before_cursor_execute", count)
    assert (first, len(seen)) == (1, 2)
    with app_db.reading() as s:  # booked once, by the first approval
        assert [(e.number, e.symbol) for e in numbering.entries(s)] == [(25, "QĐ-LĐLĐ")]


def test_the_certificate_register_is_read_in_statements_that_do_not_grow_with_it(app_db, tmp_path):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ids = _nominees(app_db, r, 0, 6)
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), ids)
    ops.print_certificates(app_db, r.id, tmp_path / "a.pdf", nominee_ids=ids[:2])
    few = _statements(app_db, lambda: ops.certificate_register(app_db))
    ops.print_certificates(app_db, r.id, tmp_path / "b.pdf", nominee_ids=ids)  # 2 reprints, 4 new
    many = _statements(app_db, lambda: ops.certificate_register(app_db))
    assert many == few, f"{few} SELECTs for 2 certificates, {many} for 6"
    assert [(e.number, e.prints) for e in ops.certificate_register(app_db, 2023)] == [
        ("01/2023", 2), ("02/2023", 2), ("03/2023", 1), ("04/2023", 1), ("05/2023", 1), ("06/2023", 1)]
    assert ops.certificate_register(app_db, 2024) == []
