"""People's names, positions and Lai Châu's places for the demo (:mod:`core.demo.org`), as
read from ``resources/demo/people.json`` and ``places.json``.

Family names carry rough weights (share among people of that group). Lai Châu is home to
Kinh, Thái, Mông, Dao and Hà Nhì people among others; each group has its own family names
and naming habits (Mông men often have the middle name "A", Dao men "Láo"). Places are the
communes, wards and towns of each district before the 2025 reform.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.demo.data import load, pairs

Weights = tuple[tuple[str, float], ...]

# ---- people -------------------------------------------------------------------------

_PEOPLE = load("people")

# Family names with rough weights, by ethnic group ("kinh", "thai", "hmong", "dao", "hanhi").
FAMILY_NAMES: dict[str, Weights] = {
    group: pairs(rows) for group, rows in _PEOPLE["family_names"].items()
}
# Middle names by gender, with weights (Kinh-style, also used by most other groups).
MIDDLE_NAMES: dict[str, Weights] = {
    gender: pairs(rows) for gender, rows in _PEOPLE["middle_names"].items()
}
GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    gender: tuple(names) for gender, names in _PEOPLE["given_names"].items()
}
# Given names of Mông, Dao and Hà Nhì people (many also use the Kinh-style ones above).
ETHNIC_GIVEN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    group: {gender: tuple(names) for gender, names in by_gender.items()}
    for group, by_gender in _PEOPLE["ethnic_given_names"].items()
}
# Middle names particular to a group, with the share of people of that gender using one.
ETHNIC_MIDDLE_NAMES: dict[str, dict[str, Weights]] = {
    group: {gender: pairs(rows) for gender, rows in by_gender.items()}
    for group, by_gender in _PEOPLE["ethnic_middle_names"].items()
}
# Share of people of each group whose given name is a traditional one (else Kinh-style).
ETHNIC_GIVEN_SHARE: dict[str, float] = dict(_PEOPLE["ethnic_given_share"])
# Ethnic mix of union members by area (civil servants and teachers are more often Kinh
# than the population at large).
ETHNIC_MIX: dict[str, Weights] = {key: pairs(rows) for key, rows in _PEOPLE["ethnic_mix"].items()}

# ---- positions ----------------------------------------------------------------------

_POSITIONS = _PEOPLE["positions"]
# Union officers and plain members: "chair", "vice_chair", "committee", "accountant", "member".
OFFICERS: dict[str, str] = dict(_POSITIONS["officers"])
# Jobs by sector (the "position" of members who are not union officers); repeats weigh more.
JOBS: dict[str, tuple[str, ...]] = {
    sector: tuple(job for job, times in rows for _ in range(times))
    for sector, rows in _POSITIONS["jobs"].items()
}
# The head of a unit, by sector.
HEADS: dict[str, str] = dict(_POSITIONS["heads"])

# ---- places -------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    key: str  # as in the unit codes: "PT" for LC-PT
    area: str  # "huyện Phong Thổ"
    party: str  # its party committee, "Huyện ủy Phong Thổ"
    communes: tuple[str, ...]  # "thị trấn Phong Thổ", "xã Bản Lang", …


DISTRICTS: dict[str, District] = {
    key: District(key, row["area"], row["party"], tuple(row["communes"]))
    for key, row in load("places")["districts"].items()
}
# Communes, wards and towns of each district.
COMMUNES: dict[str, tuple[str, ...]] = {key: d.communes for key, d in DISTRICTS.items()}
