"""Organisation registry: units (with merges and history), member counts, members."""

from __future__ import annotations

import enum
import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, SyncedMixin


class UnitKind(enum.StrEnum):
    PROVINCE = "province"  # LĐLĐ tỉnh
    UPPER = "upper"  # công đoàn cấp trên trực tiếp cơ sở (LĐLĐ huyện, CĐ ngành, CĐ Viên chức)
    GRASSROOTS = "grassroots"  # công đoàn cơ sở (CĐCS)


class Sector(enum.StrEnum):
    ADMINISTRATION = "administration"  # hành chính sự nghiệp
    EDUCATION = "education"  # giáo dục
    HEALTH = "health"  # y tế
    ENTERPRISE = "enterprise"  # doanh nghiệp
    OTHER = "other"


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class Unit(SyncedMixin, Base):
    """A union unit. ``code`` is stable across renames; a merged unit keeps its row and code."""

    __tablename__ = "unit"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    name_folded: Mapped[str] = mapped_column(String(255), index=True)
    kind: Mapped[UnitKind] = mapped_column(String(16))
    sector: Mapped[Sector | None] = mapped_column(String(16), default=None)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))
    merged_on: Mapped[date | None] = mapped_column(Date)

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id", foreign_keys=[parent_id])
    merged_into: Mapped[Unit | None] = relationship(
        remote_side="Unit.id", foreign_keys=[merged_into_id]
    )

    @property
    def is_active(self) -> bool:
        return self.merged_into_id is None and self.deleted_at is None


class UnitMemberCount(SyncedMixin, Base):
    """Number of members (and women among them) of a unit in a given year."""

    __tablename__ = "unit_member_count"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    members: Mapped[int] = mapped_column(Integer)
    female: Mapped[int | None] = mapped_column(Integer)


class UnitEvent(SyncedMixin, Base):
    """History of a unit: created, renamed, moved, merged (kept forever)."""

    __tablename__ = "unit_event"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # created | renamed | moved | merged | absorbed
    detail: Mapped[str] = mapped_column(Text, default="")
    other_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"))


class Member(SyncedMixin, Base):
    """A union member (đoàn viên)."""

    __tablename__ = "member"
    __table_args__ = (
        Index("ix_member_unit_sort", "unit_id", "sort_key"),
        Index("ix_member_sort", "sort_key"),
        Index("ix_member_name_folded", "name_folded"),
    )

    full_name: Mapped[str] = mapped_column(String(255))
    name_folded: Mapped[str] = mapped_column(String(255))
    sort_key: Mapped[str] = mapped_column(String(512))
    gender: Mapped[Gender | None] = mapped_column(String(8))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    position: Mapped[str] = mapped_column(String(255), default="")
    member_since: Mapped[date | None] = mapped_column(Date)

    unit: Mapped[Unit] = relationship()
