"""Printed documents of the initiative register: the description report of one initiative and
the decision recognising a batch of them.

* :func:`description_report` — "BÁO CÁO MÔ TẢ SÁNG KIẾN" after the form of the Regulation on
  Initiatives (Decree 13/2012/NĐ-CP; seed 002 §III.2): eleven numbered sections from the
  name to the recognition, the authors with their % contribution, the benefit in figures and
  in words, and two signatures side by side (the unit head's confirmation on the left, the
  lead author on the right). A confidential initiative's report is for internal use and
  carries "MẬT" in the top right corner of page 1.
* :func:`recognition_decision` — "QUYẾT ĐỊNH Về việc công nhận sáng kiến" in the Decree
  30/2020/NĐ-CP layout: number, place–date line, issuing body, italic "Căn cứ …" grounds,
  three articles, "Nơi nhận:" and "TM. BAN THƯỜNG VỤ / CHỦ TỊCH", then on a new page the
  list of recognised initiatives with a totals row. Only valid (hợp lệ) initiatives can be
  recognised; any other is refused by number and name.

Both write through :func:`core.common.pdf.build_document` (a temporary file renamed into place).
reportlab is imported inside the functions only, so importing this module stays cheap.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.common.errors import NotFound, UserError
from core.common.text import clean, fold, nfc
from core.common.vnformat import amount_in_words, date_line, doc_number, format_date, format_money
from core.initiatives import register
from core.initiatives.records import (
    FIELD_LABELS,
    KIND_LABELS,
    RECOGNISER_LABELS,
    STATUS_LABELS,
    get_initiative,
)
from core.initiatives.register import RegisterFilter
from core.org.office import OfficeSettings, load_office
from db.models import Initiative, InitiativeStatus, Programme, Unit, UnitKind

__all__ = [
    "DESCRIPTION_TITLE",
    "DECISION_TITLE",
    "LIST_TITLE",
    "description_report",
    "find_by_number",
    "full_body_name",
    "recognition_decision",
]

DESCRIPTION_TITLE = "BÁO CÁO MÔ TẢ SÁNG KIẾN"
DECISION_TITLE = "QUYẾT ĐỊNH"
LIST_TITLE = "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN"
LEAD_MARK = "(chủ nhiệm/tác giả chính)"
CONFIDENTIAL_MARK = "MẬT"
NOT_DECLARED = "(Chưa kê khai)"
UNIT_HEAD_CONFIRMATION = "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"
AUTHOR_TITLE = "TÁC GIẢ"
# The author's pledge that closes the Decree 13/2012 forms.
PLEDGE = (
    "Tôi xin cam đoan mọi thông tin nêu trong báo cáo là trung thực, đúng sự thật và hoàn "
    "toàn chịu trách nhiệm trước pháp luật."
)
MAX_NAMED = 10  # refused initiatives named one by one in an error message

IsCancelled = Callable[[], bool] | None


# ---- names -----------------------------------------------------------------------------------

_ABBREVIATIONS = (("LĐLĐ", "Liên đoàn Lao động"),)


def full_body_name(name: str) -> str:
    """An office name with its leading abbreviation written out, as the body of a decision
    names itself: "LĐLĐ huyện Vĩnh Linh" → "Liên đoàn Lao động huyện Vĩnh Linh"."""
    text = clean(name)
    for short, full in _ABBREVIATIONS:
        if text.upper().startswith(short) and (len(text) == len(short) or text[len(short)] == " "):
            return full + text[len(short):]
    return text


_BODY_CASE = {"BAN THƯỜNG VỤ": "Ban Thường vụ", "BAN CHẤP HÀNH": "Ban Chấp hành"}


def _standing_body(office: OfficeSettings) -> tuple[str, str]:
    """("BAN THƯỜNG VỤ", "Ban Thường vụ") from the office's "TM. BAN THƯỜNG VỤ"."""
    text = clean(office.on_behalf) or "TM. BAN THƯỜNG VỤ"
    for prefix in ("TM.", "T/M", "TM "):
        if text.upper().startswith(prefix):
            text = text[len(prefix):].strip()
            break
    upper = text.upper() or "BAN THƯỜNG VỤ"
    sentence = _BODY_CASE.get(upper) or (upper[:1] + upper[1:].lower())
    return upper, sentence


