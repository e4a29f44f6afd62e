"""Demo initiative register for the Lai Châu demo (seed 000, seed 003).

:func:`load_demo_register` adds to a database that already holds the demo units
(:func:`core.demo.org.load_demo`) the register of LĐLĐ tỉnh Lai Châu as seed 000 reports it on
06/3/2023: 2,412 initiatives in the "01 triệu sáng kiến" programme, 1,775 of them registered
in phase 1 (to 31/5/2022), all uploaded to the national portal, "hơn 15 tỉ đồng" of benefit,
six Creative Labour certificates in 2022; statuses in seed 003's proportions (136 valid,
260 under review of 396). By default a few hundred initiatives of the yearly "Lao động
giỏi, lao động sáng tạo" movement (2024–2025) follow.

Initiatives go to the CĐCS roughly in proportion to their members, more in schools, health
and administration than in enterprises (seed 000 §II.1.1). Names, objectives and effects
come from templates per kind of unit ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4";
:mod:`core.demo.wording`, its words in ``resources/demo/``); authors are members of the
unit. Everything is derived from the seed (ids included), so the same seed on the same demo
gives the same register; only row timestamps differ.

Rows are written with Core bulk inserts in chunks, in one transaction; the search forms
(``*_folded``) are built from pre-folded pieces, equal to what core.initiatives.records._apply
stores. A million initiatives (``count=1_000_000``, for benchmarks) load in a few minutes.
"""

from __future__ import annotations

import itertools
import math
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import fold
from core.demo import wording
from core.demo.org import MARKER_CODE, OFFICE_CODE, UPPER_UNIONS, Progress, Weighted
from core.demo.wording import Piece, Template, Texts, piece, pieces
from core.initiatives.records import AuthorInput, authors_text, lead_author, next_number, next_seq
from core.org.units import find_by_code
from db.bulk import bulk_insert, insert_triggers_deferred, larger_cache
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeField,
    InitiativeKind,
    InitiativeStatus,
    Member,
    Programme,
    ProgrammePhase,
    Recogniser,
    Sector,
    Unit,
    UnitKind,
    new_row_stamp,
    table_of,
    utcnow,
)

PROGRAMME_CODE = "1TRIEU-SK"
YEARLY_CODE = "LDG-LDST"
DEFAULT_COUNT = 2412  # seed 000: 2.412/2.300 initiatives on 06/3/2023
DEFAULT_PHASE1 = 1775  # seed 000: 1.775/1.200 at the end of phase 1 (31/5/2022)
DEFAULT_YEARLY = 300  # "Lao động giỏi, lao động sáng tạo", 2024 and 2025
YEARLY_SPLIT = {2024: 0.56, 2025: 0.44}
REPORT_DATE = date(2023, 3, 6)  # the date of seed 000: phase 2 registrations stop here
VALID_SHARE = 136 / 396  # seed 003
BENEFIT_TOTAL = 15_600_000_000  # seed 000: "hơn 15 tỉ đồng" for the 2,412
# Seed 003 knows only valid and under review (396 = 136 + 260), and seed 000 counts 2,412
# registered against the 2,300 target: no rejections in the programme, so the demo shows
# 2,412/2,300 = 105% and 1,775/1,200 = 148%. The yearly movement has a few.
REJECTED_SHARE = 0.0
CHUNK = 20_000

K = InitiativeKind
F = InitiativeField


# ---- units --------------------------------------------------------------------------------

_SECTOR_WEIGHT = {  # seed 000 §II.1.1: most in schools, few in enterprises
    Sector.EDUCATION: 1.5,
    Sector.HEALTH: 1.3,
    Sector.ADMINISTRATION: 1.0,
    Sector.ENTERPRISE: 0.35,
    Sector.OTHER: 0.8,
}


@dataclass
class _Unit:
    id: uuid.UUID
    group: str  # education | health | administration | enterprise
    domain: str  # key of wording.DOMAIN_TEMPLATES
    field: InitiativeField  # of its initiatives, unless the template says otherwise
    unit: Piece  # the unit's own name ("Trường THCS xã Bản Lang")
    fixed: dict[str, Piece]  # slots filled from the unit: {unit}, {cdcs}, {place}
    unit_folded: str  # fold of the union's name, as core.initiatives.records._apply stores it
    scope: str
    members: list[tuple[uuid.UUID, str, str]]  # (id, full name, folded name)
    templates: Weighted
    covid: Weighted
    research: Weighted | None
    slots: dict[str, tuple[Piece, ...]]


