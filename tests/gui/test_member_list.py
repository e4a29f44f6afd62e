"""The members list is lazy (pages of PAGE_SIZE), sorts in SQL, searches folded names."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.org.members import MemberQuery
from gui.org.member_table import COL_BIRTH, COL_NAME, COL_UNIT, PAGE_SIZE, MemberTableModel
from gui.org.page import OrganisationPage
from tests.gui.conftest import bulk_members


def test_model_fetches_one_page_at_a_time(qtbot, app_db, sample_units):
    bulk_members(app_db, sample_units["VL-0003"], 1000)
    model = MemberTableModel(app_db)
    with qtbot.waitSignal(model.totalChanged, timeout=2000):
        model.set_query(MemberQuery())
        assert model.total is None  # the first page comes first; the count follows
    assert model.total == 1007
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1007
    assert len({model.member_at(i).id for i in range(model.rowCount())}) == 1007


def test_page_lists_lazily_sorts_by_header_and_searches(qtbot, app_db, sample_units):
    bulk_members(app_db, sample_units["VL-0003"], 1000)
    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    model = page.member_model

    # The office unit (VL) is selected: its members and its sub-units' members.
    assert page.scope_label.text() == "Đoàn viên của LĐLĐ huyện Vĩnh Linh và các đơn vị trực thuộc"
    qtbot.waitUntil(lambda: model.total == 1007, timeout=2000)
    assert page.count_label.text() == "1.007 đoàn viên"

    # Once the keys of the whole list are known the scroll bar spans it: Ctrl+End reaches
    # the last member (rows are still read only when shown).
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 1007, timeout=5000)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.table.currentIndex().row() == 1006
    assert page.table.verticalScrollBar().value() == page.table.verticalScrollBar().maximum() > 0

    # Clicking a header re-queries sorted by that column, from the top of the list.
    first = model.member_at(0)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_BIRTH) + header.sectionSize(COL_BIRTH) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.sort_column == COL_BIRTH
    assert page.table.verticalScrollBar().value() == 0
    births = [model.member_at(i).date_of_birth for i in range(PAGE_SIZE)]
    assert births == sorted(births, reverse=model.descending)
    assert model.member_at(0) != first
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    flipped = [model.member_at(i).date_of_birth for i in range(3)]
    assert flipped == sorted(flipped, reverse=model.descending) and flipped[0] != births[0]
    page.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)

    # Search ignores tone marks; it runs shortly after typing stops.
    page.member_search.setText("huong")
    qtbot.waitUntil(lambda: model.total == 1, timeout=2000)
    assert model.member_at(0).full_name == "Lê Thị Hương"
    assert model.index(0, COL_BIRTH).data() == "06/03/1985"
    assert page.count_label.text() == "1 đoàn viên khớp với “huong”"


def test_selecting_a_unit_filters_to_it_and_its_sub_units(qtbot, app_db, sample_units):
    page = OrganisationPage(app_db)
    qtbot.addWidget(page)
    page.select_unit(sample_units["VL-0001"])
    names = {page.member_model.member_at(i).full_name for i in range(page.member_model.rowCount())}
    assert names == {"Lê Thị Hương", "Nguyễn Văn Hùng"}
    assert page.scope_label.text() == "Đoàn viên của CĐCS Trường THCS Hồ Xuân Hương"
    assert page.table.isColumnHidden(COL_UNIT)  # one unit: its name would repeat in every row
    page.select_unit(page.current_unit().parent_id)
    assert not page.table.isColumnHidden(COL_UNIT)
    assert page.member_model.query.unit_ids is not None  # VL: not every unit (QT is above it)

    # The top unit holds every unit: the list drops the unit filter (same rows, and SQLite
    # can then read one page through the sort index instead of sorting everything).
    page.select_unit(page.current_unit().parent_id)
    assert page.current_unit().code == "QT"
    assert page.member_model.query.unit_ids is None and page.member_model.total == 7  # one page

    # The unit search box filters the tree by folded name.
    page.unit_search.setText("vinh thai")
    visible = []
    proxy = page.unit_proxy

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            visible.append(index.data())
            walk(index)

    walk(page.tree.rootIndex())
    assert "CĐCS Xã Vĩnh Thái" in visible
    assert "CĐCS Trường THCS Hồ Xuân Hương" not in visible
