"""The round's documents (Tờ trình, decision with its list grouped by award form, the list as
a workbook), the numbering book shared with the register's recognition decisions, and the
file (hồ sơ) checklist with attachments stored by content hash."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.common import numbering
from core.common.errors import UserError
from core.initiatives import ops as initiative_ops
from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind, InitiativeStatus
from core.org import units as org
from db.models import UnitKind

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture
def round_(app_db):
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        unit_id = unit.id
    r = ops.create_round(app_db, RoundInput("Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm 2023",
                                            2023)).value
    people = [
        NomineeInput(NomineeKind.COLLECTIVE, AwardForm.BANG_KHEN, unit_id=unit_id,
                     summary="Dẫn đầu phong trào thi đua; 12 sáng kiến được công nhận."),
        NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO, full_name="Nguyễn Thị Ngọc Ánh",
                     unit_name="CĐCS Trường THCS Hồ Xuân Hương", position="Tổ trưởng chuyên môn",
                     summary="Sáng kiến số hóa hồ sơ đoàn viên, làm lợi 95 triệu đồng."),
        NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Đặng Hữu Lộc",
                     unit_name="CĐCS UBND thị trấn Hồ Xá", position="Chủ tịch công đoàn"),
        NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Trương Thị Mỹ Lệ",
                     unit_name="CĐCS Bệnh viện"),
    ]
    ids = [ops.add_nominee(app_db, r.id, p).value.id for p in people]
    return app_db, r, ids, unit_id


def _pdf_text(path) -> str:
    """The text in drawing order (a wrapped table cell reads as one run), spaces normalised."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


@needs_poppler
def test_totrinh_is_numbered_from_the_book_and_lists_the_proposal(round_, tmp_path):
    db, r, ids, _ = round_
    ops.reject(db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), [ids[3]])
    done = ops.write_totrinh(db, r.id, tmp_path / "totrinh.pdf", signed_on=date(2023, 12, 10))
    assert done.value == "01/TTr-LĐLĐ"
    text = _pdf_text(tmp_path / "totrinh.pdf")
    assert "Số: 01/TTr-LĐLĐ" in text and "TỜ TRÌNH" in text
    assert "Vĩnh Linh, ngày 10 tháng 12 năm 2023" in text
    # An upper-level round proposes upward only the forms above it: the Bằng khen to the
    # province (its parent, by name), the Bằng Lao động sáng tạo to the Tổng Liên đoàn.
    assert "khen thưởng cho 01 tập thể và 01 cá nhân" in text
    assert ("Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Trị; Đoàn Chủ tịch Tổng Liên đoàn "
            "Lao động Việt Nam") in text
    for name in ("CĐCS Trường THCS Hồ Xuân Hương", "Nguyễn Thị Ngọc Ánh",
                 "Bằng Lao động sáng tạo (01)", "Bằng khen (01)"):
        assert name in text
    assert "Đặng Hữu Lộc" not in text and "Giấy khen (01)" not in text  # its own Giấy khen
    assert "Trương Thị Mỹ Lệ" not in text  # not approved: not proposed upward
    assert "TM. BAN THƯỜNG VỤ" in text and "Nơi nhận:" in text
    # The next Tờ trình gets the next number; the generated file is in the round's file.
    assert ops.write_totrinh(db, r.id, tmp_path / "t2.pdf", signed_on=date(2023, 12, 11)).value == "02/TTr-LĐLĐ"
    totrinh = ops.round_file(db, r.id).requirements[0]
    assert totrinh.present and all(f.generated for f in totrinh.files)


