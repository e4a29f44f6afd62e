"""Member search on the 1,000,000-member database of bench/startup.py: the members list's
first page (200, sorted by name) and its count for texts from rare to very common, through
``core.org.members`` (the trigram index of migration 0006 for rare texts) against the same rows
read by a plain ``LIKE '%…%'`` through sqlite3 in the same run. Medians of RUNS.

``python -m bench member_search`` writes its section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import sqlite3

from bench.report import median_time, write_section
from bench.startup import DB, ensure_database

RUNS = 5
TEXTS = ["quang thi thuy", "lo van", "huong", "thi"]


def run() -> dict:
    ensure_database()
    from core.common.database import open_app_database
    from core.org.members import MemberQuery, count_members, page_members

    db = open_app_database(DB)  # upgrades the cached database first if needed
    raw = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    rows = []
    try:
        with db.reading() as s:
            total = count_members(s, MemberQuery())
            for text in TEXTS:
                q = MemberQuery(text=text)
                ours_page = lambda q=q: page_members(s, q, limit=200)  # noqa: E731
                ours_count = lambda q=q: count_members(s, q)  # noqa: E731
                like = f"%{text}%"

                def raw_page(like=like):
                    return raw.execute(
                        "SELECT m.id, m.full_name FROM member m JOIN unit u ON u.id = m.unit_id "
                        "WHERE m.deleted_at IS NULL AND m.name_folded LIKE ? "
                        "ORDER BY m.sort_key, m.id LIMIT 200", (like,)).fetchall()

                def raw_count(like=like):
                    return raw.execute("SELECT count(*) FROM member WHERE deleted_at IS NULL "
                                       "AND name_folded LIKE ?", (like,)).fetchone()[0]

                found = ours_count()
                assert found == raw_count(), text
                assert [r.id.hex for r in ours_page()] == [r[0] for r in raw_page()], text
                rows.append({
                    "text": text, "found": found,
                    "page": median_time(ours_page, RUNS), "raw_page": median_time(raw_page, RUNS),
                    "count": median_time(ours_count, RUNS),
                    "raw_count": median_time(raw_count, RUNS),
                })
    finally:
        raw.close()
        db.close()
    n = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731
    lines = [
        f"Database: {n(total)} members (`bench/startup.py`); `bench/member_search.py`, medians "
        f"of {RUNS}. Ours: `core.org.members.page_members` (first 200 by name) and `count_members`: "
        "a rare text through the trigram index, a common one (≥ 1% of members) as a LIKE on "
        "the list order; raw: the same rows through sqlite3 with `name_folded LIKE '%…%'` "
        "(what the list did before the index).",
        "",
        "| search | found | first page, ours | first page, LIKE scan | count, ours | count, LIKE scan |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| `{r['text']}` | {n(r['found'])} | {r['page'] * 1000:.0f} ms | "
                     f"{r['raw_page'] * 1000:.0f} ms | {r['count'] * 1000:.0f} ms | "
                     f"{r['raw_count'] * 1000:.0f} ms |")
    write_section("Member search (1,000,000 members)", "\n".join(lines))
    return {"members": total, **{r["text"]: round(r["page"] * 1000, 1) for r in rows}}

