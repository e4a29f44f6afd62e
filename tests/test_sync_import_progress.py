"""An import reports its steps, and a cancel before the commit writes nothing."""

from __future__ import annotations

import pytest

from core.sync import ops
from db.models import Initiative
from tests.sync_offices import PASS, get, make_offices, register


@pytest.fixture
def offices(tmp_path):
    o = make_offices(tmp_path)
    yield o
    o.close()


def test_an_import_reports_its_steps(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    package = offices.send("VL", "QT")
    steps: list[tuple[int, int]] = []
    done = ops.import_packages(offices.province, [package], PASS,
                               progress=lambda d, t: steps.append((d, t)))
    assert [o.state for o in done.value] == ["applied"]
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert get(offices.province, Initiative, item) is not None


def test_a_cancelled_import_writes_nothing_and_can_be_done_again(offices):
    [item] = register(offices.db("VL"), "VL-01", ["Cải tiến máy bơm"])
    package = offices.send("VL", "QT")
    with pytest.raises(ops.ImportCancelled, match="không có gì được ghi"):
        ops.import_packages(offices.province, [package], PASS, cancelled=lambda: True)
    assert get(offices.province, Initiative, item) is None
    assert not [h for h in ops.status(offices.province).history if h[0] == "in"]
    again = ops.import_packages(offices.province, [package], PASS, cancelled=lambda: False)
    assert [o.state for o in again.value] == ["applied"]
    assert get(offices.province, Initiative, item).name == "Cải tiến máy bơm"
