"""The Vietnamese translation is complete: every message translated, every tr() string of
the code in the .ts, and no English source text left anywhere on screen."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from gui.common import widgets
from tests.gui.conftest import ROOT, TS_FILE, qt_tool

# The real message boxes (the autouse fixture replaces them in gui.common.widgets).
REAL_SHOW_ERROR, REAL_SHOW_INFO, REAL_CONFIRM = widgets.show_error, widgets.show_info, widgets.confirm

# Qt's own English texts for standard buttons (Qt ships no Vietnamese for them).
QT_ENGLISH = {"OK", "Cancel", "Close", "Save", "Yes", "No", "Apply", "Open", "Discard", "Help", "Abort", "Retry", "Ignore"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str | None


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            found.append(Message(name, message.findtext("source") or "", (tr.text or "") if tr is not None else "", tr.get("type") if tr is not None else "missing"))
    return found


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


def test_every_message_has_a_finished_vietnamese_translation():
    messages = read_ts(TS_FILE)
    assert len(messages) > 100
    assert ET.parse(TS_FILE).getroot().get("language") == "vi_VN"
    unfinished = [(m.context, m.source) for m in messages if m.kind is not None or not m.translation.strip()]
    assert unfinished == []
    wrong_placeholders = [
        (m.context, m.source) for m in messages if placeholders(m.source) != placeholders(m.translation)
    ]
    assert wrong_placeholders == []
    untranslated = [(m.context, m.source) for m in messages if m.translation == m.source]
    assert untranslated == []


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    if (ROOT / "main.py").exists():
        sources.append(str(ROOT / "main.py"))
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {(m.context, m.source) for m in read_ts(fresh)}
    committed = {(m.context, m.source) for m in read_ts(TS_FILE)}
    assert in_code, "lupdate found no strings"
    assert sorted(in_code - committed) == [], "run `make lupdate` and translate the new strings"
    assert sorted(committed - in_code) == [], "strings no longer in the code: run `make lupdate`"


# --- nothing English on screen ---------------------------------------------------------


def _plain(text: str) -> str:
    """Without keyboard-mnemonic ampersands ("&&" is a literal "&")."""
    return re.sub(r"&(&?)", lambda m: m.group(1), text)


def _pattern(source: str) -> re.Pattern:
    parts = re.split(r"\{[^{}]*\}", _plain(source))
    return re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)


def _english_patterns() -> list[tuple[str, re.Pattern]]:
    return [(m.source, _pattern(m.source)) for m in read_ts(TS_FILE) if m.translation != m.source]


def _action_texts(actions) -> list[str]:
    texts = []
    for action in actions:
        texts += [action.text(), action.toolTip(), action.iconText(), action.statusTip()]
        if action.menu() is not None:
            texts.append(action.menu().title())
            texts += _action_texts(action.menu().actions())
    return texts


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.windowTitle(), w.toolTip(), w.statusTip(), w.whatsThis()]
        if isinstance(w, QLabel):
            texts.append(w.text())
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                texts += [w.item(i).text(), w.item(i).toolTip()]
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            for column in range(model.columnCount(QModelIndex())):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        texts += _action_texts(w.actions())
    return [t for t in texts if t]


def english_on_screen(root: QWidget, patterns) -> list[tuple[str, str]]:
    found = []
    for text in visible_texts(root):
        plain = _plain(text)
        if plain.strip() in QT_ENGLISH:
            found.append((text, "Qt's English"))
            continue
        for source, pattern in patterns:
            if pattern.fullmatch(plain):
                found.append((text, source))
                break
    return found


@pytest.fixture
def captured_boxes(monkeypatch):
    boxes: list[QMessageBox] = []

    def fake_exec(self):
        boxes.append(self)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


def test_no_english_text_on_any_page_or_dialog(sample_units, window, qtbot, app_db, captured_boxes, tmp_path):
    from gui.common import jobs
    from gui.common.import_preview import ImportPreviewDialog
    from gui.main_window import PAGE_KEYS
    from gui.org.first_run import FirstRunDialog
    from tests.gui.test_import_flow import FakeRejected, FakeResult

    patterns = _english_patterns()
    roots: list[QWidget] = [window]
    for key in PAGE_KEYS:
        window.show_page(key)
    page = window.show_page("organisation")

    # Every dialog of the organisation page.
    page.select_unit(sample_units["VL-0001"])
    roots += [page.add_unit(), page.edit_unit(), page.merge_unit(), page.show_history(), page.add_member()]
    page.select_member(page.member_model.member_at(0).id)
    roots.append(page.edit_member())
    page.act_delete_member.trigger()  # the message bar with its Undo button
    page.member_search.setText("huong")
    page.apply_member_search()

    result = FakeResult(accepted=[1], skipped=[2], rejected=[FakeRejected(4, "Thiếu tên đơn vị.", {"Mã": "X"})])
    roots.append(ImportPreviewDialog(result, tmp_path / "don-vi.xlsx", "đơn vị"))
    # Every dialog of the initiatives page.
    from tests.gui.test_register_form import register_dialogs

    roots += register_dialogs(window, sample_units, tmp_path)
    roots.append(jobs.ProgressDialog(jobs.Job(lambda ctx: None), "Đang kiểm tra tệp…"))
    roots.append(FirstRunDialog(app_db))

    # Message boxes as the helpers build them.
    REAL_SHOW_ERROR(window, "Lỗi thử")
    REAL_SHOW_INFO(window, "Thông báo thử")
    REAL_CONFIRM(window, "Sáp nhập đơn vị", "Có chắc không?", "Sáp nhập")
    roots += captured_boxes
    assert len(captured_boxes) == 3

    for root in roots:
        qtbot.addWidget(root) if root is not window and root.parent() is None else None
    problems = {type(root).__name__: english_on_screen(root, patterns) for root in roots}
    assert {name: found for name, found in problems.items() if found} == {}
    # The walk did see the Vietnamese (so it is looking at the right things).
    seen = " ".join(visible_texts(window))
    for expected in ("Tổ chức", "Thêm đoàn viên…", "Họ và tên", "Hoàn tác", "Cơ sở dữ liệu:", "Đồng bộ"):
        assert expected in seen
