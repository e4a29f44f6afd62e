"""One decision number has one date (issue 12 follow-up): approving under a number already
used takes its date or is refused saying where it was used; a round with several decisions
says so without advising a command-line flag; the same decision may cover two rounds."""

from __future__ import annotations

from datetime import date

import pytest

from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.common.errors import UserError


def _round(db, name, year, *names):
    r = ops.create_round(db, RoundInput(name, year)).value
    ids = [ops.add_nominee(db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN,
                                                  full_name=n)).value.id for n in names]
    return r, ids


def test_a_reused_number_keeps_its_date_or_is_refused(app_db):
    r, (a, b, c) = _round(app_db, "Khen thưởng năm 2023", 2023, "Lê Thị Hương", "Võ Văn Đông", "Đặng Thị Yến")
    ops.approve(app_db, r.id, "45/QĐ-LĐLĐ", date(2023, 12, 20), [a])
    with pytest.raises(UserError, match=r"Quyết định số 45/QĐ-LĐLĐ đã ghi ngày ký 20/12/2023 "
                                        r"\(đợt «Khen thưởng năm 2023»\); một số quyết định chỉ có một ngày ký"):
        ops.approve(app_db, r.id, "45/QĐ-LĐLĐ", date(2023, 12, 28), [b])
    assert ops.approve(app_db, r.id, "45/QĐ-LĐLĐ", None, [b]).value == 1  # takes its date
    assert ops.nominee_detail(app_db, b).row.decision_date == date(2023, 12, 20)
    assert ops.decision_date(app_db, "45/QĐ-LĐLĐ").signed_on == date(2023, 12, 20)
    ops.approve(app_db, r.id, "46/QĐ-LĐLĐ", date(2023, 12, 28), [c])
    assert [(d.number, d.signed_on, d.approved) for d in ops.round_decisions(app_db, r.id)] == [
        ("45/QĐ-LĐLĐ", date(2023, 12, 20), 2), ("46/QĐ-LĐLĐ", date(2023, 12, 28), 1)]
    with pytest.raises(ops.SeveralDecisions) as caught:
        ops.write_decision(app_db, r.id, "/nonexistent/qd.pdf")
    assert "--" not in str(caught.value)
    assert str(caught.value) == ("Đợt này có 2 quyết định (45/QĐ-LĐLĐ ngày 20/12/2023, "
                                 "46/QĐ-LĐLĐ ngày 28/12/2023); hãy chọn một.")


def test_a_number_of_another_years_round_is_refused_unless_the_same_decision(app_db, tmp_path):
    old, (a,) = _round(app_db, "Khen thưởng năm 2023", 2023, "Lê Thị Hương")
    new, (b, c) = _round(app_db, "Khen thưởng năm 2024", 2024, "Võ Văn Đông", "Đặng Thị Yến")
    ops.approve(app_db, old.id, "45/QĐ-LĐLĐ", date(2023, 12, 20), [a])
    with pytest.raises(UserError, match=r"đã ghi ngày ký 20/12/2023 \(đợt «Khen thưởng năm 2023» của năm "
                                        r"2023\).*nếu là quyết định khác, hãy dùng số khác"):
        ops.approve(app_db, new.id, "45/QĐ-LĐLĐ", date(2024, 12, 20), [b])
    # The same decision (same number and date) covering the second round too is accepted.
    assert ops.approve(app_db, new.id, "45/QĐ-LĐLĐ", date(2023, 12, 20), [c]).value == 1
    assert ops.write_decision(app_db, new.id, tmp_path / "qd.pdf").exists()
