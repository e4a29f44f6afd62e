"""Certificate printing: template and mode, the printer's calibration (saved per printer),
a preview inside the app (QtPdf), then saving the PDF or printing it through the system's
printer dialog. The preview and a saved proof issue no number; "Lưu để in" and "In" do
(reprints keep theirs). The approved nominees are ticked to choose whom to print (by default
those not printed yet)."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.commendations import ops
from core.common.database import AppDatabase
from gui.common import file_dialogs, jobs, widgets
from gui.common.widgets import ValueCombo


class CertificateDialog(QDialog):
    def __init__(self, db: AppDatabase, round_id: uuid.UUID, parent: QWidget | None = None,
                 nominee_ids: list[uuid.UUID] | None = None, notify=None) -> None:
        super().__init__(parent)
        self.db, self.round_id, self.nominee_ids = db, round_id, nominee_ids
        self.notify = notify or (lambda changes: None)
        self.setWindowTitle(self.tr("Print certificates"))
        self._tmp = tempfile.TemporaryDirectory(prefix="socongdoan-cert-")
        self.template = ValueCombo()
        self.template.add(self.tr("By award form"), None)
        for key, title in ops.certificate_templates():
            self.template.add(title, key)
        self.stock = QCheckBox(self.tr("Onto pre-printed &stock (text only, shifted by the calibration)"))
        self.printer = QComboBox()
        self.printer.setEditable(True)
        names = QPrinterInfo.availablePrinterNames()
        self.printer.addItems(names or [QPrinterInfo.defaultPrinterName() or self.tr("Default printer")])
        self.dx = QDoubleSpinBox()
        self.dy = QDoubleSpinBox()
        for box in (self.dx, self.dy):
            box.setRange(-50, 50)
            box.setSingleStep(0.5)
            box.setDecimals(1)
            box.setSuffix(" mm")
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("right")))
        offsets.addWidget(self.dx)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(self.dy)
        self.save_calibration = QPushButton(self.tr("Save for this printer"))
        self.save_calibration.clicked.connect(self._save_calibration)
        offsets.addWidget(self.save_calibration)
        offsets.addStretch(1)
        # Whom to print: the approved nominees, those not yet printed ticked.
        self.nominees = QListWidget()
        self.nominees.setMaximumHeight(110)
        for row, number in ops.certificate_candidates(db, round_id):
            text = f"{row.seq}. {row.full_name} — {ops.AWARD_LABELS[row.award]}"
            if number:
                text += " " + self.tr("(printed, No. {0})").format(number)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = (row.id in nominee_ids) if nominee_ids is not None else not number
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.nominees.addItem(item)
        form = QFormLayout()
        nominees_label = QLabel(self.tr("&Nominees:"))
        nominees_label.setBuddy(self.nominees)
        form.addRow(nominees_label, self.nominees)
        form.addRow(self.tr("&Template:"), self.template)
        form.addRow("", self.stock)
        form.addRow(self.tr("P&rinter:"), self.printer)
        form.addRow(self.tr("Calibration:"), offsets)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumSize(QSize(640, 420))
        preview = QPushButton(self.tr("&Preview"))
        preview.clicked.connect(self.preview)
        calibration = QPushButton(self.tr("&Calibration page"))
        calibration.clicked.connect(self.calibration_page)
        proof = QPushButton(self.tr("Save a pr&oof…"))
        proof.setToolTip(self.tr("A PDF to check: no number is entered in the register"))
        proof.clicked.connect(self.save_proof)
        save = QPushButton(self.tr("Save to &print…"))
        save.setToolTip(self.tr("The PDF to print: each certificate is entered in the register"))
        save.clicked.connect(self.save_pdf)
        self.booking_note = QLabel(self.tr(
            "The preview and “Save a proof” enter nothing in the certificate register; “Print” and "
            "“Save to print” give each certificate its register number (a reprint keeps its number)."))
        self.booking_note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Pr&int…"))
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (preview, proof, calibration):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (save, self.print_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.booking_note)
        layout.addLayout(buttons)
        self.printer.currentTextChanged.connect(self._load_calibration)
        self._load_calibration(self.printer.currentText())
        self.last_job: jobs.Job | None = None
        self.resize(1000, 720)

    def done(self, result: int) -> None:
        self.document.close()
        self._tmp.cleanup()
        super().done(result)

    # --- calibration ---------------------------------------------------------------
    def _load_calibration(self, printer: str) -> None:
        c = ops.calibration(self.db, printer)
        self.dx.setValue(c.dx_mm)
        self.dy.setValue(c.dy_mm)

    def _save_calibration(self) -> None:
        try:
            ops.set_calibration(self.db, ops.Calibration(self.printer.currentText(), self.dx.value(),
                                                         self.dy.value()))
        except Exception as exc:  # a UserError or a database fault: said in Vietnamese
            widgets.report_error(self, exc)
            return
        self.summary.setText(self.tr("Calibration saved for {0}.").format(self.printer.currentText()))

    # --- the PDF ---------------------------------------------------------------------
    def chosen(self) -> list[uuid.UUID]:
        """The ticked nominees."""
        return [self.nominees.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nominees.count())
                if self.nominees.item(i).checkState() == Qt.CheckState.Checked]

    def _run(self, out: Path, record: bool, then) -> jobs.Job | None:
        db, round_id, ids = self.db, self.round_id, self.chosen()
        if not ids:
            self.summary.setText(self.tr("Tick the nominees whose certificates to print."))
            return None
        template, stock = self.template.value(), self.stock.isChecked()
        dx, dy, printer = self.dx.value(), self.dy.value(), self.printer.currentText()

        def work(ctx):
            return ops.print_certificates(db, round_id, out, stock=stock, template=template,
                                          dx_mm=dx, dy_mm=dy, printer=printer, nominee_ids=ids,
                                          record=record, progress=ctx.progress,
                                          is_cancelled=ctx.is_cancelled)

        self.last_job = jobs.run_with_progress(self, self.tr("Drawing certificates…"), work,
                                               on_success=then)
        return self.last_job

    def _show(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))

    def preview(self) -> jobs.Job | None:
        out = Path(self._tmp.name) / f"preview-{uuid.uuid4().hex}.pdf"

        def shown(done) -> None:
            self._show(out)
            result = done.value
            self.summary.setText(self.tr("Preview: {0} certificate(s), numbers {1}. Nothing is "
                                         "recorded until you save or print.").format(
                result.count, ", ".join(result.numbers)))
        return self._run(out, False, shown)

    def calibration_page(self) -> None:
        out = Path(self._tmp.name) / f"calibration-{uuid.uuid4().hex}.pdf"
        try:
            ops.write_calibration_page(self.db, out, printer=self.printer.currentText(),
                                       template=str(self.template.value() or "giay_khen_a4"),
                                       dx_mm=self.dx.value(), dy_mm=self.dy.value())
        except Exception as exc:
            widgets.report_error(self, exc)
            return
        self._show(out)
        template = self.template.value() or "giay_khen_a4"
        title = dict(ops.certificate_templates()).get(str(template), str(template))
        self.summary.setText(self.tr("Calibration page for the template «{0}» on {1}: print it on a "
                                     "blank sheet of that stock and measure how far the crosshairs land "
                                     "from the boxes.").format(title, self.printer.currentText()))

    def _recorded(self, done) -> None:
        self.notify(done.changes)
        result = done.value
        self._show(result.path)
        self.summary.setText(self.tr("{0} certificate(s) issued, numbers {1}; {2} reprint(s).").format(
            result.count, ", ".join(result.numbers), result.reprints))

    def save_proof(self) -> None:
        """A PDF to check or send for approval: nothing entered in the register."""
        target = file_dialogs.save_file(self, self.tr("Save a proof"), file_dialogs.FileKind.DOCUMENT,
                                        "giay-khen-xem-thu.pdf", [(self.tr("PDF files (*.pdf)"), ".pdf")])
        if target is None:
            return
        path = str(target)

        def saved(done) -> None:
            self._show(Path(path))
            self.summary.setText(self.tr("Proof saved: {0} certificate(s); no number entered in the "
                                         "register.").format(done.value.count))
        self._run(Path(path), False, saved)

    def save_pdf(self) -> None:
        target = file_dialogs.save_file(self, self.tr("Save certificates"), file_dialogs.FileKind.DOCUMENT,
                                        "giay-khen.pdf", [(self.tr("PDF files (*.pdf)"), ".pdf")])
        path = str(target) if target is not None else ""
        if path:
            self._run(Path(path), True, self._recorded)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = self.printer.currentText()
        if name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        out = Path(self._tmp.name) / f"print-{uuid.uuid4().hex}.pdf"

        def printed(done) -> None:
            self._recorded(done)
            send_to_printer(self.document, printer)
        self._run(out, True, printed)


def send_to_printer(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page of ``document`` at its real size (no scaling: the calibration is in mm)."""
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            dpi = printer.resolution()
            pixels = QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi))
            image = document.render(page, pixels)
            painter.drawImage(QRectF(QPointF(0, 0), pixels.toSizeF()), image)
    finally:
        painter.end()

