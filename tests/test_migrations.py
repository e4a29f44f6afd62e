"""Opening databases: create, refuse newer, copy aside and upgrade older, restore on failure."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

import db.migrate as migrate
from core.common.database import open_app_database
from db.models import Base


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scripts_with(tmp_path: Path, body: str) -> Path:
    """A copy of our migrations plus one more revision '0999' with ``body`` as upgrade()."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "0999_test.py").write_text(
        f'revision = "0999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n\n"
        f"def upgrade():\n{body}\n\n\ndef downgrade():\n    pass\n"
    )
    return scripts


def test_schema_head_constant_matches_the_migration_scripts():
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_new_database_is_created_at_head_with_all_tables(tmp_path):
    path = tmp_path / "new" / "db.sqlite"
    engine = migrate.open_database(path)
    assert migrate.stored_revision(path) == migrate.head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
    assert not (path.parent / "backups").exists()  # nothing to copy for a new file


def test_database_from_newer_version_is_refused_unchanged(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9000_future'")
    con.commit()
    con.close()
    before = _sha(db_path)
    with pytest.raises(migrate.DatabaseTooNew, match="phiên bản Sổ Công đoàn mới hơn"):
        open_app_database(db_path)
    assert _sha(db_path) == before
    assert not Path(str(db_path) + "-wal").exists()


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("đây không phải cơ sở dữ liệu")
    with pytest.raises(migrate.NotADatabase):
        migrate.open_database(path)
    assert path.read_text() == "đây không phải cơ sở dữ liệu"


def test_upgrade_copies_file_aside_then_migrates(db_path, tmp_path, monkeypatch):
    head = migrate.head_revision()
    scripts = _scripts_with(tmp_path, '    op.add_column("setting", sa.Column("note", sa.Text()))')
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    engine = migrate.open_database(db_path)
    engine.dispose()
    assert migrate.stored_revision(db_path) == "0999"
    backups = list((db_path.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert migrate.stored_revision(backups[0]) == head


def test_failed_migration_restores_the_copy_and_stops(db_path, tmp_path, monkeypatch):
    head = migrate.head_revision()
    scripts = _scripts_with(
        tmp_path,
        '    op.create_table("half", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    op.execute("INSERT INTO setting (key, value) VALUES (\'x\', \'y\')")\n'
        '    raise RuntimeError("migration bug")',
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    with pytest.raises(migrate.MigrationFailed, match="khôi phục"):
        migrate.open_database(db_path)
    assert migrate.stored_revision(db_path) == head
    con = sqlite3.connect(db_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables
    assert con.execute("SELECT count(*) FROM setting WHERE key='x'").fetchone()[0] == 0
    con.close()
    # and the app still opens it afterwards with the real migrations
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrate.BUNDLED_MIGRATIONS)
    migrate.open_database(db_path).dispose()


def test_every_revision_upgrades_a_database_holding_data(tmp_path):
    """A database left at the first revision, with data, upgrades to head keeping it."""
    from db.engine import make_engine, sqlite_url

    path = tmp_path / "old.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('office.unit_code', 'VL')")
    engine.dispose()
    migrate.open_database(path).dispose()
    assert migrate.stored_revision(path) == migrate.head_revision()
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM setting").fetchall() == [("VL",)]
    con.close()
    assert len(list((tmp_path / "backups").glob("old-*.sqlite"))) == 1


def test_migrations_match_the_models(tmp_path):
    """Autogenerate finds nothing to do: every model change has its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.migrations_config import autogenerate_options

    engine = migrate.open_database(tmp_path / "fresh.sqlite")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts=autogenerate_options())
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_0004_rebuilds_the_search_index_with_prefixes_and_keeps_its_triggers(tmp_path):
    """Down to 0003 and up again: the search index is rebuilt from the rows (with the 2- and
    3-letter prefix indexes), and the triggers keep it in step with later changes."""
    from alembic import command

    from core.common.database import open_app_database
    from core.demo.org import load_demo
    from core.demo.register import load_demo_register
    from core.initiatives import records as initiatives
    from core.initiatives import register
    from db.engine import make_engine, sqlite_url

    path = tmp_path / "r.sqlite"
    db = open_app_database(path)
    load_demo(db, members_per_unit=(1, 1))
    load_demo_register(db, count=60, yearly=0)
    db.close()
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0003")
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name='initiative_fts'")
        assert "prefix" not in sql.scalar()
    engine.dispose()
    assert migrate.stored_revision(path) == "0003"

    db = open_app_database(path)  # upgrades (after a copy) to head
    try:
        with db.reading() as s:
            sql = s.connection().exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name='initiative_fts'").scalar()
            assert "prefix='2 3'" in sql
            everything = register.page(s, register.RegisterFilter(), limit=100)
            first = everything[0]
            word = first.name.split()[0]
            found = register.page(s, register.RegisterFilter(text=word[:2]), limit=100)
            assert first.seq in {r.seq for r in found}
        with db.transaction() as s:  # the update trigger still feeds the index
            initiatives.get_initiative(s, first.id).name_folded = "quyzxqx " + word.lower()
        with db.reading() as s:
            assert [r.seq for r in register.page(s, register.RegisterFilter(text="quyzx"))] == \
                [first.seq]
    finally:
        db.close()
