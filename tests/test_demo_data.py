"""The demo's word lists as data (resources/demo/*.json) and the generators' determinism.

The fingerprint below was taken from the generators before their word lists moved out of
the Python modules; it changes only when the demo's output changes. Changing a word list
on purpose changes the demo too: then check the new demo and update the fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest

from core.common.database import open_app_database
from core.common.paths import resource_path
from core.demo import data, names
from core.demo.org import load_demo
from core.demo.register import load_demo_register

DEMO = resource_path("demo")

# A small demo (1-3 members per CĐCS, 300 + 30 initiatives, seed 2023): row counts and a
# hash of every generated value (names, codes, dates, amounts, statuses, ids).
FINGERPRINT_COUNTS = {"units": 794, "members": 1_529, "initiatives": 330, "authors": 480}
FINGERPRINT = "6c2938969bd89337a2f829330f2315ef1e8ff8c13db1f74cffb54a79bccc22e5"

_QUERIES = {
    "units": "SELECT code, name, name_folded, kind, sector, id, parent_id FROM unit",
    "unit_events": "SELECT e.id, u.code, e.\"on\", e.kind, e.detail FROM unit_event e "
    "JOIN unit u ON u.id = e.unit_id",
    "member_counts": "SELECT c.id, u.code, c.year, c.members, c.female FROM unit_member_count c "
    "JOIN unit u ON u.id = c.unit_id",
    "members": "SELECT m.id, u.code, m.full_name, m.name_folded, m.sort_key, m.gender, "
    "m.date_of_birth, m.position, m.member_since FROM member m JOIN unit u ON u.id = m.unit_id",
    "initiatives": "SELECT i.id, i.seq, i.number, i.name, i.kind, i.field, u.code, i.phase_number, "
    "i.registered_on, i.objective, i.steps, i.scope, i.description, i.conditions, "
    "i.first_applied_on, i.trial_only, i.economic_benefit, i.social_benefit, i.recognised_by, "
    "i.decision_number, i.decision_date, i.status, i.rejection_reason, i.new_in_unit, "
    "i.confidential, i.portal_uploaded, i.portal_uploaded_on, i.awards, i.authors_text, "
    "i.lead_author, i.name_folded, i.authors_folded, i.description_folded, i.unit_folded "
    "FROM initiative i JOIN unit u ON u.id = i.unit_id",
    "authors": "SELECT a.id, i.number, a.position, a.member_id, a.full_name, a.unit_text, a.share "
    "FROM initiative_author a JOIN initiative i ON i.id = a.initiative_id",
}


def demo_fingerprint(path) -> tuple[dict[str, int], str]:
    """(row counts, sha256 of all rows in a stable order) of a small demo built at ``path``."""
    db = open_app_database(path)
    try:
        load_demo(db, members_per_unit=(1, 3))
        load_demo_register(db, count=300, yearly=30)
        digest = hashlib.sha256()
        counts = {}
        with db.engine.connect() as conn:
            for name, sql in _QUERIES.items():
                rows = sorted(repr(tuple(row)) for row in conn.exec_driver_sql(sql))
                if name in FINGERPRINT_COUNTS:
                    counts[name] = len(rows)
                digest.update(f"{name}:{len(rows)}\n".encode())
                for row in rows:
                    digest.update(row.encode() + b"\n")
    finally:
        db.close()
    return counts, digest.hexdigest()


def test_generators_give_the_recorded_demo(tmp_path):
    counts, digest = demo_fingerprint(tmp_path / "demo.sqlite")
    assert counts == FINGERPRINT_COUNTS
    assert digest == FINGERPRINT, "the demo's output changed (see this module's docstring)"


def test_every_data_file_is_read_and_every_one_exists():
    on_disk = sorted(p.stem for p in DEMO.iterdir())
    assert on_disk == sorted(data.FILES)
    assert all(p.suffix == ".json" for p in DEMO.iterdir())
    with pytest.raises(ValueError):
        data.load("missing")


@pytest.mark.parametrize("name", data.FILES)
def test_data_files_are_nfc_utf8_json_that_say_what_they_hold(name):
    raw = (DEMO / f"{name}.json").read_bytes()
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and text.endswith("\n")
    parsed = json.loads(text)
    assert parsed == data.load(name) and data.load(name) is data.load(name)  # read once
    assert isinstance(parsed["about"], list) and all(parsed["about"])


def test_word_lists_have_the_expected_shape():
    assert set(names.FAMILY_NAMES) == {"kinh", "thai", "hmong", "dao", "hanhi"}
    assert names.FAMILY_NAMES["kinh"][0] == ("Nguyễn", 38.0)
    assert all(w > 0 for rows in names.FAMILY_NAMES.values() for _, w in rows)
    assert set(names.GIVEN_NAMES) == set(names.MIDDLE_NAMES) == {"male", "female"}
    assert names.JOBS["education"][:8] == ("Giáo viên",) * 8
    assert names.OFFICERS["chair"] == "Chủ tịch CĐCS"
    assert set(names.COMMUNES) == {"PT", "SH", "TU", "TP", "TD", "TN", "MT", "NN"}
    assert names.DISTRICTS["PT"].area == "huyện Phong Thổ"
    assert sum(len(c) for c in names.COMMUNES.values()) == 105


def test_bench_register_cache_is_stale_when_a_word_list_changes():
    from bench import register_data

    sources = {p.relative_to(register_data.ROOT).as_posix() for p in register_data._sources()}
    assert {f"resources/demo/{name}.json" for name in data.FILES} <= sources
    assert {"core/demo/org.py", "core/demo/register.py", "core/demo/wording.py"} <= sources
    assert all(p.exists() for p in register_data._sources())
