"""A :class:`~core.common.report.model.Report` as a PDF in the Decree 30/2020 layout (core.common.pdf).

The office settings give the header (parent body and office on the left, "Số: …/BC-LĐLĐ"
under them; national name, motto and the italic place–date line on the right) and the
signature block ("TM. BAN THƯỜNG VỤ / CHỦ TỊCH / name"); "Nơi nhận:" closes the page.
reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from core.common.letterhead import OfficeSettings
from core.common.pdf import (
    DocumentHeader,
    SignatureBlock,
    build_document,
    escape,
    paragraph,
    spacer,
    table,
)
from core.common.pdf.fonts import BOLD, REGULAR, register_fonts
from core.common.pdf.layout import LANDSCAPE_MARGINS_MM, PORTRAIT_MARGINS_MM, closing_block
from core.common.report.model import DocumentInfo, Report, Table, Text
from core.common.vnformat import date_line, doc_number

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
INDENT_MM = 4  # per level of the unit tree
TAIL_ROWS = 3  # table rows that go with the signature when it would be alone on a page
GAP_MM = 6


def number_text(office: OfficeSettings, info: DocumentInfo) -> str:
    """"Số: 08/BC-LĐLĐ", or "Số:      /BC-LĐLĐ" for the clerk to number by hand."""
    if info.number_text:
        return info.number_text
    symbol = f"{info.kind_symbol}-{office.doc_symbol or 'LĐLĐ'}"
    if info.number:
        return doc_number(info.number, symbol)
    return f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{symbol}"


def _cell_style(font: str, size: float, align: str, indent_mm: float) -> ParagraphStyle:
    return ParagraphStyle(
        name=f"report-{font}-{size}-{align}-{indent_mm}",
        fontName=font,
        fontSize=size,
        leading=round(size * 1.2, 1),
        alignment=_ALIGN[align],
        leftIndent=indent_mm * mm,
    )


def _kept(flowable: Flowable) -> Flowable:
    """A heading stays on the page of what follows it."""
    flowable.keepWithNext = True
    return flowable


def _table(block: Table):
    """core.common.pdf.table with bold rows and the indented unit tree as ready paragraphs."""
    columns = block.columns

    def cells(row, force_bold: bool = False) -> list:
        bold = force_bold or row.bold
        out = []
        for i, (column, value) in enumerate(zip(columns, row.cells, strict=True)):
            text = column.text(value)
            indent = row.indent * INDENT_MM if i == block.indent_column else 0
            if bold or indent:
                style = _cell_style(BOLD if bold else REGULAR, block.font_size, column.align, indent)
                out.append(Paragraph(escape(text), style))
            else:
                out.append(text)
        return out

    return table(
        [[c.header for c in columns]],
        [cells(r) for r in block.rows],
        [c.width_mm for c in columns],
        totals_row=cells(block.totals, True) if block.totals is not None else None,
        align=[c.align for c in columns],
        font_size=block.font_size,
    )


class TableWithClosing(Flowable):
    """The last table and the closing block ("Nơi nhận:" and the signature), drawn one
    under the other. When they do not fit on the page, the table is split so that at least
    :data:`TAIL_ROWS` of its rows (under its repeated header) go with the closing block:
    the signature is never alone on a page."""

    def __init__(self, table_: PdfTable, closing: Flowable, tail: int = TAIL_ROWS):
        super().__init__()
        self.table, self.closing, self.tail = table_, closing, tail
        self.gap = GAP_MM * mm
        self.spaceBefore = getattr(table_, "spaceBefore", 0)

    def wrap(self, avail_width, avail_height):
        self._table_size = self.table.wrap(avail_width, avail_height)
        self._closing_size = self.closing.wrap(avail_width, avail_height)
        self.width = avail_width
        self.height = self._table_size[1] + self.gap + self._closing_size[1]
        return self.width, self.height

    def draw(self):
        table_width, _ = self._table_size
        closing_height = self._closing_size[1]
        self.table.drawOn(self.canv, (self.width - table_width) / 2, closing_height + self.gap)
        self.closing.drawOn(self.canv, 0, 0)

    def _split_leaving_tail(self, avail_width, avail_height) -> list:
        """Split before the last ``tail`` rows (or earlier, if they do not fit here)."""
        self.table.wrap(avail_width, avail_height)
        heights = self.table._rowHeights
        header = self.table.repeatRows if isinstance(self.table.repeatRows, int) else 1
        last = len(heights) - self.tail
        if last <= header:
            return []
        height = min(sum(heights[:last]), avail_height) + 0.01
        parts = self.table.split(avail_width, height)
        return parts if len(parts) == 2 else []

    def split(self, avail_width, avail_height):
        parts = self.table.split(avail_width, avail_height)
        if not parts:
            return []
        if len(parts) == 1 or len(parts[1]._cellvalues) - parts[1].repeatRows < self.tail:
            parts = self._split_leaving_tail(avail_width, avail_height)
            if not parts:
                return []
        first, rest = parts
        first.spaceAfter = 0
        return [first, TableWithClosing(rest, self.closing, self.tail)]


def signer_row(signers: list[tuple[str, str]], frame_width: float) -> Flowable:
    """Signatures side by side across the page: each title (bold), "(Ký, họ tên)", room to
    sign, then the name when known."""
    register_fonts()
    size = 12 if len(signers) < 5 else 10.5  # five signatures across a portrait page
    title = ParagraphStyle("signer", fontName=BOLD, fontSize=size, leading=size * 1.25,
                           alignment=TA_CENTER)
    note = ParagraphStyle("signer_note", fontName=REGULAR, fontSize=size - 1,
                          leading=(size - 1) * 1.25, alignment=TA_CENTER)
    cells = [[Paragraph(escape(t), title), Paragraph("(Ký, họ tên)", note), Spacer(1, 22 * mm),
              Paragraph(escape(n), title)] for t, n in signers]
    width = frame_width / max(1, len(signers))
    row = PdfTable([cells], colWidths=[width] * len(signers))
    row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 2),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                             ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return row


def write_pdf(report: Report, out_path: str | os.PathLike[str], office: OfficeSettings,
              info: DocumentInfo, *, is_cancelled: Callable[[], bool] | None = None) -> Path:
    register_fonts()
    header = DocumentHeader(
        parent_org=office.parent_name,
        org=office.name or office.unit_code,
        number_text=number_text(office, info),
        place_date=date_line(office.place, info.date),
    )
    body: list = [paragraph(note, "center_italic") for note in report.notes]
    if report.notes:
        body.append(spacer(2))
    blocks = list(report.blocks)
    for block in blocks:
        if isinstance(block, Text):
            text = paragraph(block.text, block.style)
            body.append(_kept(text) if block.style == "heading" else text)
            continue
        if block.heading:
            body.append(_kept(paragraph(block.heading, "heading")))
        if block.unit_note:
            body.append(_kept(paragraph(block.unit_note, "note")))
        body.append(_table(block))
    signature: SignatureBlock | None = SignatureBlock(office.on_behalf, office.chair_title, office.chair_name)
    recipients: list[str] | None = info.recipients if info.recipients is not None else info.default_recipients
    top, bottom, left, right = LANDSCAPE_MARGINS_MM if report.landscape else PORTRAIT_MARGINS_MM
    page_width = A4[1] if report.landscape else A4[0]
    frame_width = page_width - (left + right) * mm
    if report.signers:
        closing: Flowable = signer_row(report.signers, frame_width)
        signature, recipients = None, None
    else:
        closing = closing_block(signature, recipients, frame_width)
    if blocks and isinstance(blocks[-1], Table) and isinstance(body[-1], PdfTable):
        # The closing block goes with the last rows of the table (see TableWithClosing).
        body[-1] = TableWithClosing(body[-1], closing)
        signature, recipients = None, None
    elif report.signers:
        body += [spacer(6), KeepTogether([closing])]
    return build_document(out_path, header, report.title, report.subtitle, body, signature,
                          recipients, landscape=report.landscape, is_cancelled=is_cancelled)
