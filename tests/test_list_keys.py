"""The keys of a whole list (core.*.keys) are the order of its pages, and rows by key are
those rows: for every sort of the register and the members list, with searches (the FTS5
path, the index walk for common words, the trigram index for members) and unit filters.
"""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from core.common.database import open_app_database
from core.demo.org import load_demo
from core.demo.register import load_demo_register
from core.initiatives import records, register
from core.org import members
from db.models import Unit, UnitKind

EVERYTHING = 10**6


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_app_database(tmp_path_factory.mktemp("keys") / "x.sqlite")
    load_demo(db, members_per_unit=(1, 3))
    load_demo_register(db, count=1500, yearly=100)
    yield db
    db.close()


def test_register_keys_are_the_order_of_the_pages(demo):
    with demo.reading() as s:
        units = frozenset(s.scalars(select(Unit.id).where(Unit.kind == UnitKind.GRASSROOTS)
                                    .limit(200)))
        few = frozenset(list(units)[:8])
        for text, unit_ids, sort, descending in itertools.product(
                ["", "giao", "so do tu duy", "nguyen thi", "xyzxyz"], [None, units, few],
                [None, *register.SORT_COLUMNS], [False, True]):
            f = register.RegisterFilter(text=text, unit_ids=unit_ids)
            keys = register.keys(s, f, sort=sort, descending=descending)
            rows = register.page(s, f, sort=sort, descending=descending, limit=EVERYTHING)
            assert keys.tolist() == [r.seq for r in rows], (text, sort, descending)
            assert len(keys) == register.totals(s, f).count
            middle = len(rows) // 2
            assert register.rows_by_keys(s, keys[middle:middle + 30].tolist()) == \
                rows[middle:middle + 30]


def test_register_rows_by_key_and_key_of(demo):
    with demo.reading() as s:
        rows = register.page(s, register.RegisterFilter(), limit=5)
        assert register.key_of(s, rows[3].id) == rows[3].seq
        assert register.rows_by_keys(s, [rows[2].seq, -1, rows[0].seq]) == [rows[2], None, rows[0]]
        assert register.rows_by_keys(s, []) == []
    assert register.list_rows(demo, [rows[1].seq]) == [rows[1]]
    assert register.list_keys(demo, register.RegisterFilter(text=".,;")).tolist() == []
    assert register.list_keys(demo, register.RegisterFilter(), is_cancelled=lambda: True) is None


def test_member_keys_are_the_order_of_the_pages(demo):
    with demo.reading() as s:
        some = frozenset(s.scalars(select(Unit.id).where(Unit.kind == UnitKind.GRASSROOTS)
                                   .limit(30)))
        for text, unit_ids, sort, descending in itertools.product(
                ["", "thi", "huong", "ng", "zzz"], [None, some], members.SORT_COLUMNS,
                [False, True]):
            q = members.MemberQuery(unit_ids=unit_ids, text=text)
            keys = members.keys(s, q, sort=sort, descending=descending)
            rows = members.page_members(s, q, sort=sort, descending=descending, limit=EVERYTHING)
            assert keys.tolist() == [r.key for r in rows], (text, sort, descending)
            assert len(keys) == members.count_members(s, q)
            middle = len(rows) // 2
            assert members.rows_by_keys(s, keys[middle:middle + 30].tolist()) == \
                rows[middle:middle + 30]
        first = members.page_members(s, members.MemberQuery(), limit=1)[0]
        assert members.key_of(s, first.id) == first.key


def test_a_row_deleted_after_the_keys_is_still_given_until_the_next_keys(demo):
    with demo.reading() as s:
        f = register.RegisterFilter()
        keys = register.keys(s, f)
    first = register.list_rows(demo, keys[:1].tolist())[0]
    with demo.transaction() as s:
        records.delete_initiative(s, first.id)
    try:
        assert register.list_rows(demo, keys[:1].tolist()) == [first]  # no hole in the list
        assert first.seq not in register.list_keys(demo, f)
    finally:
        with demo.transaction() as s:
            records.restore_initiative(s, first.id)
