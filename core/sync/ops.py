"""What the window (and the CLI) calls for sync: functions taking the open AppDatabase,
each one read or one transaction, returning frozen dataclasses (mutations: Done)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.common.changes import Changes, Done
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.paths import attachments_dir, held_packages_dir
from core.sync import exchange, keys, labels
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
    attachments: int = 0  # attached files stored

    def as_dict(self) -> dict:
        return {**self.__dict__, "rejected_reasons": list(self.rejected_reasons)}


def _outcome(r: exchange.FileReport) -> PackageOutcome:
    return PackageOutcome(r.file, r.sender, r.seq, r.state, r.reason, r.new, r.updated,
                          r.unchanged, r.conflicts, r.rejected, tuple(r.rejected_reasons),
                          r.attachments)


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
    UserError saying so) and writes nothing.

    The file is written before the transaction recording it commits; when that commit
    fails, the file is removed: the sequence number it carries is not recorded as used, so
    the next export numbers its package the same — two different packages of one number
    would be taken for a fork by the recipient."""
    written: list[Path] = []
    try:
        with db.transaction() as s:
            result = exchange.export_package(s, passphrase, recipient, out_dir,
                                             new_epoch=new_epoch, force=force,
                                             attachments_dir=attachments_dir(db.path))
            written.append(result.path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return Done(result, SYNC)


def nothing_to_send(db: AppDatabase, recipient: str) -> bool:
    """Nothing new and nothing unacknowledged for ``recipient``: a package would carry only
    this office's acknowledgement."""
    with db.reading() as s:
        return exchange.nothing_to_send(s, recipient)


class ImportCancelled(UserError):
    """The person cancelled a running import: its transaction was rolled back."""


#: the steps an import reports: backup and checks, applying, recording
IMPORT_STEPS = 3


def import_packages(db: AppDatabase, paths: list[str | os.PathLike[str]], passphrase: str, *,
                    dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None
                    ) -> Done[tuple[PackageOutcome, ...]]:
    """Check and apply the files in one transaction; with ``dry_run`` the same work rolled
    back (the preview). Anything applied changes everything a page may show.

    ``progress(step, IMPORT_STEPS)`` is called as the import goes on; when ``cancelled()``
    says so before the transaction commits, nothing is written (:class:`ImportCancelled`)."""
    report = progress or (lambda done, total: None)

    def work(s):
        report(1, IMPORT_STEPS)
        reports = exchange.import_packages(
            s, paths, passphrase, held_dir=held_dir, keep=not dry_run,
            attachments_dir=None if dry_run else attachments_dir(db.path))
        report(2, IMPORT_STEPS)
        if cancelled is not None and cancelled():
            raise ImportCancelled("Đã huỷ việc nhập gói: không có gì được ghi.")
        return reports

    held_dir = held_packages_dir(db.path)
    report(0, IMPORT_STEPS)
    try:
        reports = db.run(work, dry_run=dry_run)
    finally:
        if not dry_run:
            _clean_held(db, held_dir)
    report(IMPORT_STEPS, IMPORT_STEPS)
    outcomes = tuple(_outcome(r) for r in reports)
    applied = not dry_run and any(o.state == "applied" for o in outcomes)
    return Done(outcomes, Changes.everything() if applied else SYNC)


def _clean_held(db: AppDatabase, held_dir: Path) -> None:
    """Remove the kept package files no held record needs any more (applied, refused, or
    copied by an import that was then rolled back)."""
    if not held_dir.is_dir():
        return
    with db.reading() as s:
        needed = exchange.held_files(s)
    for path in held_dir.iterdir():
        if path.is_file() and path.name not in needed:
            path.unlink(missing_ok=True)


def status(db: AppDatabase) -> Status:
    with db.reading() as s:
        return exchange.status(s)


def conflicts(db: AppDatabase, *, open_only: bool = True) -> list[ConflictInfo]:
    with db.reading() as s:
        return exchange.conflicts(s, open_only=open_only)


def resolve(db: AppDatabase, conflict_id: int, keep: str) -> Done[ConflictInfo]:
    with db.transaction() as s:
        return Done(exchange.resolve(s, conflict_id, keep), Changes.everything())


# --- read models for the page: labels, identities, formatted values ----------------------
#: a reference column → (table, the columns that name the referenced row)
_REFERENCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "unit_id": ("unit", ("name",)), "parent_id": ("unit", ("name",)),
    "merged_into_id": ("unit", ("name",)), "other_unit_id": ("unit", ("name",)),
    "member_id": ("member", ("full_name",)), "borrower_id": ("member", ("full_name",)),
    "guarantor_id": ("member", ("full_name",)), "initiative_id": ("initiative", ("number", "name")),
    "loan_id": ("fund_loan", ("number",)), "rescheduled_from_id": ("fund_loan", ("number",)),
    "fund_id": ("fund", ("name",)), "programme_id": ("programme", ("name",)),
    "round_id": ("commendation_round", ("name",)),
    "nominee_id": ("commendation_nominee", ("full_name",)),
}