def _make_unit(uid: uuid.UUID, name: str, sector: str | None, area: str,
               members: list[tuple[uuid.UUID, str, str]]) -> _Unit:
    own = name.removeprefix("CĐCS ").strip()
    group, domain = wording.domain_of(own, sector)
    templates, covid, research, slots = wording.domain_parts(group, domain)
    return _Unit(
        id=uid, group=group, domain=domain,
        field=wording.DOMAIN_FIELD.get(domain) or wording.GROUP_FIELD.get(group, F.OTHER),
        unit=piece(own),
        fixed={"unit": piece(own), "cdcs": piece(name), "place": piece(wording.place(own) or area)},
        unit_folded=fold(name),
        scope=wording.SCOPE.format(peers=wording.GROUP_TEXTS[group].peers),
        members=members, templates=templates, covid=covid, research=research, slots=slots,
    )


# ---- loading ------------------------------------------------------------------------------

@dataclass
class _Plan:
    """Per-row decisions that need the whole register at once (quotas, awards, the benefit
    total); row ``i`` of the register is built from item ``i`` of each list."""

    units: list[_Unit]
    dates: list[int]  # registration day (ordinal), ascending
    yearly: list[bool]  # False: the 01-triệu programme; True: the yearly movement
    statuses: list[InitiativeStatus]
    reasons: list[str]  # key of wording.REJECTIONS for rejected ones, else ""
    awards: dict[int, str]
    benefits: list[int | None]


def _spread(rng: random.Random, n: int, segments: Sequence[tuple[float, date, date]]) -> list[int]:
    """``n`` day ordinals: shares of them uniform over each segment; Sundays move to Monday."""
    days: list[int] = []
    weights = [w for w, _, _ in segments]
    total = sum(weights)
    counts = [math.floor(n * w / total) for w in weights]
    counts[-1] += n - sum(counts)
    for (_, first, last), k in zip(segments, counts, strict=True):
        lo, hi = first.toordinal(), last.toordinal()
        for _ in range(k):
            d = rng.randint(lo, hi)
            if d % 7 == 0 and d < hi:  # Sunday
                d += 1
            days.append(d)
    days.sort()
    return days


def _quota(rng: random.Random, n: int, shares: Sequence[tuple[InitiativeStatus, float]]
           ) -> list[InitiativeStatus]:
    """``n`` statuses in exactly the given shares (the last one takes the rest), shuffled."""
    out: list[InitiativeStatus] = []
    for status, share in shares[:-1]:
        out += [status] * round(n * share)
    out = out[:n] + [shares[-1][0]] * max(0, n - len(out))
    rng.shuffle(out)
    return out


