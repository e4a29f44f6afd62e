"""One preview for every document the app prints (recognition decision, description report,
reports; the fund's and commendations' documents the same way): the PDF shown in the window
with QtPdf, printed through the system print dialog, or saved — and then opened.

    dialog = PdfPreviewDialog(pdf_bytes_or_path, title=self.tr("Recognition decision"),
                              file_name="quyet-dinh-15.pdf", parent=self)
    dialog.open()

Printing renders each page of the PDF to an image (at most ``PRINT_DPI``) in a background
job with progress and "Hủy", and paints each image on the printer's painter on the GUI thread
(scaled to the printable area with its proportions kept), so the printed page is the
previewed page. Saving goes through :func:`core.common.files.write_atomically` (the file
appears whole) and, when "open after saving" is ticked, opens it in the system's PDF viewer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.common.errors import Cancelled, UserError
from core.common.files import write_atomically
from gui.common import jobs, widgets

PRINT_DPI = 300  # pages are rendered at most this fine for the printer (A4: 2480 × 3508)
PAGES_AHEAD = 2  # rendered pages waiting to be painted on the printer (35 MB each at 300 dpi)


class _PageSink(QObject):
    """Lives on the GUI thread: the worker emits each rendered page through it."""

    page = Signal(int, QImage)


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as an image ``dpi`` fine (any thread: a QImage, never a widget)."""
    points = document.pagePointSize(page)
    return document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))


def render_pages(data: bytes, pages: range, dpi: float, ctx: jobs.JobContext,
                 deliver: Callable[[int, QImage], None], room: threading.Semaphore) -> int:
    """The job's work (worker thread): render ``pages`` of the PDF ``data`` one by one and
    ``deliver(page, image)`` each, waiting while ``room`` says enough pages wait to be
    painted; reports progress, stops when cancelled. Returns the number delivered."""
    document = QPdfDocument()  # this thread's own; the preview's belongs to the GUI thread
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.pageCount() <= 0:
        raise UserError("Không đọc được tài liệu PDF để in.")
    ctx.progress(0, len(pages))
    for done, page in enumerate(pages, start=1):
        while not room.acquire(timeout=0.1):
            if ctx.is_cancelled():
                raise Cancelled()
        if ctx.is_cancelled():
            room.release()
            raise Cancelled()
        deliver(page, render_page(document, page, dpi))
        ctx.progress(done, len(pages))
    document.close()
    return len(pages)


