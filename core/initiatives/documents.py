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

Both write through :func:`core.common.pdf.build_document` (a temporary file renamed into place)
and hold only their content: styles, signature columns, the corner stamp and the other layout
pieces are :mod:`core.common.pdf`'s. That package (reportlab) is imported inside the functions
only, so importing this module stays cheap.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.common.errors import NotFound, UserError
from core.common.text import clean, fold
from core.common.vnformat import amount_in_words, date_line, doc_number, format_date, format_money
from core.initiatives import eligibility, register
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


def _authors_lines(item: Initiative) -> list[str]:
    if len(item.authors) <= 1:
        return [a.full_name for a in item.authors] or [item.authors_text or item.lead_author]
    return [f"{a.full_name} ({a.share}%)" for a in item.authors]


def _lead_index(item: Initiative) -> int | None:
    """The lead author: highest share, the first listed on a tie (core.initiatives.records.lead_author)."""
    if not item.authors:
        return None
    return max(range(len(item.authors)), key=lambda i: (item.authors[i].share or 0, -i))


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
    from core.common.pdf import (
        DocumentHeader,
        balanced_lines,
        build_document,
        corner_stamp,
        escape,
        heading,
        keep_together,
        paragraph,
        side_by_side,
        signature_column,
        spacer,
        split_paragraphs,
        table,
    )
    from core.common.pdf import labelled as pdf_labelled
    from core.common.pdf import section as pdf_section

    item = get_initiative(session, initiative_id)
    office = load_office(session)
    unit = session.get(Unit, item.unit_id)  # not get_unit: a deleted unit still heads its records
    if unit is None:
        raise NotFound(f"Không tìm thấy đơn vị của sáng kiến số {item.number}.")
    parent_line, issuer_line = _issuer(office, unit)

    def labelled(label: str, text: str):
        return pdf_labelled(label, text, NOT_DECLARED)

    def section(label: str, text: str) -> list:
        return pdf_section(label, text, NOT_DECLARED)

    body: list = []
    if item.confidential:
        body.append(corner_stamp(CONFIDENTIAL_MARK))
    body.append(paragraph(f"Mã số đăng ký: {item.number}", "center_italic"))

    body.append(labelled("1. Tên sáng kiến:", item.name))

    # 2. Authors
    body.append(heading("2. Tác giả (nhóm tác giả):"))
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
    body.append(heading("9. Hiệu quả thu được do áp dụng sáng kiến:"))
    if item.economic_benefit:
        value = item.economic_benefit
        body.append(paragraph(
            f"<b>a) Hiệu quả kinh tế:</b> Giá trị làm lợi: {format_money(value)} đồng/năm "
            f"<i>(Bằng chữ: {escape(amount_in_words(value))})</i>.", "body", markup=True))
    else:
        body.append(paragraph(
            "<b>a) Hiệu quả kinh tế:</b> Không tính được giá trị làm lợi bằng tiền.",
            "body", markup=True))
    social = split_paragraphs(item.social_benefit)
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
    signatures = side_by_side([
        signature_column(UNIT_HEAD_CONFIRMATION.replace(" THỦ TRƯỞNG", "\nTHỦ TRƯỞNG"),
                         "(Ký, ghi rõ họ tên, đóng dấu)"),
        signature_column(AUTHOR_TITLE, "(Ký, ghi rõ họ tên)", lead_name),
    ])
    body.append(keep_together([pledge, spacer(4), signatures]))

    header = DocumentHeader(
        parent_org=parent_line,
        org=balanced_lines(issuer_line),
        number_text="",
        place_date=date_line(office.place, on or item.registered_on),
    )
    return build_document(out_path, header, DESCRIPTION_TITLE, None, body, None, None,
                          is_cancelled=is_cancelled)


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


@dataclass(frozen=True)
class DecisionCandidate:
    """A valid initiative a recognition decision may include, with why it is not eligible
    (``reasons``: empty when every rule passes, :mod:`core.initiatives.eligibility`)."""

    id: uuid.UUID
    number: str
    name: str
    unit_name: str
    registered_on: date
    reasons: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        return not self.reasons


def decision_candidates(session: Session, year: int | None) -> list[DecisionCandidate]:
    """The valid (hợp lệ) initiatives registered in ``year`` (every year: None), by number,
    each checked against its programme's window. Chosen by the decision's own period, never
    by the register's current filter."""
    f = RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}), year=year)
    out: list[DecisionCandidate] = []
    offset, size = 0, 1000
    while True:
        rows = register.page(session, f, sort="number", offset=offset, limit=size)
        out += [DecisionCandidate(r.id, r.number, r.name, r.unit_name, r.registered_on,
                                  tuple(eligibility.reasons(r, r.window))) for r in rows]
        if len(rows) < size:
            return out
        offset += size


