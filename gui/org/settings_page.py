"""Settings (Cài đặt): the office's identity and the wording of its documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.common.changes import Changes
from core.common.database import AppDatabase
from core.org import ops
from core.org.ops import OfficeSettings
from gui.common import widgets
from gui.common.changes import ChangeBus
from gui.org.office_form import OfficeForm


class SettingsPage(QWidget):
    """Saving sends ``Changes(office=True)`` on the bus (the window's header follows it);
    ``office_changed`` is emitted too, with the settings saved."""

    office_changed = Signal(object)  # OfficeSettings

    def __init__(self, db: AppDatabase, parent: QWidget | None = None,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None else ChangeBus(self)  # change notices (gui.common.changes)
        self._db = db
        heading = QLabel(self.tr("Office details"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        note = QLabel(
            self.tr(
                "These details are printed on documents and certificates. The unit code "
                "was fixed when the office was set up and cannot be changed."
            )
        )
        note.setWordWrap(True)
        self.form = OfficeForm(first_run=False)
        self.form.setMaximumWidth(720)
        self.error = widgets.ErrorLabel()
        self.saved = QLabel()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.saved, 1)
        database = QLabel(self.tr("Database file: {0}").format(db.path))
        database.setWordWrap(True)
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.addWidget(database)
        self.load()

    def load(self) -> None:
        self.form.set_settings(ops.load_office(self._db))
        self.error.set_error("")
        self.saved.setText("")

    def save(self) -> OfficeSettings | None:
        self.saved.setText("")
        message, field = self.form.validate()
        if message:
            self.error.set_error(message)
            if field is not None:
                field.setFocus()
            return None
        settings = self.form.values().settings
        try:
            done = ops.save_office(self._db, settings)
        except Exception as exc:
            self.error.set_error(widgets.error_text(exc))
            return None
        self.form.set_settings(done.value)
        self.error.set_error("")
        self.saved.setText(self.tr("Saved."))
        self.bus.notify(done.changes, source=self)
        self.office_changed.emit(done.value)
        return done.value

    def apply_changes(self, changes: Changes, source: object) -> None:
        """Another screen (a sync, the first run) changed the office: show it, unless the
        user is in the middle of editing it here."""
        if changes.office and source is not self and not self._edited():
            self.load()

    def _edited(self) -> bool:
        return self.form.values().settings != self.form.loaded
