"""Confidential initiatives leave without their stripped fields (absent, not ''), a
confidential row never overwrites what it did not carry, values are checked by column type
before they are written, and `check` reports dates the program cannot read."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from core.common.integrity import check_database
from db.models import Initiative
from tests.sync_offices import edit, get, make_offices, register, snapshot


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def _empty_dates(db) -> int:
    with db.reading() as s:
        return s.scalar(text("SELECT count(*) FROM initiative WHERE first_applied_on = '' "
                             "OR portal_uploaded_on = '' OR decision_date = ''")) or 0


def test_a_confidential_initiative_arrives_without_empty_dates_and_the_register_reads(offices):
    [item] = register(offices.db("HH"), "HH-01", ["Bí mật quốc phòng"], confidential=True)
    edit(offices.db("HH"), Initiative, item, first_applied_on=date(2026, 3, 1),
         portal_uploaded_on=date(2026, 4, 1))
    [outcome] = offices.receive("QT", offices.send("HH", "QT"))
    assert outcome.state == "applied" and outcome.rejected == 0
    assert _empty_dates(offices.province) == 0
    row = get(offices.province, Initiative, item)
    assert row.first_applied_on is None and row.portal_uploaded_on is None
    assert row.description == "" and row.name == "Bí mật quốc phòng"
    with offices.province.reading() as s:  # what the "Sáng kiến" page does: read every row
        assert len(s.scalars(select(Initiative)).all()) == s.scalar(
            select(func.count()).select_from(Initiative))


def test_marking_confidential_never_erases_the_receivers_own_values(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Máy bơm cải tiến"])
    edit(offices.db("VL"), Initiative, item, first_applied_on=date(2026, 2, 2))
    offices.receive("QT", offices.send("VL", "QT"))
    assert get(offices.province, Initiative, item).first_applied_on == date(2026, 2, 2)
    # the district marks it confidential and, in the same edit, changes a field that is
    # stripped from confidential rows: that field does not travel, the province keeps its own
    edit(offices.db("VL"), Initiative, item, confidential=True,
         first_applied_on=date(2026, 6, 6))
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert outcome.state == "applied", outcome.reason
    row = get(offices.province, Initiative, item)
    assert row.confidential
    assert row.first_applied_on == date(2026, 2, 2)
    assert row.description == "Mô tả chi tiết Máy bơm cải tiến"
    assert _empty_dates(offices.province) == 0


def test_a_bad_date_in_a_package_refuses_it_whole_and_check_reports_it(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Sổ tay điện tử"])
    assert check_database(offices.db("VL")) == []
    with offices.db("VL").transaction() as s:  # damage as an old program or a tool would
        s.execute(text("UPDATE initiative SET first_applied_on = '' WHERE id = :i"),
                  {"i": item.hex})
    problems = check_database(offices.db("VL"))
    assert any("initiative" in p and "first_applied_on" in p for p in problems), problems
    before = snapshot(offices.province)
    [outcome] = offices.receive("QT", offices.send("VL", "QT"))
    assert outcome.state == "refused"
    assert "first_applied_on" in outcome.reason and "phải là một ngày" in outcome.reason
    assert snapshot(offices.province) == before


def test_check_repair_sets_empty_dates_to_null(offices):
    from core.common.integrity import recount

    [item] = register(offices.db("VL"), "VL-01", ["Sổ tay điện tử"])
    with offices.db("VL").transaction() as s:
        s.execute(text("UPDATE initiative SET portal_uploaded_on = '' WHERE id = :i"),
                  {"i": item.hex})
    assert check_database(offices.db("VL"))
    recount(offices.db("VL"))
    assert check_database(offices.db("VL")) == []
    assert get(offices.db("VL"), Initiative, item).portal_uploaded_on is None
