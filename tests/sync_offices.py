"""Test helpers for sync: a province and its districts, each with its own database, enrolled
and holding the province's units and programme (built through the core functions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from core.common.database import AppDatabase, open_app_database
from core.initiatives.records import AuthorInput, InitiativeInput, create_initiative
from core.org import units as org
from core.org.office import init_office
from core.sync import ops
from core.targets.targets import set_initiative_target
from db.models import InitiativeKind, Programme, ProgrammePhase, Unit, UnitKind

PASS = "mat-khau-tinh-2026"
PROGRAMME = "LDST"


@dataclass
class Offices:
    root: Path
    province: AppDatabase
    districts: dict[str, AppDatabase]

    def db(self, code: str) -> AppDatabase:
        return self.province if code == "QT" else self.districts[code]

    def reopen(self, code: str) -> AppDatabase:
        db = self.db(code)
        db.close()
        fresh = open_app_database(db.path)
        fresh.auto_backups = False
        if code == "QT":
            self.province = fresh
        else:
            self.districts[code] = fresh
        return fresh

    def send(self, sender: str, recipient: str) -> Path:
        out = self.root / "out" / sender
        out.mkdir(parents=True, exist_ok=True)
        return ops.export_package(self.db(sender), PASS, recipient, out).value.path

    def receive(self, code: str, *paths: Path, dry_run: bool = False):
        return ops.import_packages(self.db(code), list(paths), PASS, dry_run=dry_run).value

    def close(self) -> None:
        self.province.close()
        for db in self.districts.values():
            db.close()


def _open(path: Path, code: str) -> AppDatabase:
    db = open_app_database(path)
    db.auto_backups = False
    if code:
        db.set_office_code(code)
    return db


def programme_id(db: AppDatabase):
    with db.reading() as s:
        return s.scalar(select(Programme.id).where(Programme.code == PROGRAMME))


def unit_id(db: AppDatabase, code: str):
    with db.reading() as s:
        return s.scalar(select(Unit.id).where(Unit.code == code))


def make_offices(root: Path, districts: tuple[str, ...] = ("VL", "HH")) -> Offices:
    province = _open(root / "QT.sqlite", "QT")
    with province.transaction() as s:
        init_office(s, code="QT", name="LĐLĐ tỉnh Quảng Trị", level="province")
        for code in districts:
            org.create_unit(s, org.UnitInput(code=code, name=f"LĐLĐ huyện {code}",
                                             kind=UnitKind.UPPER, parent_code="QT"))
        programme = Programme(code=PROGRAMME, name="Lao động sáng tạo 2026",
                              eligible_from=date(2026, 1, 1), eligible_to=date(2026, 12, 31))
        s.add(programme)
        s.flush()
        s.add(ProgrammePhase(programme_id=programme.id, number=1, name="Năm 2026",
                             starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)))
        s.flush()
        for code in districts:
            set_initiative_target(s, org.find_by_code(s, code).id, programme.id, 1, 10)
    ops.init_province(province, PASS)
    offices = Offices(root, province, {})
    for code in districts:
        enrolment = root / f"{code}.scdkey"
        ops.enrol(province, code, PASS, enrolment)
        db = _open(root / f"{code}.sqlite", "")
        ops.import_enrolment(db, enrolment, PASS)
        offices.districts[code] = db
        package = offices.send("QT", code)
        outcome = offices.receive(code, package)[0]
        assert outcome.state == "applied", outcome.reason
        db = offices.reopen(code)
        with db.transaction() as s:
            init_office(s, code=code, name=f"LĐLĐ huyện {code}", level="upper", parent_code="QT")
    return offices


def register(db: AppDatabase, unit_code: str, names: list[str], *, confidential: bool = False,
             on: date = date(2026, 5, 4)) -> list:
    """Initiatives of ``unit_code`` (created under the office's unit if missing)."""
    ids = []
    with db.transaction() as s:
        unit = org.find_by_code(s, unit_code)
        if unit is None:
            unit = org.create_unit(s, org.UnitInput(code=unit_code, name=f"CĐCS {unit_code}",
                                                    kind=UnitKind.GRASSROOTS,
                                                    parent_code=db.office_code))
        prog = s.scalar(select(Programme).where(Programme.code == PROGRAMME))
        for name in names:
            item = create_initiative(s, InitiativeInput(
                name=name, kind=InitiativeKind.TECHNICAL, unit_id=unit.id,
                authors=[AuthorInput("Nguyễn Văn An")], programme_id=prog.id, registered_on=on,
                description="Mô tả chi tiết " + name, confidential=confidential))
            ids.append(item.id)
    return ids


def edit(db: AppDatabase, model, row_id, **values) -> None:
    with db.transaction() as s:
        row = s.get(model, row_id)
        for k, v in values.items():
            setattr(row, k, v)


def get(db: AppDatabase, model, row_id):
    with db.reading() as s:
        return s.get(model, row_id)


def snapshot(db: AppDatabase) -> list[str]:
    """Every row of every table (and the schema): to prove a database unchanged."""
    import sqlite3

    con = sqlite3.connect(db.path)
    try:
        return list(con.iterdump())
    finally:
        con.close()
