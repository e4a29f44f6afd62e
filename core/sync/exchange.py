"""Export and import of sync packages, conflicts and their resolution (session level).

Export: every outbox entry the recipient has not acknowledged, in order, so a lost file is
healed by the next one; confidential initiatives leave reduced to the portal-list fields.
Import: decrypt and check (core/sync/package.py), check the sequence (duplicate, replay,
fork, gap), then apply every change with the capture triggers silenced. An update applies
only the fields it changed; when the row has local changes not yet acknowledged by the
sender on the same fields, both versions are kept in ``sync_conflict`` and the owner's
version (``__sync_owner__``) is the provisional winner.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import struct
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from core.commendations.dossier import MAX_ATTACHMENT
from core.common.errors import UserError
from core.common.files import write_atomically
from core.common.text import FORBIDDEN, clean
from core.sync import keys as keys_module
from core.sync import package as pkg
from core.sync import values
from db import outbox
from db.bulk import insert_triggers_deferred, larger_cache
from db.migrate import SCHEMA_HEAD
from db.models import SyncConflict, SyncIdentity, SyncPackage, SyncPeer, utcnow

SUFFIX = ".scdpkg"
#: the columns of a confidential initiative that leave the office (the portal-list rule:
#: name, effect and awards; plus what every row needs to be counted by the province)
CONFIDENTIAL_KEEP = {
    "id", "origin_office", "created_at", "updated_at", "row_version", "deleted_at", "number",
    "name", "name_folded", "kind", "field", "programme_id", "phase_number", "unit_id",
    "registered_on", "economic_benefit", "social_benefit", "awards", "status", "confidential",
    "recognised_by", "decision_number", "decision_date", "rejection_reason", "unit_folded",
}
_CHILDREN_OF_INITIATIVE = {"initiative_author", "initiative_change", "initiative_payment"}
MAX_REASONS = 50


class SyncError(UserError):
    pass


# --- export ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    path: Path
    recipient: str
    seq: int
    changes: int
    attachments: int = 0  # attached files carried
    left_out: tuple[str, ...] = ()  # attached files not carried, each with why (Vietnamese)


#: the attached files one package carries, in all (each is at most MAX_ATTACHMENT)
ATTACHMENTS_BUDGET = 1 << 30
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _attached_path(folder: Path, sha: str, file_name: str) -> Path:
    """Where an attached file is kept: core.commendations.dossier.stored_path's rule."""
    return folder / f"{sha}{Path(file_name).suffix.lower()}"


def package_name(sender: str, recipient: str, day: date, seq: int) -> str:
    return f"{sender}-gui-{recipient}-{day.isoformat()}-so-{seq:04d}{SUFFIX}"


def _peer(session: Session, code: str) -> SyncPeer:
    peer = session.get(SyncPeer, code)
    if peer is None:
        raise SyncError(f"Chưa biết văn phòng {code}: tỉnh cấp khoá cho văn phòng đó trước "
                        "(«keys enrol»), huyện nhập tệp cấp khoá («keys import»).")
    return peer


def _reduce_confidential(row: dict) -> dict:
    """The portal-list fields only: the others are not sent at all (absent, not emptied),
    so the receiver keeps its own values of them."""
    return {k: v for k, v in row.items() if k in CONFIDENTIAL_KEEP}


class NothingToSend(SyncError):
    """No change the recipient has not acknowledged: no package unless asked (``force``)."""


def nothing_message(recipient: str) -> str:
    return (f"Không có thay đổi mới cho {recipient}: mọi thay đổi đã được {recipient} xác nhận, "
            "nên không tạo gói. Một gói chỉ mang xác nhận vẫn có ích: nó báo cho "
            f"{recipient} biết văn phòng này đã nhận các gói của họ, để họ dọn phần đã gửi. "
            "Muốn vậy, xuất với «--force» (hoặc đồng ý trong cửa sổ).")


def nothing_to_send(session: Session, recipient: str) -> bool:
    """True when the recipient has acknowledged every change (nothing new, nothing
    unacknowledged) and no epoch change is asked."""
    peer = _peer(session, recipient)
    return session.connection().exec_driver_sql(
        "SELECT 1 FROM sync_outbox WHERE seq > ? LIMIT 1", (peer.acked_through,)).first() is None


def export_package(session: Session, passphrase: str, recipient: str, out_dir: str | os.PathLike[str],
                   *, today: date | None = None, new_epoch: bool = False,
                   force: bool = True, attachments_dir: Path | None = None) -> ExportResult:
    """Write the package for ``recipient``. With ``force`` False and nothing to send,
    :class:`NothingToSend` is raised and no file is written. With ``attachments_dir``, the
    attached files the rows sent refer to (a commendation file's documents, by SHA-256)
    travel with them, each checked against its hash first; one missing, damaged or beyond
    the limits is left out and named in the result."""
    me, pairs = keys_module._own_keys(session, passphrase)
    peer = _peer(session, recipient)
    if not force and not new_epoch and nothing_to_send(session, recipient):
        raise NothingToSend(nothing_message(recipient))
    if peer.key_id in json.loads(peer.revoked_keys):
        raise SyncError(f"Khoá của văn phòng {recipient} đã bị thu hồi; không gửi gói cho nó.")
    if new_epoch:  # after a restore from a backup: a fresh numbering the recipient accepts
        peer.out_epoch += 1
        peer.out_seq, peer.out_hash, peer.acked_through = 0, "", 0
    conn = session.connection()
    confidential = {r[0] for r in conn.exec_driver_sql(
        "SELECT id FROM initiative WHERE confidential")}
    drafts = _draft_entries(conn)
    scope = (_Scope(conn, recipient) if me.role == "province" and peer.role != "province"
             else None)
    # every change up to the last one was looked at (sent, or out of the recipient's scope)
    through = [conn.exec_driver_sql("SELECT coalesce(max(seq), ?) FROM sync_outbox WHERE seq > ?",
                                    (peer.acked_through, peer.acked_through)).scalar()]
    in_scope, scope_params = scope.condition() if scope is not None else ("1", ())
    rows = conn.exec_driver_sql(
        "SELECT seq, entity, row_id, operation, row_version, base_version, row, changed, office, "
        f"at FROM sync_outbox WHERE seq > ? AND ({in_scope}) ORDER BY seq",
        (peer.acked_through, *scope_params))

    wanted: dict[str, str] = {}  # attached files the rows sent refer to: hash -> file name

    def changes():
        """(entity, line) of every change; the row's JSON (made by SQLite) is passed through
        as it is, parsed only where confidentiality or the recipient's scope needs a look."""
        for s, entity, row_id, op, v, b, row_json, changed, office, at in rows:
            if entity == keys_module.KEY_ENTITY:
                continue
            if entity == "initiative" and (row_id in confidential
                                           or '"confidential":1' in row_json):
                row_json = json.dumps(_reduce_confidential(json.loads(row_json)),
                                      ensure_ascii=False, separators=(",", ":"))
                changed = json.dumps([c for c in json.loads(changed) if c in CONFIDENTIAL_KEEP])
            elif (confidential and entity in _CHILDREN_OF_INITIATIVE
                  and json.loads(row_json).get("initiative_id") in confidential):
                continue  # authors and history of a confidential initiative stay home
            elif drafts and ((entity == "fund_entry" and row_id in drafts) or (
                    entity == "fund_posting" and json.loads(row_json).get("entry_id") in drafts)):
                continue  # a fund entry still in draft is local work in progress
            if (attachments_dir is not None and entity == "commendation_file_item"
                    and op != "delete"):
                item = json.loads(row_json)
                sha = item.get("sha256")
                if isinstance(sha, str) and _SHA256.fullmatch(sha):
                    wanted.setdefault(sha, str(item.get("file_name") or ""))
            line = (f'{{"s":{int(s)},"e":{json.dumps(entity)},"id":{json.dumps(row_id)},'
                    f'"op":{json.dumps(op)},"v":{int(v)},"b":{int(b)},"row":{row_json},'
                    f'"changed":{changed},"office":{json.dumps(office)},"at":{json.dumps(at)}}}\n')
            yield entity, line.encode()

    records = [json.loads(r) for (r,) in conn.exec_driver_sql(
        "SELECT row FROM sync_outbox WHERE entity = ? ORDER BY seq", (keys_module.KEY_ENTITY,))]
    seq = peer.out_seq + 1
    day = today or date.today()
    package_id = uuid.uuid4().hex
    manifest = {
        "format": pkg.FORMAT, "schema": SCHEMA_HEAD, "min_reader": pkg.READER_VERSION,
        "package_id": package_id, "sender": me.office_code, "sender_key": me.key_id,
        "recipient": recipient, "recipient_key": peer.key_id, "epoch": peer.out_epoch,
        "seq": seq, "prev_hash": peer.out_hash, "created_at": utcnow().isoformat(),
        "ack": peer.applied_through, "ack_epoch": peer.in_epoch,
        "covers_from": peer.acked_through + 1, "key_records": records,
    }
    header = {"sender": me.office_code, "recipient": recipient, "recipient_key": peer.key_id}
    out = Path(out_dir) / package_name(me.office_code, recipient, day, seq)
    result: dict = {}
    count = [0]

    def counted():
        for item in changes():
            count[0] += 1
            yield item
        # every change up to here was looked at (sent, or out of the recipient's scope): the
        # recipient acknowledges up to it, so what was left out does not wait forever
        manifest["covers_through"] = through[0]

    carried: list[str] = []
    left_out: list[str] = []

    def attached():
        """The attached files to carry, each checked against its hash, within the limits."""
        assert attachments_dir is not None
        budget = ATTACHMENTS_BUDGET
        for sha, file_name in wanted.items():
            path = _attached_path(attachments_dir, sha, file_name)
            shown = file_name or path.name
            try:
                size = path.stat().st_size
            except OSError:
                left_out.append(f"{shown}: không có trong thư mục tệp đính kèm của văn phòng này")
                continue
            if size > MAX_ATTACHMENT:
                left_out.append(f"{shown}: lớn hơn {MAX_ATTACHMENT >> 20} MB")
                continue
            if size > budget:
                left_out.append(f"{shown}: gói đã mang đủ {ATTACHMENTS_BUDGET >> 20} MB tệp đính "
                                "kèm")
                continue
            if not _intact(path, sha):
                left_out.append(f"{shown}: tệp bị hỏng (không khớp mã băm đã ghi)")
                continue
            budget -= size
            carried.append(sha)
            yield sha, path

    def write(tmp: str) -> None:
        carried.clear()
        left_out.clear()
        result["hash"] = pkg.write_package(
            tmp, changes=counted(), manifest=manifest,
            sign_key=pairs[0].sign, header=header, recipient_box=peer.box_public,
            attachments=attached if attachments_dir is not None else None)
        result["file_sha"] = _sha256(Path(tmp))

    try:
        write_atomically(out, write, error=SyncError)
    finally:
        if scope is not None:
            scope.close()
    try:
        _verify_written(out, result["file_sha"], recipient)
        peer.out_seq, peer.out_hash = seq, result["hash"]
        session.add(SyncPackage(package_id=package_id, direction="out", peer=recipient,
                                epoch=peer.out_epoch, seq=seq, sha256=result["hash"], state="sent",
                                changes=count[0], file_name=out.name, at=utcnow()))
        session.flush()
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return ExportResult(out, recipient, seq, count[0], len(carried), tuple(left_out))


