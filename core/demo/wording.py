"""The wording of the demo initiatives (:mod:`core.demo.register`): name templates and the
words that fill them, body texts, kinds of unit, as read from ``resources/demo/``
(``initiative_words.json``, ``initiative_templates.json``, ``initiative_texts.json``,
``initiative_domains.json``).

Names come from templates per kind of unit ("domain": primary school, hospital, commune,
hydropower plant …): "Sử dụng sơ đồ tư duy trong dạy học môn {course}" with {course} one of
the curriculum's subjects and grades. Every text is kept with its folded form
(:func:`core.common.text.fold`), so the register's search columns are built piece by piece.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.common.text import clean, fold
from core.demo.data import load
from core.demo.org import Weighted
from db.models import InitiativeField, InitiativeKind

Piece = tuple[str, str]  # (text, fold(text))


def piece(text: str) -> Piece:
    text = clean(text)
    return text, fold(text)


def pieces(values: Sequence[str]) -> tuple[Piece, ...]:
    return tuple(piece(v) for v in values)


# ---- templates ----------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")


class Template:
    """A pattern with ``{slot}`` places; filled with pieces, it gives text and folded text
    at once (folding commutes with filling: slots hold clean text, never empty)."""

    __slots__ = ("folded", "kind", "field", "pattern", "slots")

    def __init__(self, pattern: str, kind: InitiativeKind | None = None,
                 field: InitiativeField | None = None):
        self.pattern = clean(pattern)
        self.folded = fold(self.pattern)
        self.slots = tuple(dict.fromkeys(_SLOT.findall(self.pattern)))
        self.kind = kind
        self.field = field

    def fill(self, rng: random.Random, slots: dict[str, tuple[Piece, ...]],
             fixed: dict[str, Piece]) -> Piece:
        if not self.slots:
            return self.pattern, self.folded
        text, folded = {}, {}
        for name in self.slots:
            value = fixed.get(name) or rng.choice(slots[name])
            text[name], folded[name] = value
        return self.pattern.format(**text), self.folded.format(**folded)


Entries = list[tuple[float, Template]]  # (weight, template)


def choice(entries: Sequence[tuple[float, Template]]) -> Weighted:
    """Weighted choice among templates given as (weight, template)."""
    return Weighted([(template, weight) for weight, template in entries])


def _template(row: dict[str, Any]) -> tuple[float, Template]:
    field = row.get("field")
    return row["weight"], Template(row["pattern"], InitiativeKind(row["kind"]),
                                   InitiativeField(field) if field else None)


def _templates(rows: list[dict[str, Any]]) -> Entries:
    return [_template(row) for row in rows]


# ---- slot words -------------------------------------------------------------------------

_WORDS = load("initiative_words")


def _level_words(level: str) -> dict[str, tuple[str, ...]]:
    """{level}_course ("Toán lớp 4", repeated by the subject's weight) and {level}_grade
    ("lớp 4", the grades of the level's subjects)."""
    subjects = _WORDS["subjects"][level]
    first = min(s["grades"][0] for s in subjects)
    last = max(s["grades"][1] for s in subjects)
    return {
        f"{level}_course": tuple(
            _WORDS["course"].format(subject=s["subject"], grade=grade)
            for s in subjects
            for grade in range(s["grades"][0], s["grades"][1] + 1)
            for _ in range(s["weight"])
        ),
        f"{level}_grade": tuple(
            _WORDS["grade"].format(grade=grade) for grade in range(first, last + 1)
        ),
    }


def _slot_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, tuple[str, ...]] = {}
    for level in ("primary", "lower", "upper"):
        words.update(_level_words(level))
    words["upper_subject"] = tuple(
        s["subject"] for s in _WORDS["subjects"]["upper"] for _ in range(s["weight"])
    )
    words.update((name, tuple(values)) for name, values in _WORDS["slots"].items())
    return words


# Slot values, text and folded. Repeated entries weigh more.
SLOTS: dict[str, tuple[Piece, ...]] = {k: pieces(v) for k, v in _slot_words().items()}

# ---- name templates ----------------------------------------------------------------------

_TEMPLATES = load("initiative_templates")
_SHARED = {name: _templates(rows) for name, rows in _TEMPLATES["shared"].items()}


def _domain_templates(items: list[str | dict[str, Any]]) -> Entries:
    """Templates of a domain: each item a template, or the name of a shared list."""
    out: Entries = []
    for item in items:
        if isinstance(item, str):
            out += _SHARED[item]
        else:
            out.append(_template(item))
    return out


# Per kind of unit ("domain"); {unit} is the unit, {place} its commune or district, {cdcs}
# the grassroots union itself.
DOMAIN_TEMPLATES: dict[str, Entries] = {
    domain: _domain_templates(items) for domain, items in _TEMPLATES["domains"].items()
}
COVID_TEMPLATES: dict[str, Entries] = {
    key: _templates(rows) for key, rows in _TEMPLATES["covid"].items()
}
RESEARCH_TEMPLATES: dict[str, Entries] = {
    key: _templates(rows) for key, rows in _TEMPLATES["research"].items()
}
UNION_TEMPLATES: Entries = _templates(_TEMPLATES["union"])

# ---- body texts per group of domains ----------------------------------------------------


@dataclass(frozen=True)
class Texts:
    objectives: tuple[Piece, ...]
    details: tuple[Piece, ...]
    social: tuple[Template, ...]
    conditions: tuple[str, ...]
    peers: str
    # Of the unit's group (see register._benefits): chance of an economic benefit, its median
    benefit_share: float = 0.0
    benefit_median: int = 0  # đồng per year


def _texts(row: dict[str, Any]) -> Texts:
    return Texts(
        pieces(row["objectives"]),
        pieces(row["details"]),
        tuple(Template(pattern) for pattern in row["social"]),
        tuple(row["conditions"]),
        row["peers"],
        row.get("benefit_share", 0.0),
        row.get("benefit_median", 0),
    )


_TEXTS = load("initiative_texts")
GROUP_TEXTS: dict[str, Texts] = {group: _texts(row) for group, row in _TEXTS["groups"].items()}
UNION_TEXTS = _texts(_TEXTS["union"])
COVID_TEXTS = _texts(_TEXTS["covid"])
STEPS: tuple[str, ...] = tuple(_TEXTS["steps"])
SCOPE: str = _TEXTS["scope"]  # {peers}
REJECTIONS: dict[str, str] = dict(_TEXTS["rejections"])
REJECTION_KEYS = tuple(REJECTIONS)  # "window" first: not for the yearly movement (no window)
AWARD_BLDST: str = _TEXTS["awards"]["creative_labour"]
AWARD_CONTEST: tuple[str, ...] = tuple(_TEXTS["awards"]["contest"])  # seed 000's prizes
AWARD_PROVINCE: str = _TEXTS["awards"]["province"]  # {year}

# ---- kinds of unit ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    domain: str
    starts: tuple[str, ...]
    contains: tuple[str, ...]

    def matches(self, name: str) -> bool:
        return name.startswith(self.starts) or any(w in name for w in self.contains)


@dataclass(frozen=True)
class _Rules:
    group: str
    rules: tuple[_Rule, ...]
    otherwise: str


def _rules(row: dict[str, Any]) -> _Rules:
    return _Rules(
        row["group"],
        tuple(_Rule(r["domain"], tuple(r.get("starts", ())), tuple(r.get("contains", ())))
              for r in row["rules"]),
        row["otherwise"],
    )


_DOMAINS = load("initiative_domains")
_SECTOR_RULES = {sector: _rules(row) for sector, row in _DOMAINS["sectors"].items()}
_OTHER_RULES = _rules(_DOMAINS["other_sectors"])
GROUP_FIELD: dict[str, InitiativeField] = {
    group: InitiativeField(field) for group, field in _DOMAINS["fields"]["groups"].items()
}
DOMAIN_FIELD: dict[str, InitiativeField] = {
    domain: InitiativeField(field) for domain, field in _DOMAINS["fields"]["domains"].items()
}
_SUFFIXES = _DOMAINS["decision_suffixes"]
UNION_SUFFIX: str = _SUFFIXES["union_work"]  # decided by the grassroots union
COUNCIL_SUFFIX: str = _SUFFIXES["council"]  # by the unit's initiative council
HEAD_SUFFIX: dict[str, str] = dict(_SUFFIXES["head"])  # by the head of the unit, per domain

_PLACE = re.compile(r"\b((?:xã|phường|thị trấn|huyện|thành phố) [^,;()]+)$", re.IGNORECASE)


def place(name: str) -> str:
    """The commune, ward or district a unit's name ends with ("xã Bản Lang"), or ""."""
    match = _PLACE.search(name)
    if not match:
        return ""
    first, rest = match.group(1).split(" ", 1)
    return f"{first.lower()} {rest}"


def domain_of(name: str, sector: str | None) -> tuple[str, str]:
    """(group, domain) of a unit, from its sector and the words of its name."""
    rules = _SECTOR_RULES.get(sector, _OTHER_RULES)
    for rule in rules.rules:
        if rule.matches(name):
            return rules.group, rule.domain
    return rules.group, rules.otherwise


_DOMAIN_CACHE: dict[str, tuple[Weighted, Weighted, Weighted | None, dict]] = {}


def domain_parts(group: str, domain: str) -> tuple[Weighted, Weighted, Weighted | None, dict]:
    """(name templates, Covid-19 templates, research templates or None, slot words) of a
    kind of unit; {course}, {grade} and {subject} are those of its school level."""
    key = f"{group}:{domain}"
    if key not in _DOMAIN_CACHE:
        slots = dict(SLOTS)
        level = {"primary": "primary", "lower": "lower", "upper": "upper"}.get(domain, "upper")
        slots["course"] = SLOTS[f"{level}_course"]
        slots["grade"] = SLOTS[f"{level}_grade"]
        slots["subject"] = SLOTS["upper_subject"]
        if domain in ("primary", "lower", "upper"):
            covid = COVID_TEMPLATES["school"]
        elif domain == "preschool":
            covid = COVID_TEMPLATES["preschool"]
        elif group == "health":
            covid = COVID_TEMPLATES["health"]
        else:
            covid = COVID_TEMPLATES["other"]
        research = {"education": "education", "health": "health"}.get(group)
        if research is None and domain == "agri":
            research = "other"
        _DOMAIN_CACHE[key] = (
            choice(DOMAIN_TEMPLATES[domain]),
            choice(covid),
            choice(RESEARCH_TEMPLATES[research]) if research else None,
            slots,
        )
    return _DOMAIN_CACHE[key]
