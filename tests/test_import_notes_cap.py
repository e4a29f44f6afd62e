"""An import shows at most the first 1,000 notes as text (the CLI's output, the window's
preview) and says how many more there are; the report workbook lists them all."""

from __future__ import annotations

from openpyxl import load_workbook

from core.common.workbook import NOTES_SHOWN, shown_notes, write_report
from core.initiatives.importing import InitiativeImportResult


def _notes(n: int) -> list[str]:
    return [f"Dòng {i}: có thể trùng với sáng kiến X “Tên {i}” (giống 90%)." for i in range(n)]


def test_shown_notes_caps_and_counts_the_rest():
    assert NOTES_SHOWN == 1000
    assert shown_notes([]) == []
    assert shown_notes(_notes(1000)) == _notes(1000)
    shown = shown_notes(_notes(200_979))
    assert len(shown) == 1001
    assert shown[:1000] == _notes(1000)
    assert shown[-1] == "… và 199.979 ghi chú khác, xem tệp báo cáo."
    assert shown_notes(_notes(1001))[-1] == "… và 1 ghi chú khác, xem tệp báo cáo."


def test_cli_prints_the_first_notes_only(monkeypatch, capsys, tmp_path, db_path):
    import core.initiatives.importing as importing
    from core.cli import main as cli_main

    result = InitiativeImportResult(accepted=[object()] * 3, warnings=_notes(1500))
    monkeypatch.setattr(importing, "import_initiatives", lambda *a, **k: result)
    report = tmp_path / "bao-cao.xlsx"
    code = cli_main(["--db", str(db_path), "initiatives", "import", str(tmp_path / "x.xlsx"),
                     "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 0
    notes = [line for line in out.splitlines() if line.startswith("  Lưu ý: ")]
    assert len(notes) == 1001
    assert notes[999] == f"  Lưu ý: {_notes(1000)[-1]}"
    assert notes[-1] == "  Lưu ý: … và 500 ghi chú khác, xem tệp báo cáo."
    # the report workbook has every note
    sheet = load_workbook(report)["Ghi chú"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("STT", "Ghi chú")
    assert [r[1] for r in rows[1:]] == _notes(1500)
    assert rows[-1][0] == 1500


def test_report_without_notes_has_no_notes_sheet(tmp_path):
    path = write_report(InitiativeImportResult(accepted=[object()]), tmp_path / "r.xlsx",
                        title="Kết quả")
    assert load_workbook(path).sheetnames == ["Kết quả"]


def test_preview_sections_show_the_first_notes_only():
    from gui.initiatives.import_dialog import initiative_sections

    result = InitiativeImportResult(accepted=[object()], warnings=_notes(2500))
    notes = next(s for s in initiative_sections(result) if s.key == "notes")
    assert "2.500" in notes.title  # the title counts them all
    assert len(notes.lines) == 1001
    assert notes.lines[-1] == "… và 1.500 ghi chú khác, xem tệp báo cáo."