def decision_selection(candidates: Iterable[DecisionCandidate], *,
                       include_ineligible: bool = False) -> list[uuid.UUID]:
    """The ids a decision includes: the eligible candidates, the others only when asked."""
    return [c.id for c in candidates if include_ineligible or c.eligible]


def _years_text(items: Sequence[Initiative], year: int | None) -> str:
    if year is not None:
        return str(year)
    years = sorted({i.registered_on.year for i in items})
    return str(years[0]) if len(years) == 1 else f"{years[0]} - {years[-1]}"


# The annex lists many initiatives: a dense table at a size still read without effort (9 pt
# is the least any printed text may be), its header repeated on every page.
LIST_FONT_SIZE = 9.5


def _list_widths(count: int, total: int) -> list[float]:
    """Column widths (mm) of the list on the 165 mm portrait text width: the row number and
    the money columns as wide as "1000" and the total (in the tens of billions) need, the
    authors wide enough for most names with their share on one line, the unit and the field
    for two or three lines of their names; the name column takes the rest (names wrap)."""
    from core.common.pdf import measure_mm, text_width_mm
    from core.common.pdf.fonts import BOLD

    padding = 2  # mm: the dense table's cell paddings and a little air
    number = max(7.0, measure_mm(str(count), BOLD, LIST_FONT_SIZE) + padding)
    money = max(20.0, measure_mm(format_money(total), BOLD, LIST_FONT_SIZE) + padding)
    authors, unit, field = 40.0, 38.0, 23.0
    name = text_width_mm() - number - money - authors - unit - field
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


def book_recognition_decision(session: Session, *, number: int, signed_on: date,
                              symbol: str | None = None) -> None:
    """Record the decision's number in the office's numbering book, shared with every other
    document (commendation decisions too): UserError when another document holds it. Printing
    the same recognition decision again is a reprint and is allowed."""
    from core.common import numbering

    office = load_office(session)
    symbol = clean(symbol) if symbol else f"QĐ-{clean(office.doc_symbol) or 'LĐLĐ'}"
    numbering.take(session, symbol=symbol, number=number, issued_on=signed_on,
                   title="Quyết định công nhận sáng kiến", feature="initiatives")


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
    from core.common.pdf import (
        DocumentHeader,
        SignatureBlock,
        build_document,
        closing_block,
        escape,
        heading,
        keep_together,
        page_break,
        paragraph,
        rule,
        spacer,
        table,
    )

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

    units = {u.id: u for u in session.scalars(
        select(Unit).where(Unit.id.in_({i.unit_id for i in items})))}
    items = sorted(items, key=lambda i: (fold(units[i.unit_id].name), i.seq))
    total = sum(i.economic_benefit or 0 for i in items)
    count = _count(len(items))
    subject = f"Về việc công nhận sáng kiến năm {_years_text(items, year)}"

    body: list = [
        paragraph(f"{body_upper} {office_full.upper()}", "center_bold"),
        spacer(2),
    ]
    lower = _lower_unions(session, office)
    grounds = grounds or _grounds(session, items, signed_on, office_full, lower)
    body += [paragraph(g, "italic") for g in grounds]
    body += [spacer(2), heading("QUYẾT ĐỊNH:", "center_bold")]

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
        SignatureBlock(office.on_behalf, office.chair_title, office.chair_name), recipients)
    # The last article goes with the signature: never a signature alone on a page.
    body.append(keep_together([article_flowables[-1], spacer(6), closing]))

    # The list, on its own page(s).
    body.append(page_break())
    title = paragraph(LIST_TITLE, "center_bold")
    signed = date_line("", signed_on)  # "ngày 06 tháng 3 năm 2023"
    body.append(title)
    body.append(paragraph(
        f"(Kèm theo Quyết định số {number_text.removeprefix('Số: ')} {signed} của "
        f"{body_sentence} {office_full})", "annex_note"))
    body.append(rule(40, before=7))

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
        dense=True,
    )
    body.append(listing)

    header = DocumentHeader(
        parent_org=office.parent_name,
        org=office_name,
        number_text=number_text,
        place_date=date_line(office.place, signed_on),
    )
    return build_document(out_path, header, DECISION_TITLE, subject, body, None, None,
                          is_cancelled=is_cancelled)
