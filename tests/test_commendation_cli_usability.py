"""The headless commands, easier to use (issue 12 follow-up): --round by year or a unique part
of the name without tone marks; every option explained in Vietnamese; --template lists its
choices; output piped into `head` ends quietly."""

from __future__ import annotations

import io

import pytest

from core.cli import build_parser
from core.cli import main as cli_main
from core.commendations import ops
from core.commendations.ops import AwardForm, NomineeInput, NomineeKind, RoundInput
from core.common.errors import UserError


def test_round_by_year_or_a_unique_part_of_its_name(app_db):
    a = ops.create_round(app_db, RoundInput("Tổng kết phong trào Lao động giỏi năm 2023", 2023)).value
    b = ops.create_round(app_db, RoundInput("Khen thưởng chuyên đề an toàn vệ sinh lao động 2024", 2024)).value
    assert ops.find_round(app_db, "2023").id == a.id
    assert ops.find_round(app_db, "an toan ve sinh").id == b.id
    assert ops.find_round(app_db, "LAO DONG GIOI").id == a.id
    with pytest.raises(UserError, match="Có 2 đợt khen thưởng khớp với «lao dong»"):
        ops.find_round(app_db, "lao dong")
    assert ops.find_round(app_db, "2019") is None


def _options(parser):
    for action in parser._actions:
        sub = getattr(action, "choices", None)
        if isinstance(sub, dict):
            for name, child in sub.items():
                yield from ((f"{name} {n}", a) for n, a in _options(child))
        elif "-h" not in action.option_strings:
            yield "", action


def test_every_option_is_explained_and_template_lists_its_choices():
    parser = build_parser()
    cmds = parser._subparsers._group_actions[0].choices
    missing = [f"{cmd} {where}{a.dest}" for cmd in ("commendations", "certificates")
               for where, a in _options(cmds[cmd]) if not a.help and not isinstance(a.choices, dict)]
    assert missing == []
    printing = cmds["certificates"]._subparsers._group_actions[0].choices["print"]
    template = next(a for a in printing._actions if a.dest == "template")
    assert "giay_khen_a4" in template.choices and "lao_dong_sang_tao_a3" in template.help


def test_output_into_a_closed_pipe_ends_quietly(app_db, monkeypatch, capsys):
    r = ops.create_round(app_db, RoundInput("Khen thưởng năm 2023", 2023)).value
    ops.add_nominee(app_db, r.id, NomineeInput(NomineeKind.INDIVIDUAL, AwardForm.GIAY_KHEN, full_name="Lê Thị Hương"))
    path = str(app_db.path)
    app_db.close()

    class ClosedPipe(io.StringIO):
        def write(self, _text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert cli_main(["--db", path, "commendations", "list", "--round", "2023"]) == 0
    assert capsys.readouterr().err == ""
