"""The package file (``.scdpkg``): a zip of the changes, signed, then encrypted to the
recipient — written and read as a stream, checked before anything is trusted.

Outer file::

    b"SCDPKG\\n"  u32 header length  header (JSON: format, sender, recipient,
                                      recipient_key, ephemeral, nonce_prefix)
    chunks: u32 length, ChaCha20-Poly1305 ciphertext of ≤ 1 MiB of the zip

The key is HKDF-SHA256 of X25519(ephemeral, recipient) (the age / ECIES construction);
chunk *i* uses nonce = prefix(7) ‖ i (4, big-endian) ‖ last-flag(1) and the SHA-256 of
the magic and header as associated data (the STREAM construction), so a truncated,
reordered or altered file fails to decrypt, and the header cannot be changed.

Inner zip: ``changes.jsonl`` (one change a line), ``manifest.json`` (format, schema,
minimum reader, package id, sender and its key, recipient, epoch, sequence number,
hash of the previous package, acknowledgement, counts, SHA-256 of every member, key
records) and ``manifest.sig`` (Ed25519 signature of manifest.json by the sender).
The zip's directory is inspected before any member is read (names, duplicates, counts,
declared sizes, ratios), members are read in bounded chunks and hashed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from core.common.errors import UserError
from core.common.text import FORBIDDEN_BMP
from core.sync.keys import b64, unb64

MAGIC = b"SCDPKG\n"
FORMAT = 1  # the outer format this version writes and reads
READER_VERSION = 1  # packages whose min_reader is above this are refused
CHUNK = 1 << 20
MAX_HEADER = 4096
MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 2 << 30  # 2 GiB unpacked per member and in all
MAX_RATIO = 100  # unpacked ÷ packed, for members of at least RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
MAX_LINE = 4 << 20  # one change
CHANGES, MANIFEST, SIGNATURE = "changes.jsonl", "manifest.json", "manifest.sig"
#: an attached file (a commendation file's scan) travels as ``attachments/<its SHA-256>``
ATTACHMENTS = "attachments/"
_ATTACHMENT = re.compile(r"attachments/([0-9a-f]{64})")
_HKDF_INFO = b"socongdoan-package-v1"


class PackageRefused(UserError):
    """A package that is not read: ``str(exc)`` says why, in Vietnamese."""


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=_HKDF_INFO).derive(shared)


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def seal_file(zip_path: Path, out: IO[bytes], header: dict, recipient_box: bytes) -> None:
    """Encrypt the zip at ``zip_path`` to ``recipient_box`` into ``out`` (streamed)."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub = _raw(ephemeral.public_key())
    prefix = os.urandom(7)
    header = {**header, "format": FORMAT, "ephemeral": b64(eph_pub), "nonce_prefix": b64(prefix)}
    head = json.dumps(header, sort_keys=True).encode()
    aad = hashlib.sha256(MAGIC + head).digest()
    aead = ChaCha20Poly1305(_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(
        recipient_box)), eph_pub, recipient_box))
    out.write(MAGIC + struct.pack(">I", len(head)) + head)
    size = zip_path.stat().st_size
    with open(zip_path, "rb") as src:
        counter, done = 0, 0
        while True:
            block = src.read(CHUNK)
            done += len(block)
            last = done >= size
            sealed = aead.encrypt(_nonce(prefix, counter, last), block, aad)
            out.write(struct.pack(">I", len(sealed)) + sealed)
            counter += 1
            if last:
                break