def _plan(rng: random.Random, units: list[_Unit], count: int, phase1: int, yearly: int,
          phases: dict[int, tuple[date, date]]) -> _Plan:
    p1_start, p1_end = phases[1]
    p2_start, p2_end = phases[2][0], min(phases[2][1], REPORT_DATE)
    # Phase 1: a slow start, then the 40-day peak campaign (seed 000) up to 31/5/2022.
    peak = p1_end - timedelta(days=40)
    dates = _spread(rng, phase1, [
        (0.15, p1_start, date(2021, 12, 31)),
        (0.40, date(2022, 1, 1), peak - timedelta(days=1)),
        (0.45, peak, p1_end),
    ])
    phase2 = count - phase1
    dates += _spread(rng, phase2, [(1.0, p2_start, p2_end)])
    # Statuses: seed 003's share of valid ones overall; older registrations reviewed more.
    valid = round(count * VALID_SHARE)
    valid2 = min(phase2, round(valid * 0.18) if phase1 else valid)
    valid1 = min(phase1, valid - valid2)
    statuses: list[InitiativeStatus] = []
    for n, v in ((phase1, valid1), (phase2, valid2)):
        statuses += _quota(rng, n, [
            (InitiativeStatus.VALID, v / n if n else 0.0),
            (InitiativeStatus.REJECTED, REJECTED_SHARE),
            (InitiativeStatus.UNDER_REVIEW, 1.0),
        ])
    flags = [False] * count
    years = sorted(YEARLY_SPLIT)
    left = yearly
    for i, year in enumerate(years):
        last = i == len(years) - 1
        n = left if last else round(yearly * YEARLY_SPLIT[year])
        left -= n
        dates += _spread(rng, n, [(1.0, date(year, 1, 3), date(year, 12, 28))])
        flags += [True] * n
        statuses += _quota(rng, n, [
            (InitiativeStatus.VALID, 0.65), (InitiativeStatus.REJECTED, 0.03),
            (InitiativeStatus.UNDER_REVIEW, 1.0),
        ] if not last else [
            (InitiativeStatus.VALID, 0.30), (InitiativeStatus.DRAFT, 0.15),
            (InitiativeStatus.REJECTED, 0.02), (InitiativeStatus.UNDER_REVIEW, 1.0),
        ])
    reasons = [
        rng.choice(wording.REJECTION_KEYS[1:] if flag else wording.REJECTION_KEYS)
        if status == InitiativeStatus.REJECTED else ""
        for status, flag in zip(statuses, flags, strict=True)
    ]
    # Awards: six Creative Labour certificates in 2022 and the provincial contest's five
    # prizes (seed 000), scaled with the register; certificates of merit for a few more.
    awards: dict[int, str] = {}
    candidates = [i for i in range(phase1) if statuses[i] == InitiativeStatus.VALID]
    scale = count / DEFAULT_COUNT
    k_bldst = min(len(candidates), max(1, round(6 * scale)))
    k_contest = min(len(candidates) - k_bldst, round(5 * scale))
    chosen = rng.sample(candidates, k_bldst + k_contest)
    prizes = set(chosen)
    for i in chosen[:k_bldst]:
        awards[i] = wording.AWARD_BLDST
    for j, i in enumerate(chosen[k_bldst:]):
        awards[i] = wording.AWARD_CONTEST[j % len(wording.AWARD_CONTEST)]
    for i, status in enumerate(statuses):
        if status == InitiativeStatus.VALID and i not in awards and rng.random() < 0.03:
            awards[i] = wording.AWARD_PROVINCE.format(year=max(date.fromordinal(dates[i]).year, 2022))
    benefits = _benefits(rng, units, reasons, prizes, count)
    return _Plan(units, dates, flags, statuses, reasons, awards, benefits)


def _benefits(rng: random.Random, units: list[_Unit], reasons: list[str], prizes: set[int],
              count: int) -> list[int | None]:
    """Economic benefit (đồng per year) of each initiative, or None: for about 40% of them,
    more often and larger in enterprises; the programme's total is seed 000's "hơn 15 tỉ
    đồng" scaled to ``count``. Prize winners have a large benefit."""
    raw: list[float | None] = []
    for i, unit in enumerate(units):
        texts = wording.GROUP_TEXTS[unit.group]
        value = None
        if reasons[i] == "benefit":
            pass
        elif i in prizes:
            value = max(texts.benefit_median * 6 * math.exp(rng.gauss(0.0, 0.5)), 80_000_000)
        elif rng.random() < texts.benefit_share:
            value = texts.benefit_median * math.exp(rng.gauss(0.0, 1.0))
        raw.append(value)
    fixed = sum(v for i, v in enumerate(raw[:count]) if v is not None and i in prizes)
    free = sum(v for i, v in enumerate(raw[:count]) if v is not None and i not in prizes)
    target = BENEFIT_TOTAL * count / DEFAULT_COUNT
    factor = max(0.1, (target - fixed) / free) if free else 1.0
    return [
        None if v is None else max(500_000, int(round(v * (1.0 if i in prizes else factor), -5)))
        for i, v in enumerate(raw)
    ]