def _count(n: int) -> str:
    """Counts in documents: "03" below ten, as Vietnamese administrative texts write them."""
    return f"{n:02d}"


def _paragraphs(text: str) -> list[str]:
    """A stored multi-line field as its paragraphs (blank lines dropped)."""
    return [line.strip() for line in nfc(text or "").replace("\r\n", "\n").split("\n")
            if line.strip()]


def _authors_lines(item: Initiative) -> list[str]:
    if len(item.authors) <= 1:
        return [a.full_name for a in item.authors] or [item.authors_text or item.lead_author]
    return [f"{a.full_name} ({a.share}%)" for a in item.authors]


def _lead_index(item: Initiative) -> int | None:
    """The lead author: highest share, the first listed on a tie (core.initiatives.records.lead_author)."""
    if not item.authors:
        return None
    return max(range(len(item.authors)), key=lambda i: (item.authors[i].share or 0, -i))


def _balanced(name: str) -> str:
    """A unit name too long for one line of the header's left column, broken into two lines
    of about equal width ("CĐCS BỆNH VIỆN ĐA" / "KHOA VĨNH LINH") rather than wrapped with
    one word left over."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.common.pdf import register_fonts
    from core.common.pdf.fonts import BOLD
    from core.common.pdf.layout import LEFT_COLUMN_MM

    register_fonts()
    text = clean(name)
    words = text.upper().split()

    def width(ws: list[str]) -> float:
        return stringWidth(" ".join(ws), BOLD, 13)

    if len(words) < 2 or width(words) <= (LEFT_COLUMN_MM - 3) * mm:
        return text
    cut = min(range(1, len(words)), key=lambda i: max(width(words[:i]), width(words[i:])))
    original = text.split()
    return " ".join(original[:cut]) + "\n" + " ".join(original[cut:])


# ---- loading ---------------------------------------------------------------------------------


def find_by_number(session: Session, number: str) -> Initiative:
    """An initiative by its register number ("VL-SK-2022-00001"); NotFound otherwise."""
    text = clean(number).upper()
    item = session.scalar(select(Initiative).where(Initiative.number == text,
                                                   Initiative.deleted_at.is_(None)))
    if item is None:
        raise NotFound(f"Không tìm thấy sáng kiến số {clean(number)}.")
    return item


def _load(session: Session, ids: Sequence[uuid.UUID]) -> list[Initiative]:
    """The initiatives with their authors, in the order of ``ids``; NotFound for a missing one."""
    found: dict[uuid.UUID, Initiative] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for item in session.scalars(select(Initiative).where(Initiative.id.in_(chunk))
                                    .options(selectinload(Initiative.authors))):
            found[item.id] = item
    missing = [i for i in ids if i not in found or found[i].deleted_at is not None]
    if missing:
        raise NotFound(f"Không tìm thấy {len(missing)} sáng kiến đã chọn (có thể đã bị xóa).")
    return [found[i] for i in ids]


def _filtered_ids(session: Session, f: RegisterFilter) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    offset, size = 0, 1000
    while True:
        rows = register.page(session, f, sort="number", offset=offset, limit=size)
        ids += [r.id for r in rows]
        if len(rows) < size:
            return ids
        offset += size


# ---- shared layout ---------------------------------------------------------------------------


def _frame_width_mm() -> float:
    """Width of the text on core.common.pdf's portrait A4 page (165 mm)."""
    from core.common.pdf.layout import PORTRAIT_MARGINS_MM

    _, _, left, right = PORTRAIT_MARGINS_MM
    return 210 - left - right