@needs_poppler
def test_decision_lists_those_approved_grouped_by_award_form(round_, tmp_path):
    db, r, ids, _ = round_
    ops.reject(db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), [ids[3]])
    ops.approve(db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
    ops.write_decision(db, r.id, tmp_path / "qd.pdf")
    text = _pdf_text(tmp_path / "qd.pdf")
    assert "Số: 25/QĐ-LĐLĐ" in text and "QUYẾT ĐỊNH" in text
    # The round's own decision covers only the forms its level awards (the Giấy khen).
    assert "Khen thưởng 00 tập thể và 01 cá nhân" in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG" in text
    listed = text[text.index("DANH SÁCH TẬP THỂ"):]
    assert "Giấy khen (01)" in listed and "Đặng Hữu Lộc" in listed
    for other in ("Bằng Lao động sáng tạo", "Nguyễn Thị Ngọc Ánh", "Bằng khen (01)", "Trương Thị Mỹ Lệ"):
        assert other not in text
    ops.write_decision(db, r.id, tmp_path / "qd.xlsx")
    ws = load_workbook(tmp_path / "qd.xlsx").active
    rows = [tuple(row) for row in ws.iter_rows(values_only=True)]
    assert rows[3][0] == "(Kèm theo Quyết định số 25/QĐ-LĐLĐ ngày 28/12/2023)"
    assert rows[5][:5] == ("STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Hình thức khen thưởng")
    body = [r[:5] for r in rows[6:]]
    assert body == [
        ("Giấy khen (1)", None, None, None, None),
        (1, "Đặng Hữu Lộc", "Chủ tịch công đoàn", "CĐCS UBND thị trấn Hồ Xá", "Giấy khen"),
        ("Tổng cộng: 1 tập thể, cá nhân", None, None, None, None),
    ]


def test_the_numbering_book_is_shared_with_recognition_decisions(round_, tmp_path):
    db, r, _ids, unit_id = round_
    programme = next(p for p in initiative_ops.programmes(db) if p.code == "1TRIEU-SK")
    item = initiative_ops.save_initiative(db, InitiativeInput(
        name="Số hóa hồ sơ đoàn viên", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        programme_id=programme.id, authors=[AuthorInput("Lê Thị Hương", share=100)],
        registered_on=date(2023, 3, 1), economic_benefit=10_000_000)).value
    initiative_ops.set_status(db, [item], InitiativeStatus.VALID)
    initiative_ops.write_recognition_decision(db, [item], tmp_path / "cn.pdf", number=25,
                                              signed_on=date(2023, 11, 2))
    # The commendation decision cannot take number 25 of the same symbol and year…
    with pytest.raises(UserError, match="Số 25/QĐ-LĐLĐ năm 2023 đã cấp cho văn bản «Quyết định công nhận sáng kiến»"):
        ops.approve(db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
    assert all(n.status == ops.NomineeStatus.PROPOSED for n in ops.nominees(db, r.id))
    # …the next free one it can; and then the register cannot take that one.
    ops.approve(db, r.id, "26/QĐ-LĐLĐ", date(2023, 12, 28))
    with pytest.raises(UserError, match="đã cấp cho văn bản «Quyết định khen thưởng"):
        initiative_ops.write_recognition_decision(db, [item], tmp_path / "cn2.pdf", number=26,
                                                  signed_on=date(2023, 12, 30))
    assert not (tmp_path / "cn2.pdf").exists()
    # Printing the same recognition decision again is a reprint, not a clash.
    initiative_ops.write_recognition_decision(db, [item], tmp_path / "cn.pdf", number=25,
                                              signed_on=date(2023, 11, 2))
    with db.reading() as s:
        book = numbering.entries(s, 2023)
        assert [(e.number, e.symbol, e.feature) for e in book] == [
            (25, "QĐ-LĐLĐ", "initiatives"), (26, "QĐ-LĐLĐ", "commendations")]
        assert numbering.next_free(s, "QĐ-LĐLĐ", 2023) == 27


def test_file_checklist_shows_what_is_missing_and_stores_attachments_by_hash(round_, tmp_path):
    db, r, ids, _ = round_
    status = ops.round_file(db, r.id)
    assert not status.complete
    missing = status.missing()
    assert missing[:2] == ["Thiếu: Tờ trình kèm danh sách tập thể, cá nhân đề nghị khen thưởng",
                           "Thiếu: Trích biên bản họp xét chọn (kết quả bỏ phiếu)"]
    assert "Thiếu: Báo cáo tóm tắt thành tích của tập thể — CĐCS Trường THCS Hồ Xuân Hương" in missing
    assert "Thiếu: Tóm tắt sáng kiến và quyết định công nhận sáng kiến — Đặng Hữu Lộc" in missing
    scan = tmp_path / "bien-ban hop.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban hop xet chon")
    f = ops.attach(db, r.id, "minutes", scan).value
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert f.sha256 == sha and f.file_name == "bien-ban hop.pdf"
    stored = ops.stored_file_path(db, f)
    assert stored == db.path.parent / "attachments" / f"{sha}.pdf"
    scan.rename(tmp_path / "moved.pdf")  # the original moved: the file keeps its copy
    assert stored.read_bytes() == b"%PDF-1.4 bien ban hop xet chon"
    assert ops.round_file(db, r.id).requirements[1].present
    with pytest.raises(UserError, match="tài liệu của từng tập thể, cá nhân"):
        ops.attach(db, r.id, "collective_report", tmp_path / "moved.pdf")
    with pytest.raises(UserError, match="không thuộc hồ sơ của Đặng Hữu Lộc"):
        ops.attach(db, r.id, "collective_report", tmp_path / "moved.pdf", nominee_id=ids[2])
    ops.attach(db, r.id, "collective_report", tmp_path / "moved.pdf", nominee_id=ids[0])
    for i in ids[1:]:
        ops.attach(db, r.id, "initiative_summary", tmp_path / "moved.pdf", nominee_id=i)
    status = ops.round_file(db, r.id)
    assert [n.complete for n in status.nominees] == [True, True, True, True]
    assert status.missing() == ["Thiếu: Tờ trình kèm danh sách tập thể, cá nhân đề nghị khen thưởng"]
    assert len(list((db.path.parent / "attachments").iterdir())) == 1  # one content, one copy
    ops.write_totrinh(db, r.id, tmp_path / "tt.pdf", signed_on=date(2023, 12, 10))
    assert ops.round_file(db, r.id).complete


@needs_poppler
def test_initiative_summaries_are_generated_into_the_file(round_, tmp_path):
    db, r, ids, unit_id = round_
    programme = next(p for p in initiative_ops.programmes(db) if p.code == "1TRIEU-SK")
    item = initiative_ops.save_initiative(db, InitiativeInput(
        name="Số hóa hồ sơ đoàn viên công đoàn", kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
        programme_id=programme.id, authors=[AuthorInput("Nguyễn Thị Ngọc Ánh", share=100)],
        registered_on=date(2023, 3, 1), economic_benefit=95_000_000)).value
    initiative_ops.set_status(db, [item], InitiativeStatus.VALID)
    anh = ops.nominee_detail(db, ids[1])
    ops.update_nominee(db, ids[1], NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                                full_name=anh.row.full_name, unit_name=anh.row.unit_name,
                                                initiative_ids=(item,)))
    assert ops.generate_initiative_summaries(db, r.id).value == 1  # the others have no initiative
    status = ops.round_file(db, r.id)
    got = {n.full_name: n for n in status.nominees}
    assert got["Nguyễn Thị Ngọc Ánh"].complete and not got["Đặng Hữu Lộc"].complete
    stored = got["Nguyễn Thị Ngọc Ánh"].requirements[0].files[0]
    assert stored.generated and stored.file_name.startswith("tom-tat-sang-kien-VL-SK-2023-")
    text = _pdf_text(ops.stored_file_path(db, stored))
    assert "BÁO CÁO MÔ TẢ SÁNG KIẾN" in text and "Số hóa hồ sơ đoàn viên công đoàn" in text
    assert ops.generate_initiative_summaries(db, r.id).value == 0  # already there


