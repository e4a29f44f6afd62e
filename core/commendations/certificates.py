"""Certificates (giấy khen, bằng khen, Bằng Lao động sáng tạo) drawn with reportlab's canvas.

Templates are layout data in ``resources/certificates/*.json``: page size and, for each text
box, its position and size in mm from the page's top-left corner, font, size, smallest size,
alignment, colour and how many lines it may take. Two modes:

* **full** — the whole design: border, emblem area, national title, "TẶNG" and the award's
  title, then the text boxes;
* **stock** — onto pre-printed blank stock (phôi): the text boxes only, every box moved by the
  printer's calibration (``dx_mm`` to the right, ``dy_mm`` downwards; negative values move
  left/up). Nothing else moves and nothing else is drawn.

A text too long for its box shrinks (in 0.25 pt steps, to at most ``lines`` lines) until it
fits; every line is placed so that its stacked tone marks (Ẫ, Ở …) and descenders stay inside
the box. :func:`fit` is that calculation, shared with the tests.

reportlab is imported inside the functions only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.common.errors import Cancelled, UserError
from core.common.files import write_atomically
from core.common.paths import resource_path
from db.models import AwardForm

MM = 72 / 25.4  # points per millimetre
ABOVE = 1.0  # room above a baseline, in font sizes: capitals with stacked Vietnamese marks
BELOW = 0.25  # room below it: descenders
LEADING = ABOVE + BELOW
STEP = 0.25

DEFAULT_TEMPLATES = {
    AwardForm.GIAY_KHEN: "giay_khen_a4",
    AwardForm.BANG_KHEN: "bang_khen_a4",
    AwardForm.LAO_DONG_SANG_TAO: "lao_dong_sang_tao_a4",
}


@dataclass(frozen=True)
class Box:
    name: str
    x: float  # mm from the left edge
    y: float  # mm from the top edge
    w: float
    h: float
    font: str  # regular | bold | italic | bold_italic
    size: float
    min_size: float
    align: str  # left | center | right
    color: str
    lines: int


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    award: AwardForm
    width_mm: float
    height_mm: float
    design: dict
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class CertificateText:
    """What one certificate says, by box name (issuer, recipient, detail, achievement,
    place_date, on_behalf, signer_title, signer, number, decision)."""

    template: str
    values: dict[str, str]


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]


def template_dir() -> Path:
    return resource_path("certificates")


@cache
def load_template(key: str) -> Template:
    path = template_dir() / f"{key}.json"
    if not path.is_file():
        known = ", ".join(templates())
        raise UserError(f"Không có mẫu giấy khen/bằng khen «{key}» (các mẫu: {known}).")
    data = json.loads(path.read_text(encoding="utf-8"))
    boxes = tuple(Box(f["name"], float(f["x"]), float(f["y"]), float(f["w"]), float(f["h"]),
                      f.get("font", "regular"), float(f["size"]), float(f.get("min_size", 6)),
                      f.get("align", "center"), f.get("color", "#000000"), int(f.get("lines", 1)))
                  for f in data["fields"])
    return Template(data["key"], data["title"], AwardForm(data["award"]), float(data["width_mm"]),
                    float(data["height_mm"]), data.get("design", {}), boxes)


def templates() -> list[str]:
    return sorted(p.stem for p in template_dir().glob("*.json"))


def _font(name: str) -> str:
    from core.common.pdf.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

    register_fonts()
    return {"bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}.get(name, REGULAR)


def _wrap(words: Sequence[str], widths: Sequence[float], space: float, size: float, width: float,
          max_lines: int) -> list[str] | None:
    """Greedy word wrap into at most ``max_lines`` lines of ``width`` points (None: no).
    ``widths`` are the words' widths at 1 pt (a string's width is linear in its size; the
    fonts have no kerning, so a line is exactly the sum of its words and spaces)."""
    limit = width / size - 1e-9
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word, w in zip(words, widths, strict=True):
        if w > limit:
            return None
        trial = used + (space if current else 0.0) + w
        if trial <= limit:
            current.append(word)
            used = trial
            continue
        lines.append(" ".join(current))
        if len(lines) >= max_lines:
            return None
        current, used = [word], w
    if current:
        lines.append(" ".join(current))
    return lines if len(lines) <= max_lines else None


@lru_cache(maxsize=4096)
def fit(text: str, box: Box) -> Fitted:
    """The largest size (≤ the box's, in 0.25 pt steps) at which ``text`` fits the box in at
    most ``box.lines`` lines, each line's marks and descenders inside the box height. Below
    ``min_size`` it keeps shrinking rather than overflow (a warning for the user is the
    caller's)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font(box.font)
    width, height = box.w * MM, box.h * MM
    words = text.split()
    widths = [stringWidth(w, font, 1.0) for w in words]
    space = stringWidth(" ", font, 1.0)
    size = box.size
    if box.lines == 1 and words:  # straight to the size the width allows
        natural = sum(widths) + space * (len(words) - 1)
        size = min(size, int(width / natural / STEP) * STEP if natural else size)
    while size > STEP:
        lines = _wrap(words, widths, space, size, width, box.lines)
        if lines is not None and len(lines) * size * LEADING <= height + 1e-6:
            return Fitted(size, tuple(lines))
        size = round(size - STEP, 2)
    return Fitted(STEP, (text,))


@cache
def _hex(hex_colour: str):
    from reportlab.lib.colors import HexColor

    return HexColor(hex_colour)


def _colour(canvas, hex_colour: str) -> None:
    canvas.setFillColor(_hex(hex_colour))
    canvas.setStrokeColor(_hex(hex_colour))


def _draw_box(canvas, box: Box, text: str, page_h: float, dx: float, dy: float) -> None:
    if not text:
        return
    fitted = fit(text, box)
    canvas.setFont(_font(box.font), fitted.size)
    canvas.setFillColor(_hex(box.color))  # text is filled: no stroke colour needed
    left = (box.x + dx) * MM
    top = page_h - (box.y + dy) * MM
    block = len(fitted.lines) * fitted.size * LEADING
    baseline = top - (box.h * MM - block) / 2 - fitted.size * ABOVE
    for line in fitted.lines:
        if box.align == "center":
            canvas.drawCentredString(left + box.w * MM / 2, baseline, line)
        elif box.align == "right":
            canvas.drawRightString(left + box.w * MM, baseline, line)
        else:
            canvas.drawString(left, baseline, line)
        baseline -= fitted.size * LEADING


def _draw_design(canvas, t: Template) -> None:
    from reportlab.lib.colors import HexColor

    d = t.design
    page_w, page_h = t.width_mm * MM, t.height_mm * MM
    border = d.get("border")
    if border:
        colour = HexColor(border["colour"])
        canvas.setStrokeColor(colour)
        inset = border["inset"] * MM
        canvas.setLineWidth(border["width"])
        canvas.rect(inset, inset, page_w - 2 * inset, page_h - 2 * inset)
        inner = border["inner_inset"] * MM
        canvas.setLineWidth(0.8)
        canvas.rect(inner, inner, page_w - 2 * inner, page_h - 2 * inner)
        for cx, cy in ((inner, inner), (page_w - inner, inner), (inner, page_h - inner),
                       (page_w - inner, page_h - inner)):
            canvas.circle(cx, cy, 2.2 * MM, stroke=1, fill=0)
    emblem = d.get("emblem")
    if emblem:
        canvas.setStrokeColor(HexColor(emblem["colour"]))
        canvas.setLineWidth(1.2)
        cx, cy, r = emblem["x"] * MM, page_h - emblem["y"] * MM, emblem["r"] * MM
        canvas.circle(cx, cy, r, stroke=1, fill=0)
        canvas.circle(cx, cy, r * 0.8, stroke=1, fill=0)
        canvas.setFont(_font("bold"), r * 0.36)
        canvas.setFillColor(HexColor(emblem["colour"]))
        canvas.drawCentredString(cx, cy - r * 0.12, "CĐVN")
    for item in d.get("texts", []):
        canvas.setFont(_font(item.get("font", "regular")), item["size"])
        _colour(canvas, item.get("color", "#000000"))
        canvas.drawCentredString((item["x"] + item["w"] / 2) * MM, page_h - item["y"] * MM,
                                 item["text"])


Progress = Callable[[int, int], None] | None
IsCancelled = Callable[[], bool] | None


def draw_certificates(path: str, items: Sequence[CertificateText], *, stock: bool,
                      dx_mm: float = 0.0, dy_mm: float = 0.0, progress: Progress = None,
                      is_cancelled: IsCancelled = None) -> None:
    """Draw ``items`` into the PDF at ``path`` (one page each). Offsets apply in stock mode."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(path, pageCompression=1)
    canvas.setTitle("Giấy chứng nhận khen thưởng")
    canvas.setCreator("Sổ Công đoàn")
    dx, dy = (dx_mm, dy_mm) if stock else (0.0, 0.0)
    for i, item in enumerate(items):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        t = load_template(item.template)
        page_h = t.height_mm * MM
        canvas.setPageSize((t.width_mm * MM, page_h))
        if not stock:
            _draw_design(canvas, t)
        for box in t.boxes:
            _draw_box(canvas, box, item.values.get(box.name, ""), page_h, dx, dy)
        canvas.showPage()
        if progress:
            progress(i + 1, len(items))
    canvas.save()


def write_certificates(out: str | os.PathLike[str], items: Sequence[CertificateText], *,
                       stock: bool, dx_mm: float = 0.0, dy_mm: float = 0.0,
                       progress: Progress = None, is_cancelled: IsCancelled = None) -> Path:
    if not items:
        raise UserError("Không có giấy khen/bằng khen nào để in (chưa có ai được khen thưởng?).")
    return write_atomically(out, lambda tmp: draw_certificates(
        tmp, items, stock=stock, dx_mm=dx_mm, dy_mm=dy_mm, progress=progress,
        is_cancelled=is_cancelled))


def write_calibration_page(out: str | os.PathLike[str], *, template: str = "giay_khen_a4",
                           dx_mm: float = 0.0, dy_mm: float = 0.0) -> Path:
    """A page of the template's size with a millimetre grid (every 10 mm numbered) and
    crosshairs at the template's text boxes, moved by the given offsets: print it on a sheet
    of stock, measure how far the crosshairs land from where they should, enter that."""
    t = load_template(template)

    def draw(path: str) -> None:
        from reportlab.lib.colors import Color, black, red
        from reportlab.pdfgen.canvas import Canvas

        w, h = t.width_mm * MM, t.height_mm * MM
        c = Canvas(path, pagesize=(w, h))
        c.setTitle("Trang căn chỉnh máy in")
        for mm in range(0, int(t.width_mm) + 1):
            c.setStrokeColor(Color(0.8, 0.8, 0.8) if mm % 10 else black)
            c.setLineWidth(0.05 if mm % 10 else 0.35)
            c.line(mm * MM, 0, mm * MM, h)
        for mm in range(0, int(t.height_mm) + 1):
            c.setStrokeColor(Color(0.8, 0.8, 0.8) if mm % 10 else black)
            c.setLineWidth(0.05 if mm % 10 else 0.35)
            c.line(0, h - mm * MM, w, h - mm * MM)
        c.setFont(_font("regular"), 6)
        c.setFillColor(black)
        for mm in range(10, int(t.width_mm), 10):
            c.drawString(mm * MM + 0.5 * MM, h - 3.5 * MM, str(mm))
        for mm in range(10, int(t.height_mm), 10):
            c.drawString(1 * MM, h - mm * MM - 2.5 * MM, str(mm))
        c.setStrokeColor(red)
        c.setFillColor(red)
        c.setLineWidth(0.6)
        for box in t.boxes:
            x, y = (box.x + dx_mm) * MM, h - (box.y + dy_mm) * MM
            c.line(x - 5 * MM, y, x + 5 * MM, y)
            c.line(x, y - 5 * MM, x, y + 5 * MM)
            c.circle(x, y, 1.5 * MM)
        c.setFillColor(Color(1, 1, 1))
        c.rect(15 * MM, 6 * MM, w - 30 * MM, 22 * MM, stroke=0, fill=1)
        c.setFillColor(red)
        c.setFont(_font("bold"), 11)
        c.drawString(18 * MM, 22 * MM, f"TRANG CĂN CHỈNH MÁY IN — mẫu «{t.title}», độ lệch hiện "
                                       f"tại: ngang {dx_mm:+g} mm, dọc {dy_mm:+g} mm")
        c.setFont(_font("italic"), 9.5)
        c.setFillColor(black)
        c.drawString(18 * MM, 16 * MM, "In trang này lên một tờ phôi; đo khoảng cách từ tâm mỗi dấu "
                                       "chữ thập tới góc trên bên trái của ô chữ tương ứng trên phôi")
        c.drawString(18 * MM, 11 * MM, "(sang phải, xuống dưới là số dương; lưới ô 1 mm, đường đậm "
                                       "mỗi 10 mm) rồi nhập độ lệch vào mục căn chỉnh của máy in này.")
        c.showPage()
        c.save()

    return write_atomically(out, draw)