def _trailer_room(frame_width: float):
    """The last flowable of a body whose signature block is built here.

    build_document always ends the story with a 6 mm gap and its own closing block, which is
    empty when no signature and no recipients are given — but still needs about 29 pt. When
    the body ends near the foot of a page, that invisible pair would push out a page holding
    only its number. This flowable takes no room to draw and gives that height back (a
    negative height; ``_ZEROSIZE`` so the frame places it even when full), so the gap and the
    empty block always fit on the body's last page, over space they never paint. (The
    cleaner fix belongs in core.common.pdf: no closing block when there is nothing to close with.)
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    from core.common.pdf.layout import closing_block

    _, closing_height = closing_block(None, None, frame_width).wrap(frame_width, 1000)
    # + the space after the flowable before this one, which may already lie below the frame.
    room = 6 * mm + closing_height + 24

    class _GiveBack(Flowable):
        _ZEROSIZE = True

        def wrap(self, avail_width, avail_height):
            return 0, -room

        def getSpaceBefore(self):  # noqa: N802 - reportlab's name
            return 0

        def getSpaceAfter(self):  # noqa: N802
            return 0

        def draw(self):
            pass

    return _GiveBack()


def _confidential_stamp():
    """"MẬT" in a red frame in the top right corner of the page it is placed on (drawn at
    page coordinates, taking no room in the text)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    from core.common.pdf.fonts import BOLD
    from core.common.pdf.layout import PORTRAIT_MARGINS_MM

    class _Stamp(Flowable):
        _ZEROSIZE = True

        def wrap(self, avail_width, avail_height):
            return 0, 0

        def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
            size = 14
            width = stringWidth(CONFIDENTIAL_MARK, BOLD, size) + 6 * mm
            height = 8 * mm
            page_width, page_height = canvas._pagesize
            right = page_width - PORTRAIT_MARGINS_MM[3] * mm
            bottom = page_height - 6 * mm - height
            canvas.saveState()
            canvas.setStrokeColor(colors.red)
            canvas.setFillColor(colors.red)
            canvas.setLineWidth(1.2)
            canvas.rect(right - width, bottom, width, height)
            canvas.setFont(BOLD, size)
            canvas.drawCentredString(right - width / 2, bottom + (height - size * 0.7) / 2,
                                     CONFIDENTIAL_MARK)
            canvas.restoreState()

        def draw(self):  # pragma: no cover - drawOn does the work
            pass

    return _Stamp()


def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    from core.common.pdf import register_fonts
    from core.common.pdf.fonts import BOLD, ITALIC

    register_fonts()
    return {
        "sign": ParagraphStyle("idoc-sign", fontName=BOLD, fontSize=14, leading=17,
                               alignment=TA_CENTER),
        "sign_note": ParagraphStyle("idoc-sign-note", fontName=ITALIC, fontSize=13, leading=16,
                                    alignment=TA_CENTER),
        "sign_name": ParagraphStyle("idoc-sign-name", fontName=BOLD, fontSize=14, leading=17,
                                    alignment=TA_CENTER),
        "annex_note": ParagraphStyle("idoc-annex-note", fontName=ITALIC, fontSize=13,
                                     leading=16, alignment=TA_CENTER, spaceAfter=2),
    }


def _rule(width_mm: float, before: float = 2, after: float = 8):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable

    return HRFlowable(width=width_mm * mm, thickness=0.6, color=colors.black, hAlign="CENTER",
                      spaceBefore=before, spaceAfter=after)


# ---- the description report -----------------------------------------------------------------


def _issuer(office: OfficeSettings, unit: Unit) -> tuple[str, str]:
    """(parent line, issuer line) of the header: the office when the initiative is its own,
    else the initiative's CĐCS under the body it belongs to (the office, from its settings)."""
    office_name = office.name or office.unit_code
    if unit.code == office.unit_code:
        return office.parent_name, office_name
    parent = unit.parent
    if parent is None or parent.code == office.unit_code:
        return office_name, unit.name
    return parent.name, unit.name


