"""Administrative documents laid out after Decree 30/2020/NĐ-CP (Phụ lục I), built with reportlab.

A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; 14 pt body text, justified, first-line
indent 1 cm; page numbers from page 2, centred in the top margin. The page opens with the
two-column header (issuing body on the left; national name and motto with the italic
place–date line on the right), then the document type and its summary, the body, and closes
with "Nơi nhận:" on the left and the signature block on the right.

Every string given here is plain text: it is NFC-normalised and escaped for reportlab's
paragraph mini-markup, so "&", "<" and ">" print as typed. Pass ``markup=True`` to
:func:`paragraph` (and build the text with :func:`escape`) to use ``<b>``/``<i>``.

    from core.common.pdf import DocumentHeader, SignatureBlock, build_document, paragraph, table

    header = DocumentHeader(
        parent_org="Liên đoàn Lao động tỉnh Quảng Trị",
        org="LĐLĐ huyện Vĩnh Linh",
        number_text="Số: 08/HD-LĐLĐ",
        place_date="Vĩnh Linh, ngày 06 tháng 3 năm 2023",
    )
    build_document(
        "huong-dan.pdf", header, "Hướng dẫn", "Về việc xét khen thưởng năm 2022",
        ["Căn cứ …", paragraph("I. MỤC ĐÍCH", "heading"),
         table([["TT", "Đơn vị", "Số tiền"]], [[1, "CĐCS A", 1_500_000]], [12, 100, 50],
               totals_row=["", "Tổng cộng", 1_500_000])],
        SignatureBlock("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lương Xuân Trường"),
        ["Như trên", "Lưu: VT"],
    )

The file is written to a temporary file beside ``out_path`` and renamed into place, so a
failed or cancelled export never leaves a half-written PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.common.errors import Cancelled
from core.common.files import write_atomically
from core.common.pdf.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from core.common.text import nfc

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CREATOR = "Sổ Công đoàn"

BODY_SIZE = 14
BODY_LEADING = 17  # about single line spacing of a 14 pt Times-like face (Decree: 1 to 1.5 lines)
TABLE_SIZE = 12

# (top, bottom, left, right) in mm. Portrait: Decree 30 (20–25, 20–25, 30–35, 15–20).
# A landscape page is bound along its top edge, so the wide binding margin moves there.
PORTRAIT_MARGINS_MM = (20, 20, 30, 15)
LANDSCAPE_MARGINS_MM = (30, 15, 20, 20)

# Header and signature columns (mm): left for the issuing body / "Nơi nhận:", right for the
# national name / signature. On a portrait page they fill the 165 mm text width exactly.
LEFT_COLUMN_MM = 76
RIGHT_COLUMN_MM = 89
SIGNATURE_SPACE_MM = 25  # room for the signature and the seal
HEADER_LEADING = 15


@dataclass(frozen=True)
class DocumentHeader:
    """The top block. Names are upper-cased when printed; ``parent_org`` may be empty."""

    parent_org: str
    org: str
    number_text: str  # e.g. "Số: 08/HD-LĐLĐ"
    place_date: str  # e.g. "Vĩnh Linh, ngày 06 tháng 3 năm 2023"


@dataclass(frozen=True)
class SignatureBlock:
    """``on_behalf`` ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH") may be empty; ``name`` is printed as given."""

    on_behalf: str
    title: str
    name: str


def escape(text: object) -> str:
    """Plain text → reportlab mini-markup: NFC, ``& < >`` escaped, newlines as line breaks."""
    s = nfc("" if text is None else str(text))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


def upper(text: str) -> str:
    """Upper case for printing (NFC first, so "đ" → "Đ", "ậ" → "Ậ")."""
    return nfc(text).upper()


def group_thousands(value: int) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


# --- styles -------------------------------------------------------------------------------


@cache
def _style(
    font: str,
    size: float,
    alignment: int = TA_LEFT,
    leading: float | None = None,
    first_indent: float = 0,
    space_before: float = 0,
    space_after: float = 0,
) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        name=f"{font}-{size}-{alignment}-{leading}-{first_indent}-{space_before}-{space_after}",
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.2, 1),
        alignment=alignment,
        firstLineIndent=first_indent,
        spaceBefore=space_before,
        spaceAfter=space_after,
        bulletFontName=font,
        allowWidows=0,
        allowOrphans=0,
    )


_INDENT = 10 * mm  # Decree: 1–1.27 cm

