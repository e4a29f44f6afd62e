"""A new district's first run starts from the province's enrolment file: its code, name and
parent come from the file, its units from the province's first package — nothing is made
twice, and the package applies without a rejected row."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.common.database import open_app_database
from core.org import members
from core.org import units as org
from core.sync import ops
from db.models import Member, UnitKind
from gui.org.first_run import FirstRunDialog
from tests.sync_offices import PASS, make_offices, unit_id


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    with o.province.transaction() as s:
        org.create_unit(s, org.UnitInput(code="NEW", name="LĐLĐ huyện Mới", kind=UnitKind.UPPER,
                                         parent_code="QT"))
        grass = org.create_unit(s, org.UnitInput(code="NEW-01", name="CĐCS Nhà máy",
                                                 kind=UnitKind.GRASSROOTS, parent_code="NEW"))
        for i in range(12):
            members.add_member(s, members.MemberInput(
                full_name=f"Nguyễn Văn {i}", unit_id=grass.id, date_of_birth=date(1990, 1, 1)))
    yield o
    o.close()


def test_the_first_run_takes_the_enrolment_file_then_the_first_package(qtbot, offices, tmp_path):
    enrolment = tmp_path / "NEW.scdkey"
    ops.enrol(offices.province, "NEW", PASS, enrolment)
    package = offices.send("QT", "NEW")
    db = open_app_database(tmp_path / "NEW.sqlite")
    db.auto_backups = False
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        assert dialog.enrolment_button.isEnabled()
        assert dialog.take_enrolment(str(enrolment), PASS, [str(package)])
        form = dialog.form
        assert (form.code.text(), form.name.text(), form.parent_code.text()) == (
            "NEW", "LĐLĐ huyện Mới", "QT")
        assert form.code.isReadOnly() and form.level.value() == "upper"
        assert not dialog.error.text(), dialog.error.text()
        form.parent_name.setText(form.parent_name.text() or "LĐLĐ tỉnh Quảng Trị")
        form.place.setText("Mới")
        form.chair_name.setText("Trần Văn Bình")
        dialog.save()
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted, dialog.error.text()
        assert db.office_code == "NEW"
        assert unit_id(db, "NEW") == unit_id(offices.province, "NEW")
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == 12
    finally:
        db.close()