def read_header(fh: IO[bytes], name: str) -> tuple[dict, bytes]:
    magic = fh.read(len(MAGIC))
    if magic != MAGIC:
        if len(magic) < len(MAGIC):
            raise PackageRefused(f"Tệp {name} bị cắt cụt (quá ngắn để là gói đồng bộ).")
        raise PackageRefused(f"Tệp {name} không phải gói đồng bộ của Sổ Công đoàn.")
    raw_len = fh.read(4)
    if len(raw_len) < 4:
        raise PackageRefused(f"Tệp {name} bị cắt cụt (thiếu phần đầu).")
    (length,) = struct.unpack(">I", raw_len)
    if length > MAX_HEADER:
        raise PackageRefused(f"Tệp {name} bị hỏng: phần đầu dài bất thường.")
    head = fh.read(length)
    if len(head) < length:
        raise PackageRefused(f"Tệp {name} bị cắt cụt (thiếu phần đầu).")
    try:
        header = json.loads(head)
        if not isinstance(header, dict):
            raise ValueError
        fmt = int(header["format"])
        for k in ("sender", "recipient", "recipient_key", "ephemeral", "nonce_prefix"):
            if not isinstance(header[k], str):
                raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise PackageRefused(f"Tệp {name} bị hỏng hoặc bị sửa: phần đầu không đọc được.") from exc
    if fmt > FORMAT:
        raise PackageRefused(f"Gói {name} có định dạng {fmt}, mới hơn phiên bản này đọc được "
                             f"({FORMAT}). Hãy cập nhật Sổ Công đoàn rồi nhập lại.")
    return header, head


def open_file(path: Path, header: dict, head: bytes, fh: IO[bytes],
              box_keys: list[X25519PrivateKey], out: IO[bytes]) -> None:
    """Decrypt the rest of ``fh`` into ``out`` (the zip), chunk by chunk."""
    name = path.name
    try:
        eph_pub = unb64(header["ephemeral"])
        prefix = unb64(header["nonce_prefix"])
        if len(eph_pub) != 32 or len(prefix) != 7:
            raise ValueError
    except ValueError as exc:
        raise PackageRefused(f"Tệp {name} bị hỏng hoặc bị sửa: phần đầu không hợp lệ.") from exc
    aad = hashlib.sha256(MAGIC + head).digest()
    first = fh.read(4)
    if len(first) < 4:
        raise PackageRefused(f"Tệp {name} bị cắt cụt (không có nội dung).")
    aead = None
    start = fh.tell()
    for key in box_keys:  # current key first, then older ones (after a rotation)
        candidate = ChaCha20Poly1305(_key(key.exchange(X25519PublicKey.from_public_bytes(eph_pub)),
                                          eph_pub, _raw(key.public_key())))
        (length,) = struct.unpack(">I", first)
        if length > CHUNK + 16:
            raise PackageRefused(f"Tệp {name} bị hỏng: khối dữ liệu dài bất thường.")
        fh.seek(start)
        block = fh.read(length)
        if len(block) < length:  # a length claiming more than the file holds
            raise PackageRefused(f"Tệp {name} bị hỏng hoặc bị cắt cụt: khối đầu ngắn hơn "
                                 "độ dài ghi ở đầu khối.")
        try:
            plain = candidate.decrypt(_nonce(prefix, 0, False), block, aad)
            last = False
        except InvalidTag:
            try:
                plain = candidate.decrypt(_nonce(prefix, 0, True), block, aad)
                last = True
            except InvalidTag:
                continue
        aead = candidate
        break
    if aead is None:
        raise PackageRefused(
            f"Không giải mã được gói {name}: tệp bị hỏng, bị sửa hoặc bị cắt cụt, hoặc không "
            "được mã hoá cho khoá hiện tại của văn phòng này.")
    out.write(plain)
    counter = 1
    while not last:
        raw_len = fh.read(4)
        if len(raw_len) < 4:
            raise PackageRefused(f"Tệp {name} bị cắt cụt (thiếu phần cuối).")
        (length,) = struct.unpack(">I", raw_len)
        if length > CHUNK + 16:
            raise PackageRefused(f"Tệp {name} bị hỏng: khối dữ liệu dài bất thường.")
        block = fh.read(length)
        if len(block) < length:
            raise PackageRefused(f"Tệp {name} bị cắt cụt (thiếu phần cuối).")
        try:
            plain = aead.decrypt(_nonce(prefix, counter, False), block, aad)
        except InvalidTag:
            try:
                plain = aead.decrypt(_nonce(prefix, counter, True), block, aad)
                last = True
            except InvalidTag as exc:
                raise PackageRefused(f"Gói {name} bị hỏng hoặc bị sửa đổi (khối {counter + 1} "
                                     "không khớp mã xác thực).") from exc
        out.write(plain)
        counter += 1
    if fh.read(1):
        raise PackageRefused(f"Gói {name} bị sửa: có dữ liệu thừa sau phần cuối.")


