"""Every file dialog of the window goes through here.

- The platform's native dialog where it has one (Windows, macOS, a desktop with a portal);
  Qt's own dialog elsewhere, in Vietnamese (resources/i18n/qtbase_vi.ts, loaded by gui.app).
- The folder each *kind* of file was last taken from or saved to is remembered in the
  settings (imports, exports, reports, documents, backups, databases), so the register
  export opens where the last export went; the first time, the user's Documents folder
  (never the program's folder).
- Each dialog's end is announced (:data:`notifier`): a dialog showing the database's folder
  may have read the database file, which releases the window's SQLite locks on Linux and
  macOS (see gui.main_window.MainWindow._retake_locks).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.common.settings import app_settings


class FileKind(StrEnum):
    IMPORT = "import"          # workbooks to import (units, members, initiatives, targets)
    IMPORT_REPORT = "import-report"  # the import preview's report workbook
    EXPORT = "export"          # register export, portal list, templates
    REPORT = "report"          # progress, summary and fund reports
    DOCUMENT = "document"      # PDFs: descriptions, decisions
    BACKUP = "backup"          # database copies
    DATABASE = "database"      # the database file itself (open another database)
    SYNC = "sync"              # sync packages and enrolment files
    ATTACHMENT = "attachment"  # scans and documents attached to a commendation file


class _Notifier(QObject):
    finished = Signal()  # a file dialog of this module has just closed


notifier = _Notifier()


def documents_folder() -> Path:
    """The user's Documents folder (the home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def _key(kind: FileKind) -> str:
    return f"folders/{kind.value}"


def last_folder(kind: FileKind, fallback: Path | None = None) -> Path:
    """Where the dialog for ``kind`` opens: the folder used last time if it still exists,
    else ``fallback`` (when it exists), else Documents."""
    stored = app_settings().value(_key(kind), "")
    for candidate in (Path(str(stored)) if stored else None, fallback):
        if candidate is not None and candidate.is_dir():
            return candidate
    return documents_folder()


def remember_folder(kind: FileKind, path: Path) -> None:
    settings = app_settings()
    settings.setValue(_key(kind), str(path if path.is_dir() else path.parent))
    settings.sync()


def open_file(parent: QWidget | None, title: str, kind: FileKind, filters: list[str],
              fallback: Path | None = None) -> Path | None:
    """An existing file chosen by the user, or None.

    QFileDialog's static functions: they use the native dialog where there is one."""
    try:
        path, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind, fallback)), ";;".join(filters))
    finally:
        notifier.finished.emit()
    if not path:
        return None
    remember_folder(kind, Path(path).parent)
    return Path(path)


def open_files(parent: QWidget | None, title: str, kind: FileKind, filters: list[str],
               fallback: Path | None = None) -> list[Path]:
    """Existing files chosen by the user (several at once); empty when cancelled."""
    try:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(last_folder(kind, fallback)), ";;".join(filters))
    finally:
        notifier.finished.emit()
    if not paths:
        return []
    remember_folder(kind, Path(paths[0]).parent)
    return [Path(p) for p in paths]


def choose_folder(parent: QWidget | None, title: str, kind: FileKind,
                  fallback: Path | None = None) -> Path | None:
    """A folder chosen by the user (where to write), or None."""
    try:
        folder = QFileDialog.getExistingDirectory(parent, title, str(last_folder(kind, fallback)))
    finally:
        notifier.finished.emit()
    if not folder:
        return None
    remember_folder(kind, Path(folder))
    return Path(folder)


def save_file(parent: QWidget | None, title: str, kind: FileKind, name: str,
              filters: list[tuple[str, str]], fallback: Path | None = None) -> Path | None:
    """Where to save ``name`` (None: cancelled). ``filters`` pairs a filter's label with its
    suffix, e.g. ``("Bảng tính Excel (*.xlsx)", ".xlsx")``: a name typed without one of the
    suffixes gets the suffix of the chosen filter. The dialog asks before replacing a file;
    so does this function when the suffix it added names an existing file."""
    from gui.common import widgets

    by_label = dict(filters)
    suffixes = [suffix for _, suffix in filters]
    wanted = Path(name).suffix.lower()
    first = next((label for label, suffix in filters if suffix == wanted), filters[0][0] if filters else "")
    start = last_folder(kind, fallback) / Path(name).name
    try:
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent, title, str(start), ";;".join(by_label), first)
    finally:
        notifier.finished.emit()
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in suffixes:
        path = path.with_name(path.name + by_label.get(chosen_filter, suffixes[0] if suffixes else ""))
        if path.exists() and not widgets.confirm(
            parent, title,
            QCoreApplication.translate("FileDialogs", "{0} already exists.\nDo you want to replace it?").format(path.name),
            QCoreApplication.translate("FileDialogs", "Replace"),
        ):
            return None
    remember_folder(kind, path.parent)
    return path