class PdfPreviewDialog(QDialog):
    """A PDF (``bytes`` or a path) shown page after page, with Print, Save and Close.

    ``file_name``: the name offered when saving (in ``folder``, default: the user's
    documents). After saving, ``saved_path`` is the file written.
    """

    def __init__(self, pdf: bytes | str | Path, *, title: str, file_name: str,
                 folder: str | Path | None = None, parent: QWidget | None = None,
                 saved: bool = False) -> None:
        """``saved``: ``pdf`` is a path the user chose and the file is already there (a report
        written where asked): the preview says so, and "Lưu…" saves a copy."""
        super().__init__(parent)
        self.data = Path(pdf).read_bytes() if isinstance(pdf, (str, Path)) else bytes(pdf)
        self.file_name = file_name
        self.folder = Path(folder) if folder else None
        self.saved_path: Path | None = Path(pdf) if saved and isinstance(pdf, (str, Path)) else None
        self.setWindowTitle(title)
        # A tall window for a page, within the screen (1366×768 with a taskbar included).
        available = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(900, available.width() - 40), min(700, available.height() - 80))

        self._bytes = QByteArray(self.data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        pages = self.document.pageCount()
        self.pages_label = QLabel(self.tr("{0} page(s)").format(pages) if pages
                                  else self.tr("The document could not be shown."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.fit_width = QPushButton(self.tr("Fit &width"))
        self.fit_page = QPushButton(self.tr("Whole &page"))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.open_after_saving = QCheckBox(self.tr("&Open the file after saving"))
        self.open_after_saving.setChecked(True)

        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(self.tr("P&rint…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = self.buttons.addButton(self.tr("&Save…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        for button in (self.print_button, self.save_button):
            button.setEnabled(pages > 0)
        self.save_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        # Print/Save do their work and keep the preview open; Close (Esc) closes it.
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        top = QHBoxLayout()
        top.addWidget(self.pages_label, 1)
        top.addWidget(self.fit_width)
        top.addWidget(self.fit_page)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_after_saving)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        if self.saved_path is not None:
            self.status.setText(self.tr("Saved to {0}.").format(self.saved_path))
        self.view.setFocus()
        self.print_job: jobs.Job | None = None
        self._printer: QPrinter | None = None
        self.printed = 0  # pages painted on the printer by the last print run

    def page_count(self) -> int:
        return self.document.pageCount()

    # --- print -------------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        # The whole sheet: the document keeps its own (Decree 30) margins, printed at 100 %.
        printer.setFullPage(True)
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_document(self) -> bool:
        """The system print dialog, then the chosen pages on the chosen printer (in the
        background: :meth:`print_to`)."""
        if not self.page_count() or (self.print_job is not None and self.print_job.running):
            return False
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {0}").format(self.file_name))
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._printer = printer  # alive until its job ends
        return self.print_to(printer) is not None

    def print_to(self, printer: QPrinter) -> jobs.Job | None:
        """Print the chosen pages on ``printer`` in the background, with progress and "Hủy";
        the status line says how many pages were sent. None when the printer cannot start.

        The pages are rendered to images by a job (:mod:`gui.common.jobs`) on a worker
        thread, from the worker's own QPdfDocument (the preview's document belongs to the GUI
        thread); each image is painted on the printer here, on the GUI thread, as it arrives,
        since the printer's QPainter is used only where it was begun. At most
        ``PAGES_AHEAD`` rendered pages wait to be painted, so a long document never holds
        all its pages in memory. Cancelling aborts the print run (what the printer had not
        yet received is not printed)."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        pages = range(max(1, first) - 1, min(count, last))
        painter = QPainter()
        if not painter.begin(printer):
            widgets.show_error(self, self.tr("The printer could not be started."))
            return None
        area = QRectF(painter.viewport())
        dpi = min(float(PRINT_DPI), printer.resolution())
        sink = _PageSink(self)
        room = threading.Semaphore(PAGES_AHEAD)
        self.printed = 0

        def paint(page: int, image: QImage) -> None:  # GUI thread
            try:
                if not painter.isActive():  # the run ended (cancelled, failed)
                    return
                if self.printed:
                    printer.newPage()
                points = image.size().toSizeF() * (72 / dpi)
                scale = min(area.width() / points.width(), area.height() / points.height())
                painter.drawImage(QRectF(QPointF(0, 0), points * scale), image)
                self.printed += 1
            finally:
                room.release()

        def finish(outcome: str) -> None:
            if outcome == "cancelled":
                printer.abort()
            if painter.isActive():
                painter.end()
            sink.deleteLater()
            if outcome == "cancelled":
                self.status.setText(self.tr("Printing cancelled."))
            elif self.printed:
                self.status.setText(self.tr("Sent {0} page(s) to the printer.").format(self.printed))
            else:
                self.status.setText(self.tr("Nothing was printed."))

        def failed(exc: BaseException) -> None:
            finish("failed")
            widgets.report_error(self, exc)

        sink.page.connect(paint, Qt.ConnectionType.QueuedConnection)
        data, deliver = self.data, sink.page.emit
        self.print_job = jobs.run_with_progress(
            self, self.tr("Printing {0}…").format(self.file_name),
            lambda ctx: render_pages(data, pages, dpi, ctx, deliver, room),
            on_success=lambda _n: finish("succeeded"), on_failure=failed,
            on_cancelled=lambda: finish("cancelled"))
        return self.print_job

    # --- save --------------------------------------------------------------------------------
    def save(self) -> Path | None:
        from gui.common import file_dialogs

        path = file_dialogs.save_file(self, self.tr("Save the PDF"), file_dialogs.FileKind.DOCUMENT,
                                      self.file_name, [(self.tr("PDF document (*.pdf)"), ".pdf")],
                                      fallback=self.folder)
        if path is None:
            return None
        return self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        data = self.data

        def write(tmp: str) -> None:
            Path(tmp).write_bytes(data)

        try:
            self.saved_path = write_atomically(path, write)
        except UserError as exc:
            widgets.report_error(self, exc)
            return None
        self.status.setText(self.tr("Saved to {0}.").format(self.saved_path))
        if self.open_after_saving.isChecked():
            self.open_saved()
        return self.saved_path

    def open_saved(self) -> bool:
        """The saved file in the system's PDF viewer."""
        if self.saved_path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))):
            self.status.setText(self.tr("Saved to {0}; no program to open PDF files was found.")
                                .format(self.saved_path))
            return False
        return True
