"""Issue 10 point 7: the file dialogs speak Vietnamese, open in Documents the first time and
then where that kind of file went last time. Driven by keys, as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from tests.gui.conftest import type_text


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def answer_file_dialog(qtbot, seen: list[dict], name: str | None) -> None:
    """When the file dialog is up: note what it shows, type ``name`` and press Enter (or
    press Esc when ``name`` is None)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, act)
            return
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        seen.append({
            "folder": Path(dialog.directory().absolutePath()),
            "labels": {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()},
            "buttons": sorted(b.text() for b in buttons.buttons()),
            "title": dialog.windowTitle(),
        })
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if name is None:
            qtbot.keyClick(edit, Qt.Key.Key_Escape)
            return
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        type_text(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, act)


def press_export(qtbot, page) -> None:
    """Back in the window (offscreen, closing a dialog activates no window), click into the
    register, then Ctrl+Shift+X (export the register)."""
    with qtbot.waitActive(page.window()):
        page.window().activateWindow()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.table, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_export_dialog_is_vietnamese_opens_in_documents_then_remembers(window, qtbot, messages, home, tmp_path):
    page = window.show_page("initiatives")
    target = tmp_path / "xuat"
    target.mkdir()
    seen: list[dict] = []

    answer_file_dialog(qtbot, seen, str(target / "so-sang-kien"))
    press_export(qtbot, page)
    job = page.transfers.last_job
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=20_000)
    assert messages.errors == []
    first = seen[0]
    assert first["folder"] == home / "Documents"  # never the program's folder
    assert first["labels"]["lookInLabel"] in {"Tìm trong:", "&Tìm trong:"}
    assert first["labels"]["fileNameLabel"] == "&Tên tệp:"
    assert first["labels"]["fileTypeLabel"] in {"Loại tệp:", "&Loại tệp:"}
    assert first["buttons"] == ["&Lưu", "Hủy"]
    written = target / "so-sang-kien.xlsx"  # the suffix of the chosen type was added
    qtbot.waitUntil(written.exists, timeout=20_000)

    # The next export opens where the last one went; Esc cancels and writes nothing.
    answer_file_dialog(qtbot, seen, None)
    press_export(qtbot, page)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen[1]["folder"] == target
    assert sorted(p.name for p in target.iterdir()) == ["so-sang-kien.xlsx"]
