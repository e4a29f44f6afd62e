"""How a synced record reads to a clerk: Vietnamese names for every synced table and
column, a record's human identity (an initiative's number and name, a member's name and
unit, a loan's number…) and values formatted as on the other pages (money "80.000.000
đồng", dates dd/mm/yyyy, yes/no). Used by the conflicts page and ``sync conflicts``.

A raw database name never reaches the screen: an unknown table or column falls back to a
generic Vietnamese word (tests/test_sync_labels.py walks every SyncedMixin table)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from typing import Any

from core.common import vnformat

#: columns every synced table has, and columns named alike across tables
COMMON: dict[str, str] = {
    "id": "Mã bản ghi", "origin_office": "Văn phòng tạo", "created_at": "Thời điểm tạo",
    "updated_at": "Thời điểm sửa", "row_version": "Lần sửa", "deleted_at": "Thời điểm xoá",
    "name": "Tên", "name_folded": "Tên (để tìm)", "code": "Mã", "number": "Số",
    "seq": "Số thứ tự", "year": "Năm", "on": "Ngày", "kind": "Loại", "status": "Trạng thái",
    "note": "Ghi chú", "unit_id": "Đơn vị", "member_id": "Đoàn viên",
    "programme_id": "Chương trình", "phase_number": "Đợt", "fund_id": "Quỹ",
    "loan_id": "Khoản vay", "initiative_id": "Sáng kiến", "round_id": "Đợt khen thưởng",
    "nominee_id": "Người được đề nghị", "entry_id": "Chứng từ", "amount": "Số tiền",
    "full_name": "Họ và tên", "position": "Chức vụ", "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định", "account": "Tài khoản", "office_code": "Mã văn phòng",
    "issued_on": "Ngày cấp", "rate_bp": "Lãi suất (phần vạn)", "target": "Chỉ tiêu",
}

#: per table: its name, then the columns whose meaning is its own
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "initiative": ("Sáng kiến", {
        "seq": "Số thứ tự nội bộ", "number": "Số sáng kiến", "name": "Tên sáng kiến",
        "field": "Lĩnh vực", "registered_on": "Ngày đăng ký", "objective": "Mục đích",
        "steps": "Các bước thực hiện", "scope": "Phạm vi áp dụng", "description": "Nội dung",
        "conditions": "Điều kiện áp dụng", "first_applied_on": "Ngày áp dụng lần đầu",
        "trial_only": "Chỉ áp dụng thử", "economic_benefit": "Hiệu quả kinh tế",
        "social_benefit": "Hiệu quả xã hội", "recognised_by": "Cấp công nhận",
        "rejection_reason": "Lý do không công nhận", "new_in_unit": "Mới trong đơn vị",
        "ip_protected": "Được bảo hộ sở hữu trí tuệ", "unlawful": "Trái pháp luật",
        "confidential": "Mật", "portal_uploaded": "Đã đưa lên cổng",
        "portal_uploaded_on": "Ngày đưa lên cổng", "awards": "Khen thưởng",
        "authors_text": "Tác giả", "lead_author": "Tác giả chính",
        "authors_folded": "Tác giả (để tìm)", "description_folded": "Nội dung (để tìm)",
        "unit_folded": "Đơn vị (để tìm)"}),
    "initiative_author": ("Tác giả sáng kiến", {
        "position": "Thứ tự", "unit_text": "Đơn vị (ghi tay)", "share": "Tỷ lệ đóng góp (%)"}),
    "initiative_payment": ("Khoản chi cho sáng kiến", {
        "paid_on": "Ngày chi", "payer": "Đơn vị chi"}),
    "initiative_change": ("Lịch sử sửa sáng kiến", {
        "changed_by": "Người sửa", "action": "Thao tác", "changes": "Nội dung thay đổi"}),
    "initiative_target": ("Chỉ tiêu sáng kiến", {}),
    "programme": ("Chương trình", {
        "eligible_from": "Áp dụng từ ngày", "eligible_to": "Áp dụng đến ngày",
        "yearly": "Hằng năm"}),
    "programme_phase": ("Đợt của chương trình", {
        "number": "Số đợt", "starts_on": "Ngày bắt đầu", "ends_on": "Ngày kết thúc"}),
    "unit": ("Đơn vị", {
        "code": "Mã đơn vị", "name": "Tên đơn vị", "sector": "Khối, ngành",
        "parent_id": "Đơn vị cấp trên", "merged_into_id": "Sáp nhập vào",
        "merged_on": "Ngày sáp nhập"}),
    "unit_event": ("Sự kiện của đơn vị", {
        "detail": "Chi tiết", "other_unit_id": "Đơn vị liên quan"}),
    "unit_member_count": ("Số đoàn viên của đơn vị", {
        "members": "Số đoàn viên", "female": "Số nữ"}),
    "member": ("Đoàn viên", {
        "sort_key": "Khoá sắp xếp", "gender": "Giới tính", "date_of_birth": "Ngày sinh",
        "member_since": "Ngày vào công đoàn"}),
    "fund": ("Quỹ tương hỗ", {
        "code": "Mã quỹ", "name": "Tên quỹ", "started_on": "Ngày thành lập",
        "guidance": "Hướng dẫn", "ceiling": "Mức vay tối đa",
        "max_term_months": "Thời hạn vay tối đa (tháng)", "rounding": "Làm tròn",
        "grace_days": "Số ngày ân hạn", "buckets": "Nhóm nợ", "allocation": "Phân bổ",
        "allow_second_loan": "Cho vay lần hai", "locked_through": "Khoá sổ đến ngày"}),
    "fund_loan": ("Khoản vay", {
        "number": "Số khoản vay", "borrower_id": "Người vay", "guarantor_id": "Người bảo lãnh",
        "purpose": "Mục đích vay", "amount": "Số tiền vay", "term_months": "Thời hạn (tháng)",
        "applied_on": "Ngày đề nghị", "decided_on": "Ngày duyệt",
        "disbursed_on": "Ngày giải ngân", "ended_on": "Ngày tất toán",
        "rescheduled_from_id": "Gia hạn từ khoản vay"}),
    "fund_instalment": ("Kỳ trả nợ", {
        "seq": "Kỳ số", "due_on": "Ngày đến hạn", "principal": "Tiền gốc", "fee": "Phí"}),
    "fund_entry": ("Chứng từ quỹ", {
        "voucher_kind": "Loại chứng từ", "voucher_no": "Số chứng từ", "memo": "Diễn giải",
        "reverses_id": "Đảo chứng từ", "reason": "Lý do", "allocation": "Phân bổ",
        "source_key": "Nguồn"}),
    "fund_posting": ("Bút toán quỹ", {}),
    "fund_cash_count": ("Kiểm kê tiền mặt", {
        "counted": "Số kiểm đếm", "book": "Số trên sổ"}),
    "fund_model_target": ("Chỉ tiêu mô hình quỹ", {
        "grassroots_total": "Tổng số công đoàn cơ sở", "running_before": "Số đã có",
        "to_add": "Số cần thêm"}),
    "commendation_round": ("Đợt khen thưởng", {
        "name": "Tên đợt", "level": "Cấp khen", "forms": "Hình thức",
        "deadline": "Hạn nộp"}),
    "commendation_nominee": ("Người được đề nghị khen", {
        "unit_name": "Tên đơn vị", "tier": "Mức khen", "award": "Hình thức khen",
        "summary": "Tóm tắt thành tích", "criteria": "Tiêu chuẩn",
        "status_note": "Ghi chú về tình trạng"}),
    "commendation_nominee_initiative": ("Sáng kiến của người được đề nghị", {}),
    "commendation_file_item": ("Tài liệu hồ sơ khen", {
        "sha256": "Mã băm tệp", "file_name": "Tên tệp", "generated": "Do phần mềm lập",
        "added_on": "Ngày thêm"}),
    "commendation_certificate": ("Giấy khen", {"number": "Số giấy khen"}),
    "commendation_certificate_print": ("Lần in giấy khen", {
        "certificate_id": "Giấy khen", "printed_on": "Ngày in", "reprint": "In lại",
        "mode": "Cách in"}),
    "document_number": ("Số văn bản", {
        "symbol": "Ký hiệu", "title": "Trích yếu", "feature": "Chức năng"}),
}

#: money columns (đồng), per table
MONEY: dict[str, set[str]] = {
    "initiative": {"economic_benefit"}, "initiative_payment": {"amount"},
    "fund": {"ceiling"}, "fund_loan": {"amount"}, "fund_instalment": {"principal", "fee"},
    "fund_posting": {"amount"}, "fund_cash_count": {"counted", "book"},
}

#: columns that are bookkeeping, never a decision for a person
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "row_version", "origin_office"})

UNKNOWN_TABLE = "Bản ghi khác"
UNKNOWN_FIELD = "Trường dữ liệu khác"


def table_label(table: str) -> str:
    entry = TABLES.get(table)
    return entry[0] if entry else UNKNOWN_TABLE


def field_label(table: str, column: str, *, fallback: bool = True) -> str:
    """The Vietnamese name of a column; with ``fallback`` never the raw name."""
    own = TABLES.get(table, ("", {}))[1]
    label = own.get(column) or COMMON.get(column)
    if label is None and fallback:
        return UNKNOWN_FIELD
    return label or ""


def _date_text(value: str) -> str | None:
    try:
        return vnformat.format_date(date.fromisoformat(value[:10]))
    except ValueError:
        return None


@functools.cache
def _codes() -> dict[tuple[str, str], dict[str, str]]:
    """The Vietnamese words of the stored codes (status, kind…), from the modules' own maps."""
    from core.commendations import ops as commendations
    from core.commendations import rules
    from core.fund import ledger, loans
    from core.initiatives import records
    from core.org import members, units

    maps: dict[tuple[str, str], Mapping[Any, str]] = {
        ("initiative", "kind"): records.KIND_LABELS, ("initiative", "field"): records.FIELD_LABELS,
        ("initiative", "status"): records.STATUS_LABELS,
        ("initiative", "recognised_by"): records.RECOGNISER_LABELS,
        ("unit", "kind"): units.KIND_LABELS, ("unit", "sector"): units.SECTOR_LABELS,
        ("member", "gender"): members.GENDER_LABELS,
        ("fund_loan", "status"): loans.STATUS_LABELS, ("fund_entry", "kind"): ledger.KIND_LABELS,
        ("fund_entry", "voucher_kind"): ledger.VOUCHER_LABELS,
        ("fund_entry", "status"): {"draft": "Nháp", "posted": "Đã ghi sổ"},
        ("commendation_round", "level"): rules.LEVEL_LABELS,
        ("commendation_nominee", "kind"): rules.KIND_LABELS,
        ("commendation_nominee", "tier"): rules.TIER_LABELS,
        ("commendation_nominee", "award"): rules.AWARD_LABELS,
        ("commendation_nominee", "status"): commendations.STATUS_LABELS,
    }
    return {key: {str(code): word for code, word in words.items()} for key, words in maps.items()}


def format_value(table: str, column: str, value: object) -> str:
    """A stored value (as SQLite and the package's JSON hold it) as a clerk reads it."""
    if value is None or value == "":
        return "(trống)"
    words = _codes().get((table, column))
    if words is not None and isinstance(value, str) and value in words:
        return words[value]
    if column in MONEY.get(table, ()) and isinstance(value, (int, float)):
        return vnformat.format_money(int(value)) + " đồng"
    if isinstance(value, bool) or (column in _BOOLEAN.get(table, ()) and value in (0, 1)):
        return "Có" if value else "Không"
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        shown = _date_text(value)
        if shown is not None:
            return shown
    return str(value)


def _boolean_columns() -> dict[str, set[str]]:
    from sqlalchemy import Boolean

    from db.models import Base
    from db.models.base import SyncedMixin, table_of

    found: dict[str, set[str]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if issubclass(model, SyncedMixin) and issubclass(model, Base):
            table = table_of(model)
            found[table.name] = {c.name for c in table.columns if isinstance(c.type, Boolean)}
    return found


_BOOLEAN = _boolean_columns()
