"""The initiative tally (db/tally.py) stays exactly the register grouped, through every kind
of change: creates, edits of every counted column, status changes, tombstones and restores,
hard deletes, phase-date changes, bulk imports and the demo loader; and it gives the same
progress as grouping the register directly."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import delete, func, select

from core.common.database import open_app_database
from core.common.integrity import check_database, recount
from core.demo.org import load_demo
from core.demo.register import load_demo_register
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import progress
from db import tally
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeChange,
    InitiativeField,
    InitiativeKind,
    InitiativePayment,
    InitiativeStatus,
    InitiativeTally,
    UnitKind,
)


def _grouped(session, programme_id, phase):
    """The reference: the register grouped by hand."""
    query = (select(Initiative.unit_id, Initiative.status, func.count())
             .where(Initiative.programme_id == programme_id, Initiative.deleted_at.is_(None))
             .group_by(Initiative.unit_id, Initiative.status))
    if phase is not None:
        query = query.where(Initiative.phase_number == phase)
    return sorted((u, str(s), n) for u, s, n in session.execute(query))


def _from_tally(session, programme_id, phase):
    return sorted((u, str(s), int(n)) for u, s, n in progress._counts(session, programme_id, phase))


def test_random_changes_keep_the_tally_exact(app_db):
    rng = random.Random(5)
    with app_db.transaction() as s:
        units = [org.create_unit(s, org.UnitInput(
            code=f"VL-{i:04d}", name=f"CĐCS số {i}", kind=UnitKind.GRASSROOTS, parent_code="VL")).id
            for i in range(1, 6)]
        programmes = [initiatives.find_programme(s, "1TRIEU-SK").id,
                      initiatives.find_programme(s, "LDG-LDST").id]
    ids: list = []

    def random_input(n: int) -> InitiativeInput:
        return InitiativeInput(
            name=f"Sáng kiến {n}", kind=rng.choice(list(InitiativeKind)),
            unit_id=rng.choice(units), authors=[AuthorInput(f"Tác giả {n}")],
            programme_id=rng.choice([*programmes, None]),
            registered_on=date(2021, 9, 1) + timedelta(days=rng.randrange(900)),
            field=rng.choice([*InitiativeField, None]),
            economic_benefit=rng.choice([None, 0, rng.randrange(1, 10**9)]),
        )

    inputs: dict = {}

    def live(s) -> list:
        return [i for i in ids if s.get(Initiative, i).deleted_at is None]

    for step in range(300):
        with app_db.transaction() as s:
            action = rng.random()
            if action < 0.35 or not ids:
                data = random_input(step)
                item = initiatives.create_initiative(s, data)
                ids.append(item.id)
                inputs[item.id] = data
            elif action < 0.6:
                target = rng.choice(ids)
                data = replace(random_input(step), name=inputs[target].name)
                if s.get(Initiative, target).deleted_at is None:
                    initiatives.update_initiative(s, target, data)
                    inputs[target] = data
            elif action < 0.72:
                target = rng.choice(live(s) or [None])
                if target is None:
                    continue
                status = rng.choice(list(InitiativeStatus))
                initiatives.set_status(s, target, status, "Trùng lặp" if
                                       status == InitiativeStatus.REJECTED else "")
            elif action < 0.82:
                if live(s):
                    initiatives.delete_initiative(s, rng.choice(live(s)))
            elif action < 0.9:
                gone = [i for i in ids if s.get(Initiative, i).deleted_at is not None]
                if gone:
                    initiatives.restore_initiative(s, rng.choice(gone))
            elif action < 0.95:
                target = ids.pop(rng.randrange(len(ids)))
                for child in (InitiativeAuthor, InitiativeChange, InitiativePayment):
                    s.execute(delete(child).where(child.initiative_id == target))
                s.execute(delete(Initiative).where(Initiative.id == target))  # a hard delete
            else:
                ends = date(2022, 5, 31) + timedelta(days=rng.randrange(-60, 60))
                initiatives.set_phase_dates(s, programmes[0], 1, date(2021, 9, 1), ends)
        if step % 25 == 0:
            with app_db.reading() as s:
                assert tally.differences(s) == 0, step
    with app_db.reading() as s:
        assert tally.differences(s) == 0
        assert s.scalar(select(func.count()).select_from(InitiativeTally)) > 0
        assert s.scalar(select(func.min(InitiativeTally.initiatives))) > 0  # no empty rows
        # What other databases read instead of the table: the same rows, grouped on the fly.
        columns = ("programme_id", "phase_key", "unit_id", "status", "field_key", "month",
                   "initiatives", "with_benefit", "benefit")

        def rows(source):
            return sorted(tuple(str(v) for v in r)
                          for r in s.execute(select(*(source.c[c] for c in columns))))

        assert rows(tally._on_the_fly()) == rows(InitiativeTally.__table__)
        for programme_id in programmes:
            for phase in (None, 1, 2, 2024):
                assert _from_tally(s, programme_id, phase) == _grouped(s, programme_id, phase)


def test_bulk_loads_count_their_rows_and_check_repairs_a_broken_tally(tmp_path):
    db = open_app_database(tmp_path / "demo.sqlite")
    try:
        load_demo(db, members_per_unit=(1, 1))
        load_demo_register(db, count=400, yearly=50)
        with db.reading() as s:
            assert tally.differences(s) == 0
            main = initiatives.find_programme(s, "1TRIEU-SK").id
            assert sum(n for *_, n in _from_tally(s, main, None)) == 400
        assert check_database(db) == []
        with db.transaction() as s:  # break it behind the triggers' back
            s.execute(delete(InitiativeTally).where(InitiativeTally.programme_id == main))
        problems = check_database(db)
        assert len(problems) == 1 and "check --repair" in problems[0]
        recount(db)
        assert check_database(db) == []
        with db.transaction() as s:  # drop one initiative from the search index by hand
            seq = s.scalar(select(func.max(Initiative.seq)))
            s.connection().exec_driver_sql(
                "INSERT INTO initiative_fts(initiative_fts, rowid, name_folded, authors_folded, "
                "description_folded, unit_folded) SELECT 'delete', seq, name_folded, "
                "authors_folded, description_folded, unit_folded FROM initiative WHERE seq = ?",
                (seq,))
        problems = check_database(db)
        assert len(problems) == 1 and "initiative_fts" in problems[0]
        recount(db)
        assert check_database(db) == []
    finally:
        db.close()
