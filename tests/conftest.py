"""Shared fixtures. A migrated, initialised database is built once per test session and
copied for each test (cheaper than migrating every time, as Anki's tests do)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.common.database import AppDatabase, open_app_database
from core.org.office import init_office


@pytest.fixture(scope="session", autouse=True)
def _log_folder(tmp_path_factory):
    """The log (written once the window starts, see gui.common.crash) stays out of the
    user's log folder."""
    from core.common.logs import LOG_DIR_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LOG_DIR_ENV, str(tmp_path_factory.mktemp("logs")))
        yield


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = open_app_database(path)
    db.set_office_code("VL")
    with db.transaction() as s:
        init_office(
            s,
            code="VL",
            name="LĐLĐ huyện Vĩnh Linh",
            level="upper",
            parent_code="QT",
            parent_name="LĐLĐ tỉnh Quảng Trị",
            place="Vĩnh Linh",
            chair_name="Nguyễn Văn An",
        )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(_template_db, tmp_path) -> Path:
    target = tmp_path / "so-cong-doan.sqlite"
    shutil.copyfile(_template_db, target)
    return target


@pytest.fixture
def app_db(db_path) -> AppDatabase:
    db = open_app_database(db_path)
    yield db
    db.close()
