"""1,000 certificates in one PDF against raw reportlab drawing the same strings.

Ours: ``core.commendations.certificates.draw_certificates`` in stock mode (text only) — each
box's text fitted to its box (shrunk when too long, wrapped to its lines), then drawn. Raw
reportlab: a canvas drawing the very same lines at the sizes ours chose, at the same places,
with the same font (so only the layout work differs). Names are the demo's name generator's,
with every tenth a long name and a long unit. Also the full design (border, emblem, titles).
Medians of RUNS; ``python -m bench certificates`` writes its section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
from pathlib import Path

from bench.report import median_time, write_section

COUNT = int(os.environ.get("BENCH_CERTIFICATES", "1000"))
RUNS = 7
LONG = ("Tôn Nữ Hoàng Thị Huyền Trân Nguyễn Phước Bảo Ngọc Diễm Quỳnh",
        "Công đoàn cơ sở Trường Trung học phổ thông chuyên Lê Quý Đôn và Trung tâm Giáo dục "
        "nghề nghiệp - Giáo dục thường xuyên huyện Vĩnh Linh")


def _items():
    from core.commendations.certificates import CertificateText
    rng = random.Random(12)
    families = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Lường")
    middles = ("Thị", "Văn", "Hữu", "Minh", "Ngọc", "Thu", "Quang")
    givens = ("Ánh", "Hương", "Lộc", "Dũng", "Quỳnh", "Phượng", "Đức", "Nguyệt", "Thắng", "Yến")
    items = []
    for i in range(COUNT):
        person = f"{rng.choice(families)} {rng.choice(middles)} {rng.choice(givens)}"
        name, unit = LONG if i % 10 == 0 else (person, f"CĐCS Trường Tiểu học số {i}")
        template = ("giay_khen_a4", "bang_khen_a4", "lao_dong_sang_tao_a4")[i % 3]
        items.append(CertificateText(template, {
            "issuer": "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH", "recipient": name,
            "detail": f"Tổ trưởng chuyên môn, {unit}",
            "achievement": "Đã có thành tích xuất sắc trong phong trào Lao động giỏi, lao động "
                           "sáng tạo năm 2023.",
            "place_date": "Vĩnh Linh, ngày 28 tháng 12 năm 2023", "on_behalf": "TM. BAN THƯỜNG VỤ",
            "signer_title": "CHỦ TỊCH", "signer": "Nguyễn Văn An",
            "number": f"Số vào sổ: {i + 1:02d}/2023",
            "decision": "Quyết định số 25/QĐ-LĐLĐ ngày 28/12/2023"}))
    return items


def _raw(path: str, items, plans) -> None:
    """reportlab alone: the same lines, sizes and places, no fitting."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(path, pageCompression=1)
    for _item, plan in zip(items, plans, strict=True):
        canvas.setPageSize(plan[0])
        for font, size, colour, drawn in plan[1]:
            canvas.setFont(font, size)
            canvas.setFillColor(colour)
            for how, x, y, text in drawn:
                if how == "c":
                    canvas.drawCentredString(x, y, text)
                else:
                    canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()


def _plans(items):
    """What ours draws, precomputed: page size and (font, size, colour, lines) per box."""
    from reportlab.lib.colors import HexColor

    from core.commendations import certificates as c

    plans = []
    for item in items:
        t = c.load_template(item.template)
        page_h = t.height_mm * c.MM
        boxes = []
        for box in t.boxes:
            text = item.values.get(box.name, "")
            if not text:
                continue
            fitted = c.fit(text, box)
            left, top = box.x * c.MM, page_h - box.y * c.MM
            block = len(fitted.lines) * fitted.size * c.LEADING
            baseline = top - (box.h * c.MM - block) / 2 - fitted.size * c.ABOVE
            drawn = []
            for line in fitted.lines:
                if box.align == "center":
                    drawn.append(("c", left + box.w * c.MM / 2, baseline, line))
                else:
                    drawn.append(("l", left, baseline, line))
                baseline -= fitted.size * c.LEADING
            boxes.append((c._font(box.font), fitted.size, HexColor(box.color), drawn))
        plans.append(((t.width_mm * c.MM, page_h), boxes))
    return plans


def run() -> dict:
    from core.commendations.certificates import draw_certificates

    items = _items()
    plans = _plans(items)
    with tempfile.TemporaryDirectory() as tmp:
        # Alternate the two in each run, so a busy moment of the shared machine hits both.
        ours_t, raw_t = [], []
        for _ in range(RUNS):
            ours_t.append(median_time(lambda: draw_certificates(str(Path(tmp) / "ours.pdf"), items,
                                                                stock=True), 1))
            raw_t.append(median_time(lambda: _raw(str(Path(tmp) / "raw.pdf"), items, plans), 1))
        ours, raw = statistics.median(ours_t), statistics.median(raw_t)
        full = median_time(lambda: draw_certificates(str(Path(tmp) / "full.pdf"), items, stock=False), 3)
    ratio = ours / raw
    write_section("Certificates (1,000 in one PDF)", f"""{COUNT} certificates (three templates, every tenth with a 61-letter name and a 140-letter
unit that must shrink) drawn into one PDF in stock mode; raw reportlab draws the same lines at
the same sizes and places with the same font (`bench/certificates.py`, medians of {RUNS}).

| what | ours | raw reportlab | ratio (ours ÷ raw) |
|---|---:|---:|---:|
| {COUNT} certificates, text only (fit + draw) | {ours * 1000:.0f} ms ({COUNT / ours:.0f}/s) | {raw * 1000:.0f} ms | **{ratio:.2f}×** |
| the same with the full design (border, emblem, titles) | {full * 1000:.0f} ms ({COUNT / full:.0f}/s) | | |
""")
    return {"ours_s": round(ours, 3), "raw_s": round(raw, 3), "ratio": round(ratio, 2),
            "per_second": round(COUNT / ours), "full_s": round(full, 3)}