def description_report(
    session: Session,
    initiative_id: uuid.UUID,
    out_path: str | os.PathLike[str],
    *,
    on: date | None = None,
    is_cancelled: IsCancelled = None,
) -> Path:
    """Write the description report of one initiative to ``out_path`` and return the path.

    ``on`` is the date of the place–date line (default: the day the initiative was
    registered). A confidential initiative's report is marked "MẬT" (internal use).
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, TableStyle
    from reportlab.platypus import Table as PdfTable

    from core.common.pdf import DocumentHeader, build_document, escape, paragraph, table
    from core.common.pdf.fonts import REGULAR

    item = get_initiative(session, initiative_id)
    office = load_office(session)
    unit = session.get(Unit, item.unit_id)
    parent_line, issuer_line = _issuer(office, unit)
    styles = _styles()

    def labelled(label: str, text: str) -> object:
        value = escape(text) if text else f"<i>{escape(NOT_DECLARED)}</i>"
        return paragraph(f"<b>{escape(label)}</b> {value}", "body", markup=True)

    def section(label: str, text: str) -> list:
        parts = _paragraphs(text)
        if not parts:
            return [labelled(label, "")]
        heading = paragraph(label, "heading")
        heading.keepWithNext = True
        return [heading, *[paragraph(p, "body") for p in parts]]

    body: list = []
    if item.confidential:
        body.append(_confidential_stamp())
    body.append(paragraph(f"Mã số đăng ký: {item.number}", "center_italic"))

    body.append(labelled("1. Tên sáng kiến:", item.name))

    # 2. Authors
    heading = paragraph("2. Tác giả (nhóm tác giả):", "heading")
    heading.keepWithNext = True
    body.append(heading)
    lead = _lead_index(item)
    rows = []
    for i, author in enumerate(item.authors):
        name = author.full_name + (f" {LEAD_MARK}" if i == lead else "")
        rows.append([i + 1, name, author.unit_text or unit.name, author.share])
    body.append(table(
        [["TT", "Họ và tên", "Đơn vị", "Tỷ lệ đóng góp (%)"]],
        rows,
        [10, 80, 50, 25],
        totals_row=["", "Cộng", "", sum(a.share for a in item.authors)],
        align=["center", "left", "left", "center"],
    ))

    # 3.–4.
    body.append(labelled("3. Lĩnh vực áp dụng:", FIELD_LABELS[item.field] if item.field else ""))
    body.append(labelled("Loại giải pháp:", KIND_LABELS[item.kind]))
    first = ""
    if item.first_applied_on:
        first = format_date(item.first_applied_on)
        first += " (áp dụng thử)" if item.trial_only else " (áp dụng lần đầu)"
    body.append(labelled("4. Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử:", first))

    body += section("5. Mục đích của sáng kiến:", item.objective)
    body += section("6. Các bước thực hiện sáng kiến:", item.steps)
    body += section("7. Phạm vi và khả năng áp dụng:", item.scope)
    body += section("8. Mô tả bản chất của sáng kiến:", item.description)

    # 9. Effectiveness
    heading = paragraph("9. Hiệu quả thu được do áp dụng sáng kiến:", "heading")
    heading.keepWithNext = True
    body.append(heading)
    if item.economic_benefit:
        value = item.economic_benefit
        body.append(paragraph(
            f"<b>a) Hiệu quả kinh tế:</b> Giá trị làm lợi: {format_money(value)} đồng/năm "
            f"<i>(Bằng chữ: {escape(amount_in_words(value))})</i>.", "body", markup=True))
    else:
        body.append(paragraph(
            "<b>a) Hiệu quả kinh tế:</b> Không tính được giá trị làm lợi bằng tiền.",
            "body", markup=True))
    social = _paragraphs(item.social_benefit)
    if social:
        body.append(paragraph(f"<b>b) Hiệu quả xã hội:</b> {escape(social[0])}", "body",
                              markup=True))
        body += [paragraph(p, "body") for p in social[1:]]
    else:
        body.append(paragraph(f"<b>b) Hiệu quả xã hội:</b> <i>{escape(NOT_DECLARED)}</i>",
                              "body", markup=True))

    body += section("10. Điều kiện cần thiết để áp dụng sáng kiến:", item.conditions)

    # 11. Recognition
    if item.recognised_by:
        text = f"{RECOGNISER_LABELS[item.recognised_by]} công nhận"
        if item.decision_number:
            text += f" tại Quyết định số {item.decision_number}"
        if item.decision_date:
            text += f" ngày {format_date(item.decision_date)}"
        text += "."
    else:
        text = "Chưa được Hội đồng sáng kiến hoặc thủ trưởng đơn vị công nhận."
    body.append(labelled("11. Công nhận sáng kiến:", text))

    pledge = paragraph(PLEDGE, "body")

    # Two signatures: the unit head's confirmation (left), the lead author (right).
    lead_name = item.authors[lead].full_name if lead is not None else item.lead_author
    left = [
        _para(UNIT_HEAD_CONFIRMATION.replace(" THỦ TRƯỞNG", "\nTHỦ TRƯỞNG"), styles["sign"]),
        _para("(Ký, ghi rõ họ tên, đóng dấu)", styles["sign_note"]),
    ]
    right = [
        _para(AUTHOR_TITLE, styles["sign"]),
        _para("(Ký, ghi rõ họ tên)", styles["sign_note"]),
        _spacer(25),
        _para(lead_name, styles["sign_name"]),
    ]
    half = _frame_width_mm() / 2 * mm
    signatures = PdfTable([[left, right]], colWidths=[half, half])
    signatures.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ]))
    body.append(KeepTogether([pledge, _spacer(4), signatures]))
    body.append(_trailer_room(_frame_width_mm() * mm))

    header = DocumentHeader(
        parent_org=parent_line,
        org=_balanced(issuer_line),
        number_text="",
        place_date=date_line(office.place, on or item.registered_on),
    )
    return build_document(out_path, header, DESCRIPTION_TITLE, None, body, None, None,
                          is_cancelled=is_cancelled)


def _para(text: str, style):
    from reportlab.platypus import Paragraph

    from core.common.pdf import escape

    return Paragraph(escape(text), style)


def _spacer(height_mm: float):
    from core.common.pdf import spacer

    return spacer(height_mm)


# ---- the recognition decision ---------------------------------------------------------------


def _selection(session: Session, selection: Iterable[uuid.UUID] | RegisterFilter) -> list[Initiative]:
    if isinstance(selection, RegisterFilter):
        ids = _filtered_ids(session, selection)
    else:
        ids = list(dict.fromkeys(selection))  # keep order, drop repeats
    items = _load(session, ids)
    if not items:
        raise UserError("Không có sáng kiến hợp lệ nào để đưa vào quyết định công nhận.")
    refused = [i for i in items if i.status != InitiativeStatus.VALID]
    if refused:
        named = "; ".join(f"{i.number} “{i.name}” ({STATUS_LABELS[i.status].lower()})"
                          for i in refused[:MAX_NAMED])
        more = f"; và {len(refused) - MAX_NAMED} sáng kiến khác" if len(refused) > MAX_NAMED else ""
        raise UserError(
            "Chỉ công nhận được các sáng kiến đã được đánh giá hợp lệ. "
            f"{len(refused)} sáng kiến chưa hợp lệ: {named}{more}."
        )
    return items


def _years_text(items: Sequence[Initiative], year: int | None) -> str:
    if year is not None:
        return str(year)
    years = sorted({i.registered_on.year for i in items})
    return str(years[0]) if len(years) == 1 else f"{years[0]} - {years[-1]}"


LIST_FONT_SIZE = 11


def _list_widths(count: int, total: int) -> list[float]:
    """Column widths (mm) of the list on the 165 mm portrait text width: the row number and
    the money columns grow to keep "1000" and a total in the tens of billions on one line,
    taking the room from the name column."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.common.pdf import register_fonts
    from core.common.pdf.fonts import BOLD

    register_fonts()
    padding = 3  # mm: the cell paddings and a little air
    number = max(8.0, stringWidth(str(count), BOLD, LIST_FONT_SIZE) / mm + padding)
    money = max(24.0, stringWidth(format_money(total), BOLD, LIST_FONT_SIZE) / mm + padding)
    authors, unit, field = 36.0, 28.0, 21.0
    name = _frame_width_mm() - number - money - authors - unit - field
    return [number, name, authors, unit, field, money]


