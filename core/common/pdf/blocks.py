"""Reusable pieces of document bodies, beside :mod:`core.common.pdf.layout`'s page and styles:
numbered form fields ("1. Tên sáng kiến: …"), headings kept with what follows, signatures
side by side in the body, a stamp in the page corner ("MẬT"), a long issuer name broken into
two balanced header lines. Documents (initiative reports and decisions, certificates,
vouchers) hold only their content and build it from these.

Text is plain unless said otherwise, as everywhere in :mod:`core.common.pdf`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from core.common.pdf.fonts import BOLD, REGULAR, register_fonts
from core.common.pdf.layout import (
    LEFT_COLUMN_MM,
    PORTRAIT_MARGINS_MM,
    SIGNATURE_SPACE_MM,
    escape,
    paragraph,
    spacer,
    text_width_mm,
)
from core.common.text import clean, nfc


def split_paragraphs(text: str | None) -> list[str]:
    """A stored multi-line field as its paragraphs (blank lines dropped)."""
    return [line.strip() for line in nfc(text or "").replace("\r\n", "\n").split("\n")
            if line.strip()]


def heading(text: str, style: str = "heading") -> Paragraph:
    """A heading paragraph kept on the page of what follows it."""
    para = paragraph(text, style)
    para.keepWithNext = True
    return para


def labelled(label: str, text: str, missing: str = "") -> Paragraph:
    """"**label** text" as one body paragraph; an empty ``text`` prints ``missing`` in
    italics ("(Chưa kê khai)")."""
    value = escape(text) if text else (f"<i>{escape(missing)}</i>" if missing else "")
    return paragraph(f"<b>{escape(label)}</b> {value}".rstrip(), "body", markup=True)


def section(label: str, text: str, missing: str = "") -> list[Flowable]:
    """A numbered field whose value may run to several paragraphs: the label as a heading
    kept with them, each line of ``text`` a body paragraph; :func:`labelled` when empty."""
    parts = split_paragraphs(text)
    if not parts:
        return [labelled(label, "", missing)]
    return [heading(label), *[paragraph(p, "body") for p in parts]]


def signature_column(title: str, note: str = "", name: str = "", *,
                     space_mm: float = SIGNATURE_SPACE_MM) -> list[Flowable]:
    """One signature in the body: the title (bold; a line break allowed), the note under it
    ("(Ký, ghi rõ họ tên)"), and when ``name`` is given the room to sign and the name."""
    column: list[Flowable] = [paragraph(title, "sign")]
    if note:
        column.append(paragraph(note, "sign_note"))
    if name:
        column += [spacer(space_mm), paragraph(name, "sign")]
    return column


def side_by_side(columns: Sequence[Sequence[Flowable]], width_mm: float | None = None) -> Table:
    """Blocks of flowables next to each other in equal columns across ``width_mm`` (the
    text width), aligned at the top, no padding, no rules (signatures of two people)."""
    register_fonts()
    width = (width_mm if width_mm is not None else text_width_mm()) / len(columns) * mm
    block = Table([[list(c) for c in columns]], colWidths=[width] * len(columns))
    block.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # for empty cells; never Helvetica
    ]))
    return block


def keep_together(flowables: Sequence[Flowable]) -> KeepTogether:
    """These flowables on one page (the last paragraph with the signatures)."""
    return KeepTogether(list(flowables))


def page_break() -> PageBreak:
    return PageBreak()


class _CornerStamp(Flowable):
    """Text in a frame in the top right corner of the page it is placed on, drawn at page
    coordinates and taking no room in the text."""

    _ZEROSIZE = True

    def __init__(self, text: str, size: float, color) -> None:
        super().__init__()
        self.text, self.size, self.color = nfc(text), size, color

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        width = stringWidth(self.text, BOLD, self.size) + 6 * mm
        height = 8 * mm
        page_width, page_height = canvas._pagesize
        right = page_width - PORTRAIT_MARGINS_MM[3] * mm
        bottom = page_height - 6 * mm - height
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setFillColor(self.color)
        canvas.setLineWidth(1.2)
        canvas.rect(right - width, bottom, width, height)
        canvas.setFont(BOLD, self.size)
        canvas.drawCentredString(right - width / 2, bottom + (height - self.size * 0.7) / 2,
                                 self.text)
        canvas.restoreState()

    def draw(self):  # pragma: no cover - drawOn does the work
        pass


def corner_stamp(text: str, *, size: float = 14, color=colors.red) -> Flowable:
    """``text`` ("MẬT") in bold in a frame in the top right corner of the page, above the
    text's right edge; put it first in the body to mark page 1."""
    register_fonts()
    return _CornerStamp(text, size, color)


def balanced_lines(name: str, *, font: str = BOLD, size: float = 13,
                   width_mm: float = LEFT_COLUMN_MM - 3) -> str:
    """``name`` as printed upper-case in the header's left column: when too long for one
    line, broken into two lines of about equal width ("CĐCS BỆNH VIỆN ĐA" / "KHOA VĨNH
    LINH") rather than wrapped with one word left over."""
    register_fonts()
    text = clean(name)
    words = text.upper().split()

    def width(ws: list[str]) -> float:
        return stringWidth(" ".join(ws), font, size)

    if len(words) < 2 or width(words) <= width_mm * mm:
        return text
    cut = min(range(1, len(words)), key=lambda i: max(width(words[:i]), width(words[i:])))
    original = text.split()
    return " ".join(original[:cut]) + "\n" + " ".join(original[cut:])


__all__ = [
    "balanced_lines",
    "corner_stamp",
    "heading",
    "keep_together",
    "labelled",
    "page_break",
    "section",
    "side_by_side",
    "signature_column",
    "split_paragraphs",
]
