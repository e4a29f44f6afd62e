"""The lazy table model (gui.common.table_model) under the register and the members list.

Rows are checked against plain sorted SQL (stdlib sqlite3, no core code): the model must
show exactly those rows at the start, in the middle and at the end, for every sort, with
and without a search; after a reset rows deleted or added disappear or appear; rows not in
memory are read one window per query.
"""

from __future__ import annotations

import sqlite3
import uuid
from array import array
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from core.common.text import fold
from core.initiatives import records
from core.initiatives import register as core_register
from core.initiatives.register import RegisterFilter
from core.org import members as core_members
from core.org.members import MemberInput, MemberQuery
from db import search
from gui.common.table_model import OFFSET_PAGES, position
from gui.initiatives.register_table import (
    COL_AUTHORS,
    COL_BENEFIT,
    COL_KIND,
    COL_NAME,
    COL_NUMBER,
    COL_REGISTERED,
    COL_STATUS,
    COL_UNIT,
    InitiativeIdRole,
    RegisterTableModel,
)
from gui.org.member_table import COL_BIRTH, COL_GENDER, MemberIdRole, MemberTableModel
from gui.org.member_table import COL_NAME as MEMBER_NAME
from gui.org.member_table import COL_UNIT as MEMBER_UNIT
from tests.gui import test_register_page as shared
from tests.gui.conftest import bulk_members
from tests.gui.test_register_page import REGISTER_SIZE

_register_template = shared._register_template
register_db = shared.register_db

WINDOW = 7  # an odd window size: windows never line up with anything by chance
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


# --- the references: plain SQL ---------------------------------------------------------
_REGISTER_COLUMNS = {
    COL_NUMBER: "i.seq", COL_NAME: "i.name_folded", COL_AUTHORS: "i.authors_folded",
    COL_UNIT: "i.unit_folded", COL_KIND: "i.kind", COL_REGISTERED: "i.registered_on",
    COL_BENEFIT: "i.economic_benefit", COL_STATUS: "i.status",
}


def register_reference(db, text: str = "", column: int = COL_NUMBER, order=DESC) -> list[uuid.UUID]:
    direction = " DESC" if order == DESC else ""
    sql = "SELECT i.id FROM initiative i"
    params: list = []
    if text:
        sql += " JOIN initiative_fts ON initiative_fts.rowid = i.seq"
    sql += " WHERE i.deleted_at IS NULL"
    if text:
        sql += " AND initiative_fts MATCH ?"
        params.append(search.match_expression(fold(text)))
    sql += f" ORDER BY {_REGISTER_COLUMNS[column]}{direction}, i.seq{direction}"
    with sqlite3.connect(db.path) as raw:
        return [uuid.UUID(hex=r[0]) for r in raw.execute(sql, params)]


_MEMBER_COLUMNS = {MEMBER_NAME: "m.sort_key", COL_GENDER: "m.gender",
                   COL_BIRTH: "m.date_of_birth", MEMBER_UNIT: "u.name_folded"}


def member_reference(db, text: str = "", column: int = MEMBER_NAME, order=ASC) -> list[uuid.UUID]:
    direction = " DESC" if order == DESC else ""
    sql = ("SELECT m.id FROM member m JOIN unit u ON u.id = m.unit_id WHERE m.deleted_at IS NULL"
           + (" AND m.name_folded LIKE ?" if text else "")
           + f" ORDER BY {_MEMBER_COLUMNS[column]}{direction}, m.id{direction}")
    with sqlite3.connect(db.path) as raw:
        return [uuid.UUID(hex=r[0]) for r in raw.execute(sql, [f"%{fold(text)}%"] if text else [])]


def wait_complete(qtbot, model) -> None:
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)


