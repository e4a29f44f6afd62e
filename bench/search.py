"""Register search on 1,000,000 initiatives (bench/register_data.py).

For search words taken from the generated names, matching from about 0.1% to 15% of the
records, the first page of 50 rows through ``core.initiatives.register.page`` (our code path: SQLAlchemy,
the FTS5 join, unit and programme joins, row objects) in the default order and sorted by
three columns, against plain sqlite3 running the raw query for the same rows in the same run:

- default order (newest first): ``SELECT rowid FROM initiative_fts WHERE initiative_fts
  MATCH ? ORDER BY rowid DESC LIMIT 50``;
- sorted: the hand-written join returning the same columns, ``ORDER BY <column>, seq``.

Then ``core.initiatives.register.totals`` (count and benefit sum, shown a moment after the page) against
the raw count/sum. Medians of interleaved runs. Targets: first page ≤ 50 ms in the default
order, ≤ 100 ms sorted, and ≤ 2× raw.
"""

from __future__ import annotations

import math
import sqlite3
import sys

from bench.register_data import ensure_database
from bench.report import median_time, write_section

RUNS = 9
PAGE = 50
TARGET_FRACTIONS = (0.001, 0.005, 0.02, 0.05, 0.15)
PHRASES = ("so do tu duy",)  # a query as users type it: four short words
SORTS = (("registered_on", False), ("name", False), ("benefit", True))
DEFAULT_TARGET_MS, SORTED_TARGET_MS, RATIO_TARGET = 50, 100, 2.0

_SORT_SQL = {"registered_on": "i.registered_on", "name": "i.name_folded",
             "benefit": "i.economic_benefit"}
_RAW_COLUMNS = (
    "i.id, i.seq, i.number, i.name, i.kind, i.field, u.name, i.authors_text, i.registered_on, "
    "i.phase_number, i.first_applied_on, i.economic_benefit, i.status, i.confidential, "
    "i.portal_uploaded, i.recognised_by, i.decision_number, i.decision_date, i.new_in_unit, "
    "i.ip_protected, i.unlawful, i.social_benefit, p.eligible_from, p.eligible_to"
)
_RAW_FROM = (
    "FROM initiative_fts JOIN initiative i ON i.seq = initiative_fts.rowid "
    "JOIN unit u ON u.id = i.unit_id LEFT JOIN programme p ON p.id = i.programme_id "
    "WHERE initiative_fts MATCH ? AND i.deleted_at IS NULL"
)
RAW_DEFAULT = (
    "SELECT rowid FROM initiative_fts WHERE initiative_fts MATCH ? ORDER BY rowid DESC LIMIT 50"
)
# For reference in the default order: the hand-written join returning the same columns.
RAW_DEFAULT_JOIN = (
    f"SELECT {_RAW_COLUMNS} {_RAW_FROM} ORDER BY initiative_fts.rowid DESC LIMIT {PAGE}"
)
RAW_TOTALS = (
    "SELECT count(*), coalesce(sum(i.economic_benefit), 0) FROM initiative_fts "
    "JOIN initiative i ON i.seq = initiative_fts.rowid "
    "WHERE initiative_fts MATCH ? AND i.deleted_at IS NULL"
)


def raw_sorted(column: str, descending: bool) -> str:
    direction = " DESC" if descending else ""
    return (f"SELECT {_RAW_COLUMNS} {_RAW_FROM} "
            f"ORDER BY {_SORT_SQL[column]}{direction}, i.seq{direction} LIMIT {PAGE}")


def _count(raw: sqlite3.Connection, expression: str) -> int:
    return raw.execute("SELECT count(*) FROM initiative_fts WHERE initiative_fts MATCH ?",
                       (expression,)).fetchone()[0]


