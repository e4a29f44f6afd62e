"""Register pages on the demo register: every way page() finds a page gives the same rows.

With a search text the page comes from the FTS5 index in ``seq`` order (default order),
from sorting every match, or — when many match — from walking the sort column's
index and keeping the matches. The last must return exactly what sorting returns.
"""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from core.common.database import open_app_database
from core.demo.org import load_demo
from core.demo.register import load_demo_register
from core.initiatives import register
from db.models import InitiativeStatus, Unit, UnitKind


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_app_database(tmp_path_factory.mktemp("pages") / "x.sqlite")
    load_demo(db, members_per_unit=(1, 2))
    load_demo_register(db, count=1500, yearly=100)
    yield db
    db.close()


def _sorted_everything(session, f, sort, descending):
    """The reference: every matching row, sorted in Python by the page's order."""
    rows = register.page(session, register.RegisterFilter(**{**vars(f), "text": ""}),
                         limit=10**6)
    wanted = {r.seq for r in register.page(session, f, limit=10**6)} if f.text else None
    rows = [r for r in rows if wanted is None or r.seq in wanted]
    if sort is None:
        return sorted(rows, key=lambda r: r.seq, reverse=True)
    key = {"registered_on": lambda r: (r.registered_on, r.seq),
           "benefit": lambda r: (r.economic_benefit is not None, r.economic_benefit or 0, r.seq),
           "number": lambda r: (r.number, r.seq)}[sort]
    return sorted(rows, key=key, reverse=descending)


def test_the_index_walk_is_taken_and_returns_what_sorting_returns(demo, monkeypatch):
    walks = []
    real = register._many_match
    monkeypatch.setattr(register, "_many_match",
                        lambda s, f: walks.append(f.text) or real(s, f))
    with demo.reading() as s:
        units = frozenset(s.scalars(select(Unit.id).where(Unit.kind == UnitKind.GRASSROOTS)
                                    .limit(200)))
        few = frozenset(list(units)[:8])  # under 5% of the register: the units drive the walk
        filters = [{}, {"statuses": frozenset({InitiativeStatus.VALID})}, {"unit_ids": units},
                   {"unit_ids": few}]
        checked = 0
        for text, extra, sort, descending, offset in itertools.product(
                ["giao", "so do tu duy", "quy trinh", "viem", "nguyen thi"], filters,
                [*register.SORT_COLUMNS, None], [False, True], [0, 50]):
            f = register.RegisterFilter(text=text, **extra)
            walked = [r.seq for r in register.page(s, f, sort=sort, descending=descending,
                                                   offset=offset)]
            with monkeypatch.context() as m:
                m.setattr(register, "_many_match", lambda s, f: False)
                sorted_ = [r.seq for r in register.page(s, f, sort=sort, descending=descending,
                                                        offset=offset)]
            assert walked == sorted_, (text, extra, sort, descending, offset)
            checked += 1
        assert checked == 5 * 4 * (len(register.SORT_COLUMNS) + 1) * 2 * 2
        assert walks  # the walk was considered, and taken for the common words:
        assert register._many_match(s, register.RegisterFilter(text="giao"))
        assert register._few_units(s, register.RegisterFilter(unit_ids=few))
        assert not register._few_units(s, register.RegisterFilter(unit_ids=units))
        assert not register._many_match(s, register.RegisterFilter(text="khong co tu nay"))


@pytest.mark.parametrize("sort", [None, "number", "registered_on", "benefit"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_match_a_sort_of_everything(demo, sort, descending):
    with demo.reading() as s:
        for text in ["giao", "so do", "xyzxyz", ""]:
            f = register.RegisterFilter(text=text)
            expected = [r.seq for r in _sorted_everything(s, f, sort, descending)]
            got = [r.seq for r in register.page(s, f, sort=sort, descending=descending,
                                                offset=0, limit=40)]
            assert got == expected[:40], (text, sort, descending)
            got = [r.seq for r in register.page(s, f, sort=sort, descending=descending,
                                                offset=40, limit=40)]
            assert got == expected[40:80], (text, sort, descending)
