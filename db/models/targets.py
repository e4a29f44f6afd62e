"""Targets (chỉ tiêu) set for units: initiatives per programme phase, and the mutual-aid
fund model per year. Progress is never stored: core.targets.progress computes it from the records."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, SyncedMixin


class InitiativeTarget(SyncedMixin, Base):
    """How many initiatives ``unit`` should register in a programme phase (phase 0 = the
    whole programme; for yearly programmes the phase number is the year)."""

    __tablename__ = "initiative_target"
    __sync_owner__ = "province"
    __table_args__ = (UniqueConstraint("unit_id", "programme_id", "phase_number"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"))
    phase_number: Mapped[int] = mapped_column(Integer)
    target: Mapped[int] = mapped_column(Integer)


class FundModelTarget(SyncedMixin, Base):
    """Mutual-aid fund model ("Quỹ tương hỗ Công đoàn") target of an upper-level union for a
    year, as the province sets it: its CĐCS in all, those already running the fund the year
    before, and how many more should start it this year (seed 000's table)."""

    __tablename__ = "fund_model_target"
    __sync_owner__ = "province"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    grassroots_total: Mapped[int] = mapped_column(Integer)
    running_before: Mapped[int] = mapped_column(Integer)
    to_add: Mapped[int] = mapped_column(Integer)
