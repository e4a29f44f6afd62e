"""An entry that is not posted counts nowhere. This office writes an entry as a draft and
posts it in the same transaction, but a draft can stay in the journal otherwise (a package
from another office lets its rows in as they are; a hand-typed statement): its postings
must not move a balance, the money on hand, the book, a member's contributions or a loan."""

from __future__ import annotations

from datetime import date

from core.fund import documents, ledger, loans, ops
from db.models import Fund, FundEntry, FundLoan, FundPosting
from tests.fund_helpers import make_world

D = date(2026, 2, 1)
LATER = date(2026, 3, 10)


def test_a_draft_left_in_the_journal_counts_in_no_balance(app_db):
    world = make_world(app_db, capital=50_000_000)
    fid, member = world["fund_id"], world["members"][0]
    loan = ops.lend(app_db, fid, ops.LoanRequest(member, 6_000_000, 6, "Sửa nhà",
                                                 applied_on=D)).value
    ops.contribute(app_db, fid, member, 200_000, D)
    before = ops.get_fund(app_db, fid)
    with app_db.reading() as s:
        state_before = loans.states(s, [loan.id], LATER)[loan.id]
    with app_db.transaction() as s:  # a draft committed as it is: contribution and repayment
        draft = FundEntry(fund_id=fid, on=LATER, year=2026, voucher_kind="PT", voucher_no=99,
                          kind="repayment", memo="Nháp", status="draft", member_id=member,
                          loan_id=loan.id)
        s.add(draft)
        s.flush()
        s.add_all([FundPosting(entry_id=draft.id, fund_id=fid, on=LATER, account="cash",
                               amount=3_300_000, member_id=member, loan_id=loan.id),
                   FundPosting(entry_id=draft.id, fund_id=fid, on=LATER, account="contrib",
                               amount=-300_000, member_id=member),
                   FundPosting(entry_id=draft.id, fund_id=fid, on=LATER, account="loans",
                               amount=-3_000_000, member_id=member, loan_id=loan.id)])
    with app_db.reading() as s:
        assert s.get(FundEntry, draft.id).status == "draft"  # it is there, unposted
        fund = s.get(Fund, fid)
        assert ledger.balance(s, fid, "cash") == before.money
        assert ledger.money_on_hand(s, fid) == before.money
        assert ledger.balance(s, fid, "loans", loan_id=loan.id) == 6_000_000
        assert ledger.trial_balance(s, fid)["contrib"] == -200_000
        assert loans.states(s, [loan.id], LATER)[loan.id] == state_before
        book = documents.build_fund_book(s, fund, D, date(2026, 3, 31))
        assert all("Nháp" not in str(row.cells[2]) for row in book.tables[0].rows)
        assert book.tables[0].totals.cells[-1] == before.money
        assert s.get(FundLoan, loan.id).status == "disbursed"
    after = ops.get_fund(app_db, fid)
    assert (after.money, after.outstanding, after.contributions) == (
        before.money, before.outstanding, before.contributions) == (44_200_000, 6_000_000, 200_000)
    assert [m.contributed for m in ops.members(app_db, fid) if m.id == member] == [200_000]
    [totals] = ops.fund_totals_for(app_db, LATER)
    assert (totals.balance, totals.outstanding) == (44_200_000, 6_000_000)
