"""PDFs print Vietnamese with the bundled serif and the Decree 30 layout.

A sample document is rendered once; poppler reads it back (pdftotext for the text, pdffonts
for the fonts, pdfinfo for the metadata, pdftoppm for a picture of page 1).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext (poppler-utils) is not installed; `make sysdeps` installs it",
)

PARENT = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
ORG = "LĐLĐ HUYỆN VĨNH LINH"
NUMBER = "Số: 08/HD-LĐLĐ"
PLACE_DATE = "Vĩnh Linh, ngày 06 tháng 3 năm 2023"
TITLE = "HƯỚNG DẪN"
SUBTITLE = "Xét khen thưởng phong trào Lao động sáng tạo năm 2022"
VIETNAMESE = (
    "Để đẩy mạnh phong trào, Ban Thường vụ đề nghị các công đoàn cơ sở tập trung rà soát sáng "
    "kiến được ứng dụng, ghi nhận những đóng góp nổi bật của đoàn viên; hồ sơ phải đầy đủ, "
    "kỹ lưỡng, giữ vững tiêu chuẩn và gửi về trước ngày 31/3. Đơn vị nào chậm trễ, sai lệch "
    "số liệu sẽ không được xét: Nguyễn Thị Hữu, Trần Văn Dưỡng, Lê Mỹ Ơn & các cộng sự <nhóm A>."
)
MONEY_TOTAL = "3.031.150.000 ₫"
SIGN_ON_BEHALF = "TM. BAN THƯỜNG VỤ"
SIGN_TITLE = "CHỦ TỊCH"
SIGN_NAME = "Lương Xuân Trường"
RECIPIENTS = ["Ban Thường vụ LĐLĐ tỉnh (b/c)", "Các CĐCS trực thuộc", "Lưu: VT, ToC"]
UNITS = 32  # enough rows to run the table onto page 2


def build_sample(out: Path) -> Path:
    """The sample document (also used by hand to refresh docs/screenshots/pdf-sample.png)."""
    from core.common.pdf import DocumentHeader, SignatureBlock, build_document, paragraph, table

    amounts = [75_000_000 + 1_200_000 * i for i in range(UNITS)]
    amounts[-1] += 3_031_150_000 - sum(amounts)
    rows = [
        [i + 1, f"CĐCS Trường Tiểu học số {i + 1} Vĩnh Linh", 2 + i % 5, amounts[i]]
        for i in range(UNITS)
    ]
    body = [
        "Căn cứ Luật Công đoàn năm 2012; căn cứ Hướng dẫn số 12/HD-TLĐ ngày 04/01/2021 của "
        "Tổng Liên đoàn Lao động Việt Nam về công tác thi đua, khen thưởng;",
        paragraph("I. MỤC ĐÍCH, YÊU CẦU", "heading"),
        VIETNAMESE,
        paragraph("II. TỔNG HỢP KINH PHÍ KHEN THƯỞNG", "heading"),
        paragraph("Đơn vị tính: đồng", "note"),
        table(
            [["TT", "Đơn vị", "Số sáng kiến", "Số tiền"]],
            rows,
            [12, 88, 25, 40],
            totals_row=["", "Tổng cộng", sum(r[2] for r in rows), MONEY_TOTAL],
            align=["center", "left", "center", "right"],
        ),
        "Trong quá trình thực hiện, nếu có vướng mắc đề nghị các đơn vị phản ánh về Ban "
        "Thường vụ (qua Ban Tổ chức) để được hướng dẫn.",
    ]
    return build_document(
        out,
        DocumentHeader(PARENT.title(), "LĐLĐ huyện Vĩnh Linh", NUMBER, PLACE_DATE),
        "Hướng dẫn",
        SUBTITLE,
        body,
        SignatureBlock(SIGN_ON_BEHALF, "Chủ tịch", SIGN_NAME),
        RECIPIENTS,
    )


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _text(pdf: Path, *extra: str) -> str:
    return unicodedata.normalize("NFC", _run("pdftotext", "-layout", *extra, str(pdf), "-"))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("pdf") / "huong-dan.pdf")


def test_text_comes_back_exactly(sample_pdf):
    text = _text(sample_pdf)
    for expected in (
        PARENT,
        ORG,
        NUMBER,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        PLACE_DATE,
        TITLE,
        SUBTITLE,
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Tổng cộng",
        MONEY_TOTAL,
        "75.000.000",
        SIGN_ON_BEHALF,
        SIGN_TITLE,
        SIGN_NAME,
        "Nơi nhận:",
        "- Ban Thường vụ LĐLĐ tỉnh (b/c);",
        "- Lưu: VT, ToC.",
    ):
        assert expected in text, expected
    # The justified paragraph wraps over several lines: compare with whitespace collapsed.
    flat = re.sub(r"\s+", " ", text)
    assert VIETNAMESE in flat
    for letters in ("ậ", "ơ", "đ", "ư", "ễ", "ữ", "ỹ", "Đ"):
        assert letters in text


def test_only_the_bundled_serif_is_used_and_embedded(sample_pdf):
    lines = _run("pdffonts", str(sample_pdf)).splitlines()
    assert lines[1].startswith("---")
    faces = set()
    for line in lines[2:]:
        cols = line.split()
        name, emb = cols[0], cols[-5]
        assert "+" in name, f"{name} is not subset-embedded"
        faces.add(name.split("+", 1)[1])
        assert emb == "yes", line
    assert faces == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }
    assert not any(re.search(r"Helvetica|Times|Courier|Symbol|Dingbats", f) for f in faces)


def test_table_header_repeats_and_later_pages_are_numbered(sample_pdf):
    info = _run("pdfinfo", str(sample_pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 2
    page1 = _text(sample_pdf, "-f", "1", "-l", "1")
    page2 = _text(sample_pdf, "-f", "2", "-l", "2")
    assert "Số sáng kiến" in page1 and "Số sáng kiến" in page2
    assert page2.strip().splitlines()[0].strip() == "2"  # number centred in the top margin
    assert not re.match(r"\s*1\s*$", page1.strip().splitlines()[0])  # none on page 1
    assert re.search(r"^Page size:\s+595.276 x 841.89 pts \(A4\)", info, re.M)


def test_metadata_names_the_document_and_office(sample_pdf):
    info = unicodedata.normalize("NFC", _run("pdfinfo", str(sample_pdf)))
    assert re.search(r"^Title:\s+Hướng dẫn Xét khen thưởng", info, re.M)
    assert re.search(r"^Author:\s+LĐLĐ huyện Vĩnh Linh$", info, re.M)
    assert re.search(r"^Creator:\s+Sổ Công đoàn$", info, re.M)


def test_page_one_renders_to_a_non_blank_image(sample_pdf, tmp_path):
    from PySide6.QtGui import QImage

    stem = tmp_path / "page"
    _run(
        "pdftoppm",
        "-r",
        "60",
        "-png",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        str(sample_pdf),
        str(stem),
    )
    png = stem.with_suffix(".png")
    assert png.is_file() and png.stat().st_size > 5_000
    image = QImage(str(png))
    assert not image.isNull()
    assert abs(image.width() - 496) <= 1 and abs(image.height() - 702) <= 1  # A4 at 60 dpi
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() < 128:
                dark += 1
    share = dark / ((image.width() // 2) * (image.height() // 2))
    assert 0.01 < share < 0.3, share
    # Nothing printed in the 30 mm left margin (71 px at 60 dpi).
    for y in range(0, image.height(), 3):
        for x in range(0, 66, 3):
            assert image.pixelColor(x, y).lightness() > 200, (x, y)


def test_markup_characters_are_escaped_and_text_is_nfc(tmp_path):
    from core.common.pdf import DocumentHeader, SignatureBlock, build_document

    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hữu")
    out = build_document(
        tmp_path / "x.pdf",
        DocumentHeader(
            "", "Công đoàn <cơ sở> A & B", "Số: 01/TTr-CĐCS", "Hà Nội, ngày 01 tháng 01 năm 2024"
        ),
        "Tờ trình",
        "V/v đề nghị khen thưởng",
        ["a < b && c > d", f"Người đề nghị: {nfd}"],
        SignatureBlock("", "Chủ tịch", nfd),
        [],
    )
    raw = _run("pdftotext", "-layout", str(out), "-")
    assert "CÔNG ĐOÀN <CƠ SỞ> A & B" in raw
    assert "a < b && c > d" in raw
    assert "V/v đề nghị khen thưởng" in raw
    assert "Nguyễn Thị Hữu" in raw  # NFC in the PDF itself, not only after normalising
    assert "Nơi nhận" not in raw


def test_failed_or_cancelled_export_leaves_no_file(tmp_path):
    from core.common.errors import Cancelled
    from core.common.pdf import DocumentHeader, SignatureBlock, build_document

    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    header = DocumentHeader("", "CĐCS A", "Số: 01/BC-CĐCS", "Hà Nội, ngày 01 tháng 01 năm 2024")
    with pytest.raises(Cancelled):
        build_document(
            target,
            header,
            "Báo cáo",
            None,
            ["một"] * 5,
            SignatureBlock("", "Chủ tịch", "A"),
            is_cancelled=lambda: True,
        )
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_core_does_not_load_reportlab_at_start_up():
    code = (
        "import sys, core, core.common.paths, core.common.text\n"
        "assert 'reportlab' not in sys.modules, 'core imports reportlab'\n"
        "import core.common.pdf\n"
        "assert 'reportlab' in sys.modules\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'core.common.pdf imports Qt'\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
