"""Certificates: the printed text reads back exactly (pdftotext), every text box moves by
exactly the calibration in stock mode (positions read back from the PDF), long names shrink
to stay inside their box, numbers are issued once per office and year and reprints keep them."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from html import unescape

import pytest

from core.commendations import certificates as certs
from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput, RoundLevel
from core.common.errors import UserError

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LONG_NAME = "Tôn Nữ Hoàng Thị Huyền Trân Nguyễn Phước Bảo Ngọc Diễm Quỳnh"
LONG_UNIT = ("Công đoàn cơ sở Trường Trung học phổ thông chuyên Lê Quý Đôn và Trung tâm Giáo dục "
             "nghề nghiệp - Giáo dục thường xuyên huyện Vĩnh Linh")
PEOPLE = [
    (NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, "Nguyễn Thị Ngọc Ánh", "CĐCS Trường THCS Hồ Xuân Hương", "Tổ trưởng"),
    (NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO, LONG_NAME, LONG_UNIT, "Phó Hiệu trưởng"),
    (NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN, "Công đoàn cơ sở Bệnh viện Đa khoa khu vực Vĩnh Linh và Trạm Y tế các xã Vĩnh Giang, Vĩnh Thạch", "", ""),
    (NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, "Đặng Hữu Lộc", "CĐCS Ủy ban nhân dân thị trấn Hồ Xá", "Chủ tịch công đoàn"),
]


@pytest.fixture
def approved(app_db):
    # At the Tổng Liên đoàn's level: it awards every form printed here (Bằng Lao động sáng tạo too).
    r = ops.create_round(app_db, RoundInput("Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023",
                                            2023, level=RoundLevel.NATIONAL)).value
    for kind, award, name, unit, position in PEOPLE:
        ops.add_nominee(app_db, r.id, NomineeInput(kind, award, full_name=name, unit_name=unit,
                                                   position=position))
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
    return app_db, r


def _text(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")


def _words(pdf) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word's box (points, from the page's top-left) per page."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def test_a_batch_reads_back_names_units_awards_and_numbers_exactly(approved, tmp_path):
    db, r = approved
    out = tmp_path / "giay-khen.pdf"
    result = ops.print_certificates(db, r.id, out, printed_on=date(2024, 1, 5)).value
    assert result.count == 4 and result.numbers == ("01/2023", "02/2023", "03/2023", "04/2023")
    pages = _text(out)
    for page, (kind, award, name, unit, position), number in zip(pages, PEOPLE, result.numbers, strict=False):
        flat = " ".join(page.split())
        assert " ".join(name.split()) in flat
        if kind == NomineeKind.INDIVIDUAL:
            assert f"{position}, {unit}" in flat
        assert ops.AWARD_LABELS[award].upper() in flat
        assert f"Số vào sổ: {number}" in flat
        assert "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH" in flat
        assert "Vĩnh Linh, ngày 28 tháng 12 năm 2023" in flat
        assert "Quyết định số 25/QĐ-LĐLĐ ngày 28/12/2023" in flat


def test_stock_mode_prints_text_only_and_moves_every_box_by_the_calibration(approved, tmp_path):
    db, r = approved
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    ops.print_certificates(db, r.id, plain, stock=True, dx_mm=0, dy_mm=0)
    ops.print_certificates(db, r.id, shifted, stock=True, dx_mm=3, dy_mm=-2)
    assert "GIẤY KHEN" not in _text(plain)[0] and "CỘNG HÒA" not in _text(plain)[0]
    a_pages, b_pages = _words(plain), _words(shifted)
    assert len(a_pages) == 4
    for a, b in zip(a_pages, b_pages, strict=True):
        assert [w[4] for w in a] == [w[4] for w in b] and len(a) > 20
        for (ax0, ay0, ax1, ay1, _), (bx0, by0, bx1, by1, _) in zip(a, b, strict=True):
            assert bx0 - ax0 == pytest.approx(3 * certs.MM, abs=0.01)
            assert bx1 - ax1 == pytest.approx(3 * certs.MM, abs=0.01)
            assert by0 - ay0 == pytest.approx(-2 * certs.MM, abs=0.01)
            assert by1 - ay1 == pytest.approx(-2 * certs.MM, abs=0.01)


def test_the_saved_calibration_of_a_printer_is_used_in_stock_mode(approved, tmp_path):
    db, r = approved
    ops.set_calibration(db, ops.Calibration("HP LaserJet P2035", 3, -2))
    assert ops.calibration(db, "HP LaserJet P2035") == ops.Calibration("HP LaserJet P2035", 3, -2)
    assert ops.calibration(db, "Canon LBP2900") == ops.Calibration("Canon LBP2900", 0, 0)
    ops.print_certificates(db, r.id, tmp_path / "a.pdf", stock=True, printer="Canon LBP2900")
    ops.print_certificates(db, r.id, tmp_path / "b.pdf", stock=True, printer="HP LaserJet P2035")
    a, b = _words(tmp_path / "a.pdf")[0], _words(tmp_path / "b.pdf")[0]
    assert b[0][0] - a[0][0] == pytest.approx(3 * certs.MM, abs=0.01)
    with pytest.raises(UserError, match="−50…50 mm"):
        ops.set_calibration(db, ops.Calibration("HP", 80, 0))


@pytest.mark.parametrize("stock", [False, True])
def test_long_names_shrink_to_stay_inside_their_boxes(approved, tmp_path, stock):
    db, r = approved
    out = tmp_path / "long.pdf"
    ops.print_certificates(db, r.id, out, stock=stock)
    page = _words(out)[1]  # the long name and unit
    t = certs.load_template("lao_dong_sang_tao_a4")
    boxes = {b.name: b for b in t.boxes}
    for name, text in (("recipient", LONG_NAME), ("detail", f"Phó Hiệu trưởng, {LONG_UNIT}")):
        box = boxes[name]
        fitted = certs.fit(text, box)
        assert fitted.size < box.size  # it had to shrink
        wanted = text.split()
        found = [w for w in page if w[4] in wanted and box.y * certs.MM - 1 < w[1] < (box.y + box.h) * certs.MM]
        assert {w[4] for w in found} == set(wanted)
        for x0, y0, x1, y1, _ in found:
            assert box.x * certs.MM - 0.01 <= x0 and x1 <= (box.x + box.w) * certs.MM + 0.01
            assert box.y * certs.MM - 0.01 <= y0 and y1 <= (box.y + box.h) * certs.MM + 0.01


def test_fit_never_exceeds_the_box_and_keeps_whole_words():
    box = certs.load_template("giay_khen_a4").boxes[1]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text in ("Lê Na", LONG_NAME, LONG_NAME * 3, "Nguyễnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"):
        fitted = certs.fit(text, box)
        assert " ".join(fitted.lines) == text
        assert len(fitted.lines) <= box.lines
        assert all(stringWidth(line, certs._font(box.font), fitted.size) <= box.w * certs.MM + 1e-6
                   for line in fitted.lines)
        assert len(fitted.lines) * fitted.size * certs.LEADING <= box.h * certs.MM + 1e-6
    assert certs.fit("Lê Na", box).size == box.size


def test_numbers_are_issued_once_and_a_reprint_keeps_the_number(approved, tmp_path):
    db, r = approved
    first = ops.print_certificates(db, r.id, tmp_path / "1.pdf").value
    again = ops.print_certificates(db, r.id, tmp_path / "2.pdf", stock=True).value
    assert again.numbers == first.numbers and again.reprints == 4 and first.reprints == 0
    register = ops.certificate_register(db, 2023)
    assert [(e.number, e.prints) for e in register] == [("01/2023", 2), ("02/2023", 2),
                                                        ("03/2023", 2), ("04/2023", 2)]
    # A second round of the same year continues the office's numbers.
    r2 = ops.create_round(db, RoundInput("Khen thưởng chuyên đề", 2023, level=RoundLevel.NATIONAL)).value
    ops.add_nominee(db, r2.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Võ Thị Sáu"))
    ops.approve(db, r2.id, "30/QĐ-LĐLĐ", date(2023, 12, 30))
    assert ops.print_certificates(db, r2.id, tmp_path / "3.pdf").value.numbers == ("05/2023",)


def test_nothing_is_recorded_when_the_pdf_cannot_be_written(approved, tmp_path):
    db, r = approved
    with pytest.raises(UserError):
        ops.print_certificates(db, r.id, tmp_path / "missing-folder" / "x.pdf")
    assert ops.certificate_register(db) == []
    with pytest.raises(UserError, match="Không có mẫu"):
        ops.print_certificates(db, r.id, tmp_path / "x.pdf", template="khong_co")


def test_calibration_page_has_a_grid_and_the_offsets(app_db, tmp_path):
    out = ops.write_calibration_page(app_db, tmp_path / "cal.pdf", dx_mm=3, dy_mm=-2)
    text = " ".join(_text(out)[0].split())
    assert "TRANG CĂN CHỈNH MÁY IN" in text and "ngang +3 mm, dọc -2 mm" in text
    assert "100" in text and "200" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_rendered_stock_page_has_no_ink_outside_the_boxes(approved, tmp_path):
    """pdftoppm at 144 dpi: every dark pixel of the long-name page (stacked tone marks
    included) lies inside one of the template's boxes, moved by the calibration."""
    db, r = approved
    out = tmp_path / "stock.pdf"
    ops.print_certificates(db, r.id, out, stock=True, dx_mm=3, dy_mm=-2)
    subprocess.run(["pdftoppm", "-r", "144", "-gray", "-f", "2", "-l", "2", str(out), str(tmp_path / "p")],
                   check=True)
    image = next(tmp_path.glob("p*.pgm")).read_bytes()
    magic, width, height, maxval, pixels = image.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    w, h = int(width), int(height)
    scale = 144 / 72 * certs.MM  # pixels per mm
    boxes = [((b.x + 3) * scale - 1, (b.y - 2) * scale - 1, (b.x + 3 + b.w) * scale + 1,
              (b.y - 2 + b.h) * scale + 1) for b in certs.load_template("lao_dong_sang_tao_a4").boxes]
    dark = outside = 0
    for y in range(h):
        row = pixels[y * w:(y + 1) * w]
        for x in (i for i, v in enumerate(row) if v < 160):
            dark += 1
            if not any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes):
                outside += 1
    assert dark > 5000 and outside == 0


@pytest.mark.parametrize("key", ["giay_khen_a4", "bang_khen_a4", "lao_dong_sang_tao_a4", "bang_khen_a3",
                                 "lao_dong_sang_tao_a3"])
def test_the_national_title_clears_the_inner_border_and_the_emblem(key, tmp_path):
    """Measured on the full design's PDF: the top of "CỘNG HÒA…" (tone marks included) stays
    below the inner border, and the emblem's circle starts below "Độc lập - Tự do - Hạnh phúc"."""
    t = certs.load_template(key)
    out = certs.write_certificates(tmp_path / "c.pdf", [certs.CertificateText(key, {"recipient": "A"})],
                                   stock=False)
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = {w: (float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)}
    inner = t.design["border"]["inner_inset"] * certs.MM
    assert words["CỘNG"][1] > inner + 1.0 * certs.MM  # yMin: the tone marks' top
    emblem = t.design["emblem"]
    circle_top = (emblem["y"] - emblem["r"]) * certs.MM
    assert words["Hạnh"][3] < circle_top - 1.0 * certs.MM  # yMax: descenders included