@dataclass(frozen=True)
class ConflictField:
    """One field in conflict: its Vietnamese label, this office's value (read from the
    current row) and the received one, both formatted."""

    column: str
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class ConflictView:
    """A conflict as a clerk reads it (the conflicts page, ``sync conflicts``)."""

    id: int
    table: str  # Vietnamese, e.g. "Sáng kiến"
    record: str  # e.g. "LC-MT-2026-0001 — Cải tiến máy bơm"
    peer: str  # the other office's name and code
    winner: str  # mine | theirs (the provisional one)
    fields: tuple[ConflictField, ...]


def _row(conn, table: str, row_id: object) -> dict | None:
    if table not in labels.TABLES:  # only synced tables' names go into the SQL
        return None
    found = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).mappings()
    first = found.first()
    return None if first is None else dict(first)


def _reference(conn, column: str, value: object) -> str | None:
    target = _REFERENCES.get(column)
    if target is None or value in (None, ""):
        return None
    row = _row(conn, target[0], value)
    if row is None:
        return None
    return " — ".join(str(row[c]) for c in target[1] if row.get(c))


def office_name(conn, code: str) -> str:
    """"LĐLĐ huyện Mường Tè (LC-MT)" where the office's unit is known, else the code."""
    name = conn.exec_driver_sql("SELECT name FROM unit WHERE code = ? AND deleted_at IS NULL",
                                (code,)).scalar()
    return f"{name} ({code})" if name else code


def _identity(conn, table: str, row: dict) -> str:
    def ref(column: str) -> str:
        return _reference(conn, column, row.get(column)) or ""

    def join(*parts: object) -> str:
        return " — ".join(str(p) for p in parts if p not in (None, ""))

    if table == "initiative":
        return join(row.get("number"), row.get("name"))
    if table == "member":
        unit = ref("unit_id")
        return f"{row.get('full_name', '')} ({unit})" if unit else str(row.get("full_name", ""))
    if table == "fund_loan":
        return join(f"Khoản vay {row.get('number', '')}", ref("borrower_id"))
    if table == "unit":
        return join(row.get("code"), row.get("name"))
    if table == "fund_entry":
        return join(f"Chứng từ số {row.get('voucher_no', '')}/{row.get('year', '')}",
                    row.get("memo"))
    if table == "fund_instalment":
        return join(f"Khoản vay {ref('loan_id')}", f"kỳ {row.get('seq', '')}")
    for parent in ("initiative_id", "loan_id", "nominee_id", "round_id", "unit_id"):
        if parent in row and not any(row.get(k) for k in ("number", "name", "full_name")):
            return join(labels.field_label(table, parent), ref(parent))
    named = join(*(row.get(k) for k in ("number", "code", "full_name", "name")))
    return named or labels.table_label(table)


def _shown(conn, table: str, column: str, value: object) -> str:
    return _reference(conn, column, value) or labels.format_value(table, column, value)


