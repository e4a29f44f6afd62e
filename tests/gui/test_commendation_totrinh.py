"""The Tờ trình from the page (issue 12 follow-up): its number (the numbering book's next,
suggested) and date are asked first, then it is shown in the preview to print or save."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from gui.commendations.dialogs import TotrinhDialog
from gui.commendations.page import CommendationsPage
from tests.gui.test_commendation_page import _when_dialog


def test_totrinh_asks_number_and_date_then_previews(qtbot, app_db, messages):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, full_name="Lê Thị Hương"))
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    seen = {}

    def ask(d: TotrinhDialog) -> None:
        d.signed.setText("10/12/2023")
        seen["suggested"] = (d.number.value(), d.symbol.text())
        d.number.setValue(7)
        qtbot.keyClick(d.signed, Qt.Key.Key_Return)
    _when_dialog(TotrinhDialog, ask)
    page.totrinh_button.setFocus()
    qtbot.keyClick(page.totrinh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible())
    assert seen["suggested"] == (1, "/TTr-LĐLĐ")
    assert page.preview.windowTitle() == "Tờ trình số 07/TTr-LĐLĐ"
    assert page.preview.file_name == "to-trinh-07.pdf"
    assert ops.round_file(app_db, r.id).requirements[0].present  # kept in the round's file
    assert messages.errors == []
    page.preview.close()


def test_totrinh_leaves_no_temporary_folder(qtbot, app_db, messages, tmp_path, monkeypatch):
    """The Tờ trình is written to a temporary folder (then kept in the round's file and shown):
    the folder is gone afterwards, and also when writing fails."""
    import tempfile

    scratch = tmp_path / "tam"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()

    def ask(d: TotrinhDialog) -> None:
        d.signed.setText("10/12/2023")
        qtbot.keyClick(d.signed, Qt.Key.Key_Return)
    _when_dialog(TotrinhDialog, ask)
    page.write_totrinh()  # nobody proposed yet: refused, said in a message
    assert messages.errors and list(scratch.iterdir()) == []
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, full_name="Lê Thị Hương"))
    _when_dialog(TotrinhDialog, ask)
    page.write_totrinh()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible())
    assert page.preview.data.startswith(b"%PDF")
    assert list(scratch.iterdir()) == []
    page.preview.close()