PARAGRAPH_STYLES: dict[str, Callable[[], ParagraphStyle]] = {
    # Justified body text with first-line indent and 6 pt between paragraphs.
    "body": lambda: _style(REGULAR, BODY_SIZE, TA_JUSTIFY, BODY_LEADING, _INDENT, 0, 6),
    # Body text without the indent (continuations, lists that carry their own dash).
    "plain": lambda: _style(REGULAR, BODY_SIZE, TA_JUSTIFY, BODY_LEADING, 0, 0, 6),
    # Section headings such as "I. MỤC ĐÍCH, YÊU CẦU": bold, indented like the body.
    "heading": lambda: _style(BOLD, BODY_SIZE, TA_JUSTIFY, BODY_LEADING, _INDENT, 6, 6),
    "italic": lambda: _style(ITALIC, BODY_SIZE, TA_JUSTIFY, BODY_LEADING, _INDENT, 0, 6),
    "center": lambda: _style(REGULAR, BODY_SIZE, TA_CENTER, BODY_LEADING, 0, 0, 6),
    "center_bold": lambda: _style(BOLD, BODY_SIZE, TA_CENTER, BODY_LEADING, 0, 0, 6),
    "center_italic": lambda: _style(ITALIC, BODY_SIZE, TA_CENTER, BODY_LEADING, 0, 0, 6),
    "right_italic": lambda: _style(ITALIC, BODY_SIZE - 1, TA_RIGHT, BODY_LEADING, 0, 0, 3),
    # Smaller notes, e.g. "Đơn vị tính: đồng" above a table.
    "note": lambda: _style(ITALIC, 12, TA_RIGHT, 14, 0, 0, 3),
    # An annex's note under its title: "(Kèm theo Quyết định số … của …)".
    "annex_note": lambda: _style(ITALIC, 13, TA_CENTER, 16, 0, 0, 2),
    # Signature columns drawn in the body (blocks.signature_column): the title and the name
    # bold, the "(Ký, ghi rõ họ tên)" note under the title in italics.
    "sign": lambda: _style(BOLD, 14, TA_CENTER, 17),
    "sign_note": lambda: _style(ITALIC, 13, TA_CENTER, 16),
}


def paragraph(text: str, style: str = "body", *, markup: bool = False) -> Paragraph:
    """A paragraph in one of :data:`PARAGRAPH_STYLES`. Plain text unless ``markup=True``."""
    try:
        para_style = PARAGRAPH_STYLES[style]()
    except KeyError:
        raise ValueError(f"unknown paragraph style {style!r}") from None
    return Paragraph(nfc(text) if markup else escape(text), para_style)


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def rule(width_mm: float, before: float = 2, after: float = 8) -> HRFlowable:
    """A short centred rule (0.6 pt), as under a title; ``before``/``after`` in points."""
    return _rule(width_mm * mm, before, after)


def text_width_mm(landscape: bool = False) -> float:
    """Width of the text between the margins of an A4 page (165 mm portrait)."""
    _, _, left, right = LANDSCAPE_MARGINS_MM if landscape else PORTRAIT_MARGINS_MM
    return (297 if landscape else 210) - left - right


def measure_mm(text: str, font: str = REGULAR, size: float = BODY_SIZE) -> float:
    """Width of ``text`` on one line in ``font`` at ``size`` pt, in mm."""
    register_fonts()
    return stringWidth(nfc(text), font, size) / mm


# --- tables -------------------------------------------------------------------------------

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

Cell: TypeAlias = str | int | None | Flowable


_ROW_SPLIT_MIN = 120
_LAST_RESORT_ROOM = 360.0  # points free on a page: at least half an A4 page (a fresh page)
_LAST_RESORT_MIN = 24.0  # points: the smallest piece of a row then put on either page


class _Table(Table):
    """reportlab's ``Table``, which does not split a row inside when less than
    ``splitInRow`` of the table would go on to the next page: a row a little taller than a
    page (31 or 47 authors with long names and units) then fits no page at all and the
    document fails with ``LayoutError``. Where half a page or more is free, such a split is
    made anyway, down to pieces of two lines; the pieces keep the usual minimum."""

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803 - reportlab's
        parts = super().split(availWidth, availHeight)
        usual: float = getattr(self, "splitInRow", 0)
        if parts or not usual or availHeight < _LAST_RESORT_ROOM:
            return parts
        self.splitInRow = _LAST_RESORT_MIN
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = usual
        for part in parts:
            if isinstance(part, Table):
                part.splitInRow = usual
        return parts
