"""Windows and dialogs that fit the screen they open on (a 1366×768 laptop with a taskbar
included): never taller or wider than the screen's available area."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Below this available size the main window opens maximised.
SMALL_SCREEN = QSize(1440, 900)
# Room for the window frame and title bar around a dialog.
FRAME = QSize(24, 48)


def available_size(widget: QWidget) -> QSize:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1366, 728)


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize ``widget`` to ``width``×``height`` or, on a smaller screen, to the available
    area less a frame; the size chosen."""
    room = available_size(widget) - FRAME
    size = QSize(min(width, room.width()), min(height, room.height()))
    widget.resize(size)
    return size


def fit_main_window(widget: QWidget, width: int = 1280, height: int = 800) -> None:
    """The main window: maximised on a small screen (1366×768), else ``width``×``height``
    within the available area."""
    room = available_size(widget)
    fit_to_screen(widget, width, height)
    if room.width() < SMALL_SCREEN.width() or room.height() < SMALL_SCREEN.height():
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