class _Generator:
    def __init__(self, seed: int, office: str, programmes: tuple[uuid.UUID, uuid.UUID],
                 window_start: date, phases: dict[int, tuple[date, date]], seq: int,
                 numbers: dict[int, int], with_authors: bool):
        self.rng = random.Random(f"{seed}:register")
        self._ids = random.Random(f"{seed}:register-ids")
        self.office = office
        self.programmes = programmes
        self.window_start = window_start
        self.phase_ends = sorted((end.toordinal(), start.toordinal(), number)
                                 for number, (start, end) in phases.items())
        self.seq = seq
        self.numbers = numbers
        self.with_authors = with_authors
        now = utcnow()
        self.common = new_row_stamp(office, now)
        self._decision_numbers: dict[tuple[uuid.UUID, int], int] = {}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    def _template(self, unit: _Unit, registered: date, yearly: bool) -> tuple[Template, Texts]:
        r = self.rng.random()
        # Covid-19 solutions: most in phase 1, some in phase 2, none in later years.
        covid = 0.0 if yearly else 0.08 if registered < _COVID_EASED else 0.03
        if r < covid:
            return unit.covid.pick(self.rng), wording.COVID_TEXTS
        r -= covid
        if r < 0.05:
            return _UNION_CHOICE.pick(self.rng), wording.UNION_TEXTS
        r -= 0.05
        if unit.research is not None and r < 0.012:
            return unit.research.pick(self.rng), wording.GROUP_TEXTS[unit.group]
        return unit.templates.pick(self.rng), wording.GROUP_TEXTS[unit.group]

    def _phase(self, day: int) -> int | None:
        for end, start, number in self.phase_ends:
            if start <= day <= end:
                return number
        return None

    def row(self, plan: _Plan, i: int) -> tuple[dict, list[dict]]:
        rng = self.rng
        unit = plan.units[i]
        day = plan.dates[i]
        registered = date.fromordinal(day)
        yearly = plan.yearly[i]
        status = plan.statuses[i]
        reason = plan.reasons[i]
        award = plan.awards.get(i, "")
        economic = plan.benefits[i]

        template, texts = self._template(unit, registered, yearly)
        name, name_folded = template.fill(rng, unit.slots, unit.fixed)
        kind = template.kind
        if kind is None:  # title templates always name their kind; only social texts have none
            raise ValueError(f"initiative template without a kind: {template.pattern}")
        if kind == K.COVID and unit.group == "health":
            field_ = F.HEALTH
        else:
            field_ = template.field or unit.field
        objective = rng.choice(texts.objectives)
        description = rng.choice(texts.details)
        social_text = social_folded = ""
        if reason != "benefit" and (economic is None or rng.random() < 0.5):
            social_text, social_folded = rng.choice(texts.social).fill(rng, _NUMBER_SLOTS, {})

        # Eligibility facts, consistent with the status (and the reason of a rejection).
        outside = reason == "window" or (
            status == InitiativeStatus.UNDER_REVIEW and not yearly and rng.random() < 0.025
        )
        start = date(registered.year, 1, 1) if yearly else self.window_start
        if outside:
            first_applied = start - timedelta(days=rng.randint(20, 500))
        else:
            lo = max(start.toordinal(), day - 240)
            first_applied = date.fromordinal(rng.randint(lo, max(lo, day - rng.randint(0, 10))))
        if status == InitiativeStatus.VALID:
            recognised = True
        elif status == InitiativeStatus.DRAFT or reason == "recognised":
            recognised = False
        else:
            recognised = rng.random() < 0.6
        recogniser = decision = None
        decision_number = ""
        if recognised:
            recogniser = Recogniser.COUNCIL if rng.random() < 0.75 else Recogniser.HEAD
            # Never before the registration: a council recognises what was registered.
            decision = max(registered, first_applied, min(
                first_applied + timedelta(days=rng.randint(15, 120)),
                registered + timedelta(days=rng.randint(0, 45)),
                date(registered.year, 12, 31) if yearly else REPORT_DATE,
            ))
            if kind == K.UNION_WORK:
                suffix = wording.UNION_SUFFIX
            elif recogniser == Recogniser.COUNCIL:
                suffix = wording.COUNCIL_SUFFIX
            else:
                suffix = wording.HEAD_SUFFIX[unit.domain]
            decision_number = f"{self._decision_number(unit.id, decision.year):02d}/{suffix}"

        uploaded = not yearly and status != InitiativeStatus.DRAFT
        uploaded_on = None
        if uploaded:
            uploaded_on = min(registered + timedelta(days=rng.randint(0, 5)),
                              max(REPORT_DATE, registered))

        # Authors: one to three members of the unit; the lead has the highest share.
        r = rng.random()
        people = rng.sample(unit.members, min(1 if r < 0.55 else 2 if r < 0.85 else 3,
                                              len(unit.members)))
        shares = rng.choice(_SHARES[len(people)])
        authors = [AuthorInput(name_, unit.unit[0], share, mid)
                   for (mid, name_, _), share in zip(people, shares, strict=True)]
        authors_folded = " ".join(f"{folded} {unit.unit[1]}" for _, _, folded in people)

        year = registered.year
        number = self.numbers[year]
        self.numbers[year] = number + 1
        seq = self.seq
        self.seq += 1
        iid = self.new_id()
        row = {
            "id": iid,
            "seq": seq,
            "number": f"{self.office}-SK-{year}-{number:05d}",
            "name": name,
            "kind": kind.value,
            "field": field_.value,
            "programme_id": self.programmes[yearly],
            "phase_number": year if yearly else self._phase(day),
            "unit_id": unit.id,
            "registered_on": registered,
            "objective": objective[0],
            "steps": rng.choice(wording.STEPS),
            "scope": unit.scope,
            "description": description[0],
            "conditions": rng.choice(texts.conditions),
            "first_applied_on": first_applied,
            "trial_only": rng.random() < 0.08,
            "economic_benefit": economic,
            "social_benefit": social_text,
            "recognised_by": recogniser.value if recogniser else None,
            "decision_number": decision_number,
            "decision_date": decision,
            "status": status.value,
            "rejection_reason": wording.REJECTIONS[reason] if reason else "",
            "new_in_unit": reason not in ("new", "routine"),
            "ip_protected": False,
            "unlawful": False,
            "confidential": rng.random() < 0.05,
            "portal_uploaded": uploaded,
            "portal_uploaded_on": uploaded_on,
            "awards": award,
            "authors_text": authors_text(authors),
            "lead_author": lead_author(authors).full_name,
            "name_folded": name_folded,
            "authors_folded": authors_folded,
            # = fold(" ".join([description, objective, social_benefit])), piece by piece
            "description_folded": f"{description[1]} {objective[1]} {social_folded}".rstrip(),
            "unit_folded": unit.unit_folded,
            **self.common,
        }
        if not self.with_authors:
            return row, []
        return row, [
            {
                "id": self.new_id(),
                "initiative_id": iid,
                "position": position,
                "member_id": a.member_id,
                "full_name": a.full_name,
                "unit_text": a.unit_text,
                "share": a.share,
                **self.common,
            }
            for position, a in enumerate(authors)
        ]

    def _decision_number(self, unit_id: uuid.UUID, year: int) -> int:
        """A unit's decisions of a year are numbered upward, several initiatives per decision."""
        key = (unit_id, year)
        n = self._decision_numbers.get(key) or self.rng.randint(1, 30)
        self._decision_numbers[key] = n + self.rng.randint(0, 3)
        return n


