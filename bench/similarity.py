"""The batch duplicate check (what an import does in memory) against difflib on the same pairs.

Register: the demo register generator's REGISTER initiatives over the 782 CĐCS of the Lai
Châu demo (realistic, repetitive titles: the same title recurs in many units), cached in
bench/out/. New rows: CHECKED records of that register retyped — a third without tones and
in capitals, a third with one typo in a word of four letters or more, a third turned into
another initiative of the same authors and unit (a number changed or added, or a word
swapped) — checked against the whole register, as ``core.initiatives.importing`` does.

Ours: ``core.common.similarity.DuplicateIndex`` — file the register (by unit, author,
numbers), then for each new row screen its group with ``rapidfuzz.process.extract`` and
apply the rule (``same_title``). difflib: for the same candidate pairs (each new row with
every record of its group, the grouping itself not timed), ``SequenceMatcher`` with the
``real_quick_ratio``/``quick_ratio`` bounds before ``ratio`` ≥ 0.85 — the old rule, the
best difflib does. Also rapidfuzz's bare ``fuzz.ratio`` over the same pairs. Medians of
RUNS. ``python -m bench similarity`` writes its section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import difflib
import os
import random
import shutil
import sqlite3
from collections import defaultdict

from bench.report import OUT, median_time, write_section

REGISTER = int(os.environ.get("BENCH_SIMILARITY_REGISTER", "50000"))
CHECKED = int(os.environ.get("BENCH_SIMILARITY_CHECKED", "6000"))
RUNS = 5
SEED = 7
DB = OUT / f"similarity-register-{REGISTER}.sqlite"


def _database() -> None:
    """The demo units and a generated register, built once."""
    if DB.exists():
        return
    from core.common.database import open_app_database
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register

    part = DB.with_suffix(".part")
    part.unlink(missing_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    db = open_app_database(part)
    try:
        load_demo(db, members_per_unit=(1, 2))
        load_demo_register(db, count=REGISTER, yearly=0, seed=SEED)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        part.with_name(part.name + suffix).unlink(missing_ok=True)
    shutil.move(part, DB)


def _records() -> list[tuple[str, str, str, frozenset[str]]]:
    """(number, name, unit id, folded authors) of the register, oldest first."""
    from core.common.text import fold

    conn = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    try:
        authors: dict[str, set[str]] = defaultdict(set)
        for initiative_id, name in conn.execute("SELECT initiative_id, full_name FROM initiative_author"):
            authors[initiative_id].add(fold(name))
        return [(number, name, unit, frozenset(authors[rid]))
                for rid, number, name, unit in conn.execute(
                    "SELECT id, number, name, unit_id FROM initiative ORDER BY seq")]
    finally:
        conn.close()




def _retyped(records, rnd: random.Random) -> list[tuple[str, str, frozenset[str], bool]]:
    """(name, unit, authors, is a duplicate) of CHECKED retyped records."""
    from core.common.text import fold

    rows = []
    for i, (_number, name, unit, authors) in enumerate(rnd.sample(records, CHECKED)):
        kind = i % 3
        if kind == 0:
            rows.append((fold(name).upper(), unit, authors, True))
        elif kind == 1:
            words = name.split()
            long = [j for j, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
            if not long:
                continue
            j = rnd.choice(long)
            w = words[j]
            k = rnd.randrange(1, len(w) - 1)
            words[j] = w[:k] + w[k + 1] + w[k] + w[k + 2:]  # two letters swapped
            rows.append((" ".join(words), unit, authors, True))
        else:
            digits = [w for w in name.split() if w.isdigit()]
            other = (name.replace(digits[-1], str(int(digits[-1]) + 1)) if digits
                     else f"{name} giai đoạn 2")
            rows.append((other, unit, authors, False))
    return rows


def run() -> dict:
    from rapidfuzz import fuzz

    from core.common.similarity import DuplicateIndex, InitiativeKey, Title

    _database()
    records = _records()
    rows = _retyped(records, random.Random(SEED))
    keys = [InitiativeKey(Title.of(name), unit, authors) for _n, name, unit, authors in records]
    # A changed title may be one the register already holds (the generator writes series
    # for the same people): then it is a duplicate too.
    held = {(k.unit, a, k.title.key) for k in keys for a in k.authors}
    rows = [(name, unit, authors, duplicate or any(
        (unit, a, Title.of(name).key) in held for a in authors))
        for name, unit, authors, duplicate in rows]
    new = [InitiativeKey(Title.of(name), unit, authors) for name, unit, authors, _d in rows]

    def ours() -> list:
        index = DuplicateIndex()
        for position, key in enumerate(keys):
            index.add(position, key)
        return [index.find(key) for key in new]

    # The pairs our check compares (folded titles), for difflib and bare rapidfuzz.
    index = DuplicateIndex()
    for position, key in enumerate(keys):
        index.add(position, key)
    pairs = [(key.title.key, [index.title(p).key for p in sorted(index.candidates(key))])
             for key in new]
    pair_count = sum(len(c) for _q, c in pairs)

    def with_difflib(pairs=pairs) -> list:
        found = []
        for query, candidates in pairs:
            matcher = difflib.SequenceMatcher(None, "", query)
            best = None
            for other in candidates:
                matcher.set_seq1(other)
                if (matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85
                        and (ratio := matcher.ratio()) >= 0.85 and (best is None or ratio > best)):
                    best = ratio
            found.append(best)
        return found

    def bare_rapidfuzz() -> list:
        return [max((fuzz.ratio(q, o, score_cutoff=85) for o in c), default=0) for q, c in pairs]

    # What each rule flags. The old rule (difflib ≥ 0.85) is given every record of the unit
    # with an author in common, numbers or not (it had no notion of them).
    by_owner: dict[tuple, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        for author in key.authors:
            by_owner[key.unit, author].append(position)
    owner_pairs = [(key.title.key, [keys[p].title.key for p in sorted(
        {p for a in key.authors for p in by_owner.get((key.unit, a), ())})]) for key in new]
    flagged = ours()
    old = with_difflib(owner_pairs)
    duplicates = [d for *_x, d in rows]
    ours_hits = sum(1 for f, d in zip(flagged, duplicates, strict=True) if f and d)
    ours_false = sum(1 for f, d in zip(flagged, duplicates, strict=True) if f and not d)
    old_hits = sum(1 for f, d in zip(old, duplicates, strict=True) if f and d)
    old_false = sum(1 for f, d in zip(old, duplicates, strict=True) if f and not d)
    true_count = sum(duplicates)

    t_ours = median_time(ours, RUNS)
    t_difflib = median_time(with_difflib, RUNS)
    t_bare = median_time(bare_rapidfuzz, RUNS)
    n = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731
    lines = [
        f"Register: {n(len(records))} initiatives of the demo generator over 782 CĐCS; "
        f"{n(len(rows))} new rows, retyped copies of its records ({n(true_count)} real "
        "duplicates: no tones and capitals, or one typo, or a title the same people already "
        f"have; {n(len(rows) - true_count)} other initiatives of the same authors and unit: a "
        "number changed or added). Each new row is "
        f"compared with the records of its unit, numbers and authors: {n(pair_count)} pairs in "
        f"all (`bench/similarity.py`, medians of {RUNS}).",
        "",
        "| what | ours (`DuplicateIndex`) | difflib, same pairs | ratio (ours ÷ difflib) |",
        "|---|---:|---:|---:|",
        f"| time: file {n(len(records))} records, then each new row screened "
        f"(`process.extract`) and judged (`same_title`); difflib: `SequenceMatcher` bounds and "
        f"ratio ≥ 0.85 on the same pairs, the grouping not timed | {t_ours * 1000:.0f} ms | "
        f"{t_difflib * 1000:.0f} ms | **{t_ours / t_difflib:.2f}×** |",
        f"| real duplicates found | {n(ours_hits)} / {n(true_count)} | "
        f"{n(old_hits)} / {n(true_count)} | |",
        f"| other initiatives flagged (difflib: the old rule, given every record of the unit "
        f"with an author in common, numbers ignored) | {n(ours_false)} | {n(old_false)} | |",
        "",
        f"Bare `fuzz.ratio` over the same pairs (a score, no judgement): {t_bare * 1000:.0f} ms.",
    ]
    write_section("Duplicate check (similarity)", "\n".join(lines))
    return {"pairs": pair_count, "ours_ms": round(t_ours * 1000, 1),
            "difflib_ms": round(t_difflib * 1000, 1), "ours_found": ours_hits,
            "ours_false": ours_false, "difflib_found": old_hits, "difflib_false": old_false}


if __name__ == "__main__":
    print(run())