def _draft_entries(conn: Connection) -> set[str]:
    """The fund entries not posted (none in a sound journal: this office posts an entry in
    the transaction that writes it): local work in progress, which does not travel — neither
    the entry nor its postings (docs/FUND.md). Read from the partial index of unposted
    entries."""
    return {str(r[0]) for r in conn.exec_driver_sql(
        "SELECT id FROM fund_entry WHERE status != 'posted'")}


class _Scope:
    """What the province sends a district: only what concerns it (docs/SYNC.md, "Scope").

    Units: the district's own subtree and the chain of units above it (its parent, the
    province — what its own unit refers to). Every other synced table that refers (by a
    foreign key) to a scoped table is scoped too, in dependency order: a row is sent when
    each of its references to a scoped table points at a row sent — members of its units,
    targets addressed to its units, its initiatives (with their review results and
    decisions), funds, nominees …; and rows of those (authors, payments, postings …).
    Tables that refer to no scoped table (programmes and their phases, rounds) are shared
    reference rows and always sent.

    Decided in SQL: the ids of each scoped table's rows in scope go into a temporary table
    (``temp.scope_<table>``, filled by one INSERT … SELECT), and :meth:`condition` filters
    the outbox by the references each change's row carries; no row is read into Python."""

    def __init__(self, conn: Connection, recipient: str) -> None:
        self.conn = conn
        self.tables: list[str] = []
        self.refs: dict[str, list[tuple[str, str]]] = {}
        self._create("unit")
        conn.exec_driver_sql(
            f"INSERT INTO {self._t('unit')} (id) "
            "WITH RECURSIVE down(id) AS (SELECT id FROM unit WHERE code = ? "
            "  UNION SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id), "
            "up(id) AS (SELECT parent_id FROM unit WHERE code = ? AND parent_id IS NOT NULL "
            "  UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id "
            "  WHERE u.parent_id IS NOT NULL) "
            "SELECT id FROM down UNION SELECT id FROM up WHERE id IN (SELECT id FROM unit)",
            (recipient, recipient))
        models = outbox.synced_models()
        present = {n for (n,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in models["unit"].metadata.sorted_tables:  # type: ignore[attr-defined]
            name = table.name
            if name == "unit" or name not in models or name not in present:
                continue
            refs = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys
                    if fk.column.table.name in self.tables and fk.column.table.name != name]
            if not refs:
                continue
            self.refs[name] = refs
            self._create(name)
            where = " AND ".join(f"({_q(c)} IS NULL OR {_q(c)} IN (SELECT id FROM "
                                 f"{self._t(ref)}))" for c, ref in refs)
            conn.exec_driver_sql(f"INSERT INTO {self._t(name)} (id) "
                                 f"SELECT id FROM {_q(name)} WHERE {where}")

    @staticmethod
    def _t(table: str) -> str:
        return f"temp.{_q('scope_' + table)}"

    def _create(self, table: str) -> None:
        self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {self._t(table)}")
        self.conn.exec_driver_sql(f"CREATE TABLE {self._t(table)} (id PRIMARY KEY) WITHOUT ROWID")
        self.tables.append(table)

    def condition(self) -> tuple[str, tuple[str, ...]]:
        """SQL over a ``sync_outbox`` row: true when the change goes to the recipient (the
        references its row carries — the tombstone's for a deletion — all in scope)."""
        cases = [f"WHEN 'unit' THEN row_id IN (SELECT id FROM {self._t('unit')})"]
        for name, refs in self.refs.items():
            checks = " AND ".join(
                f"(json_extract(row, '$.{c}') IS NULL OR json_extract(row, '$.{c}') IN "
                f"(SELECT id FROM {self._t(ref)}))" for c, ref in refs)
            cases.append(f"WHEN '{name}' THEN {checks}")
        scoped = ("unit", *self.refs)
        return (f"entity NOT IN ({', '.join('?' * len(scoped))}) "
                f"OR CASE entity {' '.join(cases)} ELSE 0 END", scoped)

    def close(self) -> None:
        for table in self.tables:
            self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {self._t(table)}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(pkg.CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _intact(path: Path, sha: str) -> bool:
    """An attached file still has the content its name (its SHA-256) says."""
    return _sha256(path) == sha


def _verify_written(path: Path, expected_sha: str, recipient: str) -> None:
    """Re-open the renamed file: same bytes as written, a well-formed header and chunks."""
    if _sha256(path) != expected_sha:
        raise SyncError(f"Tệp {path.name} đọc lại không khớp nội dung đã ghi; hãy xuất lại.")
    with open(path, "rb") as fh:
        header, _ = pkg.read_header(fh, path.name)
        if header["recipient"] != recipient:
            raise SyncError(f"Tệp {path.name} ghi sai người nhận; hãy xuất lại.")
        while raw := fh.read(4):
            (length,) = struct.unpack(">I", raw)
            if len(fh.read(length)) != length:
                raise SyncError(f"Tệp {path.name} ghi không trọn vẹn; hãy xuất lại.")


# --- import ------------------------------------------------------------------------------

@dataclass
class FileReport:
    """What happened (or, in a preview, would happen) to one package file."""

    file: str
    sender: str = ""
    seq: int = 0
    state: str = "refused"  # applied | duplicate | refused | held
    reason: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0
    rejected_reasons: list[str] = field(default_factory=list)
    attachments: int = 0  # attached files stored here

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _signer(session: Session):
    def signer_key(manifest: dict) -> bytes:
        sender = manifest.get("sender")
        peer = session.get(SyncPeer, sender) if isinstance(sender, str) else None
        if peer is None:
            raise pkg.PackageRefused(f"Gói từ văn phòng không biết ({sender}); tỉnh phải cấp "
                                     "khoá cho văn phòng đó trước.")
        kid = manifest.get("sender_key")
        if kid in json.loads(peer.revoked_keys):
            raise pkg.PackageRefused(f"Khoá {kid} của văn phòng {sender} đã bị thu hồi; gói bị "
                                     "từ chối.")
        if kid == peer.key_id:
            return peer.sign_public
        for record in manifest.get("key_records") or []:
            if (isinstance(record, dict) and record.get("kind") == "rotate"
                    and record.get("office") == sender and record.get("old_key_id") == peer.key_id
                    and record.get("key_id") == kid):
                try:
                    keys_module.verify_record(record, peer.sign_public)
                except UserError as exc:
                    raise pkg.PackageRefused(str(exc)) from exc
                return keys_module.unb64(record["sign_public"])
        raise pkg.PackageRefused(f"Gói ký bằng khoá không biết ({kid}) của văn phòng {sender}.")
    return signer_key


def _open_all(session: Session, me: SyncIdentity, pairs, paths: list[Path],
              reports: list[FileReport]) -> list[tuple[pkg.Opened, FileReport]]:
    opened = []
    for path in paths:
        report = FileReport(file=path.name)
        reports.append(report)
        try:
            o = pkg.open_package(path, own_code=me.office_code, box_keys=[p.box for p in pairs],
                                 signer_key=_signer(session))
        except pkg.PackageRefused as exc:
            report.reason = str(exc)
            continue
        report.sender, report.seq = str(o.manifest.get("sender")), int(o.manifest.get("seq", 0))
        opened.append((o, report))
    opened.sort(key=lambda item: (item[1].sender, int(item[0].manifest.get("epoch", 0)),
                                  item[1].seq))
    return opened


def import_packages(session: Session, paths: list[str | os.PathLike[str]], passphrase: str,
                    *, held_dir: Path | None = None, keep: bool = True,
                    attachments_dir: Path | None = None) -> list[FileReport]:
    """Check and apply ``paths`` inside the caller's transaction (roll it back for a
    preview). A refused file changes nothing; the others apply in sender and sequence
    order, so files opened out of order in one batch still apply.

    A package that arrives after a gap (it does not carry the changes of a package still
    missing) is kept: its file is copied as it came (encrypted, signed) into ``held_dir``
    (with ``keep``; a preview only says it would be) and recorded as "held". Once a
    package of that sender applies, the packages kept from it are opened and checked
    again — the file must still be the very package kept (its manifest's hash) — and
    applied in order; their outcomes follow the files'.

    With ``attachments_dir``, the attached files a package carries are stored there once it
    applies (:func:`_store_attachments`)."""
    me, pairs = keys_module._own_keys(session, passphrase)
    reports: list[FileReport] = []
    opened = _open_all(session, me, pairs, [Path(p) for p in paths], reports)
    conn = session.connection()
    senders: set[str] = set()
    try:
        for o, report in opened:
            _import_one(session, conn, me, o, report, attachments_dir=attachments_dir)
            if report.state == "held":
                _hold(session, o, report, held_dir if keep else None)
            elif report.state == "applied":
                senders.add(report.sender)
    finally:
        for o, _ in opened:
            o.close()
    if held_dir is not None:
        for sender in sorted(senders):
            reports += _apply_held(session, conn, me, pairs, sender, held_dir, attachments_dir)
    return reports


HELD_SUFFIX = ".scdpkg"


def held_file(held_dir: Path, package: SyncPackage) -> Path:
    """A kept package's file: named by its manifest's hash (computed here, never a name
    from the package)."""
    return held_dir / f"{package.sha256}{HELD_SUFFIX}"


def held_files(session: Session) -> set[str]:
    """The names of the files the kept packages need (the rest of the folder is leftovers)."""
    return {f"{sha}{HELD_SUFFIX}" for sha in session.scalars(select(SyncPackage.sha256).where(
        SyncPackage.direction == "in", SyncPackage.state == "held"))}


def _held(session: Session, sender: str, epoch: int | None = None) -> list[SyncPackage]:
    query = select(SyncPackage).where(SyncPackage.direction == "in", SyncPackage.peer == sender,
                                      SyncPackage.state == "held")
    if epoch is not None:
        query = query.where(SyncPackage.epoch == epoch)
    return list(session.scalars(query.order_by(SyncPackage.epoch, SyncPackage.seq,
                                               SyncPackage.id)))


def _numbers(seqs: list[int]) -> str:
    return ", ".join(str(n) for n in seqs) or "trước đó"


def _hold(session: Session, o: pkg.Opened, report: FileReport, held_dir: Path | None) -> None:
    """Keep a package that arrived after a gap (or, in a preview, say it would be kept)."""
    m = o.manifest
    sender, epoch, seq = report.sender, int(m["epoch"]), report.seq
    peer = session.get(SyncPeer, sender)
    assert peer is not None
    kept = _held(session, sender, epoch)
    missing = [n for n in range(peer.in_seq + 1, seq) if n not in {k.seq for k in kept}]
    numbers = _numbers(missing)
    if any(k.sha256 == o.manifest_hash for k in kept):
        report.reason = (f"Gói số {seq} từ {sender} đã được giữ lại từ trước, vẫn chờ gói số "
                         f"{numbers}; không có gì thay đổi.")
        return
    verb = "đã được kiểm tra và giữ lại" if held_dir is not None else "sẽ được giữ lại"
    report.reason = (
        f"Gói số {seq} từ {sender} đến trước gói số {numbers} (đã nhập đến gói số "
        f"{peer.in_seq}): gói này {verb} và sẽ được áp dụng tự động, đúng thứ tự, ngay khi "
        f"gói số {numbers} được nhập. Nếu gói số {numbers} bị mất, hãy nhờ {sender} xuất một "
        "gói mới với «sync export … --new-epoch».")
    if held_dir is None:
        return
    record = SyncPackage(package_id=str(m["package_id"]), direction="in", peer=sender,
                         epoch=epoch, seq=seq, sha256=o.manifest_hash, state="held",
                         changes=0, file_name=o.path.name, at=utcnow())
    target = held_file(held_dir, record)
    held_dir.mkdir(parents=True, exist_ok=True)
    def copy(tmp: str) -> None:
        shutil.copyfile(o.path, tmp)

    write_atomically(target, copy, error=SyncError)
    session.add(record)
    session.flush()


def _apply_held(session: Session, conn: Connection, me: SyncIdentity, pairs, sender: str,
                held_dir: Path, attachments_dir: Path | None = None) -> list[FileReport]:
    """Apply, in order, the packages kept from ``sender`` that no longer wait for a missing
    one; each is decrypted and checked again, and must be the very package that was kept."""
    reports = []
    for record in _held(session, sender):
        report = FileReport(file=record.file_name, sender=sender, seq=record.seq)
        path = held_file(held_dir, record)
        lead = f"Gói số {record.seq} từ {sender} (đã giữ chờ gói thiếu)"
        try:
            o = pkg.open_package(path, own_code=me.office_code,
                                 box_keys=[p.box for p in pairs], signer_key=_signer(session))
        except pkg.PackageRefused as exc:
            gone = not path.is_file()
            report.reason = (f"{lead} bị từ chối: " + (
                f"không còn tệp {path.name} trong thư mục {held_dir}." if gone else str(exc))
                + f" Không có gì thay đổi; hãy nhờ {sender} gửi lại.")
            record.state = "refused"
            reports.append(report)
            continue
        try:
            if o.manifest_hash != record.sha256 or o.manifest.get("package_id") != record.package_id:
                report.reason = (f"{lead} bị từ chối: tệp {path.name} không phải gói đã giữ (bị "
                                 "thay hoặc sửa). Không có gì thay đổi; hãy nhờ "
                                 f"{sender} gửi lại.")
                record.state = "refused"
                reports.append(report)
                continue
            _import_one(session, conn, me, o, report, name=record.file_name,
                        attachments_dir=attachments_dir)
        finally:
            o.close()
        if report.state == "held":
            continue  # still waiting for a package before it
        if report.state == "applied":
            report.reason = f"{lead}: nay đã áp dụng."
        elif report.state == "refused":
            report.reason = f"{lead} bị từ chối: {report.reason}"
        if report.state == "refused":
            record.state = "refused"
        else:  # applied (recorded anew) or superseded by a later package
            session.delete(record)
        reports.append(report)
    session.flush()
    return reports


def _already(session: Session, package_id: str) -> SyncPackage | None:
    return session.scalar(select(SyncPackage).where(
        SyncPackage.package_id == package_id, SyncPackage.direction == "in",
        SyncPackage.state == "applied"))


def _import_one(session: Session, conn: Connection, me: SyncIdentity, o: pkg.Opened,
                report: FileReport, *, name: str | None = None,
                attachments_dir: Path | None = None) -> None:
    m = o.manifest
    file_name = name or o.path.name
    try:
        sender, epoch, seq = str(m["sender"]), int(m["epoch"]), int(m["seq"])
        package_id, prev_hash = str(m["package_id"]), str(m.get("prev_hash", ""))
        covers_from, ack, ack_epoch = int(m["covers_from"]), int(m["ack"]), int(m["ack_epoch"])
    except (KeyError, TypeError, ValueError):
        report.reason = f"Gói {file_name}: bản kê khai thiếu thông tin bắt buộc."
        return
    peer = session.get(SyncPeer, sender)
    assert peer is not None  # checked by the signer lookup
    if _already(session, package_id):
        report.state = "duplicate"
        report.reason = (f"Gói số {seq} từ {sender} đã được nhập trước đây; không có gì thay đổi.")
        return
    if epoch < peer.in_epoch:
        report.reason = (f"Gói số {seq} từ {sender} thuộc đợt đánh số cũ (gói phát lại); đã có "
                         "gói mới hơn, không có gì thay đổi.")
        return
    fresh = epoch > peer.in_epoch
    if not fresh:
        earlier = session.scalar(select(SyncPackage).where(
            SyncPackage.direction == "in", SyncPackage.peer == sender, SyncPackage.epoch == epoch,
            SyncPackage.seq == seq, SyncPackage.state == "applied"))
        fork = ((earlier is not None and earlier.sha256 != o.manifest_hash)
                or (seq == peer.in_seq + 1 and prev_hash != peer.in_hash))
        if fork:
            report.reason = (
                f"Gói số {seq} từ {sender} khác với gói cùng số đã nhập (rẽ nhánh): văn phòng "
                f"{sender} có thể đã khôi phục dữ liệu từ bản sao lưu hoặc dùng hai máy. Đã "
                f"dừng, không có gì thay đổi. Hướng dẫn: tại {sender}, xuất một gói mới với "
                "«sync export … --new-epoch» (đánh số lại từ đầu, gửi lại mọi thay đổi chưa được "
                "xác nhận); tỉnh nhập gói đó, các xung đột sẽ hiện ở trang Xung đột.")
            return
        if seq <= peer.in_seq:
            report.reason = (f"Gói số {seq} từ {sender} đã cũ (đã nhập đến gói số "
                             f"{peer.in_seq}); không có gì thay đổi.")
            report.state = "duplicate"
            return
        if covers_from > peer.applied_through + 1:
            report.state = "held"
            # it does not carry the changes of a package still missing: kept for later
            # (import_packages, _hold) and applied once that one has been imported
            report.reason = (f"Thiếu gói trước gói số {seq} từ {sender} (đã nhập đến gói số "
                             f"{peer.in_seq}).")
            return
    nested = session.begin_nested()  # a package that breaks an invariant changes nothing
    conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")
    try:
        if ack_epoch == peer.out_epoch and ack > peer.acked_through:
            peer.acked_through = ack
        for record in m.get("key_records") or []:
            if isinstance(record, dict):
                keys_module.apply_record(session, record, peer)
        session.flush()
        applied_through = 0 if fresh else peer.applied_through
        last = applied_through
        first_rejected: int | None = None
        ctx = _Context(conn, peer.acked_through)
        raw = _Raw(conn)
        #: new rows of one table in a run (most of a first package), inserted together
        run: list[tuple[int, dict, _Prepared]] = []
        run_names: tuple[str, tuple[str, ...]] = ("", ())  # its table and columns, in order

        def applied(s: int, change: dict, prepared: _Prepared | None, rejected_before: int
                    ) -> None:
            nonlocal first_rejected, last
            if prepared is not None:
                _apply_change(raw, me, peer, package_id, change, report, ctx, prepared)
            if report.rejected > rejected_before and first_rejected is None:
                first_rejected = s
            last = max(last, s)
            if str(change.get("e", "")).startswith("fund_"):
                ctx.fund_touched = True

        def flush() -> None:
            nonlocal last
            if not run:
                return
            if _insert_new(conn, raw, ctx, [p for _, _, p in run]):
                report.new += len(run)
                last = max(last, run[-1][0])
                if run[0][2][0].startswith("fund_"):
                    ctx.fund_touched = True
            else:  # one of them is here already, or cannot be stored: one at a time
                for s, change, prepared in run:
                    applied(s, change, prepared, report.rejected)
            run.clear()

        entries: set[str] = set()  # the fund entries the package carries
        with larger_cache(conn, IMPORT_CACHE_KIB):
            for change, plain in o.entries():
                s = int(change.get("s", 0))
                if change.get("e") == "fund_entry":
                    entries.add(str(change.get("id")))
                if s <= applied_through:
                    report.unchanged += 1
                    continue
                rejected_before = report.rejected
                prepared = _prepare(me, peer, change, report, ctx, plain=plain)
                if prepared is not None and _is_new_insert(prepared, ctx):
                    names = (prepared[0], tuple(prepared[4]))
                    if run and names != run_names:
                        flush()
                    run_names = names
                    run.append((s, change, prepared))
                    if len(run) >= INSERT_RUN:
                        flush()
                    continue
                flush()
                applied(s, change, prepared, rejected_before)
            flush()
        covers_through = m.get("covers_through")
        if first_rejected is not None:
            # A change that could not be stored is not acknowledged: the sender keeps it
            # (and what follows it) and sends it again, so nothing is dropped for good.
            last = first_rejected - 1
        elif isinstance(covers_through, int) and covers_through >= last and (
                fresh or covers_from <= applied_through + 1):
            last = covers_through  # what the sender left out of our scope is acknowledged too
        if entries:
            _refuse_drafts(conn, me, sender, entries, report)
        if ctx.fund_touched:
            _check_fund_journal(conn, sender, seq)
        _check_rejected(report, sender, seq)
        peer.in_epoch, peer.in_seq, peer.in_hash = epoch, seq, o.manifest_hash
        peer.applied_through = last
        report.state = "applied"
        session.add(SyncPackage(package_id=package_id, direction="in", peer=sender, epoch=epoch,
                                seq=seq, sha256=o.manifest_hash, state="applied",
                                changes=report.new + report.updated + report.conflicts,
                                file_name=file_name, at=utcnow()))
        session.flush()
        _prune(conn)
        conn.exec_driver_sql("DELETE FROM sync_applying")
        nested.commit()
    except _Broken as exc:
        nested.rollback()
        rejected, reasons = report.rejected, list(report.rejected_reasons)
        for name in ("new", "updated", "unchanged", "conflicts", "rejected"):
            setattr(report, name, 0)
        report.rejected_reasons.clear()
        if isinstance(exc, _TooManyRejected):  # the reasons say what to mend
            report.rejected, report.rejected_reasons = rejected, reasons
        report.state, report.reason = "refused", str(exc)
    finally:
        conn.exec_driver_sql("DELETE FROM sync_applying")
    if report.state == "applied" and attachments_dir is not None:
        _store_attachments(conn, o, report, attachments_dir)


class _BadAttachment(Exception):
    pass


def _store_attachments(conn: Connection, o: pkg.Opened, report: FileReport,
                       folder: Path) -> None:
    """Store the attached files the package carries that a document here refers to (by
    its SHA-256) and that are not here yet: each at most MAX_ATTACHMENT, copied in bounded
    chunks and kept only when the copy's SHA-256 is its name. A file no document refers
    to is not kept. What could not be stored is said in the file's reason."""
    problems = []
    for sha, size, intact in o.attachments():
        row = conn.exec_driver_sql("SELECT file_name FROM commendation_file_item "
                                   "WHERE sha256 = ? LIMIT 1", (sha,)).first()
        if row is None:
            continue
        shown = str(row[0])
        target = _attached_path(folder, sha, shown)
        if target.exists():
            continue
        if not intact:
            problems.append(f"{shown} (không khớp mã băm)")
            continue
        if size > MAX_ATTACHMENT:
            problems.append(f"{shown} (lớn hơn {MAX_ATTACHMENT >> 20} MB)")
            continue

        def copy(tmp: str, sha: str = sha) -> None:
            with open(tmp, "wb") as out:
                if o.copy_attachment(sha, out) != sha:
                    raise _BadAttachment

        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(target, copy, error=SyncError)
        except _BadAttachment:
            problems.append(f"{shown} (không khớp mã băm)")
        except (UserError, OSError) as exc:
            problems.append(f"{shown} ({exc})")
        else:
            report.attachments += 1
    if problems:
        report.reason = ((report.reason + " ") if report.reason else "") + (
            "Không lưu được tệp đính kèm: " + "; ".join(problems)
            + ". Hãy nhờ văn phòng gửi chuyển các tệp đó bằng đường khác.")


class _Broken(Exception):
    """A package whose rows, once applied, break an invariant of the books."""


class _TooManyRejected(_Broken):
    """A package too many of whose rows cannot be stored here: something is wrong as a
    whole (e.g. units that do not match), applying the rest would only make it worse."""


#: a package is refused whole when more rows than this are rejected …
MAX_REJECTED = 100
#: … or when more than this share of its changes is (among at least MIN_FOR_SHARE changes)
MAX_REJECTED_SHARE = 0.10
MIN_FOR_SHARE = 20


def _check_rejected(report: FileReport, sender: str, seq: int) -> None:
    total = report.new + report.updated + report.unchanged + report.conflicts + report.rejected
    if report.rejected > MAX_REJECTED or (
            total >= MIN_FOR_SHARE and report.rejected > total * MAX_REJECTED_SHARE):
        first = "; ".join(report.rejected_reasons[:3])
        raise _TooManyRejected(
            f"Gói số {seq} từ {sender} không áp dụng được: {report.rejected} trong {total} thay "
            f"đổi không lưu được ở đây (giới hạn: {MAX_REJECTED} dòng hoặc "
            f"{int(MAX_REJECTED_SHARE * 100)} %). Lý do đầu tiên: {first}. Không có gì thay đổi; "
            f"hãy báo văn phòng {sender} và gửi kèm thông báo này.")


def _refuse_drafts(conn: Connection, me: SyncIdentity, sender: str, entries: set[str],
                   report: FileReport) -> None:
    """A fund entry another office sent that is still a draft once the package is applied
    (not posted: its work in progress, which counts nowhere and may still change; an
    older sender sends them) is not kept: it and its postings are removed, each a rejected
    row with the reason. Acknowledged all the same: sending it again would not change it. An
    entry written as draft and posted in the same package (the usual stream) is kept."""
    listed = sorted(entries)
    for start in range(0, len(listed), 500):
        chunk = listed[start:start + 500]
        found = conn.exec_driver_sql(
            "SELECT id, voucher_kind || '-' || year || '-' || printf('%04d', voucher_no) "
            f"FROM fund_entry WHERE status != 'posted' AND origin_office != ? AND id IN "
            f"({', '.join('?' * len(chunk))})", (me.office_code, *chunk)).all()
        for entry_id, voucher in found:
            postings = int(conn.exec_driver_sql(
                "SELECT count(*) FROM fund_posting WHERE entry_id = ?", (entry_id,)).scalar() or 0)
            conn.exec_driver_sql("DELETE FROM fund_posting WHERE entry_id = ?", (entry_id,))
            conn.exec_driver_sql("DELETE FROM fund_entry WHERE id = ?", (entry_id,))
            report.new = max(report.new - 1 - postings, 0)
            _reject(report, f"Chứng từ quỹ {voucher} của văn phòng {sender} còn là bản nháp "
                    f"(chưa ghi sổ) nên không được nhận, cùng {postings} dòng bút toán của nó: "
                    "bản nháp là việc đang làm dở của văn phòng gửi, chỉ chứng từ đã ghi sổ mới "
                    "được gửi đi.")
            report.rejected += postings


def _check_fund_journal(conn: Connection, sender: str, seq: int) -> None:
    """The fund's triggers let rows arriving from another office in as they are (a posted
    entry with its postings, in their final state); what they would have checked one row at a
    time is checked here for the whole journal once the package is applied: every posted
    entry has at least two postings summing to zero, of its own fund and date."""
    bad = conn.exec_driver_sql(
        "SELECT e.voucher_kind || '-' || e.year || '-' || printf('%04d', e.voucher_no) "
        "FROM fund_entry e LEFT JOIN fund_posting p ON p.entry_id = e.id "
        "WHERE e.status = 'posted' GROUP BY e.id "
        "HAVING count(p.id) < 2 OR coalesce(sum(p.amount), 0) != 0 "
        "OR sum(p.fund_id != e.fund_id OR p.\"on\" != e.\"on\") > 0 LIMIT 5").all()
    if bad:
        vouchers = ", ".join(str(v) for (v,) in bad)
        raise _Broken(f"Gói số {seq} từ {sender} bị từ chối: sau khi áp dụng, chứng từ quỹ "
                      f"{vouchers} không cân (các bút toán phải có ít nhất hai dòng, cùng quỹ, "
                      "cùng ngày, tổng bằng 0). Không có gì thay đổi; hãy báo văn phòng "
                      f"{sender} chạy «fund check».")


def _prune(conn: Connection) -> None:
    """Drop the outbox entries every known office has acknowledged."""
    low = conn.exec_driver_sql("SELECT min(acked_through) FROM sync_peer").scalar()
    if low:
        conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq <= ?", (low,))


def _q(name: str) -> str:
    return outbox._q(name)


def _reject(report: FileReport, reason: str) -> None:
    report.rejected += 1
    if len(report.rejected_reasons) < MAX_REASONS:
        report.rejected_reasons.append(reason)


def _pending_fields(conn: Any, entity: str, row_id: str, after: int,
                    columns: list[str]) -> tuple[set[str], list[tuple[int, str, list[str]]]]:
    fields: set[str] = set()
    entries = []
    for s, op, changed in conn.exec_driver_sql(
            "SELECT seq, operation, changed FROM sync_outbox WHERE entity = ? AND row_id = ? "
            "AND seq > ?", (entity, row_id, after)):
        listed = json.loads(changed)
        fields |= set(columns) if op in ("insert", "delete") else set(listed)
        entries.append((s, op, listed))
    return fields, entries


def _owner(model: type, me: SyncIdentity, local: dict, overlap: set[str]) -> str:
    province_fields = set(getattr(model, "__sync_province_fields__", ()))
    if getattr(model, "__sync_owner__", "origin") == "province" or (
            overlap and overlap <= province_fields):
        return me.province_code
    return str(local.get("origin_office") or "")


def _winner(model: type, me: SyncIdentity, peer: SyncPeer, row: dict, overlap: set[str],
            theirs: int, mine: int) -> str:
    """The provisional winner of a conflict of any kind (edit/edit, deleted here and edited
    there, edited here and deleted there), the same at both offices: the owner's version
    (:func:`_owner`); for a row a third office owns, the higher version (``theirs`` and
    ``mine``: the row versions of the two sides, a deletion's being the deleted row's), and
    between equal versions the version of the office whose code sorts first."""
    owner = _owner(model, me, row, overlap)
    if owner == peer.office_code:
        return "theirs"
    if owner == me.office_code:
        return "mine"
    return "theirs" if (theirs, me.office_code) > (mine, peer.office_code) else "mine"


class _Raw:
    """The sqlite3 cursor of the session's connection, for the per-change statements
    (SQLAlchemy's per-statement bookkeeping costs more than SQLite's work on a row)."""

    def __init__(self, conn: Connection) -> None:
        driver = conn.connection.driver_connection
        assert driver is not None
        self.cursor = driver.cursor()

    def exec_driver_sql(self, sql: str, params: tuple = ()) -> _Raw:
        self.cursor.execute(sql, params)
        return self

    def first(self):
        return self.cursor.fetchone()

    def __iter__(self):
        return iter(self.cursor.fetchall())


class _Context:
    """What one package's changes look up again and again, read once: the synced models,
    their columns, the tables present, and which rows have local edits not yet acknowledged
    by the sender (most rows have none: no query for them)."""

    def __init__(self, conn: Connection, acked_through: int) -> None:
        self.models = outbox.synced_models()
        self.columns = {t: outbox.travelling_columns(m) for t, m in self.models.items()}
        self.column_set = {t: frozenset(c) for t, c in self.columns.items()}
        self.present = {name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.fund_touched = False
        self.edited = {(e, r) for e, r in conn.exec_driver_sql(
            "SELECT entity, row_id FROM sync_outbox WHERE seq > ?", (acked_through,))}
        #: an incoming unit's id -> the local unit of the same code kept in its place
        self.aliases: dict[str, str] = {}
        self.sent = conn.exec_driver_sql(
            "SELECT 1 FROM sync_package WHERE direction = 'out' LIMIT 1").first() is not None
        self.unit_refs = _unit_references()


#: what one change is once read and checked: (table, model, row id, operation, values)
_Prepared = tuple[str, type, str, str, dict]


def _prepare(me: SyncIdentity, peer: SyncPeer, change: dict, report: FileReport,
             ctx: _Context, *, plain: bool = False) -> _Prepared | None:
    """The change's row as it would be written here: its columns only, text cleaned,
    values checked and converted. None (and the change rejected) when it cannot be read.
    ``plain``: its line held no code point that cleaning removes (package.Opened.entries),
    so its text needs no look."""
    entity, row_id, op = change.get("e"), change.get("id"), change.get("op")
    model = ctx.models.get(entity) if isinstance(entity, str) else None
    row = change.get("row")
    if model is None or not isinstance(row_id, str) or not isinstance(row, dict) or op not in (
            "insert", "update", "delete"):
        _reject(report, f"Thay đổi không đọc được (bảng «{entity}»).")
        return None
    table = str(entity)
    if table not in ctx.present:
        _reject(report, f"Bảng «{table}» chưa có trong cơ sở dữ liệu này; hãy cập nhật chương trình.")
        return None
    if not plain:  # text is cleaned on the way in
        row = {k: (clean(v, multiline=True) if isinstance(v, str) and k != "sort_key"
                   and FORBIDDEN.search(v) else v) for k, v in row.items()}
    if table == "initiative" and row.get("confidential"):
        # a confidential row carries the portal-list fields only; whatever else an older
        # sender put there ('' for a stripped date) never overwrites the values here
        row = {k: v for k, v in row.items() if k in CONFIDENTIAL_KEEP}
    try:  # the columns of the table that travel, checked and converted
        incoming = values.convert(table, row, only=ctx.column_set[table])
    except values.BadValue as exc:
        column, value, expected = exc.args
        raise _Broken(
            f"Gói từ {peer.office_code} bị từ chối: bản ghi {row_id} của bảng «{table}», "
            f"trường «{column}» có giá trị {json.dumps(value, ensure_ascii=False)[:60]} — phải là "
            f"{expected}. Không có gì thay đổi; hãy báo văn phòng {peer.office_code} chạy "
            "«check».") from None
    if ctx.aliases:  # rows pointing at a unit kept under its local identity
        for column in ctx.unit_refs.get(table, ()):
            if incoming.get(column) in ctx.aliases:
                incoming[column] = ctx.aliases[incoming[column]]
    return table, model, row_id, str(op), incoming


def _apply_change(conn: Any, me: SyncIdentity, peer: SyncPeer, package_id: str,
                  change: dict, report: FileReport, ctx: _Context,
                  prepared: _Prepared | None = None) -> None:
    if prepared is None:
        prepared = _prepare(me, peer, change, report, ctx)
        if prepared is None:
            return
    table, model, row_id, op, incoming = prepared
    columns = ctx.columns[table]
    local_row = conn.exec_driver_sql(_select_sql(table, tuple(columns)), (row_id,)).first()
    local = dict(zip(columns, local_row, strict=True)) if local_row is not None else None
    if local is None and op != "delete" and table in NATURAL_KEYS:
        matched = _natural_match(conn, me, peer, package_id, table, row_id, incoming, report,
                                 ctx)
        if matched == "conflict":
            return
        if matched == "adopted":
            local_row = conn.exec_driver_sql(_select_sql(table, tuple(columns)), (row_id,)).first()
            local = dict(zip(columns, local_row, strict=True))
    version = int(change.get("v") or 0)
    conn.exec_driver_sql("SAVEPOINT sync_change")
    try:
        if local is None:
            deleted_here = (table, row_id) in ctx.edited and any(
                e_op == "delete" for _, e_op, _ in _pending_fields(
                    conn, table, row_id, peer.acked_through, columns)[1])
            if op == "delete":
                report.unchanged += 1
            elif deleted_here:  # deleted here, edited there: both kept, one rule decides
                tombstone = {**incoming, "__op__": "delete"}
                deleted_version = conn.exec_driver_sql(
                    "SELECT row_version FROM sync_outbox WHERE entity = ? AND row_id = ? AND "
                    "operation = 'delete' AND seq > ? ORDER BY seq DESC LIMIT 1",
                    (table, row_id, peer.acked_through)).first()
                winner = _winner(model, me, peer, incoming, {"deleted_at"}, version,
                                 int(deleted_version[0]) if deleted_version else 0)
                _record_conflict(conn, table, row_id, peer.office_code, package_id, tombstone,
                                 {**incoming, "__op__": op}, {"deleted_at"}, winner)
                if winner == "theirs":
                    _insert(conn, model, table, incoming)
                    conn.exec_driver_sql("DELETE FROM sync_outbox WHERE entity = ? AND row_id = ? "
                                         "AND operation = 'delete' AND seq > ?",
                                         (table, row_id, peer.acked_through))
                report.conflicts += 1
            else:
                _insert(conn, model, table, incoming)
                report.new += 1
        else:
            if op == "delete":
                differing = set(columns)
            elif op == "insert":
                differing = {c for c in incoming if incoming[c] != local.get(c)}
            else:
                differing = {c for c in change.get("changed") or [] if c in incoming
                             and incoming[c] != local.get(c)}
            differing -= {"row_version", "updated_at"}
            pending, entries = (_pending_fields(conn, table, row_id, peer.acked_through, columns)
                                if (table, row_id) in ctx.edited else (set(), []))
            stale = op != "delete" and version < int(local.get("row_version") or 0)
            if not differing or (stale and not pending):
                report.unchanged += 1  # the same, or an older version than the one here
            else:
                overlap = differing & pending
                if pending and ("deleted_at" in differing | pending or op == "delete"):
                    overlap |= {"deleted_at"}  # a deletion meets any edit: both are kept
                if not overlap:
                    _write(conn, table, row_id, op, incoming, differing, version, local)
                    report.updated += 1
                else:
                    winner = _winner(model, me, peer, local, overlap, version,
                                     int(local.get("row_version") or 0))
                    _record_conflict(conn, table, row_id, peer.office_code, package_id, local,
                                     {**incoming, "__op__": op}, overlap, winner)
                    if winner == "theirs":
                        _write(conn, table, row_id, op, incoming, differing, version, local)
                        _trim_pending(conn, entries, overlap, deleted=op == "delete")
                    else:  # mine stays; their other fields still arrive
                        rest = differing - overlap - {"deleted_at"}
                        if rest and op != "delete":
                            _write(conn, table, row_id, "update", incoming, rest, version, local)
                    report.conflicts += 1
        conn.exec_driver_sql("RELEASE sync_change")
    except Exception as exc:  # a row that cannot be stored here (a key or reference missing)
        conn.exec_driver_sql("ROLLBACK TO sync_change")
        conn.exec_driver_sql("RELEASE sync_change")
        reason = _why(exc)
        _reject(report, f"Không lưu được bản ghi {row_id} của bảng «{table}»: {reason}.")


#: natural keys: an incoming row whose key matches a local row with another id is the same thing
NATURAL_KEYS = {"unit": "code"}


@functools.lru_cache(maxsize=1)
def _unit_references() -> dict[str, tuple[str, ...]]:
    """Every column (by table) that refers to a unit."""
    found: dict[str, list[str]] = {}
    for table, model in outbox.synced_models().items():
        for fk in model.__table__.foreign_keys:  # type: ignore[attr-defined]
            if fk.column.table.name == "unit":
                found.setdefault(table, []).append(fk.parent.name)
    return {t: tuple(c) for t, c in found.items()}


def _natural_match(conn: Any, me: SyncIdentity, peer: SyncPeer, package_id: str, table: str,
                   row_id: str, incoming: dict, report: FileReport, ctx: _Context) -> str:
    """An incoming row absent here by id whose natural key (a unit's code) is held here by
    another row: the same unit created on both sides (a district that made its own units
    before it took the province's first package). If this office has never sent a package,
    the local row takes the incoming identity — every reference rewritten in this
    transaction — and the incoming values are applied to it ("adopted"); otherwise both
    versions are kept as a conflict and rows of the package that refer to the incoming unit
    are attached to the local one ("conflict"). "" when there is no such row."""
    key = NATURAL_KEYS[table]
    value = incoming.get(key)
    if value is None:
        return ""
    found = conn.exec_driver_sql(f"SELECT id FROM {_q(table)} WHERE {_q(key)} = ? AND id != ?",
                                 (value, row_id)).first()
    if found is None:
        return ""
    old = str(found[0])
    if not ctx.sent:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for ref_table, columns in ctx.unit_refs.items():
            if ref_table not in ctx.present:
                continue
            for column in columns:
                conn.exec_driver_sql(f"UPDATE {_q(ref_table)} SET {_q(column)} = ? "
                                     f"WHERE {_q(column)} = ?", (row_id, old))
        conn.exec_driver_sql(f"UPDATE {_q(table)} SET id = ? WHERE id = ?", (row_id, old))
        # what is waiting to be sent refers to the new identity; the unit's own entries go
        # (it was never sent: the incoming row is now the row)
        conn.exec_driver_sql("DELETE FROM sync_outbox WHERE entity = ? AND row_id = ?",
                             (table, old))
        conn.exec_driver_sql("UPDATE sync_outbox SET row = replace(row, ?, ?) "
                             "WHERE instr(row, ?) > 0", (old, row_id, old))
        ctx.edited.discard((table, old))
        return "adopted"
    names = ctx.columns[table]
    local_row = conn.exec_driver_sql(_select_sql(table, tuple(names)), (old,)).first()
    local = dict(zip(names, local_row, strict=True))
    _record_conflict(conn, table, old, peer.office_code, package_id, local,
                     {**incoming, "__op__": "insert"}, {key, "id"}, "mine")
    ctx.aliases[row_id] = old
    report.conflicts += 1
    return "conflict"


def _why(exc: Exception) -> str:
    text_ = str(getattr(exc, "orig", exc)).splitlines()[0][:200]
    if "UNIQUE constraint failed" in text_:
        return "trùng giá trị phải là duy nhất (" + text_.split(":", 1)[-1].strip() + ")"
    if "FOREIGN KEY constraint failed" in text_:
        return "bản ghi được tham chiếu (đơn vị, chương trình, …) chưa có ở đây"
    if "NOT NULL constraint failed" in text_:
        return "thiếu trường bắt buộc (" + text_.split(":", 1)[-1].strip() + ")"
    return text_


@functools.lru_cache(maxsize=256)
def _select_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(table)} WHERE id = ?"


@functools.lru_cache(maxsize=256)
def _insert_sql(table: str, names: tuple[str, ...], locals_: tuple[str, ...]) -> str:
    cols = ", ".join(_q(n) for n in names + locals_)
    marks = ", ".join(["?"] * len(names) + [
        f"(SELECT coalesce(max({_q(c)}), 0) + 1 FROM {_q(table)})" for c in locals_])
    return f"INSERT INTO {_q(table)} ({cols}) VALUES ({marks})"


#: rows inserted together by one executemany (and the page cache while a package applies:
#: the default 2 MiB makes random UUID keys thrash)
INSERT_RUN = 5000
IMPORT_CACHE_KIB = 32 * 1024


def _is_new_insert(prepared: _Prepared, ctx: _Context) -> bool:
    """An insert of a row without local edits that no natural key may match: if it is
    absent here it is simply inserted (what :func:`_apply_change` would do)."""
    table, _, row_id, op, _ = prepared
    return op == "insert" and table not in NATURAL_KEYS and (table, row_id) not in ctx.edited


def _insert_new(conn: Connection, raw: _Raw, ctx: _Context, rows: list[_Prepared]) -> bool:
    """Insert ``rows`` (new rows of one table, the same columns in the same order) by one
    executemany, the capture trigger set aside (it would do nothing) and the initiatives'
    search-index and tally triggers too, their work done once for the run
    (:func:`db.bulk.insert_triggers_deferred`). False, and nothing changed, when one of them
    is here already or
    cannot be stored: the caller then applies them one at a time (and rejects only the
    faulty one)."""
    table, model = rows[0][0], rows[0][1]
    ids = [p[2] for p in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if raw.exec_driver_sql(f"SELECT 1 FROM {_q(table)} WHERE id IN "
                               f"({', '.join('?' * len(chunk))}) LIMIT 1", tuple(chunk)).first():
            return False
    locals_ = tuple(getattr(model, "__sync_local__", ()))
    defaults = {k: v for k, v in values.insert_defaults(table).items() if k not in locals_}
    names = tuple({**defaults, **rows[0][4]})  # every row has the same columns in this order
    params = [tuple({**defaults, **p[4]}.values()) for p in rows]
    raw.exec_driver_sql("SAVEPOINT sync_run")
    try:
        first = (int(raw.exec_driver_sql(
            "SELECT coalesce(max(seq), 0) + 1 FROM initiative").first()[0])
            if table == "initiative" else None)
        # The capture trigger set aside too: its deferred fill writes nothing while the
        # package is applied (sync_applying), as the trigger would not.
        with insert_triggers_deferred(conn, first, captured=(table,)):
            raw.cursor.executemany(_insert_sql(table, names, locals_), params)
    except Exception:  # noqa: BLE001 - the rows are applied one at a time, with reasons
        raw.exec_driver_sql("ROLLBACK TO sync_run")
        raw.exec_driver_sql("RELEASE sync_run")
        return False
    raw.exec_driver_sql("RELEASE sync_run")
    return True


def _insert(conn: Any, model: type, table: str, incoming: dict) -> None:
    """Insert the row; the columns it did not carry take the model's defaults."""
    incoming = {**{k: v for k, v in values.insert_defaults(table).items()
                   if k not in getattr(model, "__sync_local__", ())}, **incoming}
    names = tuple(incoming)
    sql = _insert_sql(table, names, tuple(getattr(model, "__sync_local__", ())))
    conn.exec_driver_sql(sql, tuple(incoming[n] for n in names))


def _write(conn: Any, table: str, row_id: str, op: str, incoming: dict,
           fields_: set[str], version: int, local: dict) -> None:
    if op == "delete":
        conn.exec_driver_sql(f"DELETE FROM {_q(table)} WHERE id = ?", (row_id,))
        return
    names = sorted(fields_)
    sets = ", ".join(f"{_q(n)} = ?" for n in names)
    newest = max(version, int(local.get("row_version") or 0))
    conn.exec_driver_sql(
        f"UPDATE {_q(table)} SET {sets}, row_version = ?, updated_at = ? WHERE id = ?",
        (*[incoming[n] for n in names], newest, incoming.get("updated_at", local["updated_at"]),
         row_id))


def _record_conflict(conn: Any, table: str, row_id: str, peer: str, package_id: str,
                     mine: dict, theirs: dict, fields_: set[str], winner: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_conflict (entity, row_id, peer, package_id, mine, theirs, fields, "
        "winner, created_at, resolution) VALUES (?,?,?,?,?,?,?,?,?,'')",
        (table, row_id, peer, package_id, json.dumps(mine, ensure_ascii=False, default=str),
         json.dumps(theirs, ensure_ascii=False, default=str), json.dumps(sorted(fields_)),
         winner, utcnow().replace(tzinfo=None).isoformat(sep=" ")))


def _trim_pending(conn: Any, entries: list[tuple[int, str, list[str]]],
                  overlap: set[str], *, deleted: bool = False) -> None:
    """Their version won on ``overlap``: our pending edits of those fields are superseded
    (all of them when theirs was a deletion, so the row is not brought back)."""
    for s, op, listed in entries:
        if deleted:
            conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq = ?", (s,))
            continue
        if op != "update":
            continue
        left = [c for c in listed if c not in overlap]
        if left:
            conn.exec_driver_sql("UPDATE sync_outbox SET changed = ? WHERE seq = ?",
                                 (json.dumps(left), s))
        else:
            conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq = ?", (s,))


# --- status, conflicts, resolution --------------------------------------------------------

@dataclass(frozen=True)
class ConflictInfo:
    id: int
    entity: str
    row_id: str
    peer: str
    fields: tuple[str, ...]
    winner: str
    mine: dict
    theirs: dict
    resolved: bool
    resolution: str


def conflicts(session: Session, *, open_only: bool = True) -> list[ConflictInfo]:
    query = select(SyncConflict).order_by(SyncConflict.id)
    if open_only:
        query = query.where(SyncConflict.resolved_at.is_(None))
    return [ConflictInfo(c.id, c.entity, c.row_id, c.peer, tuple(json.loads(c.fields)), c.winner,
                         json.loads(c.mine), json.loads(c.theirs), c.resolved_at is not None,
                         c.resolution) for c in session.scalars(query)]


def resolve(session: Session, conflict_id: int, keep: str) -> ConflictInfo:
    """A person decides: ``keep`` "mine" or "theirs". The kept values are written as a
    local edit (captured), so the decision travels to the other office."""
    if keep not in ("mine", "theirs"):
        raise SyncError("Chọn giữ «mine» (bản của văn phòng này) hoặc «theirs» (bản nhận được).")
    c = session.get(SyncConflict, conflict_id)
    if c is None:
        raise SyncError(f"Không có xung đột số {conflict_id}.")
    if c.resolved_at is not None:
        raise SyncError(f"Xung đột số {conflict_id} đã được giải quyết.")
    chosen = json.loads(c.mine if keep == "mine" else c.theirs)
    fields_ = [f for f in json.loads(c.fields) if f in chosen and f not in ("id", "row_version")]
    conn = session.connection()
    if chosen.get("__op__") == "delete":
        conn.exec_driver_sql(f"DELETE FROM {_q(c.entity)} WHERE id = ?", (c.row_id,))
    elif fields_:
        exists = conn.exec_driver_sql(f"SELECT 1 FROM {_q(c.entity)} WHERE id = ?",
                                      (c.row_id,)).first()
        if exists:
            before = conn.exec_driver_sql(
                "SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar()
            sets = ", ".join(f"{_q(n)} = ?" for n in fields_)
            conn.exec_driver_sql(
                f"UPDATE {_q(c.entity)} SET {sets}, row_version = row_version + 1, "
                "updated_at = ? WHERE id = ?",
                (*[chosen[n] for n in fields_], utcnow().replace(tzinfo=None).isoformat(sep=" "),
                 c.row_id))
            top = conn.exec_driver_sql("SELECT max(seq) FROM sync_outbox WHERE row_id = ? "
                                       "AND seq > ?", (c.row_id, before)).scalar()
            # the decision travels even where the values did not change (the kept version
            # was the one here: the capture trigger saw no change and wrote nothing)
            if top is not None:
                conn.exec_driver_sql("UPDATE sync_outbox SET changed = ? WHERE seq = ?",
                                     (json.dumps(fields_), top))
            else:
                columns = outbox.travelling_columns(outbox.synced_models()[c.entity])
                conn.exec_driver_sql(outbox.capture_update_sql(c.entity, columns),
                                     (json.dumps(fields_), c.row_id))
    c.resolved_at, c.resolution = utcnow(), keep
    session.flush()
    return next(x for x in conflicts(session, open_only=False) if x.id == conflict_id)


@dataclass(frozen=True)
class Status:
    office: str
    role: str
    province: str
    key_id: str
    fingerprint: str
    pending: int  # outbox entries not yet acknowledged by every office
    open_conflicts: int
    peers: tuple[keys_module.PeerInfo, ...]
    history: tuple[tuple[str, str, int, str, int, str], ...]  # direction, peer, seq, state, n, file


def status(session: Session) -> Status:
    me = keys_module.require_identity(session)
    pending = session.scalar(text("SELECT count(*) FROM sync_outbox")) or 0
    open_ = session.scalar(text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")) or 0
    history = tuple((p.direction, p.peer, p.seq, p.state, p.changes, p.file_name) for p in
                    session.scalars(select(SyncPackage).order_by(SyncPackage.id.desc()).limit(200)))
    return Status(me.office_code, me.role, me.province_code, me.key_id,
                  keys_module.fingerprint(me.sign_public, me.box_public), int(pending), int(open_),
                  tuple(keys_module.peers(session)), history)