@needs_poppler
def test_a_province_round_proposes_creative_labour_to_the_tong_lien_doan(app_db, tmp_path):
    """Bằng Lao động sáng tạo is awarded by the Tổng Liên đoàn (Đoàn Chủ tịch TLĐ): a province's
    round proposes it in its Tờ trình and neither decides nor prints it as its own."""
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023, level=ops.RoundLevel.PROVINCE)).value
    lab = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.LAO_DONG_SANG_TAO,
                                                     full_name="Nguyễn Thị Ngọc Ánh")).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN,
                                               full_name="Đặng Hữu Lộc"))
    ops.write_totrinh(app_db, r.id, tmp_path / "tt.pdf", signed_on=date(2023, 12, 10))
    text = _pdf_text(tmp_path / "tt.pdf")
    assert "Kính gửi: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam" in text
    assert "Nguyễn Thị Ngọc Ánh" in text and "Đặng Hữu Lộc" not in text  # its own Bằng khen
    ops.approve(app_db, r.id, "1234/QĐ-TLĐ", date(2024, 1, 20), [lab.id])
    with pytest.raises(UserError, match="chỉ gồm hình thức do cấp trên khen thưởng"):
        ops.write_decision(app_db, r.id, tmp_path / "qd.pdf")
    with pytest.raises(UserError, match=r"Không có giấy khen/bằng khen nào để in: Nguyễn Thị Ngọc Ánh \(Bằng "
                                        r"Lao động sáng tạo do Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam tặng\)\."):
        ops.print_certificates(app_db, r.id, tmp_path / "in.pdf", record=False)


