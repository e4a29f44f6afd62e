"""A fund entry still in draft (not posted) is local work in progress: it counts in no
balance (docs/FUND.md) and may still change, so it does not travel. Export leaves it and its
postings out; an import (a package from an older sender) does not keep it and says why."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.fund import ops as fops
from core.sync import exchange
from db.models import FundEntry, FundPosting
from tests.fund_helpers import make_world
from tests.sync_offices import make_offices

LATER = date(2026, 3, 10)


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _books_with_a_draft(db) -> tuple[dict, object]:
    world = make_world(db, members=2, capital=30_000_000, code="VL-01")
    fid, member = world["fund_id"], world["members"][0]
    fops.contribute(db, fid, member, 400_000, date(2026, 2, 1))
    with db.transaction() as s:  # a draft left in the journal (a hand-typed statement)
        draft = FundEntry(fund_id=fid, on=LATER, year=2026, voucher_kind="PT", voucher_no=99,
                          kind="contribution", memo="Nháp", status="draft", member_id=member)
        s.add(draft)
        s.flush()
        s.add_all([FundPosting(entry_id=draft.id, fund_id=fid, on=LATER, account="cash",
                               amount=900_000, member_id=member),
                   FundPosting(entry_id=draft.id, fund_id=fid, on=LATER, account="contrib",
                               amount=-900_000, member_id=member)])
    return world, draft.id


def _entries(db) -> tuple[int, int, int]:
    """(entries, drafts, postings) held."""
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(FundEntry)),
                s.scalar(select(func.count()).select_from(FundEntry).where(
                    FundEntry.status != "posted")),
                s.scalar(select(func.count()).select_from(FundPosting)))


def test_a_draft_entry_is_not_sent(offices):
    district = offices.db("VL")
    world, draft = _books_with_a_draft(district)
    entries, drafts, postings = _entries(district)
    assert drafts == 1
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert (outcome.state, outcome.rejected) == ("applied", 0), outcome.rejected_reasons
    assert _entries(offices.province) == (entries - 1, 0, postings - 2)
    assert fops.get_fund(offices.province, world["fund_id"]).money == \
        fops.get_fund(district, world["fund_id"]).money


def test_a_draft_entry_from_an_older_sender_is_refused_with_its_reason(offices, monkeypatch):
    district = offices.db("VL")
    world, draft = _books_with_a_draft(district)
    entries, _, postings = _entries(district)
    monkeypatch.setattr(exchange, "_draft_entries", lambda conn: set(), raising=False)  # the old export
    package = offices.send("VL", "QT")
    [outcome] = offices.receive("QT", package)
    assert outcome.state == "applied"
    assert outcome.rejected == 3  # the entry and its two postings
    [reason] = outcome.rejected_reasons
    assert "PT-2026-0099" in reason and "bản nháp" in reason and "chưa ghi sổ" in reason
    assert _entries(offices.province) == (entries - 1, 0, postings - 2)
    with offices.province.reading() as s:
        assert s.get(FundEntry, draft) is None
    assert fops.get_fund(offices.province, world["fund_id"]).money == \
        fops.get_fund(district, world["fund_id"]).money
    # acknowledged all the same: the older sender's next package does not carry it again
    offices.receive("VL", offices.send("QT", "VL"))
    [again] = offices.receive("QT", offices.send("VL", "QT"))
    assert (again.state, again.rejected) == ("applied", 0)
