"""Sync bookkeeping (core/sync): the outbox the capture triggers write (db/outbox.py), this
office's keys, the offices it exchanges packages with, the packages sent and received, and
the conflicts kept for a person. None of these tables travels."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime


class SyncOutbox(Base):
    """One captured change of a synced row, written by a trigger in the same transaction.

    ``row`` is the new row (the old one for a deletion) as JSON of the stored values;
    ``changed`` the JSON list of columns an update changed."""

    __tablename__ = "sync_outbox"
    # never reuse a number (pruned or superseded entries): peers remember the last one applied
    __table_args__ = {"sqlite_autoincrement": True,
                      "info": {"verbatim": True}}  # not scanned by `check` (stored_text)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    row_version: Mapped[int] = mapped_column(Integer)
    base_version: Mapped[int] = mapped_column(Integer)
    row: Mapped[str] = mapped_column(Text)
    changed: Mapped[str] = mapped_column(Text, default="[]")
    office: Mapped[str] = mapped_column(String(32), default="")
    at: Mapped[str] = mapped_column(String(32))  # UTC 'YYYY-MM-DD HH:MM:SS.SSS'


class SyncApplying(Base):
    """Holds one row while an incoming package is applied (inside that transaction only):
    the capture triggers skip their work, so received rows are not echoed as local changes."""

    __tablename__ = "sync_applying"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SyncIdentity(Base):
    """This office's sync identity: its code, role and keys. The private keys are kept
    only encrypted with the passphrase (scrypt + ChaCha20-Poly1305, core/sync/keys.py)."""

    __tablename__ = "sync_identity"

    office_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # province | district
    province_code: Mapped[str] = mapped_column(String(32))
    key_id: Mapped[str] = mapped_column(String(64))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    private_sealed: Mapped[str] = mapped_column(Text)  # JSON: scrypt salt, nonce, ciphertext
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncPeer(Base):
    """An office this one exchanges packages with: its public keys and where each
    direction stands (sequence numbers, hashes, acknowledgements)."""

    __tablename__ = "sync_peer"

    office_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    key_id: Mapped[str] = mapped_column(String(64))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    revoked_keys: Mapped[str] = mapped_column(Text, default="[]")  # key ids no longer valid
    out_epoch: Mapped[int] = mapped_column(Integer, default=1)
    out_seq: Mapped[int] = mapped_column(Integer, default=0)  # last package sent to it
    out_hash: Mapped[str] = mapped_column(String(64), default="")
    acked_through: Mapped[int] = mapped_column(Integer, default=0)  # our outbox seq it applied
    in_epoch: Mapped[int] = mapped_column(Integer, default=0)
    in_seq: Mapped[int] = mapped_column(Integer, default=0)  # last package applied from it
    in_hash: Mapped[str] = mapped_column(String(64), default="")
    applied_through: Mapped[int] = mapped_column(Integer, default=0)  # its outbox seq we applied


class SyncPackage(Base):
    """History: every package written or read (applied, duplicate, held, refused)."""

    __tablename__ = "sync_package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(String(64), index=True)
    direction: Mapped[str] = mapped_column(String(4))  # out | in
    peer: Mapped[str] = mapped_column(String(32))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # sent | applied | duplicate | held
    changes: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncConflict(Base):
    """Both versions of a row edited on both sides, kept for a person to decide.
    ``winner`` is the provisional one (by ownership), already in the table."""

    __tablename__ = "sync_conflict"
    __table_args__ = {"info": {"verbatim": True}}  # rows as they were: not scanned by `check`

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    peer: Mapped[str] = mapped_column(String(32))
    package_id: Mapped[str] = mapped_column(String(64))
    mine: Mapped[str] = mapped_column(Text)  # JSON of the row
    theirs: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the fields both sides changed
    winner: Mapped[str] = mapped_column(String(8))  # mine | theirs
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(8), default="")
