"""Trợ giúp ▸ Hướng dẫn sử dụng: the bundled user guide (resources/help/HUONG-DAN.md, a copy of
docs/HUONG-DAN.md) shown in the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from core.common.paths import resource_path
from gui.common import widgets


def guide_path():
    return resource_path("help", "HUONG-DAN.md")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        try:
            self.browser.setMarkdown(guide_path().read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        layout.addWidget(self.browser)
        buttons = widgets.close_buttons()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
