"""The sync page's overview counts what each office still has to confirm without scanning
the outbox once per office."""

from __future__ import annotations

from sqlalchemy import event

from core.sync import ops
from tests.sync_offices import make_offices


def test_offices_at_the_same_acknowledgement_share_one_count(tmp_path):
    offices = make_offices(tmp_path, ("VL", "HH", "CL"))
    try:
        db = offices.province
        counts: list[str] = []

        def seen(_conn, _cursor, statement, _params, _context, _many):
            if "FROM sync_outbox WHERE seq >" in statement:
                counts.append(statement)

        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            view = ops.overview(db)
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
        rows = {row.code: row for row in view.offices}
        assert sorted(rows) == ["CL", "HH", "VL"]
        # none of them has sent a package back: each still has everything to confirm
        assert {row.waiting for row in rows.values()} == {view.waiting}
        assert view.waiting > 0
        assert rows["VL"].name == "LĐLĐ huyện VL (VL)"
        assert len(counts) == 1  # was one count per office
    finally:
        offices.close()
