"""What the window (and the CLI) calls for sync: functions taking the open AppDatabase,
each one read or one transaction, returning frozen dataclasses (mutations: Done)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.sync import exchange, keys
from core.sync.exchange import ConflictInfo, ExportResult, Status
from core.sync.keys import EnrolmentInfo, IdentityInfo, PeerInfo

SYNC = Changes(sync=True)

__all__ = ["ConflictInfo", "EnrolmentInfo", "ExportResult", "IdentityInfo", "PackageOutcome", "PeerInfo", "Status"]


@dataclass(frozen=True)
class PackageOutcome:
    """One file of an import (or of its preview)."""

    file: str
    sender: str
    seq: int
    state: str  # applied | duplicate | held | refused
    reason: str
    new: int
    updated: int
    unchanged: int
    conflicts: int
    rejected: int
    rejected_reasons: tuple[str, ...]

    def as_dict(self) -> dict:
        return {**self.__dict__, "rejected_reasons": list(self.rejected_reasons)}


def _outcome(r: exchange.FileReport) -> PackageOutcome:
    return PackageOutcome(r.file, r.sender, r.seq, r.state, r.reason, r.new, r.updated,
                          r.unchanged, r.conflicts, r.rejected, tuple(r.rejected_reasons))


def identity(db: AppDatabase) -> IdentityInfo | None:
    with db.reading() as s:
        me = keys.identity(s)
        return None if me is None else IdentityInfo(me.office_code, me.role, me.province_code,
                                                    me.key_id)


def init_province(db: AppDatabase, passphrase: str) -> Done[IdentityInfo]:
    with db.transaction() as s:
        return Done(keys.init_province(s, passphrase), SYNC)


def enrol(db: AppDatabase, office: str, passphrase: str, out: str | os.PathLike[str],
          office_passphrase: str | None = None) -> Done[Path]:
    with db.transaction() as s:
        return Done(keys.enrol(s, office, passphrase, out, office_passphrase), SYNC)


def import_enrolment(db: AppDatabase, path: str | os.PathLike[str], passphrase: str, *,
                     replace: bool = False) -> Done[IdentityInfo]:
    """Take the enrolment file; ``replace`` (after the person confirmed) replaces keys this
    office made by mistake and never used to send a package."""
    with db.transaction() as s:
        return Done(keys.import_enrolment(s, path, passphrase, replace=replace), SYNC)


def read_enrolment(path: str | os.PathLike[str]) -> EnrolmentInfo:
    """Whom an enrolment file is for: code, name and parent (signature checked)."""
    return keys.read_enrolment(path)


def keys_replaceable(db: AppDatabase) -> bool:
    with db.reading() as s:
        return keys.keys_replaceable(s)


def can_be_province(db: AppDatabase) -> bool:
    """Only an office with no parent unit (a province) makes the province's keys."""
    with db.reading() as s:
        return bool(keys.office_code_of(s)) and not keys.parent_of_office(s)


def enrolable_units(db: AppDatabase) -> list[tuple[str, str]]:
    with db.reading() as s:
        return keys.enrolable_units(s)


def remove_office(db: AppDatabase, office: str, passphrase: str) -> Done[int]:
    """Remove an enrolment (a mistyped code): its backlog is dropped."""
    with db.transaction() as s:
        return Done(keys.remove_office(s, office, passphrase), SYNC)


def rotate(db: AppDatabase, passphrase: str) -> Done[IdentityInfo]:
    with db.transaction() as s:
        return Done(keys.rotate(s, passphrase), SYNC)


def revoke(db: AppDatabase, office: str, passphrase: str) -> Done[PeerInfo]:
    with db.transaction() as s:
        return Done(keys.revoke(s, office, passphrase), SYNC)


def export_package(db: AppDatabase, passphrase: str, recipient: str,
                   out_dir: str | os.PathLike[str], *, new_epoch: bool = False,
                   force: bool = True) -> Done[ExportResult]:
    """With ``force`` False and nothing to send, raises ``exchange.NothingToSend`` (a
    UserError saying so) and writes nothing."""
    with db.transaction() as s:
        return Done(exchange.export_package(s, passphrase, recipient, out_dir,
                                            new_epoch=new_epoch, force=force), SYNC)


def nothing_to_send(db: AppDatabase, recipient: str) -> bool:
    """Nothing new and nothing unacknowledged for ``recipient``: a package would carry only
    this office's acknowledgement."""
    with db.reading() as s:
        return exchange.nothing_to_send(s, recipient)


def import_packages(db: AppDatabase, paths: list[str | os.PathLike[str]], passphrase: str, *,
                    dry_run: bool = False) -> Done[tuple[PackageOutcome, ...]]:
    """Check and apply the files in one transaction; with ``dry_run`` the same work rolled
    back (the preview). Anything applied changes everything a page may show."""
    reports = db.run(lambda s: exchange.import_packages(s, paths, passphrase), dry_run=dry_run)
    outcomes = tuple(_outcome(r) for r in reports)
    applied = not dry_run and any(o.state == "applied" for o in outcomes)
    return Done(outcomes, Changes.everything() if applied else SYNC)


def status(db: AppDatabase) -> Status:
    with db.reading() as s:
        return exchange.status(s)


def conflicts(db: AppDatabase, *, open_only: bool = True) -> list[ConflictInfo]:
    with db.reading() as s:
        return exchange.conflicts(s, open_only=open_only)


def resolve(db: AppDatabase, conflict_id: int, keep: str) -> Done[ConflictInfo]:
    with db.transaction() as s:
        return Done(exchange.resolve(s, conflict_id, keep), Changes.everything())
