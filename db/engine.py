"""One engine factory and one way to run a use case in a transaction.

SQLite specifics (pragmas, transactional DDL) live in :mod:`db.sqlite`; other back-ends
(PostgreSQL for provincial consolidation) get a plain engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from db import sqlite


def sqlite_url(path: str | Path) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def make_engine(url: str) -> Engine:
    """Engine for ``url``; for SQLite: WAL, foreign keys on, busy timeout, real transactions."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": sqlite.busy_timeout_s()})
        sqlite.configure(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine, office_code: str = "") -> sessionmaker[Session]:
    """Sessions stamp new synced rows with ``office_code`` (set later with :func:`set_office`)."""
    return sessionmaker(engine, expire_on_commit=False, info={"office_code": office_code})


def set_office(factory: sessionmaker[Session], office_code: str) -> None:
    factory.kw.setdefault("info", {})["office_code"] = office_code


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction per use case: commits at the end, rolls back on any exception.

    It is begun as a writer (SQLite: ``BEGIN IMMEDIATE``), so a lock held by another
    program is waited for, up to the busy timeout, before any work is done."""
    with factory() as session, session.begin():
        session.connection(execution_options={sqlite.WRITE: True})
        yield session
