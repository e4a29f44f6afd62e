"""How alike two names or titles are, on rapidfuzz, over folded text (:func:`core.common.text.fold`).

Two questions the app asks, with different answers to "alike":

* **Is this initiative already in the register?** (:func:`likely_same_initiative`, batches
  through :class:`DuplicateIndex`.) A real duplicate is the *same* title retyped — up to
  tones, case, spacing, punctuation and small typos — from the same unit with at least one
  author in common. Offices number their series ("… công tác văn thư số 7", "… số 8",
  "Sáng kiến … năm 2022", "… năm 2023", "học kỳ I", "học kỳ II") and one author often has
  several initiatives whose titles differ by a word ("… môn Toán", "… môn Văn"): a plain
  similarity ratio calls those duplicates (difflib's 85% flagged 13 of 20 distinct rows of a
  real register). So, after folding, two titles are the same only when

  - their numbers are equal — every run of digits and every Roman numeral, in order, as
    numbers ("số 07" = "số 7"; "số 7" ≠ "số 8"; "2022" ≠ "2023"; "I" ≠ "II");
  - their words are equal apart from spacing and punctuation ("Covid-19" = "Covid 19",
    "côngđoàn" = "công đoàn"), the i/y spelling variants ("quản lý" = "quản lí"), and at
    most :func:`typo_budget` words each changed by one typo: one letter inserted, left out,
    replaced, or two swapped (:class:`rapidfuzz.distance.OSA`), in a word of four letters
    or more (shorter syllables one letter apart are other words: khoa "Nội" / "Nhi"). A word added or left out, or a word changed by more than one letter, makes a
    different title.

  and two records are the same initiative when, besides, their units are the same and
  their authors (folded names) overlap — an unknown unit or an empty author list is no
  evidence either way.

* **Which unit did the user mean?** (:func:`closest_names`, the "Có phải …?" hints.) Unit
  names share long stock phrases ("CĐCS Trường THCS …"), which make any two of them look
  70% alike; :func:`name_similarity` therefore scores the words in which two names differ,
  the common leading and trailing words set aside, and only names scoring at least
  :data:`NAME_CUTOFF` are suggested.

Batches use ``rapidfuzz.process.extract`` (``process.cdist`` needs numpy, which the app
does not ship). Scores are percentages, 0–100.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from core.common.text import fold

# fuzz.ratio (percent) under which two titles are never the same: a cheap screen before the
# word-by-word check. The rule above keeps every real duplicate far above it (one typo in
# a two-word title still scores over 80).
TITLE_SCREEN = 60
# name_similarity (percent) from which a unit is suggested for a name typed or imported.
NAME_CUTOFF = 80
# The shortest word in which a one-letter change counts as a typo ("tung"/"tun"). Shorter
# syllables one letter apart are mostly other words: khoa "Nội"/"Nhi", "Hà"/"Hải", "LAN"/"WAN".
TYPO_MIN_LETTERS = 4

K = TypeVar("K", bound=Hashable)  # the caller's keys of candidate titles
L = TypeVar("L")  # the caller's labels of records in a DuplicateIndex

_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# Roman numerals in series titles ("giai đoạn II"). "vi" is left out: a common Vietnamese
# word ("phạm vi", "vi tính").
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# A final y straight after the initial consonant(s) is spelt i as well: lý/lí, kỹ/kĩ, mỹ/mĩ.
_FINAL_Y = re.compile(r"(?:[bcdghklmnpqrstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr)y")


# ---- titles ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Title:
    """A title as compared: ``key`` is its folded words joined by single spaces, ``numbers``
    its digit runs and Roman numerals as integers, in order."""

    key: str
    words: tuple[str, ...]
    numbers: tuple[int, ...]

    @classmethod
    def of(cls, text: str | None) -> Title:
        return _title(text or "")

    def __bool__(self) -> bool:
        return bool(self.words)


@lru_cache(maxsize=4096)
def _title(text: str) -> Title:
    words = tuple(_word(w) for w in _TOKEN.findall(fold(text)))
    numbers = tuple(int(w) if w.isdecimal() else _ROMAN[w] for w in words
                    if w.isdecimal() or w in _ROMAN)
    return Title(" ".join(words), words, numbers)


def _word(word: str) -> str:
    if word.isdecimal():
        return str(int(word))  # "07" = "7"
    if not word.endswith("y"):  # most words: no look-up at all
        return word
    return word[:-1] + "i" if _FINAL_Y.fullmatch(word) else word


def title_key(text: str | None) -> str:
    """The folded words of ``text`` joined by single spaces (punctuation dropped)."""
    return Title.of(text).key


def title_similarity(a: str | Title, b: str | Title) -> int:
    """How alike two titles read, in percent (``fuzz.ratio`` of their keys; 100 = the same
    words). For showing; whether they are the same title is :func:`same_title`'s call."""
    ka = a.key if isinstance(a, Title) else title_key(a)
    kb = b.key if isinstance(b, Title) else title_key(b)
    return round(fuzz.ratio(ka, kb))