def pick_words(raw: sqlite3.Connection, total: int) -> list[tuple[str, int]]:
    """For each target fraction, the word of the names whose search (as a prefix, in every
    indexed column, as the register searches) matches the closest share of records."""
    from db.search import match_expression

    raw.execute("CREATE VIRTUAL TABLE temp.name_words USING fts5vocab(main, initiative_fts, col)")
    words = raw.execute(
        "SELECT term, doc FROM temp.name_words WHERE col = 'name_folded' AND length(term) >= 4 "
        "AND term NOT GLOB '*[0-9]*'"
    ).fetchall()
    chosen: list[tuple[str, int]] = []
    for fraction in TARGET_FRACTIONS:
        near = sorted(words, key=lambda w: abs(math.log(w[1] / total / fraction)))[:40]
        taken = {c for c, _ in chosen}
        scored = [(w, _count(raw, match_expression(w))) for w, _ in near if w not in taken]
        # closest to the fraction, preferring words not much above it
        scored.sort(key=lambda s: (s[1] > 1.25 * fraction * total,
                                   abs(math.log(max(s[1], 1) / total / fraction))))
        if scored:
            chosen.append(scored[0])
    for phrase in PHRASES:
        chosen.append((phrase, _count(raw, match_expression(phrase))))
    return chosen


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def run(runs: int = RUNS) -> dict:
    path = ensure_database()
    from core.common.database import open_app_database
    from core.common.text import fold
    from core.initiatives.register import RegisterFilter, page, totals
    from db.search import match_expression

    db = open_app_database(path)
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    total = raw.execute("SELECT count(*) FROM initiative").fetchone()[0]
    words = pick_words(raw, total)
    results: list[dict] = []
    lines = [
        "| search | matches | order | ours (`core.initiatives.register.page`) | raw sqlite3 | ratio "
        "| target | raw join, same columns |",
        "|---|---:|---|---:|---:|---:|---|---:|",
    ]
    totals_lines = [
        "| search | matches | ours (`core.initiatives.register.totals`) | raw count + sum | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    with db.reading() as s:
        for word, matches in words:
            expression = match_expression(fold(word))
            f = RegisterFilter(text=word)
            share = f"{matches:,}".replace(",", ".") + f" ({matches / total:.1%})"
            orders = [(None, False), *SORTS]
            for sort, descending in orders:
                def ours(f=f, sort=sort, descending=descending):
                    return page(s, f, sort=sort, descending=descending, limit=PAGE)

                sql = RAW_DEFAULT if sort is None else raw_sorted(sort, descending)

                def theirs(sql=sql, expression=expression):
                    return raw.execute(sql, (expression,)).fetchall()

                mine, other = ours(), theirs()  # warm up, and check they agree
                seqs = [r.seq for r in mine]
                other_seqs = [r[0] for r in other] if sort is None else [r[1] for r in other]
                if seqs != other_seqs:
                    raise AssertionError(f"{word!r} {sort}: ours and raw differ")
                ours_t, raw_t = [], []
                for _ in range(runs):  # interleaved, so drift affects both alike
                    ours_t.append(median_time(ours, 1))
                    raw_t.append(median_time(theirs, 1))
                ours_m, raw_m = sorted(ours_t)[runs // 2], sorted(raw_t)[runs // 2]
                join_text = "= raw"
                if sort is None:
                    join = raw.execute(RAW_DEFAULT_JOIN, (expression,)).fetchall()
                    if [r[1] for r in join] != seqs:
                        raise AssertionError(f"{word!r}: raw join differs")
                    join_m = median_time(
                        lambda e=expression: raw.execute(RAW_DEFAULT_JOIN, (e,)).fetchall(), runs)
                    join_text = f"{_ms(join_m)} ms"
                limit = DEFAULT_TARGET_MS if sort is None else SORTED_TARGET_MS
                ok = ours_m * 1000 <= limit and ours_m <= RATIO_TARGET * raw_m
                label = "default (newest)" if sort is None else (
                    f"{sort}{' desc' if descending else ''}")
                results.append({"word": word, "matches": matches, "order": label,
                                "ours_ms": ours_m * 1000, "raw_ms": raw_m * 1000,
                                "ratio": ours_m / raw_m, "ok": ok})
                lines.append(
                    f"| `{word}` | {share} | {label} | {_ms(ours_m)} ms | {_ms(raw_m)} ms | "
                    f"{ours_m / raw_m:.2f}× | ≤ {limit} ms, ≤ {RATIO_TARGET:.0f}×: "
                    f"{'✓' if ok else '**✗**'} | {join_text} |"
                )
                print(lines[-1], file=sys.stderr, flush=True)

            def ours_totals(f=f):
                return totals(s, f)

            def raw_totals(expression=expression):
                return raw.execute(RAW_TOTALS, (expression,)).fetchone()

            mine_t, other_t = ours_totals(), raw_totals()
            if (mine_t.count, mine_t.benefit) != tuple(other_t):
                raise AssertionError(f"{word!r}: totals differ")
            ours_m = median_time(ours_totals, runs)
            raw_m = median_time(raw_totals, runs)
            results.append({"word": word, "matches": matches, "order": "totals",
                            "ours_ms": ours_m * 1000, "raw_ms": raw_m * 1000,
                            "ratio": ours_m / raw_m, "ok": None})
            totals_lines.append(
                f"| `{word}` | {share} | {_ms(ours_m)} ms | {_ms(raw_m)} ms | "
                f"{ours_m / raw_m:.2f}× |"
            )
    raw.close()
    db.close()
    total_text = f"{total:,}".replace(",", ".")
    write_section(
        "Register search (1.000.000 initiatives)",
        f"""Database: {total_text} initiatives over the 782 CĐCS of the Lai Châu demo
(`bench/register_data.py`); words from the generated names, searched as the register
searches (each word as a prefix, in name, authors, description and unit). First page of
{PAGE} rows, median of {runs} interleaved runs (`bench/search.py`). Raw, default order:
`SELECT rowid FROM initiative_fts WHERE initiative_fts MATCH ? ORDER BY rowid DESC LIMIT 50`;
raw, sorted: the hand-written join returning the same columns, sorted by the same column.
The last column times, in the default order, that join too (the same rows and columns as ours).

{chr(10).join(lines)}

Count and benefit total (`core.initiatives.register.totals`, shown a moment after the first page):

{chr(10).join(totals_lines)}
""",
    )
    pages = [r for r in results if r["ok"] is not None]
    return {
        "initiatives": total,
        "pages": len(pages),
        "misses": sum(not r["ok"] for r in pages),
        "slowest_default_ms": round(max(r["ours_ms"] for r in pages if r["order"].startswith("default")), 1),
        "slowest_sorted_ms": round(max(r["ours_ms"] for r in pages if not r["order"].startswith("default")), 1),
        "slowest_totals_ms": round(max(r["ours_ms"] for r in results if r["ok"] is None), 1),
    }


if __name__ == "__main__":
    print(run())
