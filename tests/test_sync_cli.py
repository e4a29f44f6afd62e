"""Three offices through the command line: a province enrols two districts, each with its
own database; packages go both ways; the province's progress equals the sum of the
districts' and its review results come back to the district."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from core.cli import main
from core.common.database import open_app_database
from core.initiatives.records import set_status
from core.org import units as org
from core.org.office import init_office
from core.targets.progress import progress
from core.targets.targets import set_initiative_target
from db.models import Initiative, InitiativeStatus, Programme, ProgrammePhase, UnitKind
from tests.sync_offices import PASS, PROGRAMME, register


def _run(capsys, *argv) -> tuple[int, object]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out) if "--json" in argv else out.out
    except json.JSONDecodeError:
        return code, out.out + out.err


def _province(path):
    db = open_app_database(path)
    db.auto_backups = False
    db.set_office_code("QT")
    with db.transaction() as s:
        init_office(s, code="QT", name="LĐLĐ tỉnh Quảng Trị", level="province")
        programme = Programme(code=PROGRAMME, name="Lao động sáng tạo 2026",
                              eligible_from=date(2026, 1, 1), eligible_to=date(2026, 12, 31))
        s.add(programme)
        s.flush()
        s.add(ProgrammePhase(programme_id=programme.id, number=1, name="Năm 2026",
                             starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)))
        for code, target in (("VL", 12), ("HH", 7)):
            unit = org.create_unit(s, org.UnitInput(code=code, name=f"LĐLĐ huyện {code}",
                                                    kind=UnitKind.UPPER, parent_code="QT"))
            s.flush()
            set_initiative_target(s, unit.id, programme.id, 1, target)
    db.close()


def _progress(path, programme_id):
    db = open_app_database(path)
    try:
        with db.reading() as s:
            return progress(s, programme_id, 1, as_of=date(2026, 12, 1))
    finally:
        db.close()


def test_two_districts_and_a_province_exchange_packages_from_the_command_line(
        tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOCONGDOAN_PASSPHRASE", PASS)
    monkeypatch.setenv("SOCONGDOAN_PASSPHRASE_OFFICE", PASS)  # each district's own (here alike)
    qt = tmp_path / "QT.sqlite"
    _province(qt)
    assert _run(capsys, "--db", qt, "keys", "init", "--json")[0] == 0
    dbs = {"QT": qt}
    for code in ("VL", "HH"):
        enrolment = tmp_path / f"{code}.scdkey"
        assert _run(capsys, "--db", qt, "keys", "enrol", "--office", code, enrolment, "--json")[0] == 0
        dbs[code] = tmp_path / f"{code}.sqlite"
        code_, shown = _run(capsys, "--db", dbs[code], "keys", "import", enrolment, "--json")
        assert code_ == 0 and shown["office_code"] == code and shown["province_code"] == "QT"
        outbox = tmp_path / "to" / code
        outbox.mkdir(parents=True)
        code_, sent = _run(capsys, "--db", qt, "sync", "export", outbox, "--to", code, "--json")
        assert code_ == 0 and sent["file"].endswith("-so-0001.scdpkg")
        code_, got = _run(capsys, "--db", dbs[code], "sync", "import", sent["file"], "--json")
        assert code_ == 0 and got["files"][0]["state"] == "applied"
        assert _run(capsys, "--db", dbs[code], "init", "--code", code, "--name",
                    f"LĐLĐ huyện {code}", "--level", "upper", "--parent", "QT")[0] == 0

    # the districts register their initiatives
    for code, count in (("VL", 5), ("HH", 3)):
        db = open_app_database(dbs[code])
        db.auto_backups = False
        ids = register(db, f"{code}-01", [f"Sáng kiến {code} số {i}" for i in range(count)])
        with db.transaction() as s:
            set_status(s, ids[0], InitiativeStatus.REJECTED, "Trùng với sáng kiến đã có")
        db.close()

    # both send to the province, which takes the two files at once (preview first)
    files = []
    for code in ("VL", "HH"):
        out = tmp_path / "from" / code
        out.mkdir(parents=True)
        code_, sent = _run(capsys, "--db", dbs[code], "sync", "export", out, "--to", "QT", "--json")
        assert code_ == 0
        files.append(sent["file"])
    code_, preview = _run(capsys, "--db", qt, "sync", "import", *files, "--dry-run", "--json")
    assert code_ == 0 and [f["state"] for f in preview["files"]] == ["applied", "applied"]
    code_, done = _run(capsys, "--db", qt, "sync", "import", *files, "--json")
    assert code_ == 0
    assert [(f["new"], f["conflicts"], f["rejected"]) for f in done["files"]] == [
        (p["new"], 0, 0) for p in preview["files"]]
    code_, again = _run(capsys, "--db", qt, "sync", "import", files[0], "--json")
    assert code_ == 0 and again["files"][0]["state"] == "duplicate"

    # the province's progress is the sum of the districts'
    db = open_app_database(qt)
    with db.reading() as s:
        programme_id = s.scalar(select(Programme.id).where(Programme.code == PROGRAMME))
    db.close()
    province = _progress(qt, programme_id)
    districts = {code: _progress(dbs[code], programme_id).by_code(code) for code in ("VL", "HH")}
    for code, row in districts.items():
        mine = province.by_code(code)
        assert (mine.valid, mine.under_review, mine.rejected, mine.achieved, mine.target) == (
            row.valid, row.under_review, row.rejected, row.achieved, row.target)
    total = province.by_code("QT")
    assert total.achieved == sum(r.achieved for r in districts.values()) == 6
    assert total.rejected == 2 and total.target == 19
    report = tmp_path / "tien-do.xlsx"
    assert _run(capsys, "--db", qt, "report", "progress", report, "--programme", PROGRAMME,
                "--phase", "1")[0] == 0
    assert report.stat().st_size > 0

    # the return trip: the province's review result reaches the district
    db = open_app_database(qt)
    db.auto_backups = False
    with db.transaction() as s:
        item = s.scalar(select(Initiative).where(Initiative.origin_office == "VL",
                                                 Initiative.status == InitiativeStatus.UNDER_REVIEW))
        set_status(s, item.id, InitiativeStatus.VALID)
        reviewed = item.id
    db.close()
    back = tmp_path / "back"
    back.mkdir()
    code_, sent = _run(capsys, "--db", qt, "sync", "export", back, "--to", "VL", "--json")
    code_, got = _run(capsys, "--db", dbs["VL"], "sync", "import", sent["file"], "--json")
    assert code_ == 0 and got["files"][0]["updated"] >= 1
    db = open_app_database(dbs["VL"])
    with db.reading() as s:
        assert s.get(Initiative, reviewed).status == InitiativeStatus.VALID
    db.close()
    code_, status = _run(capsys, "--db", dbs["VL"], "sync", "status", "--json")
    assert code_ == 0 and status["pending"] == 0  # acknowledged by the province: pruned
    code_, conflicts = _run(capsys, "--db", qt, "sync", "conflicts", "--json")
    assert code_ == 0 and conflicts == []
    code_, text = _run(capsys, "--db", qt, "sync", "status")
    assert "VL: đã gửi đến gói số" in text


def test_a_script_without_a_passphrase_is_told_how_to_give_one(tmp_path, monkeypatch, capsys):
    """No terminal to type the passphrase in (stdin not a tty): a Vietnamese message naming
    the environment variable and the option, exit 1 — not an EOFError traceback."""
    import io

    from core.cli import main

    monkeypatch.delenv("SOCONGDOAN_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    package = tmp_path / "x.scdpkg"
    package.write_bytes(b"garbage")
    code = main(["--db", str(tmp_path / "db.sqlite"), "sync", "import", str(package)])
    err = capsys.readouterr().err
    assert code == 1
    assert "SOCONGDOAN_PASSPHRASE" in err and "--passphrase-file" in err
