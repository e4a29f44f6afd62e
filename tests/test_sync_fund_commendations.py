"""Issue 13 with issues 11 and 12: the fund ledger and the commendation rounds travel.

A district creates a fund, lends to a member, takes a repayment and reverses another,
opens a commendation round with a nominee, and sends a package; the province imports it and
sees the same fund totals, loan states and nominees. The ledger's rows arrive in their final
state (a posted entry with its postings): migration 0009 lets the fund triggers pass rows
being applied from another office, and the import checks the journal's balance itself."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from core.commendations import ops as cops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.fund import ops as fops
from tests.fund_helpers import make_world
from tests.sync_offices import make_offices, snapshot

AS_OF = date(2026, 6, 30)


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _district_books(db) -> dict:
    world = make_world(db, members=3, capital=60_000_000, code="VL-01")
    fund_id, members = world["fund_id"], world["members"]
    fops.contribute(db, fund_id, members[1], 500_000, date(2026, 1, 20))
    loan = fops.lend(db, fund_id, fops.LoanRequest(members[0], 12_000_000, 12, "Chăn nuôi",
                                                   applied_on=date(2026, 2, 2))).value
    fops.repay(db, loan.id, 1_000_000, date(2026, 3, 2))
    wrong = fops.repay(db, loan.id, 700_000, date(2026, 3, 9)).value
    fops.reverse(db, wrong.id, "Nhập nhầm số tiền", date(2026, 3, 10))
    fops.count_cash(db, fund_id, date(2026, 3, 31), 49_000_000, "Kiểm quỹ quý I")
    r = cops.create_round(db, RoundInput("Khen thưởng năm 2026", 2026)).value
    cops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                            full_name="Nguyễn Thị Hoà 0",
                                            unit_id=world["unit_id"], member_id=members[0]))
    cops.add_nominee(db, r.id, NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN,
                                            unit_id=world["unit_id"]))
    return {"fund_id": fund_id, "loan_id": loan.id, "round_id": r.id}


def _view(db, ids: dict) -> dict:
    """What a person sees of the fund and the round, without keys local to a database."""
    totals = [(t.unit_name, t.borrowers, t.lent, t.repaid, t.outstanding, t.balance, t.in_arrears)
              for t in fops.fund_totals_for(db, AS_OF)]
    loan = fops.get_loan(db, ids["loan_id"], AS_OF)
    entries = [(e.voucher, e.on, e.memo, e.amount) for e in fops.entries(db, ids["fund_id"])]
    nominees = [(n.kind, n.full_name, n.unit_name, n.award, n.status)
                for n in cops.nominees(db, ids["round_id"])]
    return {"totals": totals, "loan": (loan.number, loan.status, loan.state), "entries": entries,
            "schedule": fops.loan_schedule(db, ids["loan_id"]), "nominees": nominees}


def test_a_districts_fund_and_round_reach_the_province_as_they_are(offices):
    district = offices.db("VL")
    ids = _district_books(district)
    package = offices.send("VL", "QT")
    [outcome] = offices.receive("QT", package)
    assert (outcome.state, outcome.rejected, outcome.conflicts) == ("applied", 0, 0), \
        outcome.rejected_reasons
    mine, theirs = _view(district, ids), _view(offices.province, ids)
    assert theirs["totals"] and theirs["entries"] and len(theirs["nominees"]) == 2
    assert theirs == mine
    # The province's books pass the fund's own check (balanced, triggers in place).
    report = fops.check(offices.province)
    assert report.ok, (report.unbalanced, report.missing_triggers)
    # A posted entry stays frozen at the province too: the exemption is for the apply only.
    with pytest.raises(Exception, match="posted"), offices.province.transaction() as s:
        s.execute(text("UPDATE fund_posting SET amount = amount + 1 "
                       "WHERE rowid = (SELECT min(rowid) FROM fund_posting)"))


def test_an_unbalanced_entry_from_another_office_is_refused_whole(offices):
    district = offices.db("VL")
    _district_books(district)
    # A tampered or buggy sender: one posting of a posted entry changed behind the triggers.
    with district.transaction() as s:
        s.execute(text("DROP TRIGGER fund_posting_frozen"))
        s.execute(text("UPDATE fund_posting SET amount = amount + 1000 WHERE rowid = "
                       "(SELECT min(p.rowid) FROM fund_posting p JOIN fund_entry e "
                       "ON e.id = p.entry_id WHERE e.status = 'posted')"))
    package = offices.send("VL", "QT")
    before = snapshot(offices.province)
    [outcome] = offices.receive("QT", package)
    assert outcome.state == "refused"
    assert "không cân" in outcome.reason
    assert snapshot(offices.province) == before


def test_entries_arriving_in_their_final_state_are_taken_and_checked(offices):
    """A sender whose package carries each entry once, as it is now (posted, then its
    postings) — as an update arriving before its row's creation is applied: the fund's
    triggers of migration 0007 refused both; the rows now apply and the balance is checked."""
    district = offices.db("VL")
    ids = _district_books(district)
    with district.transaction() as s:
        s.execute(text(
            "UPDATE sync_outbox SET row = json_set(row, '$.status', "
            "(SELECT e.status FROM fund_entry e WHERE lower(hex(e.id)) = "
            "lower(replace(sync_outbox.row_id, '-', '')) OR e.id = sync_outbox.row_id)) "
            "WHERE entity = 'fund_entry' AND operation = 'insert'"))
        s.execute(text("DELETE FROM sync_outbox WHERE entity = 'fund_entry' AND operation = 'update'"))
        posted_first = s.scalar(text(
            "SELECT count(*) FROM sync_outbox WHERE entity = 'fund_entry' AND operation = 'insert' "
            "AND json_extract(row, '$.status') = 'posted'"))
    assert posted_first >= 5  # capital, contribution, loan, two repayments, reversal …
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert (outcome.state, outcome.rejected) == ("applied", 0), outcome.rejected_reasons
    assert _view(offices.province, ids) == _view(district, ids)


def _table(path) -> list[tuple]:
    """The table of a written report: from its header row down to its total row (the
    letterhead and the recipients differ between offices, the figures must not)."""
    from openpyxl import load_workbook

    rows = [tuple(r) for r in load_workbook(path).active.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] in ("TT", "Đơn vị"))
    end = next(i for i, r in enumerate(rows) if i > start and any(
        isinstance(v, str) and v.startswith("Tổng") for v in r))
    return rows[start:end + 1]


def test_the_fund_summary_and_the_fund_model_report_agree_after_the_exchange(offices, tmp_path):
    from core.fund import documents
    from core.targets.fund_model_targets import fund_model_lines, fund_model_report
    from core.targets.targets import FundModelFigures, set_fund_model_target
    from tests.sync_offices import unit_id

    province, district = offices.province, offices.db("VL")
    with province.transaction() as s:  # typed "0 running": the fund kept there must count
        set_fund_model_target(s, unit_id(province, "VL"), 2027, FundModelFigures(12, 0, 3))
    [outcome] = offices.receive("VL", offices.send("QT", "VL"))
    assert outcome.state == "applied", outcome.reason
    _district_books(district)
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert (outcome.state, outcome.rejected) == ("applied", 0), outcome.rejected_reasons

    with district.reading() as s:
        mine = fund_model_lines(s, 2027)
    with province.reading() as s:
        theirs = fund_model_lines(s, 2027)
    assert [(line.code, line.running_before) for line in theirs] == [("VL", 1)]
    assert theirs == mine
    tables = {}
    for code, db in (("VL", district), ("QT", province)):
        summary = documents.summary_report(db, tmp_path / f"{code}-tong-hop.xlsx", as_of=AS_OF)
        model = fund_model_report(db, tmp_path / f"{code}-mo-hinh.xlsx", year=2027)
        tables[code] = (_table(summary), _table(model))
    assert tables["QT"] == tables["VL"]
    summary_total = tables["QT"][0][-1]
    assert summary_total[0] == "Tổng cộng" and summary_total[1] == 1  # one fund, its figures
