"""core.common.pdf.blocks: the pieces documents build their bodies from (form fields, headings,
signatures in the body, the corner stamp, a balanced issuer name), read back with poppler; and
the initiative documents hold content only (no reportlab of their own)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext (poppler-utils) is not installed; `make sysdeps` installs it",
)

ROOT = Path(__file__).resolve().parent.parent


def _text(pdf: Path, *extra: str) -> str:
    out = subprocess.run(["pdftotext", "-layout", *extra, str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return unicodedata.normalize("NFC", out)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_blocks_print_as_laid_out(tmp_path):
    from core.common.pdf import (
        DocumentHeader,
        build_document,
        corner_stamp,
        heading,
        keep_together,
        labelled,
        paragraph,
        section,
        side_by_side,
        signature_column,
        spacer,
        split_paragraphs,
    )

    assert split_paragraphs(" Một\r\n\n  Hai \n") == ["Một", "Hai"]
    body = [
        corner_stamp("MẬT"),
        labelled("1. Tên sáng kiến:", "Sổ tay điện tử <cho> tổ & nhóm"),
        labelled("2. Lĩnh vực:", "", "(Chưa kê khai)"),
        heading("3. Tác giả:"),
        *section("4. Mục đích:", "Dòng thứ nhất\nDòng thứ hai"),
        *section("5. Điều kiện:", "", "(Chưa kê khai)"),
        keep_together([
            paragraph("Tôi xin cam đoan."),
            spacer(4),
            side_by_side([
                signature_column("XÁC NHẬN CỦA\nTHỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"),
                signature_column("TÁC GIẢ", "(Ký, ghi rõ họ tên)", "Lê Thị Hương"),
            ]),
        ]),
    ]
    header = DocumentHeader("LĐLĐ huyện Vĩnh Linh", "CĐCS Trường THPT Cửa Tùng", "",
                            "Vĩnh Linh, ngày 06 tháng 3 năm 2023")
    pdf = build_document(tmp_path / "mau.pdf", header, "Báo cáo", None, body, None, None)
    assert _pages(pdf) == 1
    text = _text(pdf)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "MẬT"  # above the header, in the top right corner
    assert text.index("MẬT") < text.index("CĐCS TRƯỜNG THPT CỬA TÙNG")
    for expected in ("1. Tên sáng kiến: Sổ tay điện tử <cho> tổ & nhóm",
                     "2. Lĩnh vực: (Chưa kê khai)", "4. Mục đích:", "Dòng thứ nhất",
                     "Dòng thứ hai", "5. Điều kiện: (Chưa kê khai)"):
        assert expected in text, expected
    # the two signatures side by side, the name under the author's column
    row = next(line for line in text.splitlines() if "XÁC NHẬN CỦA" in line)
    assert "TÁC GIẢ" in row and row.index("XÁC NHẬN") < row.index("TÁC GIẢ")
    name = next(line for line in text.splitlines() if "Lê Thị Hương" in line)
    assert name.index("Lê Thị Hương") > len(name) / 3


def test_balanced_lines_breaks_a_long_issuer_name_in_two():
    from core.common.pdf import balanced_lines

    assert balanced_lines("CĐCS  Trạm Y tế xã") == "CĐCS Trạm Y tế xã"  # fits on one line
    two = balanced_lines("CĐCS Ban Quản lý dự án đầu tư xây dựng huyện Tam Đường")
    first, second = two.split("\n")
    assert abs(len(first) - len(second)) < 12 and " ".join(two.split()) == (
        "CĐCS Ban Quản lý dự án đầu tư xây dựng huyện Tam Đường")


def test_initiative_documents_hold_content_only():
    """Styles and layout pieces live in core.common.pdf (certificates and vouchers use them
    too): the initiative documents neither import reportlab nor define styles."""
    source = (ROOT / "core" / "initiatives" / "documents.py").read_text(encoding="utf-8")
    assert "from reportlab" not in source and "import reportlab" not in source
    assert "ParagraphStyle" not in source and "TableStyle" not in source