_COVID_EASED = date(2022, 6, 1)
_UNION_CHOICE = wording.choice(wording.UNION_TEMPLATES)
_SHARES = {
    1: ((100,),),
    2: ((50, 50), (60, 40), (60, 40), (70, 30), (55, 45)),
    3: ((40, 30, 30), (34, 33, 33), (50, 30, 20), (50, 25, 25), (60, 20, 20)),
}
_NUMBER_SLOTS = {
    "pct": pieces([str(n) for n in range(5, 41)]),
    "minutes": pieces([str(n) for n in range(10, 61, 5)]),
}


def _demo_units(session: Session) -> tuple[list[_Unit], list[float]]:
    """The demo's CĐCS that have members, with their weights; raises UserError when there
    are none, or when they already have initiatives."""
    if find_by_code(session, MARKER_CODE) is None:
        raise UserError(
            "Chưa có dữ liệu mẫu của LĐLĐ tỉnh Lai Châu trong cơ sở dữ liệu này; "
            "hãy nạp dữ liệu mẫu (các đơn vị và đoàn viên) trước khi nạp sổ sáng kiến mẫu."
        )
    uppers = {uid: name for uid, name in session.execute(
        select(Unit.id, Unit.name).where(Unit.code.in_([u.code for u in UPPER_UNIONS])))}
    units = session.execute(
        select(Unit.id, Unit.name, Unit.sector, Unit.parent_id)
        .where(Unit.kind == UnitKind.GRASSROOTS, Unit.parent_id.in_(list(uppers)),
               Unit.merged_into_id.is_(None), Unit.deleted_at.is_(None))
        .order_by(Unit.code)
    ).all()
    if not units:
        raise UserError("Không tìm thấy CĐCS nào của dữ liệu mẫu để nạp sổ sáng kiến mẫu.")
    existing = session.scalar(
        select(func.count()).select_from(Initiative).join(Unit, Unit.id == Initiative.unit_id)
        .where(Unit.kind == UnitKind.GRASSROOTS, Unit.parent_id.in_(list(uppers)))
    )
    if existing:
        count = f"{existing:,}".replace(",", ".")
        raise UserError(
            f"Các CĐCS của dữ liệu mẫu đã có {count} sáng kiến (sổ sáng kiến mẫu đã được "
            "nạp); không nạp lại."
        )
    by_unit: dict[uuid.UUID, list[tuple[uuid.UUID, str, str]]] = {u.id: [] for u in units}
    for mid, name, folded, unit_id in session.execute(
        select(Member.id, Member.full_name, Member.name_folded, Member.unit_id)
        .where(Member.unit_id.in_(list(by_unit)), Member.deleted_at.is_(None))
        .order_by(Member.unit_id, Member.id)
    ):
        by_unit[unit_id].append((mid, name, folded))
    demo_units, weights = [], []
    for u in units:
        members = by_unit[u.id]
        if members:
            area = wording.place(uppers.get(u.parent_id, "")) or "tỉnh Lai Châu"
            demo_units.append(_make_unit(u.id, u.name, u.sector, area, members))
            weights.append(len(members) * _SECTOR_WEIGHT.get(u.sector, 0.8))
    if not demo_units:
        raise UserError(
            "Các CĐCS của dữ liệu mẫu chưa có đoàn viên; không nạp được sổ sáng kiến mẫu."
        )
    return demo_units, weights


