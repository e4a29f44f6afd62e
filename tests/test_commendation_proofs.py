"""A proof of the certificates books no register number (issue 12 follow-up): `certificates
print --proof` writes the PDF and records nothing; the real print then issues the numbers."""

from __future__ import annotations

import json
from datetime import date

from core.cli import main as cli_main
from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput


def test_a_proof_from_the_command_line_books_no_number(app_db, tmp_path, capsys):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    for name in ("Nguyễn Thị Ngọc Ánh", "Đặng Hữu Lộc"):
        ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name=name))
    ops.approve(app_db, r.id, "25/QĐ-LĐLĐ", date(2023, 12, 28))
    path = str(app_db.path)
    app_db.close()
    assert cli_main(["--db", path, "certificates", "print", str(tmp_path / "proof.pdf"), "--round",
                     "Khen thưởng năm 2023", "--proof", "--json"]) == 0
    assert (tmp_path / "proof.pdf").is_file()
    capsys.readouterr()
    assert cli_main(["--db", path, "certificates", "print", str(tmp_path / "in.pdf"), "--round",
                     "Khen thưởng năm 2023", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["numbers"] == ["01/2023", "02/2023"] and printed["reprints"] == 0  # first issue