def test_an_upper_round_never_addresses_a_giay_khen_to_the_tong_lien_doan(app_db, tmp_path):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                               full_name="Đặng Hữu Lộc"))
    with pytest.raises(UserError, match="đều do Công đoàn cấp trên trực tiếp cơ sở quyết định"):
        ops.write_totrinh(app_db, r.id, tmp_path / "tt.pdf", signed_on=date(2023, 12, 10))


def test_the_totrinh_goes_stale_when_the_proposal_changes(round_, tmp_path):
    db, r, ids, _ = round_
    ops.write_totrinh(db, r.id, tmp_path / "tt.pdf", signed_on=date(2023, 12, 10))
    assert ops.round_file(db, r.id).requirements[0].present
    ops.set_criterion(db, ids[0], "launched", True, "")  # not in the list: still current
    assert ops.round_file(db, r.id).requirements[0].present
    ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN, full_name="Võ Văn Đông"))
    totrinh = ops.round_file(db, r.id).requirements[0]
    assert totrinh.stale and not totrinh.present
    assert "Cần tạo lại: Tờ trình kèm danh sách tập thể, cá nhân đề nghị khen thưởng" in ops.round_file(db, r.id).missing()
    ops.write_totrinh(db, r.id, tmp_path / "tt2.pdf", signed_on=date(2023, 12, 11))
    assert ops.round_file(db, r.id).requirements[0].present


@needs_poppler
def test_the_totrinh_never_ends_with_a_page_of_only_the_closing(app_db, tmp_path):
    """Whatever the list's length, the last page holds the list's last row with "Nơi nhận"."""
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    summary = ("Có sáng kiến số hóa hồ sơ đoàn viên được áp dụng toàn huyện, làm lợi hàng chục triệu "
               "đồng mỗi năm; tích cực tham gia phong trào thi đua. ") * 3
    for i in range(1, 17):
        ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN,
                                                   full_name=f"Người thứ {i:02d}", summary=summary))
        out = tmp_path / f"tt{i}.pdf"
        ops.write_totrinh(app_db, r.id, out, signed_on=date(2023, 12, 10))
        pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        last = [p for p in pages if p.strip()][-1]
        assert "Nơi nhận:" in last and f"Người thứ {i:02d}" in last, (i, last[:300])


@needs_poppler
def test_the_totrinh_list_repeats_its_header_on_every_page_it_runs_onto(app_db, tmp_path):
    """The list's last rows are kept with the closing; when they go on to a new page, the
    table's header row comes with them (as on every page the list runs onto); right below the
    rest of the list they continue it without a second header."""
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    summary = ("Có sáng kiến số hóa hồ sơ đoàn viên được áp dụng toàn huyện, làm lợi hàng chục triệu "
               "đồng mỗi năm; tích cực tham gia phong trào thi đua. ") * 3
    moved = 0
    for i in range(1, 17):
        ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.BANG_KHEN,
                                                   full_name=f"Người thứ {i:02d}", summary=summary))
        out = tmp_path / f"tt{i}.pdf"
        ops.write_totrinh(app_db, r.id, out, signed_on=date(2023, 12, 10))
        pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        with_rows = [p for p in pages if "Người thứ" in p]
        for number, page in enumerate(with_rows, start=1):
            assert page.count("Họ và tên / Tên tập thể") == 1, (i, number, page[:400])
        moved += len(with_rows) > 1
    assert moved  # some lengths did run the list on to another page
