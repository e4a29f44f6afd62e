"""Certificates (issue 12 follow-up): a proof saved as PDF books no register number, only
"Lưu để in" (and "In") does, and the dialog says so; the clerk ticks whom to print, by default
the approved nominees not printed yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from gui.commendations.printing import CertificateDialog


def _button(dialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_a_proof_books_nothing_and_the_ticked_ones_are_printed(qtbot, app_db, tmp_path, monkeypatch):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ids = [ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                      full_name=n)).value.id
           for n in ("Nguyễn Thị Ngọc Ánh", "Đặng Hữu Lộc", "Võ Văn Đông")]
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), ids)
    ops.print_certificates(app_db, r.id, tmp_path / "first.pdf", nominee_ids=[ids[0]])  # 01/2023

    dialog = CertificateDialog(app_db, r.id)
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.nominees.item(i) for i in range(dialog.nominees.count())]
    assert [i.text() for i in items] == ["1. Nguyễn Thị Ngọc Ánh — Giấy khen (đã in, số 01/2023)",
                                         "2. Đặng Hữu Lộc — Giấy khen", "3. Võ Văn Đông — Giấy khen"]
    assert [i.checkState() == Qt.CheckState.Checked for i in items] == [False, True, True]
    assert "“Lưu bản xem thử” không ghi gì vào sổ" in dialog.booking_note.text()

    proof = tmp_path / "proof.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(proof), ""))
    qtbot.mouseClick(_button(dialog, "Lưu bản xem t&hử…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 2, timeout=20_000)
    assert proof.is_file() and [e.number for e in ops.certificate_register(app_db)] == ["01/2023"]

    dialog.nominees.setFocus()
    dialog.nominees.setCurrentRow(2)
    qtbot.keyClick(dialog.nominees, Qt.Key.Key_Space)  # untick Võ Văn Đông
    final = tmp_path / "in.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(final), ""))
    qtbot.mouseClick(_button(dialog, "&Lưu để in…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ops.certificate_register(app_db)) == 2, timeout=20_000)
    assert [e.number for e in ops.certificate_register(app_db)] == ["01/2023", "02/2023"]
