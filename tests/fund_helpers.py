"""A small world for the fund tests: a CĐCS under the office, members, a fund with capital."""

from __future__ import annotations

from datetime import date

from core.common.database import AppDatabase
from core.fund import funds
from core.org.members import MemberInput, add_member
from core.org.units import UnitInput, create_unit
from db.models import UnitKind

START = date(2026, 1, 5)


def make_world(db: AppDatabase, *, members: int = 3, capital: int = 100_000_000,
               settings: funds.FundSettings | None = None, code: str = "VL01") -> dict:
    with db.transaction() as s:
        unit = create_unit(s, UnitInput(code=code, name=f"CĐCS Trường Tiểu học {code}",
                                        kind=UnitKind.GRASSROOTS, parent_code="VL"))
        people = [add_member(s, MemberInput(full_name=f"Nguyễn Thị Hoà {i}", unit_id=unit.id))
                  for i in range(members)]
        fund = funds.create_fund(s, unit.id, START, settings or funds.FundSettings(),
                                 capital=capital)
        return {"unit_id": unit.id, "unit_code": unit.code, "fund_id": fund.id,
                "members": [p.id for p in people]}
