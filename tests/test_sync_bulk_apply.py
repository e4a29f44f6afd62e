"""New rows of a package go in a run at a time (one executemany): the capture trigger, which
would do nothing, and the initiatives' search-index and tally triggers are set aside for the
run and their work done once — the result is the same as one row at a time, and a run
holding a row that cannot be stored falls back to one row at a time (only that row
rejected)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from core.sync import exchange
from db import tally
from db.models import Initiative, SyncOutbox
from tests.sync_offices import edit, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _traced(db) -> list[str]:
    """Every statement (and trigger) SQLite runs on connections opened from now on."""
    seen: list[str] = []
    db.engine.dispose()
    event.listen(db.engine, "connect",
                 lambda dbapi, _record: dbapi.set_trace_callback(seen.append))
    return seen


def _triggers(db) -> set[str]:
    with db.reading() as s:
        return set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def test_received_rows_run_no_trigger_per_row_and_come_out_the_same(offices):
    names = [f"Sáng kiến hàng loạt {i}" for i in range(40)]
    register(offices.db("VL"), "VL-01", names)
    package = offices.send("VL", "QT")
    province = offices.province
    triggers = _triggers(province)
    seen = _traced(province)

    [outcome] = offices.receive("QT", package)

    assert outcome.state == "applied", outcome.reason
    assert outcome.new >= 80 and outcome.rejected == 0  # initiatives and their authors
    # a trigger run under a statement is traced as that statement again: one trace a row
    # is an insert with no trigger under it (one at a time, the search-index, tally and
    # capture triggers ran under each)
    inserts = [s for s in seen if s.startswith('INSERT INTO "initiative" ')]
    assert len(inserts) == 40, len(inserts)
    assert _triggers(province) == triggers  # every trigger is back
    with province.reading() as s:
        assert s.scalar(text("SELECT count(*) FROM initiative_fts WHERE initiative_fts "
                             "MATCH 'loat'")) == 40
        assert tally.differences(s) == 0
        assert s.scalar(select(SyncOutbox.seq).where(SyncOutbox.entity == "initiative")) is None
        some = s.scalar(select(Initiative.id).where(Initiative.name == names[0]))
    edit(province, Initiative, some, status="rejected", rejection_reason="Trùng")
    with province.reading() as s:  # capture works again after the run
        assert s.scalar(select(SyncOutbox.operation).where(
            SyncOutbox.row_id == some.hex)) == "update"


def test_a_row_of_a_run_that_cannot_be_stored_is_rejected_alone(offices):
    ids = register(offices.db("VL"), "VL-01", [f"Sáng kiến {i}" for i in range(30)])
    with offices.db("VL").reading() as s:
        taken = s.scalar(select(Initiative.number).where(Initiative.id == ids[7]))
    package = offices.send("VL", "QT")
    # the province holds a row of its own under that number (unique): that row cannot go in
    [own] = register(offices.province, "QT", ["Sáng kiến của tỉnh"])
    edit(offices.province, Initiative, own, number=taken)
    runs = []
    original = exchange._insert_new
    exchange._insert_new = lambda *a: runs.append(len(a[3])) or original(*a)
    try:
        [outcome] = offices.receive("QT", package)
    finally:
        exchange._insert_new = original
    assert runs  # new rows went in runs
    assert outcome.state == "applied", outcome.reason
    # that initiative, then its author and its history entry (they refer to it)
    assert outcome.rejected == 3 and "duy nhất" in outcome.rejected_reasons[0]
    with offices.province.reading() as s:
        arrived = set(s.scalars(select(Initiative.id).where(Initiative.origin_office == "VL")))
        assert arrived == set(ids) - {ids[7]}
        assert tally.differences(s) == 0
        assert s.scalar(text("SELECT count(*) FROM initiative_fts WHERE initiative_fts "
                             "MATCH 'sang'")) == 30  # 29 received and the province's own


@pytest.mark.parametrize(("line", "plain"), [
    ('{"name":"Sáng kiến “mới” – «tốt»\\nDòng hai\\t"}', True),
    ('{"name":"chuông \\u0007"}', False),  # a control character, escaped as JSON writes it
    ('{"name":"lùi \\b"}', False),
    ('{"name":"đảo \u202e chiều"}', False),
    ('{"name":"phi ký tự \ufdd0"}', False),
    ('{"name":"ngoài BMP \U0010ffff"}', False),  # a non-character beyond the BMP
    ('{"name":"biểu tượng \U0001f600"}', False),  # any code point beyond it: looked at alone
])
def test_a_line_is_plain_only_when_cleaning_could_change_none_of_its_text(line, plain):
    from core.sync.package import _plain

    assert _plain(line, line.encode()) is plain