def _programme(session: Session, code: str) -> tuple[Programme, dict[int, tuple[date, date]]]:
    programme = session.scalar(select(Programme).where(Programme.code == code))
    if programme is None:
        raise UserError(f"Không tìm thấy chương trình {code} trong cơ sở dữ liệu.")
    phases = {
        number: (starts, ends)
        for number, starts, ends in session.execute(
            select(ProgrammePhase.number, ProgrammePhase.starts_on, ProgrammePhase.ends_on)
            .where(ProgrammePhase.programme_id == programme.id, ProgrammePhase.deleted_at.is_(None))
            .order_by(ProgrammePhase.number)
        )
    }
    return programme, phases


def load_demo_register(
    db: AppDatabase,
    *,
    count: int | None = None,
    yearly: int | None = None,
    seed: int = 2023,
    progress: Progress = None,
    with_authors: bool = True,
) -> int:
    """Add the demo initiative register (one transaction); returns how many initiatives.

    ``count`` initiatives go to the "01 triệu sáng kiến" programme (default 2,412, of which
    1,775 in phase 1 — seed 000; other counts keep that split) and ``yearly`` to "Lao động
    giỏi, lao động sáng tạo" in 2024–2025 (default 300 with the default count, else 0).
    ``with_authors=False`` skips the author rows (the register's author columns are still
    filled), for very large benchmark registers. ``progress(done, total)`` per chunk.

    Raises :class:`UserError` (nothing changed) without the demo units, or when the demo
    units already have initiatives.
    """
    if count is None:
        count = DEFAULT_COUNT
        yearly = DEFAULT_YEARLY if yearly is None else yearly
    yearly = yearly or 0
    if count < 0 or yearly < 0:
        raise ValueError("count and yearly must not be negative")
    phase1 = round(count * DEFAULT_PHASE1 / DEFAULT_COUNT)
    total = count + yearly
    office = db.office_code or OFFICE_CODE
    with db.transaction() as session:
        units, weights = _demo_units(session)
        main, phases = _programme(session, PROGRAMME_CODE)
        movement, _ = _programme(session, YEARLY_CODE)
        if 1 not in phases or 2 not in phases:
            raise UserError(f"Chương trình {PROGRAMME_CODE} thiếu giai đoạn 1 hoặc 2.")
        rng = random.Random(f"{seed}:register-plan")
        picks = rng.choices(units, cum_weights=list(itertools.accumulate(weights)), k=total)
        plan = _plan(rng, picks, count, phase1, yearly, phases)
        numbers = {}
        for year in sorted({date.fromordinal(d).year for d in plan.dates}):
            numbers[year] = int(next_number(session, office, year).rsplit("-", 1)[1])
        gen = _Generator(seed, office, (main.id, movement.id), main.eligible_from or phases[1][0],
                         phases, next_seq(session), numbers, with_authors)
        conn = session.connection()
        with larger_cache(conn, 1024 * 1024), insert_triggers_deferred(conn, gen.seq):
            if progress is not None:
                progress(0, total)
            initiative_table, author_table = table_of(Initiative), table_of(InitiativeAuthor)
            for start in range(0, total, CHUNK):
                stop = min(total, start + CHUNK)
                rows, authors = [], []
                for i in range(start, stop):
                    row, author_rows = gen.row(plan, i)
                    rows.append(row)
                    authors += author_rows
                bulk_insert(conn, initiative_table, rows)
                bulk_insert(conn, author_table, authors)
                if progress is not None:
                    progress(stop, total)
    return total
