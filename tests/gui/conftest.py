"""GUI test fixtures: offscreen Qt with the Vietnamese translation, message boxes captured,
and small organisations to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from core.common.text import fold, name_sort_key  # noqa: E402
from core.org import members
from core.org import units as org
from db.models import Gender, Member, Sector, UnitKind, utcnow  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "socongdoan_vi.ts"
QT_TS_FILE = ROOT / "resources" / "i18n" / "qtbase_vi.ts"  # Qt's own strings in Vietnamese


def qt_tool(name: str) -> str:
    """A PySide6 command-line tool from this interpreter's environment."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found next to {sys.executable}")
    return found


@pytest.fixture(scope="session")
def vi_qm(tmp_path_factory) -> Path:
    """The committed .ts compiled afresh (the .qm is a build product, not in git)."""
    out = tmp_path_factory.mktemp("i18n") / "socongdoan_vi.qm"
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(out)], check=True)
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(QT_TS_FILE), "-qm", str(out.with_name("qtbase_vi.qm"))],
                   check=True)
    return out


@pytest.fixture(scope="session", autouse=True)
def vietnamese(qapp, vi_qm):
    """Every GUI test sees the window as users do: in Vietnamese."""
    from gui.app import install_translators

    assert install_translators(qapp, vi_qm, vi_qm.with_name("qtbase_vi.qm"))
    return qapp


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory):
    """The window's settings (last folders, recent databases) in a folder of each test."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("settings")))


class MessageLog:
    """Replaces the message boxes of gui.common.widgets; records what would have been shown."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.buttons: list[tuple[str, str | None]] = []  # (yes, no) texts of each question
        self.answer = True

    def show_error(self, parent, text, title=None):
        self.errors.append(text)

    def show_info(self, parent, text, title=None):
        self.infos.append(text)

    def confirm(self, parent, title, text, yes_text, no_text=None):
        self.questions.append(text)
        self.buttons.append((yes_text, no_text))
        return self.answer


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> MessageLog:
    from gui.common import widgets

    log = MessageLog()
    monkeypatch.setattr(widgets, "show_error", log.show_error)
    monkeypatch.setattr(widgets, "show_info", log.show_info)
    monkeypatch.setattr(widgets, "confirm", log.confirm)
    return log


SAMPLE_UNITS = [
    ("VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", Sector.EDUCATION),
    ("VL-0002", "CĐCS Trung tâm Y tế huyện Vĩnh Linh", Sector.HEALTH),
    ("VL-0003", "CĐCS Xã Vĩnh Thái", Sector.ADMINISTRATION),
    ("VL-0004", "CĐCS Công ty TNHH Thủy sản Cửa Tùng", Sector.ENTERPRISE),
]
SAMPLE_MEMBERS = [
    ("Lê Thị Hương", Gender.FEMALE, date(1985, 3, 6), 0, "Giáo viên"),
    ("Nguyễn Văn Hùng", Gender.MALE, date(1979, 11, 20), 0, "Hiệu trưởng"),
    ("Trần Thị Ánh", Gender.FEMALE, date(1992, 1, 15), 1, "Điều dưỡng"),
    ("Phạm Đức Bình", Gender.MALE, date(1988, 7, 2), 1, "Bác sĩ"),
    ("Hoàng Thị Thu Trang", Gender.FEMALE, date(1995, 5, 30), 2, "Công chức văn phòng"),
    ("Võ Văn Đông", Gender.MALE, date(1975, 9, 9), 3, "Tổ trưởng sản xuất"),
    ("Đặng Thị Yến", Gender.FEMALE, date(1990, 12, 1), 3, "Kế toán"),
]


def populate(db) -> dict[str, uuid.UUID]:
    """Four grassroots unions under VL with a few members each; returns unit ids by code."""
    ids: dict[str, uuid.UUID] = {}
    with db.transaction() as s:
        for code, name, sector in SAMPLE_UNITS:
            unit = org.create_unit(
                s, org.UnitInput(code=code, name=name, kind=UnitKind.GRASSROOTS, parent_code="VL", sector=sector)
            )
            ids[code] = unit.id
        codes = [c for c, _, _ in SAMPLE_UNITS]
        for name, gender, born, unit_no, position in SAMPLE_MEMBERS:
            members.add_member(
                s,
                members.MemberInput(
                    full_name=name,
                    unit_id=ids[codes[unit_no]],
                    gender=gender,
                    date_of_birth=born,
                    position=position,
                    member_since=date(born.year + 22, 5, 1),
                ),
            )
    return ids


def bulk_members(db, unit_id: uuid.UUID, count: int) -> None:
    """``count`` members in one Core insert (fast), with varied names and birth dates."""
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
    middle = ["Văn", "Thị", "Hữu", "Minh", "Ngọc"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc"]
    now = utcnow()
    rows = []
    for i in range(count):
        name = f"{family[i % 10]} {middle[i % 5]} {given[i % 12]}"
        rows.append(
            {
                "id": uuid.uuid4(),
                "origin_office": "VL",
                "created_at": now,
                "updated_at": now,
                "row_version": 1,
                "full_name": name,
                "name_folded": fold(name),
                "sort_key": name_sort_key(name),
                "gender": Gender.FEMALE if i % 2 else Gender.MALE,
                "date_of_birth": date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                "unit_id": unit_id,
                "position": "",
                "member_since": None,
            }
        )
    with db.transaction() as s:
        s.execute(insert(Member), rows)


@pytest.fixture
def sample_units(app_db) -> dict[str, uuid.UUID]:
    return populate(app_db)


@pytest.fixture
def window(qtbot, app_db):
    from gui.main_window import MainWindow

    win = MainWindow(app_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
