"""Initiative register: programmes with dated phases, initiatives, authors, payments, history."""

from __future__ import annotations

import enum
import uuid
from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, SyncedMixin


class InitiativeKind(enum.StrEnum):
    TECHNICAL = "technical"  # giải pháp kỹ thuật
    MANAGEMENT = "management"  # giải pháp quản lý
    OPERATIONAL = "operational"  # giải pháp tác nghiệp
    APPLIED_TECHNOLOGY = "applied_technology"  # giải pháp ứng dụng tiến bộ kỹ thuật
    UNION_WORK = "union_work"  # giải pháp trong hoạt động công đoàn
    COVID = "covid"  # giải pháp phòng chống Covid-19
    RESEARCH = "research"  # đề tài nghiên cứu khoa học cấp tỉnh/bộ/ngành


class InitiativeField(enum.StrEnum):
    AGRICULTURE_ENVIRONMENT = "agriculture_environment"
    IT_ELECTRONICS_TELECOM = "it_electronics_telecom"
    MATERIALS_CHEMICALS_ENERGY = "materials_chemicals_energy"
    HEALTH = "health"
    EDUCATION = "education"
    OTHER = "other"


class InitiativeStatus(enum.StrEnum):
    DRAFT = "draft"  # nháp
    UNDER_REVIEW = "under_review"  # đang xem xét
    VALID = "valid"  # hợp lệ
    REJECTED = "rejected"  # không hợp lệ


class Recogniser(enum.StrEnum):
    COUNCIL = "council"  # Hội đồng sáng kiến
    HEAD = "head"  # thủ trưởng cơ quan, đơn vị


class Programme(SyncedMixin, Base):
    """A programme or movement; initiatives count toward its phases."""

    __tablename__ = "programme"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    eligible_from: Mapped[date | None] = mapped_column(Date)  # first application window
    eligible_to: Mapped[date | None] = mapped_column(Date)
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)  # phases are calendar years

    phases: Mapped[list[ProgrammePhase]] = relationship(
        order_by="ProgrammePhase.number", back_populates="programme"
    )


class ProgrammePhase(SyncedMixin, Base):
    __tablename__ = "programme_phase"
    __table_args__ = (UniqueConstraint("programme_id", "number"),)

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)

    programme: Mapped[Programme] = relationship(back_populates="phases")


