"""The sync page, driven from the keyboard: a district exports, the province imports with a
preview, then a conflict is shown side by side and decided."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.sync import ops
from db.models import Initiative
from gui.sync.page import SyncPage
from tests.sync_offices import PASS, edit, get, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def _page(qtbot, db) -> SyncPage:
    page = SyncPage(db)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.passphrase, PASS)
    return page


def _press(qtbot, button) -> None:
    assert button.isEnabled()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_new_office_is_offered_the_enrolment_file(qtbot, app_db):
    page = SyncPage(app_db)
    qtbot.addWidget(page)
    assert not page.import_keys_button.isHidden()
    assert not page.export_button.isEnabled() and not page.import_button.isEnabled()


def test_export_from_a_district_then_preview_and_import_at_the_province(qtbot, offices, tmp_path,
                                                                       monkeypatch, messages):
    [item] = register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    district = _page(qtbot, offices.db("VL"))
    assert district.recipient.currentData() == "QT"
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr("gui.sync.page.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(folder))
    _press(qtbot, district.export_button)
    qtbot.waitUntil(lambda: district.last_export is not None, timeout=20_000)
    package = district.last_export.path
    assert package.parent == folder and package.name.startswith("VL-gui-QT-")
    assert district.history.rowCount() == 2  # the province's first package, and this one

    province = _page(qtbot, offices.province)
    monkeypatch.setattr("gui.sync.page.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(package), str(package)], ""))
    _press(qtbot, province.import_button)
    qtbot.waitUntil(lambda: province.preview is not None, timeout=20_000)
    preview = province.preview
    assert preview.table.rowCount() == 2
    assert int(preview.table.item(0, 4).text()) >= 1  # new records
    assert get(offices.province, Initiative, item) is None  # nothing written by the preview
    _press(qtbot, preview.apply_button)
    qtbot.waitUntil(lambda: bool(province.last_import), timeout=20_000)
    assert [o.state for o in province.last_import] == ["applied", "duplicate"]
    assert get(offices.province, Initiative, item).name == "Cải tiến máy bơm"
    assert province.offices.item(0, 0).text() in ("HH", "VL")
    assert not messages.errors


def test_conflicts_side_by_side_and_decided(qtbot, offices):
    [item] = register(offices.db("VL"), "VL-01", ["Gốc"])
    offices.receive("QT", offices.send("VL", "QT"))
    edit(offices.db("VL"), Initiative, item, name="Tên của huyện")
    edit(offices.province, Initiative, item, name="Tên của tỉnh")
    offices.receive("QT", offices.send("VL", "QT"))
    page = _page(qtbot, offices.province)
    assert page.conflict_list.rowCount() == 1
    page.tabs.setCurrentIndex(2)
    page.conflict_list.setFocus()
    page.conflict_list.selectRow(0)
    fields = {page.conflict_fields.item(r, 0).text(): (page.conflict_fields.item(r, 1).text(),
                                                        page.conflict_fields.item(r, 2).text())
              for r in range(page.conflict_fields.rowCount())}
    assert fields["name"] == ("Tên của tỉnh", "Tên của huyện")
    _press(qtbot, page.keep_mine)
    assert page.conflict_list.rowCount() == 0
    assert get(offices.province, Initiative, item).name == "Tên của tỉnh"
    assert ops.conflicts(offices.province) == []
