"""Export with nothing new and nothing unacknowledged says so and writes no package, unless
asked: a package that only carries acknowledgements (``--force``, or a yes in the window)."""

from __future__ import annotations

import pytest

from core.cli import main
from core.common.errors import UserError
from core.sync import ops
from tests.sync_offices import PASS, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path, districts=("VL",))
    yield o
    o.close()


def _settled(o):
    register(o.db("VL"), "VL-01", ["Máy bơm"])
    o.receive("QT", o.send("VL", "QT"))
    o.receive("VL", o.send("QT", "VL"))  # acknowledges VL's package


def test_nothing_to_send_writes_no_package_unless_forced(offices, tmp_path):
    _settled(offices)
    vl = offices.db("VL")
    assert ops.nothing_to_send(vl, "QT")
    out = tmp_path / "ra"
    out.mkdir()
    with pytest.raises(UserError, match="Không có thay đổi mới cho QT"):
        ops.export_package(vl, PASS, "QT", out, force=False)
    assert list(out.iterdir()) == []
    result = ops.export_package(vl, PASS, "QT", out, force=True).value
    assert result.changes == 0 and result.path.exists()
    register(vl, "VL-01", ["Sổ tay"])
    assert not ops.nothing_to_send(vl, "QT")


def test_the_command_line_says_so_and_force_writes_an_acknowledgement(offices, tmp_path,
                                                                     capsys, monkeypatch):
    _settled(offices)
    offices.db("VL").close()
    monkeypatch.setenv("SOCONGDOAN_PASSPHRASE", PASS)
    out = tmp_path / "ra"
    out.mkdir()
    db = str(offices.root / "VL.sqlite")
    capsys.readouterr()
    assert main(["--db", db, "sync", "export", str(out), "--to", "QT"]) == 0
    said = capsys.readouterr().out
    assert "Không có thay đổi mới" in said and "--force" in said and "xác nhận" in said
    assert list(out.iterdir()) == []
    assert main(["--db", db, "sync", "export", str(out), "--to", "QT", "--force"]) == 0
    said = capsys.readouterr().out
    assert "chỉ mang xác nhận" in said
    assert len(list(out.iterdir())) == 1
    offices.reopen("VL")
