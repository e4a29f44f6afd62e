"""Render the screenshots kept in docs/screenshots from the Lai Châu demo organisation.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.make_screenshots [folder] [--dialogs]

``--dialogs`` also renders every dialog (for reviewing the layout and the Vietnamese).
Not a test: a person looks at the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def _settle(ready, seconds: float = 20) -> None:
    """Let background jobs finish (until ``ready()``) before a picture is taken."""
    import time

    deadline = time.monotonic() + seconds
    while not ready() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def main(argv: list[str]) -> int:
    dialogs = "--dialogs" in argv
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui.app import setup_application

    if not setup_application(app):
        print("translation missing: run `make translations` first", file=sys.stderr)
        return 1

    from core.common.database import open_app_database
    from core.demo.org import load_demo
    from gui.common import widgets
    from gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        db = open_app_database(Path(tmp) / "so-cong-doan.sqlite")
        try:
            load_demo(db)
            window = MainWindow(db)
            # As on a clerk's 1366×768 laptop (the offscreen screen is smaller, where the
            # window would open maximised).
            from PySide6.QtCore import Qt

            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(1366, 768)
            window.show()
            page = window.show_page("organisation")
            nodes = list(page.unit_model.nodes.values())
            upper = next(n for n in nodes if n.code == "LC-PT")
            page.select_unit(upper.id)
            page.tree.expand(page.unit_proxy.mapFromSource(page.unit_model.index_of(upper.id)))
            _save(window, out / "main-window.png")

            grassroots = next(n for n in nodes if n.parent_id == upper.id)
            page.select_unit(grassroots.id)
            page.select_member(page.member_model.member_at(1).id)
            page.table.setFocus()
            page.act_delete_member.trigger()
            page.unit_search.setText("phong tho")
            _save(page, out / "organisation.png")

            # The initiative register and the targets dashboard, on the whole demo.
            from core.demo.register import load_demo_register
            from core.demo.targets import load_demo_targets

            load_demo_register(db)
            load_demo_targets(db)
            register = window.show_page("initiatives")
            _settle(lambda: register.model.totals is not None and register.model.rowCount() > 0)
            _save(window, out / "initiatives.png")
            dashboard = window.show_page("targets")
            _settle(lambda: dashboard.context is not None and not dashboard.busy)
            _save(window, out / "targets.png")
            window.show_page("organisation")

            if dialogs:
                widgets.confirm = lambda *a, **k: False
                page.unit_search.setText("")
                page.select_unit(grassroots.id)
                page.select_member(page.member_model.member_at(0).id)
                for name, dialog in (
                    ("dialog-member", page.edit_member()),
                    ("dialog-new-member", page.add_member()),
                    ("dialog-unit", page.edit_unit()),
                    ("dialog-merge", page.merge_unit()),
                    ("dialog-history", page.show_history()),
                ):
                    _save(dialog, out / f"{name}.png")
                    dialog.reject()
                from gui.common.import_preview import ImportPreviewDialog
                from gui.common.jobs import Job, ProgressDialog
                from gui.org.first_run import FirstRunDialog

                first = FirstRunDialog(db)
                first.form.code.setText("VL")
                first.save()
                first.show()
                _save(first, out / "dialog-first-run.png")

                class _Row:
                    def __init__(self, number, reason, values):
                        self.number, self.reason, self.values = number, reason, values

                from core.org.importing import UNIT_COLUMNS

                schools = ["Tiểu học Vĩnh Tú", "THCS Vĩnh Thạch", "Mầm non Cửa Tùng", "THPT Vĩnh Linh"]

                class _Result:
                    accepted = [_Row(n + 4, "", {"code": f"VL-{n + 101:04d}", "name": f"CĐCS Trường {schools[n % 4]}",
                                                 "parent": "VL", "sector": "Giáo dục", "members": 20 + n % 17})
                                for n in range(118)]
                    skipped = list(range(4))
                    rejected = [
                        _Row(7, "Thiếu tên đơn vị.", {"code": "VL-0107"}),
                        _Row(12, "Không rõ cấp “Xã” (dùng: Tỉnh, Cấp trên cơ sở, Cơ sở)",
                             {"name": "CĐCS UBND xã Vĩnh Tú", "kind": "Xã"}),
                    ]

                preview = ImportPreviewDialog(_Result(), Path("danh-sach-cdcs-2023.xlsx"), "đơn vị",
                                              columns=UNIT_COLUMNS)
                preview.show()
                _save(preview, out / "dialog-import-preview.png")
                progress = ProgressDialog(Job(lambda ctx: None), "Đang kiểm tra danh-sach-cdcs-2023.xlsx…")
                progress.set_progress(420, 1000)
                progress.show()
                _save(progress, out / "dialog-progress.png")
                _save(window.show_page("settings"), out / "page-settings.png")
                window.show_page("fund")
                _save(window, out / "page-placeholder.png")
            window.close()
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
