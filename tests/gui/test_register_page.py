"""The initiative register page: a lazy list over SQL (pages of PAGE_SIZE), sorted by
header clicks, filtered and searched in SQL, with the count and benefit total computed in
the background.

The register is the Lai Châu demo (core.demo.org + core.demo.register) with 500 initiatives,
built once per session and copied for each test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.common.database import AppDatabase, open_app_database
from core.common.text import fold
from core.initiatives import eligibility
from core.initiatives.register import RegisterFilter, page, totals
from db.models import InitiativeStatus
from gui.initiatives.page import RegisterPage
from gui.initiatives.register_table import (
    COL_BENEFIT,
    COL_ELIGIBLE,
    COL_NAME,
    COL_NUMBER,
    COL_STATUS,
    PAGE_SIZE,
    RegisterTableModel,
)

REGISTER_SIZE = 500


@pytest.fixture(scope="session")
def _register_template(tmp_path_factory) -> Path:
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register

    path = tmp_path_factory.mktemp("register") / "register.sqlite"
    db = open_app_database(path)
    load_demo(db, members_per_unit=(2, 4))
    load_demo_register(db, count=REGISTER_SIZE, yearly=0)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def register_db(_register_template, tmp_path) -> AppDatabase:
    target = tmp_path / "so-cong-doan.sqlite"
    shutil.copyfile(_register_template, target)
    db = open_app_database(target)
    yield db
    db.close()


@pytest.fixture
def register_page(qtbot, register_db) -> RegisterPage:
    page = RegisterPage(register_db)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.totals is not None, timeout=5000)
    return page


def core_totals(db, f: RegisterFilter):
    with db.reading() as s:
        return totals(s, f)


def test_model_holds_one_page_until_asked_for_more(qtbot, register_db):
    model = RegisterTableModel(register_db)
    model.set_filter(RegisterFilter())
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    qtbot.waitUntil(lambda: model.totals is not None, timeout=5000)
    assert model.totals.count == REGISTER_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == REGISTER_SIZE
    ids = [model.id_at(i) for i in range(model.rowCount())]
    assert len(set(ids)) == REGISTER_SIZE and None not in ids
    # The default order is newest first, as core gives it.
    with register_db.reading() as s:
        assert [r.id for r in page(s, RegisterFilter(), limit=REGISTER_SIZE)] == ids


def test_model_keeps_few_pages_and_reads_dropped_ones_again(qtbot, register_db):
    model = RegisterTableModel(register_db, keep_pages=2)
    model.set_filter(RegisterFilter())
    qtbot.waitUntil(lambda: model.totals is not None, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
    queries = model.queries
    forward = [model.id_at(i) for i in range(model.rowCount())]  # reads every page once
    assert len(model.loaded_pages()) <= 2
    assert model.queries - queries <= REGISTER_SIZE // PAGE_SIZE
    # The second half is read from the other end (small offsets): the same rows.
    with register_db.reading() as s:
        assert forward == [r.id for r in page(s, RegisterFilter(), limit=REGISTER_SIZE)]
    assert model.index(0, COL_NUMBER).data() == model.row_at(0).number
    assert model.index(REGISTER_SIZE - 1, COL_NUMBER).data().startswith("LC-SK-")


def test_first_page_shows_before_the_count_and_the_footer_follows(qtbot, register_db):
    page_widget = RegisterPage(register_db)
    qtbot.addWidget(page_widget)
    assert page_widget.model.rowCount() == PAGE_SIZE
    assert page_widget.count_label.text() == "Đang đếm…"
    qtbot.waitUntil(lambda: page_widget.count_label.text() == "500 sáng kiến", timeout=5000)
    expected = core_totals(register_db, RegisterFilter())
    assert page_widget.benefit_label.text() == (
        "Tổng giá trị làm lợi: " + f"{expected.benefit:,}".replace(",", ".") + " đồng"
    )


def test_search_ignores_tone_marks_and_the_footer_counts_the_matches(qtbot, register_page, register_db):
    page_widget, model = register_page, register_page.model
    expected = core_totals(register_db, RegisterFilter(text="cong doan"))
    assert 0 < expected.count < REGISTER_SIZE

    page_widget.search.setText("cong doan")
    assert model.filter.text == ""  # debounced: nothing yet
    qtbot.waitUntil(lambda: model.filter.text == "cong doan", timeout=2000)
    qtbot.waitUntil(lambda: model.totals is not None and model.totals.count == expected.count, timeout=5000)
    assert model.rowCount() == min(PAGE_SIZE, expected.count)
    assert page_widget.count_label.text() == f"{expected.count} sáng kiến khớp với “cong doan”"
    # The matches are the ones with "công đoàn" (any case and tone) somewhere in them.
    with register_db.reading() as s:
        found = page(s, RegisterFilter(text="cong doan"), limit=5)
    assert [model.id_at(i) for i in range(5)] == [r.id for r in found]
    assert any("cong doan" in fold(model.row_at(i).name + " " + model.row_at(i).unit_name)
               for i in range(model.rowCount()))


def test_clicking_a_header_sorts_in_sql_and_again_reverses(register_page):
    page_widget, model = register_page, register_page.model
    header = page_widget.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_BENEFIT) + header.sectionSize(COL_BENEFIT) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.sort_column == COL_BENEFIT
    assert model.rowCount() == PAGE_SIZE
    first = [model.row_at(i).benefit for i in range(PAGE_SIZE)]
    assert first == sorted(first, key=lambda v: -1 if v is None else v, reverse=model.descending)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    second = [model.row_at(i).benefit for i in range(PAGE_SIZE)]
    assert second == sorted(second, key=lambda v: -1 if v is None else v, reverse=model.descending)
    assert second != first
    assert model.totals.count == REGISTER_SIZE  # sorting keeps the count

    # The eligibility marks have no order: the indicator stays where the order is.
    x = header.sectionViewportPosition(COL_ELIGIBLE) + header.sectionSize(COL_ELIGIBLE) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.sort_column == COL_BENEFIT and header.sortIndicatorSection() == COL_BENEFIT
    # Money is right-aligned with "." between thousands.
    row = next(i for i in range(PAGE_SIZE) if model.row_at(i).benefit)
    index = model.index(row, COL_BENEFIT)
    assert "." in index.data() and index.data().replace(".", "").isdigit()
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_status_filter_and_totals(qtbot, register_page, register_db):
    page_widget, model = register_page, register_page.model
    page_widget.status_filter.set_value(InitiativeStatus.VALID)
    expected = core_totals(register_db, RegisterFilter(statuses=frozenset({InitiativeStatus.VALID})))
    assert 0 < expected.count < REGISTER_SIZE
    qtbot.waitUntil(lambda: model.totals is not None and model.totals.count == expected.count, timeout=5000)
    statuses = {model.row_at(i).status for i in range(model.rowCount())}
    assert statuses == {InitiativeStatus.VALID}
    assert {model.index(i, COL_STATUS).data() for i in range(model.rowCount())} == {"Hợp lệ"}
    assert page_widget.count_label.text() == f"{expected.count} sáng kiến khớp với bộ lọc"

    # Benefit range typed as people write money; a bad one is explained next to the box.
    page_widget.benefit_from.setText("1.000.000")
    page_widget.apply_filter()
    assert model.filter.benefit_min == 1_000_000
    page_widget.benefit_to.setText("15 triệu")
    page_widget.apply_filter()
    assert page_widget.benefit_error.text().startswith("Số tiền không hợp lệ: 15 triệu")
    assert model.filter.benefit_max is None

    page_widget.clear_filters()
    assert model.filter == RegisterFilter()
    qtbot.waitUntil(lambda: page_widget.count_label.text() == "500 sáng kiến", timeout=5000)


def test_unit_filter_includes_sub_units(qtbot, register_page, register_db):
    page_widget, model = register_page, register_page.model
    with register_db.reading() as s:
        from core.org.units import unit_tree

        nodes = unit_tree(s)
    upper = next(n for n in nodes if n.code.startswith("LC-") and n.kind == "upper" and
                 any(c.parent_id == n.id for c in nodes))
    qtbot.waitUntil(lambda: page_widget.unit_filter.count() > 1, timeout=5000)  # read in the background
    index = page_widget.unit_filter.index_of(upper.id)
    page_widget.unit_filter.setCurrentIndex(index)
    page_widget.apply_filter()
    assert model.filter.unit_ids is not None and upper.id in model.filter.unit_ids
    assert len(model.filter.unit_ids) > 1  # its grassroots unions too
    qtbot.waitUntil(lambda: model.totals is not None, timeout=5000)
    expected = core_totals(register_db, RegisterFilter(unit_ids=model.filter.unit_ids))
    assert model.totals.count == expected.count > 0


def test_eligibility_mark_and_its_reasons(register_page):
    model = register_page.model
    failing = next(i for i in range(model.rowCount()) if model.row_at(i).failed)
    index = model.index(failing, COL_ELIGIBLE)
    assert index.data() == "⚠"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Chưa đủ điều kiện:")
    with register_page._db.reading() as s:
        row = next(r for r in page(s, RegisterFilter(), limit=PAGE_SIZE) if r.id == model.id_at(failing))
    for reason in eligibility.reasons(row, row.window):
        assert reason in tip
    passing = next((i for i in range(model.rowCount()) if not model.row_at(i).failed), None)
    if passing is not None:
        assert model.index(passing, COL_ELIGIBLE).data() == "✓"
        assert model.index(passing, COL_ELIGIBLE).data(Qt.ItemDataRole.ToolTipRole) == "Đáp ứng mọi điều kiện công nhận."


def test_scrolling_fetches_more_and_the_name_column_is_readable(qtbot, register_page):
    model = register_page.model
    register_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=2000)
    assert not register_page.table.isColumnHidden(COL_NAME)
    assert register_page.table.columnWidth(COL_NAME) >= 200


def test_enter_on_a_row_opens_its_form(qtbot, register_page):
    from gui.initiatives.form import InitiativeDialog

    register_page.focus_default()
    QTest.keyClick(register_page.table, Qt.Key.Key_Return)
    dialog = register_page.dialog
    assert isinstance(dialog, InitiativeDialog)
    assert dialog.windowTitle() == "Sửa sáng kiến"
    assert dialog.name.text() == register_page.model.row_at(0).name
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not dialog.isVisible()


def test_show_unit_filters_even_before_the_unit_list_is_read(qtbot, register_db):
    from core.org.units import unit_tree

    with register_db.reading() as s:
        nodes = unit_tree(s)
    upper = next(n for n in nodes if n.kind == "upper" and any(c.parent_id == n.id for c in nodes))
    page_widget = RegisterPage(register_db)
    qtbot.addWidget(page_widget)
    assert page_widget.unit_filter.count() == 1  # only "all units" so far
    page_widget.show_unit(upper.id)
    ids = page_widget.model.filter.unit_ids
    assert ids is not None and upper.id in ids and len(ids) > 1
    qtbot.waitUntil(lambda: page_widget.unit_filter.count() > 1, timeout=5000)
    assert page_widget.unit_filter.value() == upper.id
    assert page_widget.model.filter.unit_ids == ids


def test_a_late_count_for_an_older_query_is_ignored(qtbot, register_db):
    model = RegisterTableModel(register_db)
    model.set_filter(RegisterFilter())
    first_generation = model.generation
    valid = RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}))
    model.set_filter(valid)
    expected = core_totals(register_db, valid)
    qtbot.waitUntil(lambda: model.totals is not None, timeout=5000)
    model.set_totals(core_totals(register_db, RegisterFilter()), first_generation)  # arrives late
    assert model.totals == expected
    assert model.rowCount() == min(PAGE_SIZE, expected.count)


def test_ctrl_end_reaches_the_last_initiative_and_a_new_search_starts_at_the_top(
        qtbot, register_page, register_db):
    page_, model, table = register_page, register_page.model, register_page.table
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == REGISTER_SIZE, timeout=10_000)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == REGISTER_SIZE - 1
    with register_db.reading() as s:  # the last row of the list as SQL sorts it
        expected = page(s, RegisterFilter(), offset=REGISTER_SIZE - 1, limit=1)[0]
    assert model.row_at(REGISTER_SIZE - 1).id == expected.id
    assert table.verticalScrollBar().value() > 0

    page_.search.setText("so do")
    page_.apply_filter()
    assert table.verticalScrollBar().value() == 0  # the matches from their first row
    table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert table.verticalScrollBar().value() == 0