def conflict_views(db: AppDatabase) -> list[ConflictView]:
    """The open conflicts with Vietnamese labels, each record's identity, and only the
    fields in conflict. Where this office's version is kept for now, "this office" is the
    row as it is now (edited since, perhaps), not as it was when the package arrived."""
    with db.reading() as s:
        conn = s.connection()
        views = []
        for c in exchange.conflicts(s):
            current = _row(conn, c.entity, c.row_id)
            deleted_here = c.mine.get("__op__") == "delete"
            deleted_there = c.theirs.get("__op__") == "delete"
            # kept for now: the row holds this office's version, perhaps edited since
            mine = current if c.winner == "mine" and current is not None else c.mine
            columns = [f for f in c.fields if f not in labels.BOOKKEEPING
                       and not f.startswith("__")]
            gone = "(đã xoá)"
            fields = tuple(
                ConflictField(f, labels.field_label(c.entity, f),
                              gone if deleted_here else _shown(conn, c.entity, f, mine.get(f)),
                              gone if deleted_there else _shown(conn, c.entity, f,
                                                                c.theirs.get(f)))
                for f in columns)
            if not fields:  # a deletion against an edit: the record itself is the question
                fields = (ConflictField("", "Bản ghi", "(đã xoá)" if deleted_here else "(còn)",
                                        "(đã xoá)" if deleted_there else "(còn)"),)
            record = _identity(conn, c.entity, {**c.theirs, **c.mine, **(current or {})})
            views.append(ConflictView(c.id, labels.table_label(c.entity), record,
                                      office_name(conn, c.peer), c.winner, fields))
        return views


def office_names(db: AppDatabase, codes: list[str]) -> dict[str, str]:
    with db.reading() as s:
        conn = s.connection()
        return {code: office_name(conn, code) for code in codes}


def fingerprint_text(key_id: str) -> str:
    """A key id as read over the telephone: groups of four, upper case ("623D 39B2 …")."""
    compact = key_id.replace(" ", "").upper()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


@dataclass(frozen=True)
class OfficeRow:
    """One peer office as the page shows it: by name, with what it still has to confirm
    counted in changes (not the outbox's internal numbers) and its key's fingerprint."""

    code: str
    name: str  # "LĐLĐ huyện Mường Tè (LC-MT)"
    role: str  # province | district
    sent_up_to: int  # the last package number written for it
    received_up_to: int  # the last package number read from it
    waiting: int  # this office's changes it has not confirmed yet
    fingerprint: str
    revoked: bool


@dataclass(frozen=True)
class HistoryRow:
    direction: str  # out | in
    office: str  # name and code
    seq: int
    state: str  # sent | applied | duplicate | held | refused
    changes: int
    file: str


@dataclass(frozen=True)
class Overview:
    """The page's summary: this office by name, its fingerprint as read over the
    telephone, how many of its changes wait for a confirmation, the peers and history."""

    office: str
    name: str
    role: str
    fingerprint: str
    waiting: int
    offices: tuple[OfficeRow, ...]
    history: tuple[HistoryRow, ...]


def overview(db: AppDatabase) -> Overview:
    with db.reading() as s:
        st = exchange.status(s)
        conn = s.connection()

        # counted once per acknowledgement point: offices that confirmed up to the same
        # change (none yet, or everything) share the count of a scan of the outbox
        counts: dict[int, int] = {}
        names: dict[str, str] = {}

        def waiting(acked_through: int) -> int:
            if acked_through not in counts:
                counts[acked_through] = int(conn.exec_driver_sql(
                    "SELECT count(*) FROM sync_outbox WHERE seq > ?", (acked_through,)).scalar()
                    or 0)
            return counts[acked_through]

        def name(code: str) -> str:
            if code not in names:
                names[code] = office_name(conn, code)
            return names[code]

        rows = tuple(OfficeRow(p.office_code, name(p.office_code), p.role, p.out_seq, p.in_seq,
                               waiting(p.acked_through), fingerprint_text(p.key_id), p.revoked)
                     for p in st.peers)
        history = tuple(HistoryRow(d, name(peer), seq, state, n, file)
                        for d, peer, seq, state, n, file in st.history)
        return Overview(st.office, name(st.office), st.role,
                        fingerprint_text(st.fingerprint), st.pending, rows, history)
