"""Undoing a wrong approval ("Hủy duyệt", issue 12 follow-up): back to proposed with a reason;
refused once the certificate was printed unless confirmed."""

from __future__ import annotations

from datetime import date

import pytest

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, NomineeStatus, RoundInput
from core.common.errors import UserError


@pytest.fixture
def approved(app_db):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    a = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                   full_name="Nguyễn Thị Ngọc Ánh")).value
    b = ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                   full_name="Đặng Hữu Lộc")).value
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28), [a.id, b.id])
    return app_db, r, a, b


def test_unapprove_goes_back_to_proposed_and_keeps_the_reason(approved):
    db, r, a, b = approved
    with pytest.raises(UserError, match="lý do"):
        ops.unapprove(db, [a.id], "  ")
    assert ops.unapprove(db, [a.id], "Duyệt nhầm, chưa đủ hồ sơ").value == 1
    d = ops.nominee_detail(db, a.id)
    assert (d.row.status, d.row.decision_number, d.row.decision_date) == (NomineeStatus.PROPOSED, "", None)
    assert d.note == "Hủy duyệt (Quyết định 25/QĐ-LĐLĐ ngày 28/12/2023): Duyệt nhầm, chưa đủ hồ sơ"
    assert ops.nominee_detail(db, b.id).row.status == NomineeStatus.APPROVED
    assert ops.get_round(db, r.id).approved == 1
    with pytest.raises(UserError, match="chưa được duyệt"):
        ops.unapprove(db, [a.id], "lần nữa")


def test_unapprove_after_printing_needs_confirming(approved, tmp_path):
    db, r, a, _ = approved
    ops.print_certificates(db, r.id, tmp_path / "in.pdf", nominee_ids=[a.id])
    with pytest.raises(ops.AlreadyPrinted, match="Đã in giấy khen/bằng khen cho Nguyễn Thị Ngọc Ánh"):
        ops.unapprove(db, [a.id], "Duyệt nhầm")
    assert ops.nominee_detail(db, a.id).row.status == NomineeStatus.APPROVED
    assert ops.unapprove(db, [a.id], "Duyệt nhầm", printed_ok=True).value == 1
    assert ops.nominee_detail(db, a.id).row.status == NomineeStatus.PROPOSED


def test_unapprove_from_the_command_line(approved, capsys):
    from core.cli import main as cli_main

    db, _, a, _ = approved
    path = str(db.path)
    db.close()
    assert cli_main(["--db", path, "commendations", "unapprove", "--nominee", str(a.id),
                     "--reason", "Duyệt nhầm"]) == 0
    assert "Đã hủy duyệt 1 người/tập thể" in capsys.readouterr().out
    assert cli_main(["--db", path, "commendations", "unapprove", "--nominee", str(a.id),
                     "--reason", "Duyệt nhầm"]) == 1
    assert "chưa được duyệt" in capsys.readouterr().err



def test_a_decided_nominee_is_not_decided_again_without_undoing_first(approved):
    """Approving or refusing a nominee who already has a decision is refused by name; the
    first decision stays (Hủy duyệt first)."""
    db, r, a, _b = approved
    with pytest.raises(UserError, match="Hủy duyệt"):
        ops.approve(db, r.id, "30/QĐ-LĐLĐ", date(2023, 12, 29), [a.id])
    with pytest.raises(UserError, match="Hủy duyệt"):
        ops.reject(db, r.id, "31/QĐ-LĐLĐ", date(2023, 12, 29), [a.id])
    kept = next(n for n in ops.nominees(db, r.id) if n.id == a.id)
    assert (kept.status, kept.decision_number) == (NomineeStatus.APPROVED, "25/QĐ-LĐLĐ")
