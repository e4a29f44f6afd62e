"""Initiative documents: the description report (Decree 13/2012 form) and the recognition
decision (Decree 30/2020 layout) with its list, read back with poppler (pdftotext, pdffonts,
pdfinfo, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from core.common.errors import NotFound, UserError
from core.initiatives import records as initiatives
from core.initiatives.documents import (
    description_report,
    find_by_number,
    full_body_name,
    recognition_decision,
)
from core.initiatives.records import AuthorInput, InitiativeInput
from core.initiatives.register import RegisterFilter
from core.org import units as org
from db.models import InitiativeField, InitiativeKind, InitiativeStatus, Recogniser, UnitKind

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext (poppler-utils) is not installed; `make sysdeps` installs it",
)

NAME = ("Cải tiến quy trình tiếp nhận hồ sơ đoàn viên bằng ứng dụng điện thoại cho người "
        "lao động")
SIGNED = date(2023, 3, 6)
UNIT_A = "CĐCS Bệnh viện Đa khoa Vĩnh Linh"
UNIT_B = "CĐCS Trường THPT Cửa Tùng"


def _input(unit_id, programme_id, **kw) -> InitiativeInput:
    base = dict(
        name=NAME,
        kind=InitiativeKind.MANAGEMENT,
        field=InitiativeField.IT_ELECTRONICS_TELECOM,
        unit_id=unit_id,
        programme_id=programme_id,
        authors=[
            AuthorInput("Trần Văn Đức", "Khoa Khám bệnh", share=40),
            AuthorInput("Lê Thị Hương", "Phòng Tổ chức – Hành chính", share=60),
        ],
        registered_on=date(2022, 3, 15),
        objective="Rút ngắn thời gian tiếp nhận, cập nhật hồ sơ đoàn viên từ 3 ngày xuống "
                  "còn nửa ngày.",
        steps="Bước 1: Khảo sát quy trình hiện hành.\nBước 2: Xây dựng biểu mẫu trên điện "
              "thoại.\nBước 3: Áp dụng thử tại hai khoa, đánh giá và nhân rộng.",
        scope="Áp dụng được tại các công đoàn cơ sở khối hành chính sự nghiệp.",
        description="Đoàn viên khai hồ sơ trên điện thoại; Ban Chấp hành duyệt trực tuyến và "
                    "in sổ đoàn viên từ dữ liệu đã duyệt.",
        conditions="Đơn vị có mạng Internet và cán bộ công đoàn được tập huấn.",
        first_applied_on=date(2021, 10, 1),
        economic_benefit=150_000_000,
        social_benefit="Giảm thời gian đi lại của người lao động; số liệu đoàn viên chính xác.",
        recognised_by=Recogniser.COUNCIL,
        decision_number="12/QĐ-BV",
        decision_date=date(2022, 3, 1),
        status=InitiativeStatus.VALID,
    )
    base.update(kw)
    return InitiativeInput(**base)


def build_register(app_db) -> dict:
    """Three valid initiatives (two units), one under review, one confidential valid (also
    used by hand to render the documents for docs/screenshots)."""
    with app_db.transaction() as s:
        a = org.create_unit(s, org.UnitInput(code="VL-0001", name=UNIT_A,
                                             kind=UnitKind.GRASSROOTS, parent_code="VL"))
        b = org.create_unit(s, org.UnitInput(code="VL-0002", name=UNIT_B,
                                             kind=UnitKind.GRASSROOTS, parent_code="VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        first = initiatives.create_initiative(s, _input(a.id, programme.id))
        second = initiatives.create_initiative(s, _input(
            b.id, programme.id, name="Sổ tay điện tử hướng dẫn ôn thi cho học sinh",
            field=InitiativeField.EDUCATION, kind=InitiativeKind.UNION_WORK,
            authors=[AuthorInput("Phạm Thị Ngọc Ánh")], economic_benefit=None,
            registered_on=date(2022, 9, 20)))
        third = initiatives.create_initiative(s, _input(
            b.id, programme.id, name="Tiết kiệm điện chiếu sáng phòng học",
            field=InitiativeField.MATERIALS_CHEMICALS_ENERGY, economic_benefit=48_500_000,
            authors=[AuthorInput("Hoàng Văn Sơn")], registered_on=date(2022, 11, 2)))
        pending = initiatives.create_initiative(s, _input(
            a.id, programme.id, name="Phần mềm xếp lịch trực", status=InitiativeStatus.UNDER_REVIEW,
            registered_on=date(2022, 12, 1)))
        secret = initiatives.create_initiative(s, _input(
            a.id, programme.id, name="Quy trình bảo quản vắc-xin", confidential=True,
            registered_on=date(2022, 12, 5)))
    return {"first": first.id, "second": second.id, "third": third.id,
            "pending": pending.id, "secret": secret.id}


@pytest.fixture
def register_db(app_db):
    return app_db, build_register(app_db)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _text(pdf: Path, *extra: str) -> str:
    return unicodedata.normalize("NFC", _run("pdftotext", "-layout", *extra, str(pdf), "-"))


def _raw(pdf: Path, *extra: str) -> str:
    """The text in drawing order, whitespace collapsed: a wrapped table cell reads whole."""
    return _flat(unicodedata.normalize("NFC", _run("pdftotext", "-raw", *extra, str(pdf), "-")))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))


def _fonts(pdf: Path) -> set[str]:
    lines = _run("pdffonts", str(pdf)).splitlines()
    assert lines[1].startswith("---")
    faces = set()
    for line in lines[2:]:
        cols = line.split()
        assert cols[-5] == "yes", line  # embedded
        assert "+" in cols[0], line  # subset
        faces.add(cols[0].split("+", 1)[1])
    return faces


@pytest.fixture
def description_pdf(register_db, tmp_path) -> Path:
    db, ids = register_db
    with db.reading() as s:
        return description_report(s, ids["first"], tmp_path / "mo-ta.pdf", on=SIGNED)


@pytest.fixture
def decision_pdf(register_db, tmp_path) -> Path:
    db, ids = register_db
    with db.reading() as s:
        return recognition_decision(s, [ids["first"], ids["second"], ids["third"]],
                                    tmp_path / "quyet-dinh.pdf", number=15, signed_on=SIGNED)


def test_description_report_prints_the_form(description_pdf):
    text = _text(description_pdf)
    flat = _flat(text)
    for expected in (
        "LĐLĐ HUYỆN VĨNH LINH",  # the office above the CĐCS that issues the report
        "CĐCS BỆNH VIỆN ĐA",  # a long name is broken in two balanced lines
        "KHOA VĨNH LINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Vĩnh Linh, ngày 06 tháng 3 năm 2023",
        "BÁO CÁO MÔ TẢ SÁNG KIẾN",
        "Mã số đăng ký: VL-SK-2022-00001",
        f"1. Tên sáng kiến: {NAME}",
        "2. Tác giả",
        "Tỷ lệ đóng",  # (the header cell wraps: checked whole below)
        "Lê Thị Hương (chủ nhiệm/tác giả chính)",
        "3. Lĩnh vực áp dụng: Công nghệ thông tin, điện tử, viễn thông",
        "Loại giải pháp: Giải pháp quản lý",
        "01/10/2021",
        "5. Mục đích của sáng kiến",
        "Bước 2: Xây dựng biểu mẫu trên điện thoại.",
        "7. Phạm vi và khả năng áp dụng",
        "8. Mô tả bản chất của sáng kiến",
        "Giá trị làm lợi: 150.000.000 đồng/năm",
        "(Bằng chữ: Một trăm năm mươi triệu đồng)",
        "Hiệu quả xã hội: Giảm thời gian đi lại của người lao động",
        "10. Điều kiện cần thiết để áp dụng sáng kiến",
        "11. Công nhận sáng kiến: Hội đồng sáng kiến công nhận tại Quyết định số 12/QĐ-BV "
        "ngày 01/03/2022.",
        "XÁC NHẬN CỦA",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "TÁC GIẢ",
    ):
        assert expected in flat, expected
    assert "Tỷ lệ đóng góp (%)" in _raw(description_pdf)
    for letters in ("ậ", "ơ", "đ", "ư"):
        assert letters in text
    assert "Trần Văn Đức (chủ nhiệm" not in flat  # only the highest share is the lead
    assert "MẬT" not in text
    # The lead author signs on the right, below "TÁC GIẢ".
    lines = text.splitlines()
    title_line = next(i for i, line in enumerate(lines) if "TÁC GIẢ" in line and "XÁC" in line)
    assert any(line.strip() == "Lê Thị Hương" for line in lines[title_line:])
    assert _fonts(description_pdf) <= {"LiberationSerif", "LiberationSerif-Bold",
                                      "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_confidential_report_is_marked_secret(register_db, tmp_path):
    db, ids = register_db
    with db.reading() as s:
        pdf = description_report(s, ids["secret"], tmp_path / "mat.pdf")
    first_lines = [line for line in _text(pdf, "-f", "1", "-l", "1").splitlines() if line.strip()]
    assert first_lines[0].strip() == "MẬT"  # top right, above the header
    assert first_lines[0].startswith(" " * 40)
    assert "Vĩnh Linh, ngày 05 tháng 12 năm 2022" in _text(pdf)  # registration date by default


def test_decision_prints_the_decree_30_layout(decision_pdf):
    text = _text(decision_pdf)
    flat = _flat(text)
    page1 = _text(decision_pdf, "-f", "1", "-l", "1")
    for expected in (
        "LĐLĐ TỈNH QUẢNG TRỊ",
        "LĐLĐ HUYỆN VĨNH LINH",
        "Số: 15/QĐ-LĐLĐ",
        "Vĩnh Linh, ngày 06 tháng 3 năm 2023",
        "QUYẾT ĐỊNH",
        "Về việc công nhận sáng kiến năm 2022",
        "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH",
        "Căn cứ Nghị định số 13/2012/NĐ-CP",
        "QUYẾT ĐỊNH:",
        "Điều 1. Công nhận 03 sáng kiến",
        "(có danh sách kèm theo)",
        "Tổng giá trị làm lợi của các sáng kiến được công nhận là 198.500.000 đồng/năm.",
        "Điều 2.",
        "Điều 3.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Ban Thường vụ LĐLĐ tỉnh Quảng Trị (b/c);",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ):
        assert expected in _flat(page1), expected
    for expected in (
        "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN",
        "(Kèm theo Quyết định số 15/QĐ-LĐLĐ ngày 06 tháng 3 năm 2023 của Ban Thường vụ "
        "Liên đoàn Lao động huyện Vĩnh Linh)",
        "Giá trị làm",
        "Tổng cộng: 03 sáng kiến 198.500.000",
        "150.000.000",
        "48.500.000",
        "Lê Thị Hương (60%)",
        "Phạm Thị Ngọc Ánh",
    ):
        assert expected in flat, expected
    raw = _raw(decision_pdf, "-f", "2", "-l", "2")
    for expected in ("Giá trị làm lợi (đồng)", UNIT_A, UNIT_B, "Vật liệu, hóa chất, năng lượng",
                     f"1 {NAME} Trần Văn Đức (40%) Lê Thị Hương (60%) {UNIT_A}"):
        assert expected in raw, expected
    assert "Căn cứ Luật Công đoàn năm 2012;" in flat
    assert "Ban Chấp hành các công đoàn cơ sở có liên quan" in flat  # a district's CĐCS
    # Italic grounds: pdffonts lists the italic face; nothing but Liberation Serif, embedded.
    assert _fonts(decision_pdf) == {"LiberationSerif", "LiberationSerif-Bold",
                                    "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    # The list is on its own page; units sorted by name: the hospital's before the school's.
    assert _pages(decision_pdf) == 2
    assert "DANH SÁCH" in raw and "Nguyễn Văn An" not in raw
    assert raw.index(UNIT_A) < raw.index(UNIT_B)


def test_decision_from_a_register_filter_and_unpadded_numbers(register_db, tmp_path):
    db, ids = register_db
    with db.reading() as s:
        f = RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}), confidential=False)
        pdf = recognition_decision(s, f, tmp_path / "qd.pdf", number=7,
                                   signed_on=date(2023, 2, 1), year=2022)
    flat = _flat(_text(pdf))
    assert "Số: 07/QĐ-LĐLĐ" in flat
    assert "Vĩnh Linh, ngày 01 tháng 02 năm 2023" in flat
    assert "Công nhận 03 sáng kiến" in flat
    assert "Quy trình bảo quản vắc-xin" not in flat


def test_decision_refuses_initiatives_that_are_not_valid(register_db, tmp_path):
    db, ids = register_db
    out = tmp_path / "qd.pdf"
    with db.reading() as s:
        with pytest.raises(UserError, match=r"VL-SK-2022-00004 “Phần mềm xếp lịch trực” "
                                            r"\(đang xem xét\)"):
            recognition_decision(s, [ids["first"], ids["pending"]], out, number=15,
                                 signed_on=SIGNED)
        with pytest.raises(UserError, match="chưa hợp lệ"):
            recognition_decision(s, RegisterFilter(), out, number=15, signed_on=SIGNED)
        with pytest.raises(UserError, match="Không có sáng kiến"):
            recognition_decision(s, [], out, number=15, signed_on=SIGNED)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if "qd" in p.name] == []  # no temporary file


def test_long_list_runs_over_pages_without_an_empty_last_page(register_db, tmp_path):
    db, ids = register_db
    with db.transaction() as s:
        unit = org.find_by_code(s, "VL-0001")
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for i in range(40):
            initiatives.create_initiative(s, _input(
                unit.id, programme.id, name=f"Sáng kiến cải tiến số {i + 1} về an toàn lao động",
                economic_benefit=1_000_000 * (i + 1)))
    with db.reading() as s:
        f = RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}))
        pdf = recognition_decision(s, f, tmp_path / "dai.pdf", number=15, signed_on=SIGNED)
    pages = _pages(pdf)
    assert pages >= 3
    last = _text(pdf, "-f", str(pages), "-l", str(pages))
    assert "Tổng cộng: 44 sáng kiến" in _flat(last)
    for page in range(3, pages + 1):
        assert "Tên sáng kiến" in _text(pdf, "-f", str(page), "-l", str(page))  # header repeats


def test_page_one_renders_to_a_non_blank_image(decision_pdf, description_pdf, tmp_path):
    from PySide6.QtGui import QImage

    for pdf in (decision_pdf, description_pdf):
        stem = tmp_path / pdf.stem
        _run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(stem))
        image = QImage(str(stem.with_suffix(".png")))
        assert not image.isNull()
        dark = sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).lightness() < 128
        )
        share = dark / ((image.width() // 2) * (image.height() // 2))
        assert 0.01 < share < 0.3, (pdf.name, share)


def test_find_by_number_and_names():
    assert full_body_name("LĐLĐ huyện Vĩnh Linh") == "Liên đoàn Lao động huyện Vĩnh Linh"
    assert full_body_name("Công đoàn ngành Y tế") == "Công đoàn ngành Y tế"
    assert full_body_name("LĐLĐX") == "LĐLĐX"


def test_find_by_number(register_db):
    db, ids = register_db
    with db.reading() as s:
        assert find_by_number(s, " vl-sk-2022-00001 ").id == ids["first"]
        with pytest.raises(NotFound, match="VL-SK-2099-00001"):
            find_by_number(s, "VL-SK-2099-00001")


# ---- the headless commands ---------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch):
    """core.cli.main with the ``documents`` command registered (as core/cli/__init__ does)."""
    import core.cli
    from core.cli import documents as document_commands

    build = core.cli.build_parser

    def build_parser():
        parser = build()
        sub = next(a for a in parser._actions if a.dest == "command")
        if "documents" not in sub.choices:
            document_commands.register(sub)
        return parser

    monkeypatch.setattr(core.cli, "build_parser", build_parser)
    return lambda *argv: core.cli.main([str(a) for a in argv])


def test_cli_prints_both_documents(register_db, cli, tmp_path, capsys):
    db, _ = register_db
    out = tmp_path / "mo-ta.pdf"
    assert cli("--db", db.path, "documents", "description", "VL-SK-2022-00003", out) == 0
    assert "Tiết kiệm điện chiếu sáng phòng học" in _flat(_text(out))
    assert "Vĩnh Linh, ngày 02 tháng 11 năm 2022" in _text(out)

    out = tmp_path / "qd.pdf"
    assert cli("--db", db.path, "documents", "decision", out, "--number", 3, "--date",
               "06/03/2023", "--programme", "1TRIEU-SK", "--unit", "VL-0002", "--json") == 0
    assert '"file"' in capsys.readouterr().out
    flat = _flat(_text(out))
    assert "Số: 03/QĐ-LĐLĐ" in flat and "Vĩnh Linh, ngày 06 tháng 3 năm 2023" in flat
    assert "Công nhận 02 sáng kiến" in flat  # the school's two valid ones, not the hospital's
    assert "Tổng cộng: 02 sáng kiến 48.500.000" in flat


def test_cli_rejects_bad_input(register_db, cli, tmp_path, capsys):
    db, _ = register_db
    out = tmp_path / "qd.pdf"
    assert cli("--db", db.path, "documents", "description", "VL-SK-2099-00009", out) == 1
    assert "Không tìm thấy sáng kiến số VL-SK-2099-00009" in capsys.readouterr().err
    assert cli("--db", db.path, "documents", "decision", out, "--number", 1, "--date",
               "06/03/2023", "--phase", 2) == 1
    assert "--programme" in capsys.readouterr().err
    assert cli("--db", db.path, "documents", "decision", out, "--number", 1, "--date",
               "06/03/2023", "--programme", "1TRIEU-SK", "--phase", 9) == 1
    assert "không có giai đoạn 9" in capsys.readouterr().err
    assert cli("--db", db.path, "documents", "decision", out, "--number", 1, "--date",
               "06/03/2023", "--year", 2030) == 1
    assert "Không có sáng kiến" in capsys.readouterr().err
    assert cli("--db", db.path, "documents", "decision", tmp_path / "qd.docx", "--number", 1,
               "--date", "06/03/2023") == 2  # usage
    assert cli("--db", db.path, "documents", "decision", out, "--number", 1,
               "--date", "31/02/2023") == 2
    assert not out.exists()


def test_no_page_is_left_with_only_its_number(tmp_path):
    """Wherever the body ends, a document without signature and recipients (its signatures are
    in the body) ends with the body: no empty closing block spills onto a page of its own."""
    from reportlab.platypus import Spacer

    from core.common.pdf import DocumentHeader, build_document, paragraph

    header = DocumentHeader("", "LĐLĐ huyện Vĩnh Linh", "", "Vĩnh Linh, ngày 06 tháng 3 năm 2023")
    for height in range(560, 640, 3):  # the body's end sweeps past the foot of page 1
        pdf = build_document(tmp_path / f"{height}.pdf", header, "Báo cáo", None,
                             [Spacer(1, height), paragraph("Kết thúc.")], None, None)
        pages = _pages(pdf)
        assert "Kết thúc." in _text(pdf, "-f", str(pages), "-l", str(pages)), height


def test_description_metadata_is_one_line_each(description_pdf):
    """The issuing CĐCS, whose long name the page breaks in two lines, is one line in the
    Author field: no line break in any metadata field (issue 10, point 12)."""
    info = _run("pdfinfo", str(description_pdf))
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Author"].strip() == "CĐCS Bệnh viện Đa khoa Vĩnh Linh"
    assert "Title" in fields and "Subject" in fields
    # pdfinfo prints a field holding a line break over two lines: the next line would not
    # be a "Key: value" line
    keys = [line.split(":", 1)[0] for line in info.splitlines()]
    assert all(k and not k.startswith(" ") and k[0].isupper() for k in keys), info


def _bbox_words(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, box height in points, text) of every word ``pdftotext -bbox`` reads."""
    xhtml = _run("pdftotext", "-bbox", str(pdf), "-")
    pages = re.findall(r"<page [^>]*>(.*?)</page>", xhtml, re.S)
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    return [(number, float(y1) - float(y0), text)
            for number, body in enumerate(pages, start=1) for y0, y1, text in word.findall(body)]


