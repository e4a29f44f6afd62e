"""Demo data: LĐLĐ tỉnh Lai Châu with its 11 upper-level unions, 782 CĐCS and their members.

The organisation follows seed 000 (Lai Châu, 06/3/2023): the upper-level unions in the
order and with the CĐCS counts of its table "Chỉ tiêu thực hiện nhân rộng Mô hình Quỹ
Tương hỗ Công đoàn năm 2023", which is also kept as data in :data:`FUND_MODEL_2023`.
Unit names, members and dates are invented but realistic (communes of each district,
Kinh, Thái, Mông, Dao and Hà Nhì names). The table and the unit names are data in
``resources/demo/units.json`` (people's names and places in :mod:`core.demo.names`).

:func:`load_demo` is deterministic: the same seed gives the same database content, ids
included (only the row timestamps differ). Rows are written with Core bulk inserts in one
transaction, so the default demo (~30,000 members) loads in a few seconds.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold, name_sort_key
from core.demo import names
from core.demo.data import load
from core.org.office import init_office, load_office, save_office
from core.org.units import find_by_code
from db.models import (
    Gender,
    Member,
    Sector,
    Unit,
    UnitEvent,
    UnitKind,
    UnitMemberCount,
    new_row_stamp,
    table_of,
    utcnow,
)

Progress = Callable[[int, int], None] | None

OFFICE_CODE = "LC"
OFFICE_NAME = "LĐLĐ tỉnh Lai Châu"
OFFICE_PLACE = "Lai Châu"
OFFICE_PARENT_NAME = "Tổng Liên đoàn Lao động Việt Nam"
CHAIR_NAME = "Lương Xuân Trường"  # signs seed 000 for the standing committee
CHAIR_TITLE = "PHÓ CHỦ TỊCH"
OFFICE_FOUNDED = date(2004, 1, 1)  # today's Lai Châu province dates from 01/01/2004
MARKER_CODE = "LC-PT"  # present once the demo units are loaded
# The date of seed 000; member counts and dates are as they stood then.
AS_OF = date(2023, 3, 6)


# ---- seed 000's table, as data --------------------------------------------------------

@dataclass(frozen=True)
class FundModelTarget:
    """One row of seed 000's table: the mutual-aid fund model ("Quỹ Tương hỗ Công đoàn")
    per upper-level union — CĐCS in total, running the fund in 2022, to add in 2023."""

    code: str
    name: str
    grassroots: int  # Tổng số CĐCS
    running_2022: int  # Số CĐCS đã thực hiện trong năm 2022
    new_2023: int  # Số CĐCS thực hiện năm 2023 (chỉ tiêu)


FUND_MODEL_2023_TITLE = "Chỉ tiêu thực hiện nhân rộng Mô hình “Quỹ Tương hỗ Công đoàn” năm 2023"
FUND_MODEL_2023_DATE = date(2023, 3, 6)
_UNITS = load("units")
FUND_MODEL_2023: tuple[FundModelTarget, ...] = tuple(
    FundModelTarget(row["code"], row["name"], row["grassroots"], row["running_2022"],
                    row["new_2023"])
    for row in _UNITS["upper_unions"]
)


# ---- the upper-level unions -----------------------------------------------------------

@dataclass(frozen=True)
class UpperUnion:
    code: str
    name: str
    grassroots: int
    sector: Sector | None
    area: str | None  # "huyện Phong Thổ" for a district federation, else None
    party: str | None  # the district's party committee, "Huyện ủy Phong Thổ"
    mix: str  # key of names.ETHNIC_MIX
    founded: date


_SECTORS = {s.value: s for s in Sector}
_Named = tuple[tuple[str, Sector], ...]  # (unit name, sector)


def _named(rows: list[list[str]]) -> _Named:
    return tuple((name, _SECTORS[sector]) for name, sector in rows)


_BODIES: dict[str, _Named] = {key: _named(rows) for key, rows in _UNITS["bodies"].items()}
# Branch unions (no district): code -> (sector, their bodies, how many always appear).
_BRANCHES: dict[str, tuple[Sector, _Named, int]] = {
    row["code"]: (_SECTORS[row["sector"]], _BODIES[row["bodies"]], row["core"])
    for row in _UNITS["upper_unions"] if "district" not in row
}


def _upper_unions() -> tuple[UpperUnion, ...]:
    unions = []
    for row in _UNITS["upper_unions"]:
        founded = date.fromisoformat(row["founded"])
        if "district" in row:
            district = names.DISTRICTS[row["district"]]
            sector, area, party = None, district.area, district.party
        else:
            sector, area, party = _BRANCHES[row["code"]][0], None, None
        unions.append(UpperUnion(row["code"], row["name"], row["grassroots"], sector, area,
                                 party, row["mix"], founded))
    return tuple(unions)


UPPER_UNIONS: tuple[UpperUnion, ...] = _upper_unions()


@dataclass
class DemoSummary:
    office_created: bool = False
    upper_units: int = 0
    grassroots_units: int = 0
    members: int = 0
    member_counts: int = 0
    unit_events: int = 0


# ---- grassroots unit names ------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    order: int
    name: str
    sector: Sector


@dataclass(frozen=True)
class _UnitName:
    """A unit name pattern of a district ({area}, {party}, {area_bare}) or of a commune
    ({commune}), with its priority tier (see :class:`_Pool`). In a rural commune ("xã …")
    the pattern ``boarding`` (a boarding school) is used ``boarding_share`` of the time."""

    tier: int
    sector: Sector
    name: str
    boarding: str = ""
    boarding_share: float = 0.0


def _unit_names(rows: list[dict]) -> tuple[_UnitName, ...]:
    return tuple(
        _UnitName(row["tier"], _SECTORS[row["sector"]], row["name"],
                  row.get("boarding", {}).get("name", ""),
                  row.get("boarding", {}).get("share", 0.0))
        for row in rows
    )


_DISTRICT_UNITS = _unit_names(_UNITS["district_units"])
_COMMUNE_UNITS = _unit_names(_UNITS["commune_units"])
_DISTRICT_SCHOOLS: dict[str, _Named] = {
    key: _named(rows) for key, rows in _UNITS["district_schools"].items()
}
# Hydropower plants and other enterprises of each district.
_DISTRICT_ENTERPRISES: dict[str, tuple[str, ...]] = {
    key: tuple(rows) for key, rows in _UNITS["district_enterprises"].items()
}
# Building blocks for generic company names ("Công ty TNHH Xây dựng Tiến Thành").
_COMPANY_FORMS = tuple(_UNITS["companies"]["forms"])
_COMPANY_TRADES = tuple(_UNITS["companies"]["trades"])
_COMPANY_BRANDS = tuple(_UNITS["companies"]["brands"])
# Units larger and smaller than most, by how their name starts.
_BIG = tuple(_UNITS["size_prefixes"]["big"])
_SMALL = tuple(_UNITS["size_prefixes"]["small"])


class _Pool:
    """Candidate names in display order, grouped in priority tiers (0 = always wanted;
    1 = usual; 2 = enterprises; 3 = second schools, a reserve)."""

    def __init__(self, used: set[str]):
        self.tiers: list[list[_Candidate]] = [[], [], [], []]
        self._used = used
        self._order = 0

    def add(self, tier: int, name: str, sector: Sector) -> None:
        name = clean(name)
        if name in self._used:
            return
        self._used.add(name)
        self._order += 1
        self.tiers[tier].append(_Candidate(self._order, name, sector))

    def pick(self, count: int, rng: random.Random) -> list[_Candidate]:
        """``count`` candidates: whole tiers while they fit, a sample of the next one."""
        chosen: list[_Candidate] = []
        for tier in self.tiers:
            room = count - len(chosen)
            if room <= 0:
                break
            chosen += tier if len(tier) <= room else rng.sample(tier, room)
        if len(chosen) < count:
            raise RuntimeError(f"not enough demo unit names ({len(chosen)} < {count})")
        return sorted(chosen, key=lambda c: c.order)


def _district_pool(upper: UpperUnion, rng: random.Random, used: set[str]) -> _Pool:
    key = upper.code.removeprefix("LC-")
    area, party = upper.area or "", upper.party or ""
    places = {"area": area, "party": party, "area_bare": area.removeprefix("huyện ")}
    pool = _Pool(set(used))
    for unit in _DISTRICT_UNITS:
        pool.add(unit.tier, unit.name.format_map(places), unit.sector)
    for name, sector in _DISTRICT_SCHOOLS.get(key, ()):
        pool.add(1, name, sector)
    for commune in names.COMMUNES[key]:
        rural = commune.startswith("xã ")
        for unit in _COMMUNE_UNITS:
            pattern = unit.name
            if unit.boarding and rural and rng.random() < unit.boarding_share:
                pattern = unit.boarding
            pool.add(unit.tier, pattern.format(commune=commune), unit.sector)
    for name in _DISTRICT_ENTERPRISES.get(key, ()):
        pool.add(1 if key != "TP" else 2, name, Sector.ENTERPRISE)
    generic = 40 if key == "TP" else 8
    for brand in rng.sample(_COMPANY_BRANDS, generic):
        form = rng.choice(_COMPANY_FORMS)
        pool.add(2, f"{form} {rng.choice(_COMPANY_TRADES)} {brand}", Sector.ENTERPRISE)
    return pool


def _branch_pool(upper: UpperUnion, used: set[str]) -> _Pool:
    _, bodies, core = _BRANCHES[upper.code]
    pool = _Pool(set(used))
    for i, (name, sector) in enumerate(bodies):
        pool.add(0 if i < core else 1, name, sector)
    return pool


def grassroots_names(seed: int = 2023) -> dict[str, list[tuple[str, Sector]]]:
    """The CĐCS (name without "CĐCS ", sector) of each upper-level union, for ``seed``."""
    rng = random.Random(f"{seed}:units")
    used: set[str] = set()
    result: dict[str, list[tuple[str, Sector]]] = {}
    for upper in UPPER_UNIONS:
        pool = _district_pool(upper, rng, used) if upper.area else _branch_pool(upper, used)
        chosen = pool.pick(upper.grassroots, rng)
        used.update(c.name for c in chosen)
        result[upper.code] = [(c.name, c.sector) for c in chosen]
    return result


# ---- people ---------------------------------------------------------------------------

class Weighted:
    """rng.choices with precomputed cumulative weights, over (value, weight) pairs."""

    def __init__(self, pairs: Sequence[tuple[object, float]]):
        self.values = [v for v, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, w in pairs:
            total += w
            self.cum.append(total)

    def pick(self, rng: random.Random):
        return rng.choices(self.values, cum_weights=self.cum)[0]


_FAMILY = {group: Weighted(pairs) for group, pairs in names.FAMILY_NAMES.items()}
_MIDDLE = {g: Weighted(pairs) for g, pairs in names.MIDDLE_NAMES.items()}
_ETHNIC_MIDDLE = {
    group: {g: Weighted(pairs) for g, pairs in by_gender.items()}
    for group, by_gender in names.ETHNIC_MIDDLE_NAMES.items()
}
_MIX = {key: Weighted(pairs) for key, pairs in names.ETHNIC_MIX.items()}
_FEMALE_SHARE = {
    Sector.EDUCATION: 0.72,
    Sector.HEALTH: 0.62,
    Sector.ADMINISTRATION: 0.45,
    Sector.ENTERPRISE: 0.3,
}


def _full_name(rng: random.Random, mix: Weighted, gender: str) -> str:
    group = mix.pick(rng)
    family = _FAMILY[group].pick(rng)
    if group in _ETHNIC_MIDDLE and rng.random() < names.ETHNIC_GIVEN_SHARE[group]:
        middle = _ETHNIC_MIDDLE[group][gender].pick(rng)
        given = rng.choice(names.ETHNIC_GIVEN_NAMES[group][gender])
    else:
        middle = _MIDDLE[gender].pick(rng)
        given = rng.choice(names.GIVEN_NAMES[gender])
        if middle.endswith(given):  # "Nguyễn Thanh Thanh"
            given = rng.choice(names.GIVEN_NAMES[gender])
    return f"{family} {middle} {given}"


def _name_keys(full_name: str, cache: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """(stored name, folded, sort key); names repeat a lot, so each is computed once."""
    keys = cache.get(full_name)
    if keys is None:
        name = clean(full_name)
        keys = cache[full_name] = (name, fold(name), name_sort_key(name))
    return keys


_DOB_FIRST, _DOB_LAST = date(1965, 1, 1), date(2002, 12, 31)


def _random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _unit_size(rng: random.Random, name: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    middle = (low + high) // 2
    if name.startswith(_BIG):
        return rng.randint(middle, high)
    if name.startswith(_SMALL):
        return rng.randint(low, middle)
    return rng.randint(low, high)


def _positions(count: int, sector: Sector, rng: random.Random) -> list[str]:
    """Union officers first, then the head of the unit, then members (some with a job)."""
    sector_key = sector.value if sector.value in names.JOBS else "administration"
    jobs = names.JOBS[sector_key]
    officers = names.OFFICERS
    fixed = [officers["chair"]]
    if count >= 8:
        fixed.append(officers["vice_chair"])
    fixed += [officers["committee"]] * (0 if count < 12 else 1 if count < 25 else 3)
    fixed += [officers["accountant"], names.HEADS[sector_key]]
    positions = fixed[:count]
    for _ in range(count - len(positions)):
        positions.append(officers["member"] if rng.random() < 0.6 else rng.choice(jobs))
    return positions


# ---- loading --------------------------------------------------------------------------

class _Writer:
    """Builds row dicts with every synced column filled, ids from a seeded generator."""

    def __init__(self, seed: int, office: str, now: datetime):
        self._ids = random.Random(f"{seed}:ids")
        self.common = new_row_stamp(office, now)

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    def unit(self, code, name, kind, sector, parent_id) -> dict:
        name = clean(name)
        return {
            "id": self.new_id(),
            "code": code,
            "name": name,
            "name_folded": fold(name),
            "kind": kind.value,
            "sector": sector.value if sector else None,
            "parent_id": parent_id,
            "merged_into_id": None,
            "merged_on": None,
            **self.common,
        }

    def event(self, unit: dict, on: date) -> dict:
        return {
            "id": self.new_id(),
            "unit_id": unit["id"],
            "on": on,
            "kind": "created",
            "detail": f"Thành lập: {unit['name']}",
            "other_unit_id": None,
            **self.common,
        }


def _check_target(session: Session) -> bool:
    """Raise if the demo cannot go into this database; True when the office must be set up."""
    office = load_office(session)
    if office.unit_code and office.unit_code != OFFICE_CODE:
        raise UserError(
            "Dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống hoặc của LĐLĐ tỉnh Lai Châu (LC)."
        )
    if find_by_code(session, MARKER_CODE) is not None:
        raise UserError(
            f"Dữ liệu mẫu đã được nạp vào cơ sở dữ liệu này (đã có đơn vị {MARKER_CODE}); "
            "không nạp lại."
        )
    return not office.unit_code


def _setup_office(session: Session, writer: _Writer, summary: DemoSummary) -> None:
    if find_by_code(session, OFFICE_CODE) is None:
        unit = writer.unit(OFFICE_CODE, OFFICE_NAME, UnitKind.PROVINCE, None, None)
        session.execute(insert(table_of(Unit)), [unit])
        session.execute(insert(table_of(UnitEvent)), [writer.event(unit, OFFICE_FOUNDED)])
        summary.unit_events += 1
    settings = init_office(
        session,
        code=OFFICE_CODE,
        name=OFFICE_NAME,
        level="province",
        place=OFFICE_PLACE,
        chair_name=CHAIR_NAME,
    )
    settings.chair_title = CHAIR_TITLE
    settings.parent_name = settings.parent_name or OFFICE_PARENT_NAME
    save_office(session, settings)
    summary.office_created = True


def load_demo(
    db: AppDatabase,
    *,
    members_per_unit: tuple[int, int] = (15, 60),
    seed: int = 2023,
    progress: Progress = None,
) -> DemoSummary:
    """Load the Lai Châu demo (one transaction); ``progress(done, total)`` per upper union.

    Into an empty database the office is set up as LĐLĐ tỉnh Lai Châu (LC); into an LC
    database the units go under its own unit. Anything else, or loading twice, raises
    :class:`UserError` and changes nothing.
    """
    low, high = members_per_unit
    if not 0 <= low <= high:
        raise ValueError(f"members_per_unit must be 0 <= low <= high, got {members_per_unit}")
    previous_code = db.office_code
    office = previous_code or OFFICE_CODE
    db.set_office_code(office)
    summary = DemoSummary()
    try:
        with db.transaction() as session:
            needs_office = _check_target(session)
            writer = _Writer(seed, OFFICE_CODE, utcnow())
            if needs_office:
                _setup_office(session, writer, summary)
            top = find_by_code(session, OFFICE_CODE)
            if top is None or top.kind != UnitKind.PROVINCE:
                raise UserError("Không tìm thấy đơn vị cấp tỉnh LC để nạp dữ liệu mẫu.")
            _load_units(session, writer, top.id, seed, (low, high), progress, summary)
    except BaseException:
        db.set_office_code(previous_code)
        raise
    return summary


def _load_units(
    session: Session,
    writer: _Writer,
    top_id: uuid.UUID,
    seed: int,
    bounds: tuple[int, int],
    progress: Progress,
    summary: DemoSummary,
) -> None:
    unit_names = grassroots_names(seed)
    dates = random.Random(f"{seed}:dates")
    people = random.Random(f"{seed}:members")
    total = len(UPPER_UNIONS)
    if progress is not None:
        progress(0, total)
    unit_table, event_table = table_of(Unit), table_of(UnitEvent)
    member_table, count_table = table_of(Member), table_of(UnitMemberCount)
    common = writer.common
    name_cache: dict[str, tuple[str, str, str]] = {}
    chair = names.OFFICERS["chair"]
    for done, upper in enumerate(UPPER_UNIONS, start=1):
        upper_row = writer.unit(upper.code, upper.name, UnitKind.UPPER, upper.sector, top_id)
        units, events = [upper_row], [writer.event(upper_row, upper.founded)]
        members: list[dict] = []
        counts: list[dict] = []
        mix = _MIX[upper.mix]
        for number, (name, sector) in enumerate(unit_names[upper.code], start=1):
            unit = writer.unit(
                f"{upper.code}-{number:03d}", f"CĐCS {name}", UnitKind.GRASSROOTS, sector, upper_row["id"]
            )
            units.append(unit)
            events.append(writer.event(unit, _random_date(dates, upper.founded, date(2020, 12, 31))))
            size = _unit_size(people, name, bounds)
            female_share = _FEMALE_SHARE.get(sector, 0.5)
            female = 0
            for position in _positions(size, sector, people):
                gender = Gender.FEMALE if people.random() < female_share else Gender.MALE
                female += gender == Gender.FEMALE
                full_name, folded, sort_key = _name_keys(
                    _full_name(people, mix, gender.value), name_cache
                )
                if position == chair:
                    born = _random_date(people, date(1968, 1, 1), date(1988, 12, 31))
                else:
                    born = _random_date(people, _DOB_FIRST, _DOB_LAST)
                joined_year = min(AS_OF.year - 1, born.year + people.randint(21, 30))
                joined = _random_date(people, date(joined_year, 1, 1), date(joined_year, 12, 31))
                members.append(
                    {
                        "id": writer.new_id(),
                        "full_name": full_name,
                        "name_folded": folded,
                        "sort_key": sort_key,
                        "gender": gender.value,
                        "date_of_birth": born,
                        "unit_id": unit["id"],
                        "position": position,
                        "member_since": joined,
                        **common,
                    }
                )
            last_year = max(0, size + people.randint(-4, 3))
            last_female = round(female * last_year / size) if size else 0
            last_female = min(last_year, max(0, last_female + people.randint(-1, 1)))
            for year, count, women in ((2022, last_year, last_female), (2023, size, female)):
                counts.append(
                    {
                        "id": writer.new_id(),
                        "unit_id": unit["id"],
                        "year": year,
                        "members": count,
                        "female": women,
                        **common,
                    }
                )
        session.execute(insert(unit_table), units)
        session.execute(insert(event_table), events)
        if members:
            session.execute(insert(member_table), members)
        session.execute(insert(count_table), counts)
        summary.upper_units += 1
        summary.grassroots_units += len(units) - 1
        summary.members += len(members)
        summary.member_counts += len(counts)
        summary.unit_events += len(events)
        if progress is not None:
            progress(done, total)
