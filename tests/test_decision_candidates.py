"""Issue 10, point 5, the rules in core: what a recognition decision may include is the valid
initiatives of its own period (not the register's filter), each with its eligibility; the
ineligible are left out unless asked; the decision names its one year."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from core.initiatives import ops
from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from db.models import InitiativeKind, InitiativeStatus, Recogniser, UnitKind


@pytest.fixture
def register(app_db):
    """2026: one eligible, one recognised before registering (⚠), one under review;
    2025: one eligible."""
    with app_db.transaction() as s:
        unit = org.create_unit(s, org.UnitInput(code="VL-0001", name="CĐCS Trường THCS Hồ Xuân Hương",
                                                kind=UnitKind.GRASSROOTS, parent_code="VL"))
        yearly = initiatives.find_programme(s, "LDG-LDST")
        for name, registered, decided, status in [
            ("Sổ tay điện tử", date(2026, 3, 2), date(2026, 4, 1), InitiativeStatus.VALID),
            ("Bảng tin điện tử", date(2026, 5, 4), date(2026, 4, 20), InitiativeStatus.VALID),
            ("Thư viện số", date(2026, 6, 1), date(2026, 6, 20), InitiativeStatus.UNDER_REVIEW),
            ("Lịch trực điện tử", date(2025, 3, 2), date(2025, 4, 1), InitiativeStatus.VALID),
        ]:
            initiatives.create_initiative(s, InitiativeInput(
                name=name, kind=InitiativeKind.MANAGEMENT, unit_id=unit.id, programme_id=yearly.id,
                authors=[AuthorInput("Lê Thị Hương")], registered_on=registered,
                first_applied_on=date(registered.year, 1, 15), economic_benefit=5_000_000,
                recognised_by=Recogniser.COUNCIL, decision_number="05/QĐ-HĐSK", decision_date=decided,
                status=status))
    return app_db


def test_candidates_are_the_valid_ones_of_the_year_with_their_eligibility(register):
    found = ops.decision_candidates(register, 2026)
    assert [(c.name, c.eligible) for c in found] == [("Sổ tay điện tử", True), ("Bảng tin điện tử", False)]
    assert found[1].reasons == (
        "Ngày công nhận 20/04/2026 trước ngày đăng ký 04/05/2026: sáng kiến phải được đăng ký trước khi "
        "công nhận.",)
    # In the order of the numbers shown: 2025's before 2026's.
    assert [c.name for c in ops.decision_candidates(register, None)] == [
        "Lịch trực điện tử", "Sổ tay điện tử", "Bảng tin điện tử"]
    assert ops.decision_selection(found) == [found[0].id]
    assert ops.decision_selection(found, include_ineligible=True) == [found[0].id, found[1].id]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_decision_names_its_one_year(register, tmp_path):
    chosen = ops.decision_selection(ops.decision_candidates(register, 2026))
    out = ops.write_recognition_decision(register, chosen, tmp_path / "qd.pdf", number=3,
                                         signed_on=date(2026, 12, 6), year=2026)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
                    .stdout.decode().split())
    assert "Về việc công nhận sáng kiến năm 2026" in text
    assert "Sổ tay điện tử" in text and "Bảng tin điện tử" not in text