def _lower_unions(session: Session, office: OfficeSettings) -> str:
    """Who proposes the initiatives: the CĐCS under a district (or sector) union; the
    upper-level unions and directly attached CĐCS under a province federation."""
    from core.org import units as org

    unit = org.find_by_code(session, office.unit_code) if office.unit_code else None
    if unit is not None and unit.kind == UnitKind.PROVINCE:
        return "các công đoàn cấp trên trực tiếp cơ sở, công đoàn cơ sở trực thuộc"
    return "các công đoàn cơ sở"


def _grounds(session: Session, items: Sequence[Initiative], signed_on: date,
             office_full: str, lower: str) -> list[str]:
    law = "Luật Công đoàn năm 2024" if signed_on >= date(2025, 7, 1) else "Luật Công đoàn năm 2012"
    grounds = [
        f"Căn cứ {law};",
        "Căn cứ Điều lệ Công đoàn Việt Nam;",
        "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02/3/2012 của Chính phủ ban hành Điều lệ "
        "Sáng kiến;",
    ]
    programme_ids = {i.programme_id for i in items}
    if len(programme_ids) == 1 and None not in programme_ids:
        programme = session.get(Programme, programme_ids.pop())
        if programme is not None:
            kind = "phong trào thi đua" if programme.yearly else "Chương trình"
            grounds.append(f"Căn cứ {kind} “{programme.name}”;")
    grounds.append(
        f"Xét đề nghị của Ban Chấp hành {lower} và kết quả xét duyệt của Hội đồng sáng kiến "
        f"{office_full}."
    )
    return grounds