LIST_ROWS = 60


def test_decision_list_of_sixty_is_dense_and_readable(register_db, tmp_path):
    """The annex lists many initiatives a page (it printed about 9): at least 9 pt, the
    header row on every page, long names wrapped whole inside their cells."""
    db, _ids = register_db
    names = []
    with db.transaction() as s:
        long_unit = org.create_unit(s, org.UnitInput(
            code="VL-0009", name="CĐCS Trường Phổ thông Dân tộc Bán trú Tiểu học và THCS Nậm Cha",
            kind=UnitKind.GRASSROOTS, parent_code="VL"))
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for i in range(LIST_ROWS - 4):  # and the register's four valid ones
            name = (f"Giải pháp số {i + 1} hoàn thiện quy trình kiểm tra an toàn, vệ sinh lao động "
                    f"tại phân xưởng {i + 1}" if i % 3 == 0 else f"Cải tiến khuôn mẫu số {i + 1}")
            names.append(name)
            initiatives.create_initiative(s, _input(
                long_unit.id, programme.id, name=name, economic_benefit=1_000_000 * (i + 1),
                authors=[AuthorInput("Nguyễn Thị Ngọc Ánh"), AuthorInput("Trần Văn Đức")]))
    with db.reading() as s:
        f = RegisterFilter(statuses=frozenset({InitiativeStatus.VALID}))
        pdf = recognition_decision(s, f, tmp_path / "qd-60.pdf", number=15, signed_on=SIGNED)
    pages = _pages(pdf)
    first_list_page = next(p for p in range(1, pages + 1)
                           if "Tên sáng kiến" in _text(pdf, "-f", str(p), "-l", str(p)))
    list_pages = pages - first_list_page + 1
    # At least 16 rows a page even when every row has three lines (a long unit name, two
    # authors, a long field): the list took 7 pages at about 9 rows a page.
    assert list_pages <= -(-LIST_ROWS // 16), (list_pages, pages)
    for page in range(first_list_page, pages + 1):
        assert "Tên sáng kiến" in _text(pdf, "-f", str(page), "-l", str(page))  # header repeats
    flat = _raw(pdf)
    for name in names:
        assert name in flat, name  # whole: wrapped inside its cell, never cut
    assert f"Tổng cộng: {LIST_ROWS} sáng kiến" in flat
    # No text under 9 pt: pdftotext's box of a word is the font's ascent to its descent, so
    # its size is the height over that span (the largest of the faces: the smallest sizes).
    from reportlab.pdfbase import pdfmetrics

    from core.common.pdf.fonts import BOLD, ITALIC, REGULAR
    span = max((f.ascent - f.descent) / 1000 for f in (pdfmetrics.getFont(n).face
                                                       for n in (REGULAR, BOLD, ITALIC)))
    sizes = [(p, round(h / span, 2), t) for p, h, t in _bbox_words(pdf)]
    assert [w for w in sizes if w[1] < 9 - 0.05] == []
    assert min(size for p, size, _t in sizes if p >= first_list_page) < 10  # the list's 9.5 pt
    assert _fonts(pdf) and all("Helvetica" not in f for f in _fonts(pdf))
