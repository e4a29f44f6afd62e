"""Declarative base and the columns every row that travels between offices carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import ClassVar, cast

from sqlalchemy import DateTime, Integer, MetaData, String, Table, TypeDecorator, Uuid, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

# Stable constraint names, so Alembic migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_row_stamp(office_code: str, now: datetime | None = None) -> dict:
    """The synced columns of a new row written by a Core bulk insert (the ORM fills them
    itself): origin office, created/updated now, first version, no tombstone."""
    now = now or utcnow()
    return {"origin_office": office_code, "created_at": now, "updated_at": now,
            "row_version": 1, "deleted_at": None}


class UTCDateTime(TypeDecorator):
    """Timestamps are stored as naive UTC and always come back timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must be timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The table a model is mapped to, for Core inserts. SQLAlchemy types ``__table__`` as a
    FromClause (a model may map a join or a select); every model here maps one Table."""
    return cast(Table, model.__table__)


class SyncedMixin:
    """UUID key, origin office, UTC timestamps, row version and deletion tombstone.

    ``row_version`` is the mapper's version counter (bumped by every UPDATE).
    ``origin_office`` is filled from ``session.info["office_code"]`` when a row is first
    flushed (see :func:`_stamp_rows`); bulk Core inserts pass it explicitly.

    ``__sync_owner__`` says which office owns the rows of a table when two offices edit
    the same row (core/sync): ``"origin"`` — the office that created the row (initiatives,
    units, members, fund, commendation files) — or ``"province"`` (targets, review results,
    decisions). ``__sync_local__`` names columns that never travel (a local integer key,
    given afresh by the receiving side). ``__sync_province_fields__`` names columns of an
    origin-owned row that the province decides (review results and decisions on an
    initiative): in a conflict on those fields alone the province's version wins. Declaring a SyncedMixin table is all it takes to
    join sync: db/outbox.py captures every such table it finds.
    """

    #: who owns the rows of a table for sync: "origin" = the office that created the row
    __sync_owner__: ClassVar[str] = "origin"
    __sync_local__: ClassVar[tuple[str, ...]] = ()
    __sync_province_fields__: ClassVar[tuple[str, ...]] = ()

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    origin_office: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # Optimistic concurrency: an UPDATE bumps row_version and fails on a stale copy.
        return {"version_id_col": cls.row_version}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@event.listens_for(Session, "before_flush")
def _stamp_rows(session: Session, flush_context, instances) -> None:
    office = session.info.get("office_code")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, SyncedMixin) and not obj.origin_office:
            if not office:
                raise RuntimeError("session.info['office_code'] is not set; cannot stamp rows")
            obj.origin_office = office
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
