"""A decision number has one date in the window too: typing a number already used fills its
date and says so, another date is refused next to the field; "Quyết định…" lets the clerk
choose among the round's decisions (never advising a command-line flag)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, NomineeStatus, RoundInput
from gui.commendations.dialogs import ApproveDialog, DecisionChoiceDialog
from gui.commendations.page import CommendationsPage
from tests.gui.conftest import type_text
from tests.gui.test_commendation_page import _when_dialog


def test_a_used_number_takes_its_date_and_the_decision_is_chosen_in_the_window(
        qtbot, app_db, messages, monkeypatch, tmp_path):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ids = [ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                      full_name=n)).value.id
           for n in ("Lê Thị Hương", "Võ Văn Đông", "Đặng Thị Yến")]
    ops.approve(app_db, r.id, "45/QĐ-LĐLĐ", date(2023, 12, 20), [ids[0]])
    ops.approve(app_db, r.id, "46/QĐ-LĐLĐ", date(2023, 12, 28), [ids[1]])
    page = CommendationsPage(app_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._detail is not None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page._detail is not None and page._detail.row.id == ids[2])
    seen: list[str] = []

    def decide(d: ApproveDialog) -> None:
        d.nominees.setFocus()
        d.nominees.setCurrentRow(0)
        qtbot.keyClick(d.nominees, Qt.Key.Key_Space)  # she fails a check: ticked explicitly
        d.signed.setText("30/12/2023")
        type_text(d.number, "45/QĐ-LĐLĐ")
        # the number typed: the decision's date filled in
        seen.extend([d.used.text(), d.signed.text()])
        d.signed.setText("30/12/2023")
        qtbot.keyClick(d.signed, Qt.Key.Key_Return)  # another date: refused next to the field
        seen.append(d.signed_error.text())
        d.signed.setText("20/12/2023")
        qtbot.keyClick(d.signed, Qt.Key.Key_Return)
    _when_dialog(ApproveDialog, decide)
    page.approve_button.setFocus()
    qtbot.keyClick(page.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ops.nominee_detail(app_db, ids[2]).row.status == NomineeStatus.APPROVED)
    assert seen == ["Quyết định 45/QĐ-LĐLĐ đã ghi ngày ký 20/12/2023 (đợt «Khen thưởng năm 2023»); "
                    "một quyết định chỉ có một ngày ký.", "20/12/2023",
                    "Quyết định 45/QĐ-LĐLĐ ký ngày 20/12/2023; hãy giữ ngày đó, hoặc dùng số khác "
                    "nếu là quyết định khác."]
    assert ops.nominee_detail(app_db, ids[2]).row.decision_date == date(2023, 12, 20)

    # Two decisions: "Quyết định…" asks which one, in a small dialog of the app's forms,
    # in Vietnamese, by keys alone: the list has the focus, Down, then Enter chooses.
    out = tmp_path / "qd.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    asked: list = []

    def choose(d: DecisionChoiceDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is d.decisions)
        asked.append([d.decisions.item(i).text() for i in range(d.decisions.count())])
        asked.append((d.windowTitle(), [w.text() for w in d.findChildren(QLabel)],
                      d.buttons.buttons()[0].text() if d.buttons.buttons() else ""))
        qtbot.keyClick(d.decisions, Qt.Key.Key_Down)
        qtbot.keyClick(d.decisions, Qt.Key.Key_Return)
    _when_dialog(DecisionChoiceDialog, choose)
    page.decision_button.setFocus()
    qtbot.keyClick(page.decision_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: out.exists())
    assert asked[0] == ["45/QĐ-LĐLĐ ngày 20/12/2023 (2 được duyệt)", "46/QĐ-LĐLĐ ngày 28/12/2023 (1 được duyệt)"]
    title, labels, _button = asked[1]
    assert title == "Chọn quyết định"
    assert "Đợt này có nhiều quyết định; chọn quyết định cần lập:" in labels and "&Quyết định:" in labels
    assert messages.errors == []
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible())  # shown to print
    assert page.preview.windowTitle() == "Quyết định 46/QĐ-LĐLĐ" and page.preview.document.pageCount() >= 2
    page.preview.close()
