"""The sync page's keys: "create the province's keys" only for an office with no parent;
keys made by mistake can be replaced by the enrolment file after a yes; enrolment picks
from the province's units."""

from __future__ import annotations

import pytest

from core.org.office import init_office
from core.sync import keys, ops
from gui.common import widgets
from gui.sync.page import SyncPage
from tests.sync_offices import PASS, _open, make_offices


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _district(o, code="HH"):
    db = _open(o.root / f"{code}.sqlite", code)
    with db.transaction() as s:
        init_office(s, code=code, name=f"LĐLĐ huyện {code}", level="upper", parent_code="QT",
                    parent_name="LĐLĐ tỉnh Quảng Trị")
    return db


def test_a_district_is_not_offered_the_provinces_keys(qtbot, offices):
    db = _district(offices)
    try:
        page = SyncPage(db)
        qtbot.addWidget(page)
        assert page.init_keys_button.isHidden()
        assert not page.import_keys_button.isHidden()
    finally:
        db.close()


def test_mistaken_keys_are_replaced_from_the_window_after_a_yes(qtbot, offices, tmp_path,
                                                              monkeypatch):
    db = _district(offices, "VL2")
    try:
        with db.transaction() as s:
            s.add(keys.SyncIdentity(office_code="VL2", role="province", province_code="VL2",
                                    key_id="nham", sign_public=b"x", box_public=b"y",
                                    private_sealed="{}", created_at=keys.utcnow()))
        page = SyncPage(db)
        qtbot.addWidget(page)
        assert not page.import_keys_button.isHidden()
        asked = []
        monkeypatch.setattr(widgets, "confirm", lambda *a, **k: asked.append(a) or True)
        with offices.province.transaction() as s:
            from core.org import units as org
            from db.models import UnitKind
            org.create_unit(s, org.UnitInput(code="VL2", name="LĐLĐ huyện VL2",
                                             kind=UnitKind.UPPER, parent_code="QT"))
        province_page = SyncPage(offices.province)
        qtbot.addWidget(province_page)
        province_page.passphrase.setText(PASS)
        out = tmp_path / "VL2.scdkey"
        province_page.enrol(out=str(out))
        dialog = province_page.enrol_dialog
        qtbot.keyClicks(dialog.office, "VL9")  # not a unit of the province: refused
        qtbot.keyClicks(dialog.first, PASS)
        qtbot.keyClicks(dialog.again, PASS)
        dialog.save()
        assert dialog.isVisible() and not out.exists()
        dialog.office.clear()
        qtbot.keyClicks(dialog.office, "vl2")  # the province's unit, typed in lower case
        dialog.save()
        assert not dialog.isVisible() and out.exists()
        page.passphrase.setText(PASS)
        page.import_enrolment(str(out))
        assert asked
        me = ops.identity(db)
        assert me is not None and (me.role, me.province_code) == ("district", "QT")
    finally:
        db.close()


def test_export_with_nothing_new_asks_before_writing_an_acknowledgement(qtbot, offices, tmp_path,
                                                                        monkeypatch):
    offices.receive("QT", offices.send("VL", "QT"))
    offices.receive("VL", offices.send("QT", "VL"))
    page = SyncPage(offices.db("VL"))
    qtbot.addWidget(page)
    page.passphrase.setText(PASS)
    asked: list[str] = []
    monkeypatch.setattr(widgets, "confirm", lambda parent, title, text, *a: asked.append(text)
                        or False)
    out = tmp_path / "ra"
    out.mkdir()
    assert page.export_to(str(out)) is None
    assert asked and list(out.iterdir()) == []


def test_the_province_removes_a_mistaken_enrolment_from_the_window(qtbot, offices, tmp_path,
                                                                   monkeypatch):
    page = SyncPage(offices.province)
    qtbot.addWidget(page)
    assert not page.remove_office_button.isHidden()
    page.passphrase.setText(PASS)
    monkeypatch.setattr(widgets, "confirm", lambda *a, **k: True)
    page.remove_office("VL")
    assert "VL" not in {p.office_code for p in ops.status(offices.province).peers}


def test_choosing_the_enrolment_to_remove_is_one_confirming_dialog(qtbot, offices):
    """The office is chosen by name in a dialog that says what removing does and is
    confirmed by its own button (it was a bare QInputDialog list of codes, then a second
    question); "Hủy" there changes nothing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from gui.sync.dialogs import RemoveEnrolmentDialog

    page = SyncPage(offices.province)
    qtbot.addWidget(page)
    page.passphrase.setText(PASS)
    seen = []

    def when_shown(act) -> None:
        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, RemoveEnrolmentDialog) and dialog.isVisible():
                seen.append([dialog.office.itemText(i) for i in range(dialog.office.count())])
                act(dialog)
            elif isinstance(dialog, QDialog) and dialog.isVisible():  # any other: said, closed
                seen.append(type(dialog).__name__)
                dialog.reject()
            else:
                QTimer.singleShot(20, poll)
        QTimer.singleShot(0, poll)

    when_shown(lambda d: d.buttons.rejected.emit())
    page.remove_office()
    assert isinstance(seen[0], list), seen
    assert "VL" in {p.office_code for p in ops.status(offices.province).peers}

    def choose_vl(d) -> None:
        d.office.setCurrentIndex(d.office.findData("VL"))
        d.buttons.accepted.emit()

    when_shown(choose_vl)
    page.remove_office()
    assert "VL" not in {p.office_code for p in ops.status(offices.province).peers}
    assert len(seen) == 2 and any("(VL)" in text for text in seen[0]), seen
