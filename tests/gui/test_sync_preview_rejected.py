"""A preview whose packages have rows that cannot be stored never lists them as "will be
applied": applying needs an explicit yes that names how many and why."""

from __future__ import annotations

from core.sync.ops import PackageOutcome
from gui.common import widgets
from gui.sync import page as sync_page


def _outcome(rejected: int) -> PackageOutcome:
    reasons = tuple(f"Không lưu được bản ghi {i}: trùng mã" for i in range(rejected))
    return PackageOutcome("QT-gui-VL-2026-12-05-so-0001.scdpkg", "QT", 1, "applied", "", 2, 0,
                          0, 0, rejected, reasons)


def test_rejected_rows_need_a_confirmation_naming_how_many_and_why(qtbot, monkeypatch):
    asked: list[str] = []
    answer = [False]

    def confirm(parent, title, text, yes_text, no_text=None):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(widgets, "confirm", confirm)
    dialog = sync_page.PreviewDialog([_outcome(5)])
    clean = sync_page.PreviewDialog([_outcome(0)])
    qtbot.addWidget(dialog)
    qtbot.addWidget(clean)
    assert dialog.table.item(0, 3).text() != clean.table.item(0, 3).text()
    assert "5" in dialog.table.item(0, 3).text()
    dialog.confirm_and_accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "5" in asked[0] and "trùng mã" in asked[0]
    answer[0] = True
    dialog.confirm_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_without_rejected_rows_nothing_is_asked(qtbot, monkeypatch):
    monkeypatch.setattr(widgets, "confirm", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    dialog = sync_page.PreviewDialog([_outcome(0)])
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 3).text() == dialog.tr("will be applied") or \
        dialog.table.item(0, 3).text() == "sẽ được áp dụng"
    dialog.confirm_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