_TALL_ROW = 300.0  # points: rows likely taller than this may be split across pages


def _tall(cell: Flowable, width: float, font_size: float, leading: float) -> bool:
    """Whether a cell's text probably makes its row taller than :data:`_TALL_ROW` (a cheap
    estimate from its length: about half an em a character)."""
    text = getattr(cell, "text", "")
    if not isinstance(text, str) or len(text) * leading < _TALL_ROW:
        return False
    per_line = max(width / (font_size * 0.5), 1.0)
    return (len(text) / per_line + text.count("\n")) * leading > _TALL_ROW


def table(
    header_rows: Sequence[Sequence[Cell]],
    rows: Iterable[Sequence[Cell]],
    col_widths_mm: Sequence[float],
    totals_row: Sequence[Cell] | None = None,
    *,
    align: Sequence[str] | None = None,
    font_size: float = TABLE_SIZE,
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    dense: bool = False,
) -> Table:
    """A ruled table whose header rows repeat on every page; ``totals_row`` is printed bold.

    Cells are plain text, ``int`` (printed with "." thousands separators, right-aligned) or
    ready flowables. ``align`` gives each column's alignment ("left", "center", "right", "justify");
    without it text is left-aligned and integers right-aligned. Header cells are bold and
    centred. ``spans`` are reportlab SPAN ranges ``((col0, row0), (col1, row1))`` counted over
    all rows, header rows first. ``dense``: a long list (an annex) — lines set at 1.1 × the
    size and thinner cell paddings, so more rows fit a page at the same readable size.
    """
    register_fonts()
    ncols = len(col_widths_mm)
    if align is not None and len(align) != ncols:
        raise ValueError("align needs one entry per column")
    leading = round(font_size * (1.1 if dense else 1.2), 1)
    side, top, bottom = (2, 1.5, 2) if dense else (3, 2, 3)

    def cell(value: Cell, col: int, font: str, header: bool) -> Flowable:
        if isinstance(value, Flowable):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            is_number = True
            text = group_thousands(value)
        else:
            is_number = False
            text = "" if value is None else str(value)
        if header:
            alignment = TA_CENTER
        elif align is not None:
            alignment = _ALIGN[align[col].lower()]
        else:
            alignment = TA_RIGHT if is_number else TA_LEFT
        return Paragraph(escape(text), _style(font, font_size, alignment, leading))

    def make_row(values: Sequence[Cell], font: str, header: bool = False) -> list[Flowable]:
        if len(values) != ncols:
            raise ValueError(f"row has {len(values)} cells, the table has {ncols} columns")
        return [cell(v, i, font, header) for i, v in enumerate(values)]

    data = [make_row(r, BOLD, header=True) for r in header_rows]
    data += [make_row(r, REGULAR) for r in rows]
    if totals_row is not None:
        data.append(make_row(totals_row, BOLD))
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), side),
        ("RIGHTPADDING", (0, 0), (-1, -1), side),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # for empty cells; never Helvetica
    ]
    commands += [("SPAN", start, end) for start, end in spans]
    # A row that may run over a page is top-aligned: reportlab pads the middle-aligned cells
    # of a row split across pages more at every split, until the rest no longer fits.
    widths_pt = [w * mm for w in col_widths_mm]
    for number, values in enumerate(data):
        if any(_tall(v, w, font_size, leading) for v, w in zip(values, widths_pt, strict=True)):
            commands.append(("VALIGN", (0, number), (-1, number), "TOP"))
    result = _Table(
        data,
        colWidths=[w * mm for w in col_widths_mm],
        repeatRows=len(header_rows),
        hAlign="CENTER",
        # A row taller than what is left of the page (50 authors with long names in one cell)
        # is split inside the row rather than failing with LayoutError; rows that fit are
        # never split, and a row is split only where at least this much (points) is left.
        splitInRow=_ROW_SPLIT_MIN,
    )
    result.setStyle(TableStyle(commands))
    result.spaceBefore = 3
    result.spaceAfter = 9
    return result


# --- the fixed blocks ---------------------------------------------------------------------