def recognition_decision(
    session: Session,
    selection: Iterable[uuid.UUID] | RegisterFilter,
    out_path: str | os.PathLike[str],
    *,
    number: int,
    signed_on: date,
    symbol: str | None = None,
    year: int | None = None,
    grounds: Sequence[str] | None = None,
    is_cancelled: IsCancelled = None,
) -> Path:
    """Write the decision recognising the selected initiatives and its list; return the path.

    ``selection`` is initiative ids or a register filter (every initiative it matches).
    All must be valid (hợp lệ), else UserError naming the others. ``symbol`` defaults to
    "QĐ-" and the office's document symbol ("QĐ-LĐLĐ"); ``year`` (for "Về việc công nhận
    sáng kiến năm …") defaults to the initiatives' registration year(s); ``grounds``
    replaces the "Căn cứ …" paragraphs.
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak

    from core.common.pdf import (
        DocumentHeader,
        SignatureBlock,
        build_document,
        escape,
        paragraph,
        table,
    )
    from core.common.pdf.layout import closing_block

    items = _selection(session, selection)
    office = load_office(session)
    symbol = clean(symbol) if symbol else f"QĐ-{clean(office.doc_symbol) or 'LĐLĐ'}"
    try:
        number_text = doc_number(number, symbol)  # "Số: 15/QĐ-LĐLĐ"
    except (TypeError, ValueError) as exc:
        raise UserError(str(exc)) from None
    office_name = office.name or office.unit_code
    office_full = full_body_name(office_name)
    body_upper, body_sentence = _standing_body(office)
    frame_width = _frame_width_mm() * mm
    styles = _styles()

    units = {u.id: u for u in session.scalars(
        select(Unit).where(Unit.id.in_({i.unit_id for i in items})))}
    items = sorted(items, key=lambda i: (fold(units[i.unit_id].name), i.seq))
    total = sum(i.economic_benefit or 0 for i in items)
    count = _count(len(items))
    subject = f"Về việc công nhận sáng kiến năm {_years_text(items, year)}"

    body: list = [
        paragraph(f"{body_upper} {office_full.upper()}", "center_bold"),
        _spacer(2),
    ]
    lower = _lower_unions(session, office)
    grounds = grounds or _grounds(session, items, signed_on, office_full, lower)
    body += [paragraph(g, "italic") for g in grounds]
    decides = paragraph("QUYẾT ĐỊNH:", "center_bold")
    decides.keepWithNext = True
    body += [_spacer(2), decides]

    article1 = (f"Công nhận {count} sáng kiến của các tác giả, nhóm tác giả (có danh sách kèm "
                "theo).")
    if total:
        article1 += (f" Tổng giá trị làm lợi của các sáng kiến được công nhận là "
                     f"{format_money(total)} đồng/năm.")
    articles = [
        ("Điều 1.", article1),
        ("Điều 2.", "Tác giả, nhóm tác giả có sáng kiến được công nhận được hưởng quyền lợi theo "
                    "quy định của Điều lệ Sáng kiến và của tổ chức Công đoàn; các đơn vị tiếp "
                    "tục áp dụng, nhân rộng sáng kiến trong phạm vi phù hợp. Quyết định này có "
                    "hiệu lực kể từ ngày ký."),
        ("Điều 3.", f"Văn phòng, các ban của {office_full}, Ban Chấp hành {lower} có liên "
                    "quan và các tác giả có tên tại Điều 1 căn cứ Quyết định thi hành./."),
    ]
    article_flowables = [
        paragraph(f"<b>{escape(label)}</b> {escape(text)}", "body", markup=True)
        for label, text in articles
    ]
    body += article_flowables[:-1]

    recipients = ["Như Điều 3"]
    if office.parent_name:
        recipients.append(f"Ban Thường vụ {office.parent_name} (b/c)")
    recipients.append("Lưu: VT")
    closing = closing_block(
        SignatureBlock(office.on_behalf, office.chair_title, office.chair_name),
        recipients, frame_width)
    # The last article goes with the signature: never a signature alone on a page.
    body.append(KeepTogether([article_flowables[-1], _spacer(6), closing]))

    # The list, on its own page(s).
    body.append(PageBreak())
    title = paragraph(LIST_TITLE, "center_bold")
    signed = date_line("", signed_on)  # "ngày 06 tháng 3 năm 2023"
    body.append(title)
    body.append(_para(
        f"(Kèm theo Quyết định số {number_text.removeprefix('Số: ')} {signed} của "
        f"{body_sentence} {office_full})", styles["annex_note"]))
    body.append(_rule(40, before=7))

    rows = []
    for i, item in enumerate(items, start=1):
        rows.append([
            i,
            item.name,
            "\n".join(_authors_lines(item)),
            units[item.unit_id].name,
            FIELD_LABELS[item.field] if item.field else "",
            item.economic_benefit if item.economic_benefit else "-",
        ])
    last_row = len(rows) + 1  # after the header row
    listing = table(
        [["TT", "Tên sáng kiến", "Tác giả", "Đơn vị", "Lĩnh vực", "Giá trị làm lợi (đồng)"]],
        rows,
        _list_widths(len(rows), total),
        totals_row=[f"Tổng cộng: {count} sáng kiến", "", "", "", "", total],
        align=["center", "left", "left", "left", "left", "right"],
        font_size=LIST_FONT_SIZE,
        spans=[((0, last_row), (4, last_row))],
    )
    body.append(listing)
    body.append(_trailer_room(frame_width))

    header = DocumentHeader(
        parent_org=office.parent_name,
        org=office_name,
        number_text=number_text,
        place_date=date_line(office.place, signed_on),
    )
    return build_document(out_path, header, DECISION_TITLE, subject, body, None, None,
                          is_cancelled=is_cancelled)
