"""Change notices of the organisation feature: what its page, dialogs and the settings page
send on the bus, and how the page and the window header follow notices from elsewhere."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from core.common.changes import Changes
from core.org import ops
from core.org.ops import MemberInput, UnitDraft, UnitKind
from gui.common.changes import ChangeBus
from gui.org.page import OrganisationPage


@pytest.fixture
def bus(qapp):
    return ChangeBus()


@pytest.fixture
def page(qtbot, app_db, sample_units, bus):
    page = OrganisationPage(app_db, bus=bus)
    bus.changed.connect(page.apply_changes)  # as the main window does for every page
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def heard(bus):
    notices: list[tuple[Changes, object]] = []
    bus.changed.connect(lambda changes, source: notices.append((changes, source)))
    return notices


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_adding_a_unit_in_the_dialog_sends_units_changed(page, bus, qtbot):
    assert page.current_unit().code == "VL"
    dialog = page.add_unit()
    dialog.name.setText("CĐCS Trường Mầm non Hoa Sen")
    with qtbot.waitSignal(bus.changed, timeout=1000) as notice:
        _ok(dialog).click()
    changes, source = notice.args
    assert changes == Changes(units=True) and source is page
    assert not dialog.isVisible() and dialog.outcome.value.code == "VL-0005"
    assert page.current_unit().name == "CĐCS Trường Mầm non Hoa Sen"


def test_member_dialog_delete_undo_and_merge_send_notices(page, sample_units, heard, messages):
    dialog = page.add_member()
    dialog.full_name.setText("Ngô Thị Lan")
    _ok(dialog).click()
    assert heard == [(Changes(members=True), page)]

    assert page.select_member(dialog.member_id)
    page.act_delete_member.trigger()
    page.undo_stack.undo()
    assert heard[1:] == [(Changes(members=True), page)] * 2

    page.select_unit(sample_units["VL-0003"])
    merge = page.merge_unit()
    merge.target.set_value(sample_units["VL-0004"])
    _ok(merge).click()
    assert heard[-1] == (Changes(units=True, members=True), page)
    # A refused save sends nothing.
    count = len(heard)
    dialog = page.add_unit()
    dialog.code.setText("VL-0001")
    dialog.name.setText("Trùng mã")
    _ok(dialog).click()
    assert dialog.isVisible() and len(heard) == count


def test_page_follows_changes_made_elsewhere(page, app_db, bus, sample_units):
    vl = page.current_unit()
    added = ops.add_unit(app_db, UnitDraft("VL-0099", "CĐCS Bệnh viện Vĩnh Linh", UnitKind.GRASSROOTS, vl.id))
    assert added.value.id not in page.unit_model.nodes
    bus.notify(added.changes, source=object())
    assert added.value.id in page.unit_model.nodes
    assert page.current_unit().id == vl.id  # the selection stays

    total = page.member_model.total
    ops.add_member(app_db, MemberInput("Lý Thị Mơ", added.value.id))
    bus.notify(Changes(members=True), source=object())
    assert page.member_model.total == total + 1

    # Other kinds leave the page alone; its own notices it has already applied.
    ops.add_member(app_db, MemberInput("Lý Văn Tèo", added.value.id))
    bus.notify(Changes(targets=True), source=object())
    bus.notify(Changes(members=True), source=page)
    assert page.member_model.total == total + 1


def test_main_window_wires_the_bus(window, app_db, sample_units):
    page = window.pages["organisation"]
    added = ops.add_unit(app_db, UnitDraft("VL-0099", "CĐCS Bệnh viện Vĩnh Linh", UnitKind.GRASSROOTS,
                                           page.current_unit().id))
    window.bus.notify(added.changes, source=None)
    assert added.value.id in page.unit_model.nodes

    # The header follows the office wherever it was changed.
    office = ops.load_office(app_db)
    done = ops.save_office(app_db, dataclasses.replace(office, name="LĐLĐ huyện Vĩnh Linh (đổi tên)"))
    window.bus.notify(done.changes, source=None)
    assert window.office_label.text() == "LĐLĐ huyện Vĩnh Linh (đổi tên)"
    assert window.windowTitle() == "Tổ chức — LĐLĐ huyện Vĩnh Linh (đổi tên)"


def test_settings_page_sends_office_changed(window, app_db):
    settings = window.show_page("settings")
    notices = []
    window.bus.changed.connect(lambda changes, source: notices.append((changes, source)))
    settings.form.chair_name.setText("Trần Thị Mai")
    assert settings.save() is not None
    assert notices == [(Changes(office=True), settings)]

    # A change made elsewhere shows on the page, unless the user is editing it there.
    office = ops.load_office(app_db)
    window.bus.notify(ops.save_office(app_db, dataclasses.replace(office, place="Hồ Xá")).changes)
    assert settings.form.place.text() == "Hồ Xá"
    settings.form.chair_name.setText("Đang sửa")
    window.bus.notify(ops.save_office(app_db, dataclasses.replace(office, place="Cửa Tùng")).changes)
    assert settings.form.chair_name.text() == "Đang sửa" and settings.form.place.text() == "Hồ Xá"