def check_members(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """The zip's directory, refused before any member is read when hostile."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageRefused(f"Gói {name} chứa {len(infos)} tệp con — vượt giới hạn {MAX_MEMBERS}.")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        member = info.filename
        path = PurePosixPath(member.replace("\\", "/"))
        if (member.startswith(("/", "\\")) or ".." in path.parts or "\\" in member
                or (len(member) > 1 and member[1] == ":") or not member or "\0" in member):
            raise PackageRefused(f"Gói {name} có tệp con với đường dẫn không an toàn «{member}» "
                                 "(“..”, đường dẫn tuyệt đối hoặc ổ đĩa).")
        if member in members:
            raise PackageRefused(f"Gói {name} có tệp con trùng tên «{member}».")
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackageRefused(f"Gói {name} có tệp con «{member}» quá lớn.")
        if info.file_size >= RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageRefused(
                f"Gói {name} có tệp con «{member}» nén với tỉ lệ "
                f"{info.file_size // max(info.compress_size, 1)}:1 — vượt giới hạn {MAX_RATIO}:1.")
        total += info.file_size
        members[member] = info
    if total > MAX_MEMBER_BYTES:
        raise PackageRefused(f"Gói {name} giải nén ra quá nhiều dữ liệu.")
    for needed in (CHANGES, MANIFEST, SIGNATURE):
        if needed not in members:
            raise PackageRefused(f"Gói {name} thiếu phần «{needed}».")
    return members


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                sink: Callable[[bytes], None] | None = None) -> str:
    """Read a member in bounded chunks (never beyond its declared size), its SHA-256."""
    digest = hashlib.sha256()
    seen = 0
    try:
        with zf.open(info) as fh:
            while True:
                block = fh.read(CHUNK)
                if not block:
                    break
                seen += len(block)
                if seen > info.file_size:
                    raise PackageRefused(f"Gói {name}: tệp con «{info.filename}» dài hơn kích "
                                         "thước khai báo.")
                digest.update(block)
                if sink is not None:
                    sink(block)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise PackageRefused(f"Gói {name}: tệp con «{info.filename}» bị hỏng hoặc kích thước "
                             "khai báo không đúng.") from exc
    if seen != info.file_size:
        raise PackageRefused(f"Gói {name}: tệp con «{info.filename}» có kích thước khai báo "
                             "không đúng.")
    return digest.hexdigest()


@dataclass
class Opened:
    """A decrypted, inspected, signature- and hash-checked package (zip in a temp file)."""

    path: Path
    header: dict
    manifest: dict
    manifest_hash: str
    zip_path: Path
    _tmpdir: tempfile.TemporaryDirectory

    def changes(self) -> Iterator[dict]:
        for change, _ in self.entries():
            yield change

    def entries(self) -> Iterator[tuple[dict, bool]]:
        """Every change, and whether its line is *plain*: no code point that
        :func:`core.common.text.clean` removes, written out or escaped (``\\uXXXX``,
        ``\\b``), so none of its values needs cleaning. Read in large blocks and checked a
        block at a time (a line by itself only in a block that is not plain)."""
        name = self.path.name
        with zipfile.ZipFile(self.zip_path) as zf, zf.open(CHANGES) as fh:
            rest = b""
            while True:
                block = fh.read(CHUNK)
                data = rest + block
                cut = len(data) if not block else data.rfind(b"\n") + 1
                whole, rest = data[:cut], data[cut:]
                if len(rest) > MAX_LINE:
                    raise PackageRefused(f"Gói {name}: một thay đổi dài bất thường.")
                if whole:
                    try:
                        text = whole.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise PackageRefused(f"Gói {name}: danh sách thay đổi không phải "
                                             "UTF-8.") from exc
                    plain = _plain(text, whole)
                    for line in text.split("\n"):
                        if not line:
                            continue
                        if len(line) > MAX_LINE:
                            raise PackageRefused(f"Gói {name}: một thay đổi dài bất thường.")
                        yield json.loads(line), plain or _plain(line, line.encode())
                if not block:
                    return

    def attachments(self) -> list[tuple[str, int, bool]]:
        """The attached files the package carries: (SHA-256, size, whether its content's
        SHA-256 — by the signed manifest, checked against the member when the package was
        opened — is its name)."""
        found = []
        hashes_ = self.manifest.get("members") or {}
        with zipfile.ZipFile(self.zip_path) as zf:
            for info in zf.infolist():
                m = _ATTACHMENT.fullmatch(info.filename)
                if m:
                    found.append((m.group(1), info.file_size,
                                  hashes_.get(info.filename) == m.group(1)))
        return found

    def copy_attachment(self, sha: str, out: IO[bytes]) -> str:
        """Write the attached file ``sha`` to ``out`` in bounded chunks; its SHA-256 as read."""
        name = self.path.name
        with zipfile.ZipFile(self.zip_path) as zf:
            info = zf.getinfo(ATTACHMENTS + sha)

            def sink(block: bytes) -> None:
                out.write(block)

            return read_member(zf, info, name, sink)

    def close(self) -> None:
        self._tmpdir.cleanup()


_ASTRAL = re.compile(rb"[\xf0-\xf4]")  # the lead byte of a code point beyond the BMP


def _plain(text: str, raw: bytes) -> bool:
    """No code point :data:`core.common.text.FORBIDDEN` matches in ``text`` (decoded from
    ``raw``, so no lone surrogate), written out or escaped; False also for any code point
    beyond the BMP."""
    return ("\\u" not in text and "\\b" not in text and FORBIDDEN_BMP.search(text) is None
            and _ASTRAL.search(raw) is None)


def open_package(path: Path, *, own_code: str, box_keys: list[X25519PrivateKey],
                 signer_key: Callable[[dict], bytes], max_bytes: int = 4 << 30) -> Opened:
    """Decrypt and check ``path``. ``signer_key(manifest)`` returns the sender's public
    signing key for the manifest (or raises :class:`PackageRefused`: unknown, revoked)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused(f"Không đọc được tệp {name}: {exc.strerror or exc}.") from exc
    if size > max_bytes:
        raise PackageRefused(f"Tệp {name} quá lớn để là gói đồng bộ.")
    tmpdir = tempfile.TemporaryDirectory(prefix="scdpkg-")
    zip_path = Path(tmpdir.name) / "package.zip"
    try:
        with open(path, "rb") as fh:
            header, head = read_header(fh, name)
            if header["recipient"] != own_code:
                raise PackageRefused(f"Gói {name} gửi cho văn phòng {header['recipient']}, không "
                                     f"phải văn phòng này ({own_code}); không nhập.")
            with open(zip_path, "wb") as out:
                open_file(path, header, head, fh, box_keys, out)
        try:
            zf = zipfile.ZipFile(zip_path)
        except zipfile.BadZipFile as exc:
            raise PackageRefused(f"Gói {name} bị hỏng: nội dung không phải tệp nén hợp lệ.") from exc
        with zf:
            members = check_members(zf, name)
            manifest_bytes = bytearray()
            read_member(zf, members[MANIFEST], name, manifest_bytes.extend)
            signature = bytearray()
            read_member(zf, members[SIGNATURE], name, signature.extend)
            try:
                manifest = json.loads(bytes(manifest_bytes))
                if not isinstance(manifest, dict):
                    raise ValueError
            except ValueError as exc:
                raise PackageRefused(f"Gói {name}: bản kê khai không đọc được.") from exc
            if int(manifest.get("min_reader", 0)) > READER_VERSION:
                raise PackageRefused(f"Gói {name} cần phiên bản Sổ Công đoàn mới hơn để đọc; hãy "
                                     "cập nhật chương trình rồi nhập lại.")
            if manifest.get("sender") != header["sender"] or manifest.get("recipient") != own_code:
                raise PackageRefused(f"Gói {name} bị sửa: người gửi/người nhận trong bản kê khai "
                                     "không khớp phần đầu.")
            public = signer_key(manifest)
            try:
                Ed25519PublicKey.from_public_bytes(public).verify(bytes(signature),
                                                                  bytes(manifest_bytes))
            except (InvalidSignature, ValueError) as exc:
                raise PackageRefused(f"Gói {name}: chữ ký không hợp lệ — gói không do văn phòng "
                                     f"{header['sender']} ký, hoặc đã bị sửa.") from exc
            hashes_ = manifest.get("members")
            if not isinstance(hashes_, dict) or set(hashes_) != set(members) - {MANIFEST, SIGNATURE}:
                raise PackageRefused(f"Gói {name}: danh sách tệp con không khớp bản kê khai.")
            for member, expected in hashes_.items():
                if read_member(zf, members[member], name) != expected:
                    raise PackageRefused(f"Gói {name}: tệp con «{member}» không khớp mã băm "
                                         "trong bản kê khai (bị sửa hoặc hỏng).")
    except BaseException:
        tmpdir.cleanup()
        raise
    return Opened(path, header, manifest, hashlib.sha256(bytes(manifest_bytes)).hexdigest(),
                  zip_path, tmpdir)


def write_package(tmp_path: str, *, changes: Iterator[tuple[str, bytes]], manifest: dict,
                  sign_key: Ed25519PrivateKey, header: dict, recipient_box: bytes,
                  attachments: Callable[[], Iterator[tuple[str, Path]]] | None = None) -> str:
    """Write the whole package to ``tmp_path`` (zip → sign → encrypt), flushed and synced.
    ``changes`` yields (table, one JSON line ending in a newline); ``attachments()``, called
    once the changes are written, yields (SHA-256, file) of the attached files they refer
    to, stored (not compressed: scans are) as ``attachments/<SHA-256>``.
    Returns the manifest's hash (the next package's ``prev_hash``)."""
    work = Path(tmp_path + ".zip")
    counts: dict[str, int] = {}
    try:
        with zipfile.ZipFile(work, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5) as zf:
            digest = hashlib.sha256()
            with zf.open(CHANGES, "w", force_zip64=True) as fh:
                for entity, line in changes:
                    digest.update(line)
                    fh.write(line)
                    counts[entity] = counts.get(entity, 0) + 1
            members = {CHANGES: digest.hexdigest()}
            for sha, source in (attachments() if attachments is not None else ()):
                info = zipfile.ZipInfo(ATTACHMENTS + sha, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED
                file_digest = hashlib.sha256()
                with open(source, "rb") as src, zf.open(info, "w", force_zip64=True) as fh:
                    for block in iter(lambda: src.read(CHUNK), b""):
                        file_digest.update(block)
                        fh.write(block)
                members[info.filename] = file_digest.hexdigest()
            manifest = {**manifest, "counts": counts, "members": members}
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                        indent=1).encode()
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, sign_key.sign(manifest_bytes))
        with open(tmp_path, "wb") as out:
            seal_file(work, out, header, recipient_box)
            out.flush()
            os.fsync(out.fileno())
    finally:
        work.unlink(missing_ok=True)
    return hashlib.sha256(manifest_bytes).hexdigest()