class Initiative(SyncedMixin, Base):
    """One initiative (sáng kiến) or research topic (đề tài).

    ``seq`` is a stable integer key for the full-text index; the ``*_folded`` columns are
    the search forms (no tones, đ → d) that the index covers. ``phase_number`` is derived
    from ``registered_on`` and the programme's phases (see core.initiatives.records.derive_phase).
    """

    __tablename__ = "initiative"
    __sync_local__ = ("seq",)  # the full-text index's rowid: numbered by each office
    # review results and decisions are the province's to give (core/sync conflicts)
    __sync_province_fields__ = ("status", "rejection_reason", "recognised_by",
                                "decision_number", "decision_date", "awards")
    __table_args__ = (
        Index("ix_initiative_unit", "unit_id"),
        Index("ix_initiative_programme_phase", "programme_id", "phase_number"),
        # Covers a GROUP BY of the register by programme, unit, phase and status without
        # table reads (progress itself reads the tally, InitiativeTally below).
        Index(
            "ix_initiative_progress",
            "programme_id", "deleted_at", "unit_id", "phase_number", "status",
        ),
        Index("ix_initiative_status", "status"),
        # Sorted register pages walk these in order and stop after the page (core.initiatives.register).
        Index("ix_initiative_registered", "registered_on", "seq"),
        Index("ix_initiative_name", "name_folded", "seq"),
        Index("ix_initiative_benefit", "economic_benefit", "seq"),
        # "Số": year, then sequence, over the live rows (migration 0007a).
        Index("ix_initiative_number", "number", "seq", sqlite_where=text("deleted_at IS NULL")),
    )

    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. "VL-SK-2023-00042"
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[InitiativeKind] = mapped_column(String(24))
    field: Mapped[InitiativeField | None] = mapped_column(String(32))
    programme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("programme.id"))
    phase_number: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    registered_on: Mapped[date] = mapped_column(Date)
    objective: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    first_applied_on: Mapped[date | None] = mapped_column(Date)
    trial_only: Mapped[bool] = mapped_column(Boolean, default=False)  # áp dụng thử
    economic_benefit: Mapped[int | None] = mapped_column(BigInteger)  # đồng per year
    social_benefit: Mapped[str] = mapped_column(Text, default="")
    recognised_by: Mapped[Recogniser | None] = mapped_column(String(16))
    decision_number: Mapped[str] = mapped_column(String(64), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[InitiativeStatus] = mapped_column(String(16), default=InitiativeStatus.UNDER_REVIEW)
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    new_in_unit: Mapped[bool] = mapped_column(Boolean, default=True)
    ip_protected: Mapped[bool] = mapped_column(Boolean, default=False)
    unlawful: Mapped[bool] = mapped_column(Boolean, default=False)  # trái trật tự công cộng
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    portal_uploaded: Mapped[bool] = mapped_column(Boolean, default=False)
    portal_uploaded_on: Mapped[date | None] = mapped_column(Date)
    awards: Mapped[str] = mapped_column(Text, default="")
    authors_text: Mapped[str] = mapped_column(Text, default="")  # "Nguyễn Văn A (60%), …"
    lead_author: Mapped[str] = mapped_column(String(255), default="")
    name_folded: Mapped[str] = mapped_column(Text, default="")
    authors_folded: Mapped[str] = mapped_column(Text, default="")
    description_folded: Mapped[str] = mapped_column(Text, default="")
    unit_folded: Mapped[str] = mapped_column(Text, default="")

    authors: Mapped[list[InitiativeAuthor]] = relationship(
        order_by="InitiativeAuthor.position", cascade="all, delete-orphan"
    )
    payments: Mapped[list[InitiativePayment]] = relationship(
        order_by="InitiativePayment.paid_on", cascade="all, delete-orphan"
    )


class InitiativeAuthor(SyncedMixin, Base):
    __tablename__ = "initiative_author"

    initiative_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("initiative.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member.id"))
    full_name: Mapped[str] = mapped_column(String(255))
    unit_text: Mapped[str] = mapped_column(String(255), default="")
    share: Mapped[int] = mapped_column(Integer)  # % contribution; authors sum to 100


class InitiativePayment(SyncedMixin, Base):
    """Support paid for a registered initiative (seed 001: 100.000 đ district, ≤200.000 đ CĐCS)."""

    __tablename__ = "initiative_payment"

    initiative_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("initiative.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(Date)
    payer: Mapped[str] = mapped_column(String(255))


class InitiativeChange(SyncedMixin, Base):
    """Who changed what, when (``created_at``): ``changes`` is JSON {field: [old, new]}."""

    __tablename__ = "initiative_change"

    initiative_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("initiative.id"), index=True)
    changed_by: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(16))  # created | updated | imported | deleted
    changes: Mapped[str] = mapped_column(Text, default="{}")


class InitiativeTally(Base):
    """How many live initiatives (and how much benefit) there are per programme, phase,
    unit, status, field and month of registration — what progress and the dashboard count.

    Derived, never edited and never synced: on SQLite, triggers on ``initiative`` keep it
    in step with every insert, update and deletion (db/tally.py); elsewhere db.tally gives
    the same rows computed on the fly. Keys have no NULLs (unique keys would not match
    them): phase -1 = none, field '' = none.
    """

    __tablename__ = "initiative_tally"
    __table_args__ = {"sqlite_with_rowid": False}

    programme_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    phase_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    field_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # 'YYYY-MM'
    initiatives: Mapped[int] = mapped_column(Integer)
    with_benefit: Mapped[int] = mapped_column(Integer)
    benefit: Mapped[int] = mapped_column(BigInteger)
