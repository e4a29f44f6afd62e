"""The documents of a commendation round (seed 002 §IV.3), Decree 30/2020 layout:

* :func:`totrinh` — "TỜ TRÌNH Về việc đề nghị khen thưởng …" to the upper level, with the list
  of collectives and individuals proposed;
* :func:`decision` — "QUYẾT ĐỊNH Về việc khen thưởng …" with, on its own pages, the list of
  those commended grouped by award form;
* :func:`decision_workbook` — the same list as a formatted workbook (through
  :mod:`core.common.xlsx`, the one cell writer).

Numbers come from the office's numbering book (:mod:`core.common.numbering`), taken by the
callers in :mod:`core.commendations.ops`. Values in, file out: no session here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from core.commendations.rules import AWARD_LABELS, LEVEL_LABELS
from core.common.files import write_atomically
from core.common.letterhead import OfficeSettings
from core.common.vnformat import date_line
from db.models import AwardForm, NomineeKind, RoundLevel

AWARD_ORDER = (AwardForm.LAO_DONG_SANG_TAO, AwardForm.BANG_KHEN, AwardForm.GIAY_KHEN,
               AwardForm.BIEU_DUONG)


@dataclass(frozen=True)
class ListEntry:
    kind: NomineeKind
    full_name: str
    position: str
    unit_name: str
    award: AwardForm
    summary: str


@dataclass(frozen=True)
class RoundText:
    name: str
    year: int
    level: RoundLevel


def _full_body(name: str) -> str:
    from core.initiatives.documents import full_body_name

    return full_body_name(name)


def _body_words(office: OfficeSettings) -> tuple[str, str]:
    text = (office.on_behalf or "TM. BAN THƯỜNG VỤ").removeprefix("TM.").strip().upper()
    return text, text[:1] + text[1:].lower().replace("thường vụ", "Thường vụ").replace(
        "chấp hành", "Chấp hành")


def _subject(r: RoundText) -> str:
    phrase = r.name[:1].lower() + r.name[1:]
    return phrase


def grouped(entries: Sequence[ListEntry]) -> list[tuple[AwardForm, list[ListEntry]]]:
    """Entries by award form (Creative Labour first), collectives before individuals."""
    out = []
    for award in AWARD_ORDER:
        items = [e for e in entries if e.award == award]
        items.sort(key=lambda e: e.kind != NomineeKind.COLLECTIVE)
        if items:
            out.append((award, items))
    return out


def _list_table(entries: Sequence[ListEntry], with_summary: bool, *, tail: int = 0):
    """The list as one table; with ``tail``, as two: the last ``tail`` rows (with their award
    heading) apart, to keep with what closes the document — under the header again when
    they begin a page, without it right below the rest of the list."""
    from core.common.pdf import paragraph, table, text_width_mm

    width = text_width_mm()
    widths = [10.0, 50.0, 45.0, width - 105.0] if with_summary else [10.0, 80.0, width - 90.0]
    cols = len(widths)
    rows: list[list] = []
    spans = []
    n = 0
    for award, items in grouped(entries):
        spans.append(((0, len(rows) + 1), (cols - 1, len(rows) + 1)))
        rows.append([paragraph(f"<b>{AWARD_LABELS[award]} ({len(items):02d})</b>", "body",
                               markup=True)] + [""] * (cols - 1))
        for e in items:
            n += 1
            who = e.full_name if e.kind == NomineeKind.COLLECTIVE else \
                (f"{e.full_name}\n{e.position}" if e.position else e.full_name)
            row = [n, who, e.unit_name if e.kind == NomineeKind.INDIVIDUAL else "Tập thể"]
            if with_summary:
                row.append(e.summary[:600])
            rows.append(row)
    header = ["TT", "Họ và tên / Tên tập thể", "Đơn vị", "Tóm tắt thành tích"][:cols]
    align = ["center", "left", "left", "left"][:cols]
    if not tail or len(rows) <= tail:
        return table([header], rows, widths, align=align, font_size=11, spans=spans)
    cut = len(rows) - tail
    headings = {start[1] - 1 for start, _ in spans}  # rows (without the header) that head a group
    while cut > 0 and cut - 1 in headings:
        cut -= 1  # an award's heading stays with its first row
    if cut == 0:
        return table([header], rows, widths, align=align, font_size=11, spans=spans)
    first = table([header], rows[:cut], widths, align=align, font_size=11,
                  spans=[sp for sp in spans if sp[0][1] - 1 < cut])
    tail_spans = [((a[0], a[1] - 1 - cut), (b[0], b[1] - 1 - cut)) for a, b in spans if a[1] - 1 >= cut]
    bare = table([], rows[cut:], widths, align=align, font_size=11, spans=tail_spans)
    headed = table([header], rows[cut:], widths, align=align, font_size=11,
                   spans=[((a[0], a[1] + 1), (b[0], b[1] + 1)) for a, b in tail_spans])
    return first, _header_at_page_top(headed, bare)


def _header_at_page_top(headed, bare):
    """``bare`` (a table's last rows, without its header) where it follows the rest of the
    table; ``headed`` (the same rows under the header) when it begins a page, as a table split
    by reportlab repeats its header. Chosen when the frame places it (the frame says whether
    it is at its top)."""
    from reportlab.platypus import Flowable

    class HeaderAtPageTop(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.shown = bare

        def _choose(self):
            frame = getattr(self, "_frame", None)
            self.shown = headed if frame is not None and getattr(frame, "_atTop", False) else bare
            return self.shown

        def wrap(self, aW, aH):  # noqa: N803 (reportlab's names)
            self.width, self.height = self._choose().wrap(aW, aH)
            return self.width, self.height

        def split(self, aW, aH):  # noqa: N803
            return self._choose().split(aW, aH)

        def getSpaceBefore(self):  # noqa: N802
            return bare.getSpaceBefore()

        def getSpaceAfter(self):  # noqa: N802
            return bare.getSpaceAfter()

        def draw(self) -> None:
            self.shown.drawOn(self.canv, 0, 0)

    return HeaderAtPageTop()


def totrinh(out: str | os.PathLike[str], office: OfficeSettings, r: RoundText,
            entries: Sequence[ListEntry], *, number_text: str, signed_on: date) -> Path:
    from core.commendations.rules import ISSUER_BODIES, LEVEL_ORDER, issuer
    from core.common.pdf import (
        DocumentHeader,
        SignatureBlock,
        build_document,
        closing_block,
        keep_together,
        paragraph,
        spacer,
    )

    body_upper, body_sentence = _body_words(office)
    me = _full_body(office.name or office.unit_code)
    # Addressed to the level(s) that award the proposed forms: the office's own upper level
    # by its name when it is the next one up, else the body of that level (the Tổng Liên
    # đoàn always by its own name).
    next_up = LEVEL_ORDER[min(LEVEL_ORDER.index(r.level) + 1, len(LEVEL_ORDER) - 1)]
    levels = sorted({issuer(e.award, r.level) for e in entries}, key=LEVEL_ORDER.index)
    names = [f"{body_sentence} {_full_body(office.parent_name)}"
             if lv == next_up and office.parent_name and lv != RoundLevel.NATIONAL
             else ISSUER_BODIES[lv] for lv in levels]
    upper = "; ".join(names)
    collectives = sum(e.kind == NomineeKind.COLLECTIVE for e in entries)
    people = len(entries) - collectives
    body: list = [
        paragraph(f"Kính gửi: {upper}", "center_bold"),
        spacer(3),
        paragraph(f"Thực hiện {_subject(r)}; căn cứ tiêu chuẩn khen thưởng tại mục IV Kế hoạch "
                  "triển khai phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động "
                  f"của tổ chức Công đoàn”, {body_sentence} {me} đã tổ chức xét chọn các tập "
                  "thể, cá nhân có thành tích xuất sắc.", "body"),
        paragraph(f"{body_sentence} {me} kính đề nghị {upper} xem "
                  f"xét, khen thưởng cho {collectives:02d} tập thể và {people:02d} cá nhân "
                  "(có danh sách và tóm tắt thành tích kèm theo), cụ thể:", "body"),
    ]
    for award, items in grouped(entries):
        body.append(paragraph(f"- {AWARD_LABELS[award]}: {len(items):02d}.", "body"))
    body += [paragraph("Hồ sơ gồm: Tờ trình kèm danh sách; báo cáo tóm tắt thành tích của tập "
                       "thể; tóm tắt sáng kiến và quyết định công nhận sáng kiến của cá nhân; "
                       "trích biên bản họp xét chọn.", "body"),
             paragraph(f"Kính đề nghị {upper} xem xét, quyết định./.",
                       "body"),
             spacer(4)]
    # The closing ("Nơi nhận", signature) stays with the list's last rows: never a page
    # holding only the closing.
    closing = closing_block(SignatureBlock(office.on_behalf, office.chair_title, office.chair_name),
                            ["Như trên", "Lưu: VT"])
    tables = _list_table(entries, True, tail=2)
    if isinstance(tables, tuple):
        body += [tables[0], keep_together([tables[1], spacer(6), closing])]
    else:
        body.append(keep_together([tables, spacer(6), closing]))
    header = DocumentHeader(parent_org=office.parent_name, org=office.name or office.unit_code,
                            number_text=number_text, place_date=date_line(office.place, signed_on))
    return build_document(out, header, "TỜ TRÌNH",
                          f"Về việc đề nghị khen thưởng {_subject(r)}", body, None, None)


def decision(out: str | os.PathLike[str], office: OfficeSettings, r: RoundText,
             entries: Sequence[ListEntry], *, number_text: str, signed_on: date) -> Path:
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
    )

    body_upper, body_sentence = _body_words(office)
    me = _full_body(office.name or office.unit_code)
    collectives = sum(e.kind == NomineeKind.COLLECTIVE for e in entries)
    people = len(entries) - collectives
    forms = "; ".join(f"{AWARD_LABELS[a]}: {len(i):02d}" for a, i in grouped(entries))
    body: list = [paragraph(f"{body_upper} {me.upper()}", "center_bold"), spacer(2),
                  paragraph("Căn cứ Điều lệ Công đoàn Việt Nam và Luật Thi đua, Khen thưởng;", "italic"),
                  paragraph(f"Căn cứ kết quả {_subject(r)};", "italic"),
                  paragraph(f"Xét đề nghị của Ban Thi đua - Khen thưởng {me}.", "italic"),
                  spacer(2), heading("QUYẾT ĐỊNH:", "center_bold")]
    articles = [
        ("Điều 1.", f"Khen thưởng {collectives:02d} tập thể và {people:02d} cá nhân đã có thành "
                    f"tích xuất sắc trong {_subject(r)} ({forms}; có danh sách kèm theo)."),
        ("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
        ("Điều 3.", f"Văn phòng {me}, các tập thể và cá nhân có tên tại Điều 1 căn cứ Quyết "
                    "định thi hành./."),
    ]
    flow = [paragraph(f"<b>{escape(a)}</b> {escape(t)}", "body", markup=True) for a, t in articles]
    body += flow[:-1]
    recipients = ["Như Điều 3"]
    if office.parent_name:
        recipients.append(f"{body_sentence} {office.parent_name} (b/c)")
    recipients.append("Lưu: VT")
    closing = closing_block(SignatureBlock(office.on_behalf, office.chair_title, office.chair_name),
                            recipients)
    body.append(keep_together([flow[-1], spacer(6), closing]))
    body.append(page_break())
    body.append(paragraph("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "center_bold"))
    body.append(paragraph(f"(Kèm theo Quyết định số {number_text.removeprefix('Số: ')} "
                          f"{date_line('', signed_on)} của {body_sentence} {me})", "annex_note"))
    body.append(rule(40, before=7))
    body.append(_list_table(entries, False))
    header = DocumentHeader(parent_org=office.parent_name, org=office.name or office.unit_code,
                            number_text=number_text, place_date=date_line(office.place, signed_on))
    return build_document(out, header, "QUYẾT ĐỊNH", f"Về việc khen thưởng {_subject(r)}", body,
                          None, None)


def decision_workbook(out: str | os.PathLike[str], office: OfficeSettings, r: RoundText,
                      entries: Sequence[ListEntry], *, decision_text: str) -> Path:
    """The list of those commended, grouped by award form, as a workbook that prints like
    every other (:func:`core.common.xlsx.print_layout`): A4 landscape (A3 when A4 would print
    below 9 pt), one page wide, the header row on every page, each row as tall as its
    wrapped text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from core.common import xlsx

    size = 12.0
    thin = Side(style="thin")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(name="Times New Roman", bold=True, size=size)
    normal = Font(name="Times New Roman", size=size)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    headers = ("STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Hình thức khen thưởng",
               "Tóm tắt thành tích")
    layout = xlsx.print_layout((6, 32, 22, 36, 26, 50), (False, True, True, True, True, True),
                               font_size=size, header_size=size)
    header_row = 6
    last = len(headers)

    def whole_row(ws, row: int, value: str, font) -> None:
        """A text across the sheet's width (merged), as tall as its wrapped lines."""
        cell = xlsx.write(ws, row, 1, value)
        cell.font, cell.alignment = font, centre
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        lines = xlsx.text_lines(value, sum(layout.widths), size, bold=font.b)
        if lines > 1:
            xlsx.set_row_height(ws, row, xlsx.line_height(lines, size))

    def write(path: str) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "Danh sách khen thưởng"
        xlsx.apply_print_setup(ws, layout, title_rows=(header_row, header_row))
        titles = [(office.name or office.unit_code).upper(),
                  "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
                  f"{r.name} ({LEVEL_LABELS[r.level]})", decision_text]
        for i, t in enumerate(titles, start=1):
            whole_row(ws, i, t, bold if i < 3 else normal)
        row = header_row
        for c, h in enumerate(headers, start=1):
            cell = xlsx.write(ws, row, c, h)
            cell.font, cell.border, cell.alignment = bold, grid, centre
        xlsx.set_row_height(ws, row, layout.row_height(headers, every_column=True))
        n = 0
        for award, items in grouped(entries):
            row += 1
            cell = xlsx.write(ws, row, 1, f"{AWARD_LABELS[award]} ({len(items)})")
            cell.font, cell.alignment = bold, Alignment(vertical="top")
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            for e in items:
                row += 1
                n += 1
                values = [n, e.full_name, e.position, e.unit_name, AWARD_LABELS[e.award], e.summary]
                for c, v in enumerate(values, start=1):
                    cell = xlsx.write(ws, row, c, v)
                    cell.font, cell.border, cell.alignment = normal, grid, wrap
                xlsx.set_row_height(ws, row, layout.row_height(values))
        row += 1
        whole_row(ws, row, f"Tổng cộng: {n} tập thể, cá nhân", bold)
        ws.cell(row, 1).alignment = Alignment(vertical="top")
        ws.freeze_panes = f"A{header_row + 1}"
        wb.save(path)

    return write_atomically(out, write)
