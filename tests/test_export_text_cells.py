"""Every text cell of every export stays text (issue 9): strings that look like formulas,
errors or that start with a sign, "@", a tab or a carriage return are written through
core.common.xlsx by the real export functions, and read back by openpyxl as the same text,
never as a formula ("f" cell)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from core.common import xlsx
from core.common.workbook import ImportResult, RejectedRow, write_report
from core.initiatives import records as initiatives
from core.initiatives.export import export_portal_list, export_register, write_template
from core.initiatives.importing import COLUMNS, import_initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.initiatives.register import RegisterFilter
from core.initiatives.summary_report import summary_report
from core.org import units as org
from core.targets import targets
from core.targets.fund_model_targets import fund_model_report
from core.targets.progress_report import progress_report
from db.models import Initiative, InitiativeKind, InitiativeStatus, Setting, Unit, UnitKind
from tests.fixtures_workbook import make_xlsx

PAYLOADS = (
    '=HYPERLINK("http://x","Mở")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1",
    "=1",
    "#N/A",
)


def read_back(text: str) -> str:
    """What a reader gets: the text itself (a carriage return is a line feed in any xlsx,
    as XML reads it; the writer makes it so explicitly)."""
    return text.replace("\r", "\n")


def test_the_writer_keeps_text_text_and_only_cr_changes():
    for text in PAYLOADS:
        assert xlsx.text(text) == read_back(text)
    assert xlsx.text("a\r\nb\x00c") == "a\nbc"
    assert xlsx.text("x" * 40_000) == "x" * xlsx.MAX_TEXT


def _cells(path: Path) -> list:
    wb = load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def assert_text_cells(path: Path, expected) -> list:
    """No formula anywhere in ``path``; each of ``expected`` found as a text cell, exactly."""
    cells = _cells(path)
    formulas = [(c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas == []
    texts = {c.value for c in cells if c.data_type == "s"}
    missing = [t for t in expected if read_back(t) not in texts]
    assert missing == []
    return cells


@pytest.fixture
def payload_db(app_db):
    """One CĐCS and one initiative per payload, every text the exports print set to it
    (written straight to the tables, as a sync or an old version could have left them:
    the form's clean() would trim the tab and the carriage return)."""
    with app_db.transaction() as s:
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        for i, payload in enumerate(PAYLOADS, start=1):
            unit = org.create_unit(s, org.UnitInput(f"VL-{i:04d}", f"CĐCS số {i}",
                                                    UnitKind.GRASSROOTS, "VL"))
            item = initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến {i}", kind=InitiativeKind.TECHNICAL, unit_id=unit.id,
                authors=[AuthorInput("Lê Thị Hương")], programme_id=programme.id,
                registered_on=date(2021, 10, i), first_applied_on=date(2021, 9, 1),
                economic_benefit=1_000_000 * i, status=InitiativeStatus.VALID,
                decision_number=f"{i}/QĐ", decision_date=date(2021, 12, 1)))
            s.flush()
            s.execute(update(Initiative).where(Initiative.id == item.id).values(
                name=payload, authors_text=payload, social_benefit=payload,
                decision_number=payload, description=payload, awards=payload))
            s.execute(update(Unit).where(Unit.id == unit.id).values(name=payload))
            targets.set_fund_model_target(s, unit.id, 2023, targets.FundModelFigures(10, 2, 3))
        s.merge(Setting(key="office.chair_name", value=PAYLOADS[0]))
    return app_db


def test_register_export(payload_db, tmp_path):
    out = tmp_path / "so.xlsx"
    assert export_register(payload_db, out, RegisterFilter()) == len(PAYLOADS)
    cells = assert_text_cells(out, PAYLOADS)
    # Each payload is in the unit, author, name, social effect and decision number columns.
    for payload in PAYLOADS:
        assert sum(c.value == read_back(payload) for c in cells) == 5


def test_portal_list(payload_db, tmp_path):
    out = tmp_path / "cong.xlsx"
    assert export_portal_list(payload_db, out, RegisterFilter()) == len(PAYLOADS)
    cells = assert_text_cells(out, PAYLOADS)
    # name, authors, unit, description, social effect, decision number, awards
    for payload in PAYLOADS:
        assert sum(c.value == read_back(payload) for c in cells) == 7


def test_template_with_a_unit_named_like_a_formula(tmp_path):
    for i, payload in enumerate(PAYLOADS):
        out = write_template(tmp_path / f"mau{i}.xlsx", unit=payload)
        assert_text_cells(out, [payload])


def test_progress_report(payload_db, tmp_path):
    out = progress_report(payload_db, tmp_path / "tien-do.xlsx", programme="1TRIEU-SK",
                          phase=1, as_of=date(2022, 1, 31))
    assert_text_cells(out, PAYLOADS)


def test_fund_model_report(payload_db, tmp_path):
    out = fund_model_report(payload_db, tmp_path / "quy.xlsx", year=2023)
    assert_text_cells(out, PAYLOADS)


def test_summary_report_signature(payload_db, tmp_path):
    for i, payload in enumerate(PAYLOADS):
        with payload_db.transaction() as s:
            s.merge(Setting(key="office.chair_name", value=payload))
        out = summary_report(payload_db, tmp_path / f"tong-hop{i}.xlsx",
                             date_from=date(2021, 1, 1), date_to=date(2021, 12, 31))
        assert_text_cells(out, [payload])


def test_import_rejection_report(app_db, tmp_path):
    """Rows naming no known unit are rejected; the report repeats their values as read."""
    header = ["Tên sáng kiến", "Tác giả", "Đơn vị", "Hiệu quả xã hội", "Khen thưởng"]
    source = make_xlsx(tmp_path / "nhap.xlsx", [header, *([p, p, p, p, p] for p in PAYLOADS)])
    wb = load_workbook(source)  # the source itself holds text, not formulas
    for row in wb.active.iter_rows(min_row=2):
        for c in row:
            c.data_type = "s"
    wb.save(source)
    result = import_initiatives(app_db, source, dry_run=True)
    assert len(result.rejected) == len(PAYLOADS)
    out = write_report(result, tmp_path / "ket-qua.xlsx", title="Kết quả nhập", columns=COLUMNS)
    values = {v for row in result.rejected for v in row.values.values() if isinstance(v, str)}
    assert {p.strip() for p in PAYLOADS} <= values  # as the importer cleaned them
    assert_text_cells(out, values)


def test_rejection_report_of_raw_values(tmp_path):
    """A reader that kept the tab and the carriage return (or a coming importer)."""
    result = ImportResult(rejected=[
        RejectedRow(i, p, {"name": p, "unit": p, "awards": p, "other": p})
        for i, p in enumerate(PAYLOADS, start=2)
    ])
    out = write_report(result, tmp_path / "ket-qua.xlsx", title=PAYLOADS[0], columns=COLUMNS)
    cells = assert_text_cells(out, PAYLOADS)
    for payload in PAYLOADS:  # the reason, name, unit and awards columns
        assert sum(c.value == read_back(payload) for c in cells) == (5 if payload == PAYLOADS[0] else 4)