def typo_budget(words: int) -> int:
    """How many words of a title of ``words`` words may carry a typo: one per four words,
    at least one."""
    return max(1, words // 4)


def is_typo(a: str, b: str) -> bool:
    """``b`` is ``a`` with one letter inserted, left out, replaced, or two neighbours
    swapped, in a word of at least :data:`TYPO_MIN_LETTERS` letters; never for numbers."""
    if a.isdecimal() or b.isdecimal() or max(len(a), len(b)) < TYPO_MIN_LETTERS:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


def same_title(a: str | Title, b: str | Title) -> bool:
    """The same title up to tones, case, spacing, punctuation and small typos, with the same
    numbers (see the module docstring)."""
    ta = a if isinstance(a, Title) else Title.of(a)
    tb = b if isinstance(b, Title) else Title.of(b)
    if not ta or not tb or ta.numbers != tb.numbers:
        return False
    if ta.key == tb.key or "".join(ta.words) == "".join(tb.words):
        return True
    if len(ta.words) != len(tb.words):
        return False  # a word added or left out
    ops = Levenshtein.editops(ta.words, tb.words)
    return len(ops) <= typo_budget(len(ta.words)) and all(
        op.tag == "replace" and is_typo(ta.words[op.src_pos], tb.words[op.dest_pos]) for op in ops)


# ---- initiatives -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InitiativeKey:
    """What tells two initiatives apart: title, unit (any hashable id; None = not known) and
    the folded names of the authors (empty = not known)."""

    title: Title
    unit: Hashable | None
    authors: frozenset[str]

    @classmethod
    def of(cls, name: str, unit: Hashable | None, authors: Iterable[str] = ()) -> InitiativeKey:
        """From the name and authors as typed (folded here)."""
        return cls(Title.of(name), unit, frozenset(f for f in map(fold, authors) if f))


def likely_same_initiative(a: InitiativeKey, b: InitiativeKey) -> bool:
    """Same title (:func:`same_title`), same unit, an author in common."""
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False
    if a.authors and b.authors and a.authors.isdisjoint(b.authors):
        return False
    return same_title(a.title, b.title)


def same_titles(title: Title, candidates: dict[K, str]) -> list[tuple[K, int]]:
    """(key, similarity %) of the ``candidates`` (key → title text) that are
    :func:`same_title` as ``title``, most alike first: screened in one
    ``process.extract`` call, then checked word by word."""
    if not title or not candidates:
        return []
    choices = {k: Title.of(t).key for k, t in candidates.items()}
    found = process.extract(title.key, choices, scorer=fuzz.ratio, processor=None,
                            score_cutoff=TITLE_SCREEN, limit=None)
    return [(k, round(score)) for _key, score, k in found
            if same_title(title, Title.of(candidates[k]))]


class DuplicateIndex(Generic[L]):
    """Likely duplicates among many records, as :func:`likely_same_initiative` judges them.

    Records are filed by (unit, author, numbers) — one entry per author — and by (unit,
    numbers), so a record is compared only with those it could duplicate: same unit, same
    numbers, an author in common (or no authors on one side). Within such a group, titles are
    screened by ``process.extract`` and checked by :func:`same_title`. Labels are the
    caller's (a register number, a row of a file); the newest record wins a tie.
    """

    def __init__(self) -> None:
        self._labels: list[L] = []
        self._titles: list[Title] = []
        self._groups: dict[tuple, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._labels)

    # Groups: (unit, numbers, None) every record; (unit, numbers, author) a record of that
    # author; (unit, numbers, "") a record without authors.
    @staticmethod
    def _filed(key: InitiativeKey) -> list[tuple]:
        base = (key.unit, key.title.numbers)
        authors = [(*base, a) for a in key.authors] if key.authors else [(*base, "")]
        return [(*base, None), *authors]

    @staticmethod
    def _wanted(key: InitiativeKey) -> list[tuple]:
        base = (key.unit, key.title.numbers)
        if not key.authors:
            return [(*base, None)]
        return [(*base, ""), *((*base, a) for a in key.authors)]

    def add(self, label: L, key: InitiativeKey) -> None:
        position = len(self._labels)
        self._labels.append(label)
        self._titles.append(key.title)
        for group in self._filed(key):
            self._groups[group].append(position)

    def candidates(self, key: InitiativeKey) -> set[int]:
        """Positions (in the order added) of the records ``key`` is compared with: same unit
        and numbers, an author in common or no authors on one side."""
        positions: set[int] = set()
        for group in self._wanted(key):
            positions.update(self._groups.get(group, ()))
        return positions

    def title(self, position: int) -> Title:
        return self._titles[position]

    def find(self, key: InitiativeKey) -> tuple[L, int] | None:
        """(label, similarity %) of the known record most like ``key``, or None."""
        if not key.title:
            return None
        positions = self.candidates(key)
        if not positions:
            return None
        titles = self._titles
        if len(positions) == 1:
            (position,) = positions
            if same_title(key.title, titles[position]):
                return self._labels[position], title_similarity(key.title, titles[position])
            return None
        choices = {p: titles[p].key for p in positions}
        best = None
        for _key, score, position in process.extract(
                key.title.key, choices, scorer=fuzz.ratio, processor=None,
                score_cutoff=TITLE_SCREEN, limit=None):
            if best is not None and (score, position) <= best[:2]:
                continue
            if same_title(key.title, titles[position]):
                best = (score, position)
        if best is None:
            return None
        return self._labels[best[1]], round(best[0])

    def find_and_add(self, label: L, key: InitiativeKey) -> tuple[L, int] | None:
        """:meth:`find`, then :meth:`add` (rows of one file checked against those above)."""
        found = self.find(key)
        self.add(label, key)
        return found


# ---- names (units) -----------------------------------------------------------------------------


def name_similarity(a: str, b: str) -> float:
    """How alike two folded names are, in percent, judged on the words in which they differ.

    The words both names begin with and end with are set aside and ``fuzz.ratio`` compares
    the rest ("cdcs truong thcs ho xuan [hung]" / "[huong]"), so the stock words of unit
    names ("cdcs truong thcs") do not make two different schools alike. When the rest is
    only typos (:func:`is_typo`), or one name is the other with words added at an end
    ("truong thpt cua tung" / "cdcs truong thpt cua tung"), the whole names are compared.
    """
    wa, wb = a.split(), b.split()
    start = 0
    while start < min(len(wa), len(wb)) and wa[start] == wb[start]:
        start += 1
    end = 0
    while end < min(len(wa), len(wb)) - start and wa[-1 - end] == wb[-1 - end]:
        end += 1
    ra, rb = wa[start:len(wa) - end], wb[start:len(wb) - end]
    if not ra or not rb or (len(ra) == len(rb) and all(map(is_typo, ra, rb))):
        return fuzz.ratio(a, b)
    return fuzz.ratio(" ".join(ra), " ".join(rb))


def closest_names(name: str, candidates: Iterable[str], *, limit: int = 3,
                  cutoff: float = NAME_CUTOFF) -> list[str]:
    """Up to ``limit`` of ``candidates`` most like ``name`` (tones, case and đ ignored), best
    first, only those whose :func:`name_similarity` is at least ``cutoff``: an unrelated name
    is never offered. Screened in one ``process.extract`` call (the whole-name ratio is never
    below the score), then scored."""
    query = fold(name)
    if not query:
        return []
    names: dict[str, str] = {}
    for candidate in candidates:
        names.setdefault(fold(candidate), candidate)
    screened = process.extract(query, list(names), scorer=fuzz.ratio, processor=None,
                               score_cutoff=cutoff, limit=None)
    scored = sorted(((name_similarity(query, folded), folded) for folded, _s, _i in screened),
                    key=lambda s: (-s[0], s[1]))
    return [names[folded] for score, folded in scored if score >= cutoff][:limit]


__all__ = [
    "NAME_CUTOFF",
    "TITLE_SCREEN",
    "TYPO_MIN_LETTERS",
    "DuplicateIndex",
    "InitiativeKey",
    "Title",
    "closest_names",
    "is_typo",
    "likely_same_initiative",
    "name_similarity",
    "same_title",
    "same_titles",
    "title_key",
    "title_similarity",
    "typo_budget",
]