def ids_jumping(model, role) -> list:
    """Every row's id, read the way a user jumps: middle, end, start, then the rest."""
    model.show_all()
    n = model.rowCount()
    seen = {}
    for row in (n // 2, n // 2 + 1, n - 1, n - 2, 0, 1, n // 2 - 1):
        if 0 <= row < n:
            seen[row] = model.index(row, 1).data(role)
    for row in range(n):
        if row not in seen:
            seen[row] = model.index(row, 1).data(role)
    return [seen[row] for row in range(n)]


# --- rows are those of the plain query ---------------------------------------------------
@pytest.mark.parametrize("text", ["", "cong doan"])
@pytest.mark.parametrize(("column", "order"), [
    (COL_NUMBER, DESC), (COL_NUMBER, ASC), (COL_NAME, ASC), (COL_REGISTERED, DESC),
    (COL_BENEFIT, DESC), (COL_AUTHORS, ASC), (COL_UNIT, DESC), (COL_STATUS, ASC), (COL_KIND, ASC),
])
def test_register_rows_match_the_sorted_query(qtbot, register_db, text, column, order):
    model = RegisterTableModel(register_db, page_size=WINDOW, keep_pages=3)
    model.sort(column, order)
    model.set_filter(RegisterFilter(text=text))
    expected = register_reference(register_db, text, column, order)
    assert len(expected) > 3 * WINDOW
    # Before the keys arrive: the first window, then pages by OFFSET.
    assert not model.complete
    assert [model.id_at(i) for i in range(model.rowCount())] == expected[:WINDOW]
    model.fetchMore()
    assert [model.id_at(i) for i in range(model.rowCount())] == expected[:2 * WINDOW]
    # Then every row by key, wherever it is.
    wait_complete(qtbot, model)
    assert model.total == len(expected)
    qtbot.waitUntil(lambda: model.totals is not None, timeout=20_000)
    assert model.totals.count == len(expected)
    assert ids_jumping(model, InitiativeIdRole) == expected
    assert len(model.loaded_pages()) <= 3


@pytest.mark.parametrize("text", ["", "nguyen"])
@pytest.mark.parametrize(("column", "order"), [
    (MEMBER_NAME, ASC), (MEMBER_NAME, DESC), (COL_BIRTH, DESC), (COL_GENDER, ASC), (MEMBER_UNIT, ASC),
])
def test_member_rows_match_the_sorted_query(qtbot, app_db, sample_units, text, column, order):
    bulk_members(app_db, sample_units["VL-0003"], 300)
    bulk_members(app_db, sample_units["VL-0004"], 200)
    model = MemberTableModel(app_db, page_size=WINDOW, keep_pages=3)
    model.sort(column, order)
    model.set_query(MemberQuery(text=text))
    expected = member_reference(app_db, text, column, order)
    assert len(expected) > 3 * WINDOW
    assert [model.member_at(i).id for i in range(model.rowCount())] == expected[:WINDOW]
    wait_complete(qtbot, model)
    assert model.total == len(expected)
    assert ids_jumping(model, MemberIdRole) == expected


# --- resets: rows deleted or added ---------------------------------------------------------
def test_register_rows_deleted_or_added_after_a_reset(qtbot, register_db):
    model = RegisterTableModel(register_db, page_size=WINDOW, keep_pages=3)
    model.sort(COL_NAME, ASC)
    model.set_filter(RegisterFilter())
    wait_complete(qtbot, model)
    model.show_all()
    middle = REGISTER_SIZE // 2
    gone = [model.id_at(0), model.id_at(middle), model.id_at(REGISTER_SIZE - 1)]
    with register_db.transaction() as s:
        for initiative_id in gone:
            records.delete_initiative(s, initiative_id)
    model.reload()
    wait_complete(qtbot, model)
    assert model.total == REGISTER_SIZE - 3
    assert ids_jumping(model, InitiativeIdRole) == register_reference(register_db, "", COL_NAME, ASC)
    assert not set(gone) & set(ids_jumping(model, InitiativeIdRole))
    assert model.row_of(gone[1]) is None

    with register_db.transaction() as s:
        records.restore_initiative(s, gone[1])
    model.reload(keep_loaded=True)
    wait_complete(qtbot, model)
    assert model.total == REGISTER_SIZE - 2
    assert model.row_of(gone[1]) == middle - 1  # the first row before it is gone
    assert ids_jumping(model, InitiativeIdRole) == register_reference(register_db, "", COL_NAME, ASC)


def test_member_rows_added_or_deleted_after_a_reset(qtbot, app_db, sample_units):
    bulk_members(app_db, sample_units["VL-0003"], 400)
    model = MemberTableModel(app_db, page_size=WINDOW, keep_pages=3)
    model.set_query(MemberQuery())
    wait_complete(qtbot, model)
    assert model.total == 407
    with app_db.transaction() as s:
        added = core_members.add_member(s, MemberInput(
            full_name="Lò Văn Mười", unit_id=sample_units["VL-0002"], date_of_birth=date(1980, 1, 1)))
        s.flush()
        added_id = added.id
    model.reload()
    wait_complete(qtbot, model)
    assert model.total == 408
    expected = member_reference(app_db)
    row = model.row_of(added_id)  # found anywhere once the keys are known
    assert row == expected.index(added_id) and model.member_at(row).full_name == "Lò Văn Mười"

    with app_db.transaction() as s:
        core_members.delete_member(s, added_id)
    model.reload(keep_loaded=True)
    wait_complete(qtbot, model)
    assert model.total == 407 and model.row_of(added_id) is None
    assert ids_jumping(model, MemberIdRole) == member_reference(app_db)


def test_while_the_keys_are_read_a_few_pages_come_by_offset(qtbot, register_db):
    model = RegisterTableModel(register_db, page_size=WINDOW, keep_pages=3)
    model.hold_background()  # the keys are not read yet
    model.set_filter(RegisterFilter())
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == OFFSET_PAGES * WINDOW < REGISTER_SIZE  # far down: wait for the keys
    assert model.loaded_pages() == [OFFSET_PAGES - 3, OFFSET_PAGES - 2, OFFSET_PAGES - 1]
    expected = register_reference(register_db)
    assert [model.id_at(i) for i in range(model.rowCount())] == expected[:model.rowCount()]
    model.release_background()
    wait_complete(qtbot, model)
    qtbot.waitUntil(lambda: model.totals is not None)
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == model.totals.count == REGISTER_SIZE
    assert [model.id_at(i) for i in range(model.rowCount())] == expected


def test_a_search_resets_the_model_and_a_late_answer_is_ignored(qtbot, app_db, sample_units):
    bulk_members(app_db, sample_units["VL-0003"], 400)
    model = MemberTableModel(app_db, page_size=WINDOW)
    resets = []
    model.modelReset.connect(lambda: resets.append(model.query.text))
    model.set_query(MemberQuery())
    model.set_query(MemberQuery(text="nguyen"))  # before the first keys arrive
    wait_complete(qtbot, model)
    qtbot.wait(50)  # any answer for the first query has been delivered by now
    assert resets == ["", "nguyen"]
    assert model.total == len(member_reference(app_db, "nguyen"))


# --- reading: one query per window ----------------------------------------------------------
class Counting:
    def __init__(self, real):
        self.real, self.calls = real, []

    def __call__(self, db, keys):
        self.calls.append(list(keys))
        return self.real(db, keys)


def test_rows_not_in_memory_cost_one_query_per_window(qtbot, register_db, monkeypatch):
    reads = Counting(core_register.list_rows)
    monkeypatch.setattr(core_register, "list_rows", reads)
    model = RegisterTableModel(register_db, page_size=WINDOW, keep_pages=2)
    model.set_filter(RegisterFilter())
    wait_complete(qtbot, model)
    model.show_all()
    assert reads.calls == []  # the first window came with the reset

    def paint(first_row: int) -> None:
        """What a view asks while painting a screenful: every cell, several roles."""
        for row in range(first_row, first_row + WINDOW):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
                             Qt.ItemDataRole.FontRole, InitiativeIdRole):
                    index.data(role)

    middle = (REGISTER_SIZE // 2) // WINDOW * WINDOW
    paint(middle)
    assert len(reads.calls) == 1 and len(reads.calls[0]) == WINDOW
    paint(middle)  # in memory
    assert len(reads.calls) == 1
    paint(middle + 3)  # straddles two windows: the second is read once
    assert len(reads.calls) == 2
    paint(0)  # the reset's window, dropped meanwhile: two windows are kept
    assert len(reads.calls) == 3
    assert model.loaded_pages() == [middle // WINDOW + 1, 0]
    paint(middle + WINDOW)  # still in memory
    assert len(reads.calls) == 3
    paint(middle)  # dropped: read again
    assert len(reads.calls) == 4
    assert model.queries == 1 + len(reads.calls)


# --- the view keeps its place and its selection ----------------------------------------------
def _rename_first(db, member_id) -> None:
    """Renamed so it sorts first (given name first: "A" before any other)."""
    with db.transaction() as s:
        old = core_members.get_member(s, member_id)
        core_members.update_member(s, member_id, MemberInput(
            full_name="Bùi Thị A", unit_id=old.unit_id, gender=old.gender,
            date_of_birth=old.date_of_birth))


def test_a_reload_after_an_edit_keeps_the_place_and_the_selection_follows(qtbot, app_db, sample_units):
    bulk_members(app_db, sample_units["VL-0003"], 300)
    model = MemberTableModel(app_db, page_size=WINDOW, keep_pages=3)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_query(MemberQuery())
    wait_complete(qtbot, model)
    for _ in range(20):
        model.fetchMore()
    shown = model.rowCount()
    moves = []
    model.layoutChanged.connect(lambda: moves.append(True))

    # An edit moves a row to the top: the first window is read again and the old keys
    # after it are kept (without the moved one) until the new keys arrive.
    _rename_first(app_db, model.member_at(shown - 3).id)
    model.reload(keep_loaded=True)
    assert model.rowCount() == shown and not model.complete
    expected = member_reference(app_db)
    assert [model.member_at(i).id for i in range(shown)] == expected[:shown]
    wait_complete(qtbot, model)
    assert not moves  # they were right

    # The list changes while its keys are read: the rows move, the selection with them.
    model.hold_background()
    model.reload(keep_loaded=True)
    selected = model.member_at(10)
    view.selectionModel().setCurrentIndex(
        model.index(10, MEMBER_NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    _rename_first(app_db, model.member_at(50).id)
    model.release_background()
    wait_complete(qtbot, model)
    assert moves
    assert model.rowCount() == shown
    assert view.currentIndex().row() == 11  # one row came before it
    assert model.member_at(11).id == selected.id
    assert [index.row() for index in view.selectionModel().selectedRows()] == [11]
    assert [model.member_at(i).id for i in range(shown)] == member_reference(app_db)[:shown]


def test_the_model_is_consistent_for_qt(qtmodeltester, qtbot, register_db):
    model = RegisterTableModel(register_db, page_size=WINDOW, keep_pages=3)
    model.set_filter(RegisterFilter(text="cong doan"))
    qtmodeltester.check(model)
    wait_complete(qtbot, model)
    model.show_all()
    model.sort(COL_NAME, ASC)
    wait_complete(qtbot, model)
    model.fetchMore()


def test_position_finds_keys_on_their_own_boundaries():
    keys = array("q", [5 << 32, 0, 5, *range(100, 2000)])  # 5's bytes also span the first two
    assert position(keys, 5) == 2  # far from nothing: found near the start
    assert position(keys, 150) == 53
    assert position(keys, 1999, near=1500) == len(keys) - 1  # near the given place
    assert position(keys, 1900) == 1803  # far from it: the byte search
    assert position(keys, 5, near=1800) == 2  # the byte search skips the match across two keys
    assert position(keys, 7) is None