def _fit_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest size (in 0.5 pt steps) at which ``text`` fits on one line, or ``smallest``."""
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _line(text: str, font: str, size: float, width: float, smallest: float) -> Paragraph:
    """One centred header line, shrunk (not below ``smallest``) to stay on one line; a
    longer one wraps."""
    size = _fit_size(text, font, width, size, smallest)
    return Paragraph(escape(text), _style(font, size, TA_CENTER, HEADER_LEADING))


def _rule(width: float, space_before: float = 1, space_after: float = 3) -> HRFlowable:
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=space_before,
        spaceAfter=space_after,
    )


def _columns(left: list, right: list, frame_width: float, align: str = "CENTER") -> Table:
    """Left and right blocks side by side, the gap (if any) between them. ``align`` places
    flowables narrower than their column (the rules)."""
    left_w, right_w = LEFT_COLUMN_MM * mm, RIGHT_COLUMN_MM * mm
    gap = max(0.0, frame_width - left_w - right_w)
    block = Table([[left, "", right]], colWidths=[left_w, gap, right_w], hAlign="LEFT")
    block.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), align),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    return block


def _is_vv(subtitle: str | None) -> bool:
    return subtitle is not None and nfc(subtitle).lstrip().lower().startswith("v/v")


def header_block(header: DocumentHeader, frame_width: float, vv: str | None = None) -> Table:
    """The two-column block at the top of page 1 (a "V/v …" summary goes under the number)."""
    left_w, right_w = LEFT_COLUMN_MM * mm, RIGHT_COLUMN_MM * mm
    left_fit = left_w - 3 * mm  # keep a visible gap before the national name
    left: list[Flowable] = []
    if header.parent_org.strip():
        left.append(_line(upper(header.parent_org), REGULAR, 13, left_fit, 11))
    org = upper(header.org)
    org_line = _line(org, BOLD, 13, left_fit, 11.5)
    left.append(org_line)
    org_width = min(stringWidth(org, BOLD, org_line.style.fontSize), left_w)
    left.append(_rule(max(org_width * 0.45, 20 * mm), 3, 3))
    left.append(Paragraph(escape(header.number_text), _style(REGULAR, 13, TA_CENTER, 16)))
    if vv:
        left.append(Paragraph(escape(vv), _style(REGULAR, 12, TA_CENTER, 14, 0, 2)))

    national = _line(NATIONAL_NAME, BOLD, 13, right_w, 12)
    motto = _line(MOTTO, BOLD, 14, right_w, 13)
    right: list[Flowable] = [
        national,
        motto,
        _rule(min(stringWidth(MOTTO, BOLD, motto.style.fontSize), right_w), 3, 6),
        Paragraph(escape(header.place_date), _style(ITALIC, 14, TA_CENTER, 16)),
    ]
    return _columns(left, right, frame_width)


def closing_block(
    signature: SignatureBlock | None, recipients: Sequence[str] | None,
    frame_width: float | None = None,
) -> Table:
    """The "Nơi nhận:" list on the left and the signature block on the right, across
    ``frame_width`` points (default: the text width of a portrait page). Placed by
    :func:`build_document`, or in the body to keep it with the last paragraph."""
    if frame_width is None:
        frame_width = text_width_mm() * mm
    left: list[Flowable] = []
    items = [nfc(r).strip() for r in (recipients or []) if r and r.strip()]
    if items:
        left.append(Paragraph("Nơi nhận:", _style(BOLD_ITALIC, 12, TA_LEFT, 14)))
        item_style = _style(REGULAR, 11, TA_LEFT, 13)
        for i, item in enumerate(items):
            text = item if item.startswith("-") else f"- {item}"
            if text[-1] not in ";.":
                text += "." if i == len(items) - 1 else ";"
            left.append(Paragraph(escape(text), item_style))
    right: list[Flowable] = []
    if signature is not None:
        line = _style(BOLD, 14, TA_CENTER, 17)
        if signature.on_behalf.strip():
            right.append(Paragraph(escape(upper(signature.on_behalf)), line))
        right.append(Paragraph(escape(upper(signature.title)), line))
        right.append(Spacer(1, SIGNATURE_SPACE_MM * mm))
        right.append(Paragraph(escape(signature.name), line))
    return _columns(left, right, frame_width)


# --- the document -------------------------------------------------------------------------


class _Document(BaseDocTemplate):
    """Page 1 without a number, later pages numbered; frames without reportlab's default 6 pt
    padding, so the margins are exactly the Decree's."""

    def __init__(self, filename, *, is_cancelled: Callable[[], bool] | None = None, **kwargs):
        super().__init__(filename, **kwargs)
        self._is_cancelled = is_cancelled
        frame = dict(
            x1=self.leftMargin,
            y1=self.bottomMargin,
            width=self.width,
            height=self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("first", [Frame(id="first", **frame)], autoNextPageTemplate="later"),
                PageTemplate("later", [Frame(id="later", **frame)], onPage=_page_number),
            ]
        )

    def afterFlowable(self, flowable):  # noqa: N802 - reportlab's hook name
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled


def _page_number(canvas, doc) -> None:
    """Pages 2, 3, …: the number centred in the top margin (Decree 30: none on page 1)."""
    canvas.saveState()
    canvas.setFont(REGULAR, 13)
    width, height = doc.pagesize
    canvas.drawCentredString(width / 2, height - doc.topMargin / 2 - 4, str(doc.page))
    canvas.restoreState()


def build_document(
    out_path: str | os.PathLike[str],
    header: DocumentHeader,
    title: str | None,
    subtitle: str | None,
    body: Iterable[Flowable | str],
    signature: SignatureBlock | None,
    recipients: Sequence[str] | None = None,
    *,
    landscape: bool = False,
    is_cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write a complete document to ``out_path`` (atomically) and return the path.

    ``title`` is the document type ("Hướng dẫn", "Tờ trình"; printed bold upper-case,
    centred) and may be empty for an official letter. ``subtitle`` is its summary, printed
    bold and centred under the title with a short rule — unless it starts with "V/v", in
    which case it goes under the number on the left as on an official letter (công văn).
    ``body`` holds flowables (:func:`paragraph`, :func:`table`, :mod:`.blocks`, …) and plain
    strings, which become body paragraphs. ``recipients`` are the "Nơi nhận:" lines; a leading
    "- " and the closing ";" / "." are added when missing. Without a signature and recipients
    the document ends with the body. ``is_cancelled`` is polled after each flowable;
    when it returns true, :class:`~core.common.errors.Cancelled` is raised and nothing is written.
    Metadata: title = the document type and summary, author = the issuing body.
    """
    register_fonts()
    out = Path(out_path)
    top, bottom, left, right = LANDSCAPE_MARGINS_MM if landscape else PORTRAIT_MARGINS_MM
    pagesize = _landscape(A4) if landscape else A4
    frame_width = pagesize[0] - (left + right) * mm

    vv = subtitle if _is_vv(subtitle) else None
    story: list[Flowable] = [header_block(header, frame_width, vv)]
    if title and title.strip():
        story.append(Paragraph(escape(upper(title)), _style(BOLD, 14, TA_CENTER, 17, 0, 18)))
    if subtitle and subtitle.strip() and not vv:
        sub = nfc(subtitle).strip()
        story.append(Paragraph(escape(sub), _style(BOLD, 14, TA_CENTER, 17, 0, 0 if title else 18)))
        line_w = min(stringWidth(sub, BOLD, 14), frame_width)
        story.append(_rule(min(max(line_w / 3, 25 * mm), 60 * mm), 6, 0))  # clear of descenders
    story.append(Spacer(1, 12))

    for item in body:
        story.append(paragraph(item) if isinstance(item, str) else item)

    if signature is not None or any(r and r.strip() for r in recipients or ()):
        closing = closing_block(signature, recipients, frame_width)
        gap = Spacer(1, 6 * mm)
        if len(story) > 2 and isinstance(story[-1], Paragraph):
            # Keep the last paragraph with the signature: never a signature alone on a page.
            last = story.pop()
            story.append(KeepTogether([last, gap, closing]))
        else:
            story += [gap, closing]
    # else nothing closes the document here (the body may hold its own signatures): no empty
    # closing block that could spill onto a page of its own.

    doc_title = " ".join(p for p in (_one_line(title), _one_line(subtitle)) if p)

    def write(tmp: str) -> None:
        _Document(
            tmp,
            pagesize=pagesize,
            topMargin=top * mm,
            bottomMargin=bottom * mm,
            leftMargin=left * mm,
            rightMargin=right * mm,
            title=doc_title,
            author=_one_line(header.org),  # broken in two lines on the page
            subject=_one_line(subtitle),
            creator=CREATOR,
            lang="vi",
            initialFontName=REGULAR,  # the canvas would otherwise reference Helvetica
            is_cancelled=is_cancelled,
        ).build(story)

    return write_atomically(out, write, make_folder=True)


def _one_line(text: str | None) -> str:
    """``text`` for a PDF's metadata (title, author, subject) on one line: a name the page
    breaks in two balanced lines ("CĐCS Bệnh viện Đa\nkhoa Vĩnh Linh") is one name again,
    never a line break (viewers show each field on one line, some cut it at the break)."""
    return " ".join(nfc(text or "").split())
