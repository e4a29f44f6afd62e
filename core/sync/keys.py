"""Office identities and keys for sync packages.

Each office has an Ed25519 signing key and an X25519 encryption key (``cryptography``).
The province makes its own with :func:`init_province` and enrols every district with
:func:`enrol`: an enrolment file holding the district's code, its key pairs (the private
halves sealed with a passphrase) and the province's public keys, signed by the province.
The district imports it (:func:`import_enrolment`). Private keys are never stored in
plain text: they are sealed with a key derived from the passphrase by scrypt and
ChaCha20-Poly1305. A rotation (:func:`rotate`) or a revocation (:func:`revoke`) is a record
signed by the old key (resp. the province) that travels in the next packages.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.common.errors import UserError
from core.common.files import write_atomically
from core.common.similarity import closest_names
from core.common.text import clean
from db.models import Setting, SyncIdentity, SyncPackage, SyncPeer, Unit, utcnow

ENROLMENT_FORMAT = "socongdoan-enrolment"
ENROLMENT_VERSION = 1
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
KEY_ENTITY = "sync_key"  # key records travel in the outbox under this entity


class KeyError_(UserError):
    pass


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: str) -> bytes:
    return base64.b64decode(value.encode("ascii"), validate=True)


def canonical(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def key_id(sign_public: bytes, box_public: bytes) -> str:
    return hashlib.sha256(sign_public + box_public).hexdigest()[:16]


@dataclass(frozen=True)
class KeyPair:
    """One generation of an office's keys (the private halves in memory only)."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def sign_public(self) -> bytes:
        return self.sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def box_public(self) -> bytes:
        return self.box.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        return key_id(self.sign_public, self.box_public)

    def private_bytes(self) -> dict:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        raw = (Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {"sign": b64(self.sign.private_bytes(*raw)), "box": b64(self.box.private_bytes(*raw))}

    @classmethod
    def from_private(cls, data: dict) -> KeyPair:
        return cls(Ed25519PrivateKey.from_private_bytes(unb64(data["sign"])),
                   X25519PrivateKey.from_private_bytes(unb64(data["box"])))


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyError_(f"Mật khẩu khoá phải có ít nhất {MIN_PASSPHRASE} ký tự.")


def _derive(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        passphrase.encode("utf-8"))


def seal(pairs: list[KeyPair], passphrase: str) -> str:
    """The private keys (newest first) sealed with the passphrase, as JSON text."""
    _check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    plain = canonical([p.private_bytes() for p in pairs])
    sealed = ChaCha20Poly1305(_derive(passphrase, salt)).encrypt(nonce, plain, b"socongdoan-keys")
    return json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                       "salt": b64(salt), "nonce": b64(nonce), "sealed": b64(sealed)})


def unseal(sealed: str, passphrase: str) -> list[KeyPair]:
    try:
        data = json.loads(sealed)
        key = Scrypt(salt=unb64(data["salt"]), length=32, n=int(data["n"]), r=int(data["r"]),
                     p=int(data["p"])).derive(passphrase.encode("utf-8"))
        plain = ChaCha20Poly1305(key).decrypt(unb64(data["nonce"]), unb64(data["sealed"]),
                                              b"socongdoan-keys")
    except InvalidTag as exc:
        raise KeyError_("Sai mật khẩu khoá (không mở được khoá riêng của văn phòng).") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyError_("Khoá riêng đã lưu bị hỏng; hãy nhập lại tệp cấp khoá.") from exc
    return [KeyPair.from_private(d) for d in json.loads(plain)]


def sign_record(record: dict, key: Ed25519PrivateKey) -> dict:
    return {**record, "signature": b64(key.sign(canonical(record)))}


def verify_record(record: dict, public: bytes) -> dict:
    body = {k: v for k, v in record.items() if k != "signature"}
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(record["signature"]),
                                                          canonical(body))
    except (InvalidSignature, KeyError, ValueError) as exc:
        raise KeyError_("Chữ ký không hợp lệ: bản ghi khoá không do văn phòng đã biết ký, "
                        "hoặc đã bị sửa.") from exc
    return body


# --- identity in the database ------------------------------------------------------------

@dataclass(frozen=True)
class IdentityInfo:
    office_code: str
    role: str
    province_code: str
    key_id: str


@dataclass(frozen=True)
class PeerInfo:
    office_code: str
    role: str
    key_id: str
    revoked: bool
    out_seq: int
    acked_through: int
    in_seq: int
    applied_through: int


def identity(session: Session) -> SyncIdentity | None:
    return session.scalar(select(SyncIdentity))


def require_identity(session: Session) -> SyncIdentity:
    found = identity(session)
    if found is None:
        raise KeyError_("Văn phòng này chưa có khoá đồng bộ. Tỉnh: chạy «keys init»; huyện: "
                        "nhập tệp cấp khoá do tỉnh gửi («keys import TỆP»).")
    return found


def office_code_of(session: Session) -> str:
    return session.scalar(select(Setting.value).where(Setting.key == "office.unit_code")) or ""


def parent_of_office(session: Session) -> str:
    """The code of the unit above this office's unit ("" for a province, or when unknown)."""
    code = office_code_of(session)
    unit = session.scalar(select(Unit).where(Unit.code == code)) if code else None
    if unit is None or unit.parent_id is None:
        return ""
    parent = session.get(Unit, unit.parent_id)
    return parent.code if parent is not None else ""


def keys_replaceable(session: Session) -> bool:
    """This office has keys, and no package was ever sent with them: keys made by mistake
    (e.g. a district that pressed "create the province's keys") can still be replaced by an
    enrolment file."""
    if identity(session) is None:
        return False
    return session.scalar(select(SyncPackage.id).where(SyncPackage.direction == "out")
                          .limit(1)) is None


def enrolable_units(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the units the province can enrol: every live unit but its own."""
    own = office_code_of(session)
    return [(c, n) for c, n in session.execute(
        select(Unit.code, Unit.name).where(Unit.deleted_at.is_(None),
                                           Unit.merged_into_id.is_(None)).order_by(Unit.code))
            if c != own]


def init_province(session: Session, passphrase: str) -> IdentityInfo:
    """Keys for this office as the province (once)."""
    if identity(session) is not None:
        raise KeyError_("Văn phòng này đã có khoá đồng bộ; dùng «keys rotate» để thay khoá.")
    code = office_code_of(session)
    if not code:
        raise KeyError_("Chưa khởi tạo đơn vị của văn phòng («init»).")
    parent = parent_of_office(session)
    if parent:
        raise KeyError_(
            f"Văn phòng {code} trực thuộc {parent}: chỉ văn phòng tỉnh (không có cấp trên) tạo "
            "khoá cho tỉnh. Văn phòng huyện nhận khoá bằng tệp cấp khoá do tỉnh gửi («keys "
            "import TỆP» hoặc «Nhập tệp cấp khoá…» trên trang Đồng bộ).")
    pair = KeyPair.generate()
    session.add(SyncIdentity(office_code=code, role="province", province_code=code,
                             key_id=pair.key_id, sign_public=pair.sign_public,
                             box_public=pair.box_public, private_sealed=seal([pair], passphrase),
                             created_at=utcnow()))
    session.flush()
    return IdentityInfo(code, "province", code, pair.key_id)


def _own_keys(session: Session, passphrase: str) -> tuple[SyncIdentity, list[KeyPair]]:
    me = require_identity(session)
    return me, unseal(me.private_sealed, passphrase)


def enrol(session: Session, office: str, passphrase: str, out: str | os.PathLike[str],
          office_passphrase: str | None = None) -> Path:
    """The province enrols ``office``: new keys, the office added to the known peers, and
    the enrolment file written (its private keys sealed with ``office_passphrase``, by
    default the province's own passphrase — tell it to the district by another channel)."""
    office = clean(office).strip().upper()
    if not office or len(office) > 32 or not office.replace("-", "").isalnum():
        raise KeyError_(f"Mã văn phòng «{office}» không hợp lệ.")
    me, pairs = _own_keys(session, passphrase)
    if me.role != "province":
        raise KeyError_("Chỉ văn phòng tỉnh cấp khoá cho các văn phòng khác.")
    if office == me.office_code:
        raise KeyError_("Không thể cấp khoá cho chính văn phòng tỉnh.")
    unit = session.scalar(select(Unit).where(Unit.code == office, Unit.deleted_at.is_(None),
                                             Unit.merged_into_id.is_(None)))
    if unit is None:
        codes = [c for c, _ in enrolable_units(session)]
        near = closest_names(office, codes, cutoff=0.5)
        hint = (" Có phải: " + ", ".join(near) + "?") if near else (
            " Hãy thêm đơn vị đó ở trang Tổ chức trước.")
        raise KeyError_(f"Không có đơn vị mã «{office}» trong tỉnh; chỉ cấp khoá cho đơn vị đã "
                        f"có.{hint}")
    parent = session.get(Unit, unit.parent_id) if unit.parent_id is not None else None
    pair = KeyPair.generate()
    body = {
        "format": ENROLMENT_FORMAT, "version": ENROLMENT_VERSION, "office": office,
        "role": "district", "name": unit.name,
        "parent": {"code": parent.code if parent else me.office_code,
                   "name": parent.name if parent else ""},
        "province": {"code": me.office_code, "key_id": me.key_id,
                     "sign_public": b64(me.sign_public), "box_public": b64(me.box_public)},
        "keys": {"key_id": pair.key_id, "sign_public": b64(pair.sign_public),
                 "box_public": b64(pair.box_public),
                 "sealed": seal([pair], office_passphrase or passphrase)},
        "issued_at": utcnow().isoformat(),
    }
    record = sign_record(body, pairs[0].sign)
    peer = session.get(SyncPeer, office)
    if peer is None:
        peer = SyncPeer(office_code=office, role="district", revoked_keys="[]", out_epoch=1,
                        out_seq=0, out_hash="", acked_through=0, in_epoch=0, in_seq=0,
                        in_hash="", applied_through=0)
        session.add(peer)
    else:  # re-enrolment: the old key is no longer valid
        peer.revoked_keys = json.dumps(sorted({*json.loads(peer.revoked_keys), peer.key_id}))
    peer.key_id, peer.sign_public, peer.box_public = pair.key_id, pair.sign_public, pair.box_public
    session.flush()

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(json.dumps(record, ensure_ascii=False, indent=1).encode())
            fh.flush()
            os.fsync(fh.fileno())

    return write_atomically(out, write, error=KeyError_)


@dataclass(frozen=True)
class EnrolmentInfo:
    """Who an enrolment file is for (read and its signature checked; no passphrase needed)."""

    office: str
    name: str
    parent_code: str
    parent_name: str
    province: str


def read_enrolment(path: str | os.PathLike[str]) -> EnrolmentInfo:
    body = _enrolment_body(path)
    parent = body["parent"] if isinstance(body.get("parent"), dict) else {}
    return EnrolmentInfo(str(body["office"]), str(body.get("name") or ""),
                         str(parent.get("code") or body["province"]["code"]),
                         str(parent.get("name") or ""), str(body["province"]["code"]))


def _enrolment_body(path: str | os.PathLike[str]) -> dict:
    try:
        raw = Path(path).read_bytes()
        if len(raw) > 1_000_000:
            raise ValueError
        record = json.loads(raw)
        if record.get("format") != ENROLMENT_FORMAT:
            raise ValueError
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise KeyError_(f"Tệp {Path(path).name} không phải tệp cấp khoá của Sổ Công đoàn.") from exc
    if int(record.get("version", 0)) > ENROLMENT_VERSION:
        raise KeyError_("Tệp cấp khoá được tạo bởi phiên bản mới hơn; hãy cập nhật chương trình.")
    province = record["province"]
    province_sign = unb64(province["sign_public"])
    province_box = unb64(province["box_public"])
    if key_id(province_sign, province_box) != province["key_id"]:
        raise KeyError_("Tệp cấp khoá bị sửa: dấu vân tay khoá của tỉnh không khớp.")
    return verify_record(record, province_sign)


def import_enrolment(session: Session, path: str | os.PathLike[str], passphrase: str, *,
                     replace: bool = False) -> IdentityInfo:
    """A district takes its enrolment file: the signature checked with the province key it
    names (compare the fingerprint printed with the one the province gives), the private
    keys opened with the passphrase, then stored sealed. With ``replace``, keys this office
    made by mistake are replaced — only while no package was ever sent with them."""
    body = _enrolment_body(path)
    province = body["province"]
    province_sign = unb64(province["sign_public"])
    province_box = unb64(province["box_public"])
    code = office_code_of(session)
    if code and code != body["office"]:
        raise KeyError_(f"Tệp cấp khoá dành cho văn phòng {body['office']}, không phải văn "
                        f"phòng này ({code}).")
    existing = identity(session)
    if existing is not None:
        if not keys_replaceable(session):
            raise KeyError_("Văn phòng này đã có khoá đồng bộ và đã gửi gói bằng khoá đó; không "
                            "thay bằng tệp cấp khoá được. Dùng «keys rotate» để thay khoá.")
        if not replace:
            raise KeyError_("Văn phòng này đã có khoá đồng bộ (chưa gửi gói nào bằng khoá đó). "
                            "Nếu khoá đó được tạo nhầm, nhập lại tệp cấp khoá và xác nhận thay "
                            "khoá («keys import TỆP --replace»).")
        _drop_own_keys(session)
    if not code:  # a new installation: it becomes the enrolled office (then «init» finds
        # its unit in the province's first package)
        session.merge(Setting(key="office.unit_code", value=body["office"]))
    keys = body["keys"]
    pairs = unseal(keys["sealed"], passphrase)
    if pairs[0].key_id != keys["key_id"]:
        raise KeyError_("Tệp cấp khoá bị sửa: khoá riêng không khớp khoá công khai.")
    session.add(SyncIdentity(office_code=body["office"], role=body["role"],
                             province_code=province["code"], key_id=pairs[0].key_id,
                             sign_public=pairs[0].sign_public, box_public=pairs[0].box_public,
                             private_sealed=seal(pairs, passphrase), created_at=utcnow()))
    peer = session.get(SyncPeer, province["code"])
    if peer is None:
        session.add(SyncPeer(office_code=province["code"], role="province",
                             key_id=province["key_id"], sign_public=province_sign,
                             box_public=province_box, revoked_keys="[]", out_epoch=1, out_seq=0,
                             out_hash="", acked_through=0, in_epoch=0, in_seq=0, in_hash="",
                             applied_through=0))
    session.flush()
    return IdentityInfo(body["office"], body["role"], province["code"], pairs[0].key_id)


def _drop_own_keys(session: Session) -> None:
    """Keys made by mistake (never used to send a package): the identity, the offices it
    enrolled and the key records waiting to go."""
    session.execute(text("DELETE FROM sync_outbox WHERE entity = :e"), {"e": KEY_ENTITY})
    for peer in session.scalars(select(SyncPeer)):
        session.delete(peer)
    for me in session.scalars(select(SyncIdentity)):
        session.delete(me)
    session.flush()


def remove_office(session: Session, office: str, passphrase: str) -> int:
    """The province removes an enrolment (e.g. a mistyped code): the office is forgotten
    and what waited only for its acknowledgement is dropped. Returns the outbox entries
    pruned. Its packages are refused from then on (unknown office)."""
    me, _ = _own_keys(session, passphrase)
    if me.role != "province":
        raise KeyError_("Chỉ văn phòng tỉnh xoá một văn phòng đã cấp khoá.")
    office = clean(office).strip().upper()
    peer = session.get(SyncPeer, office)
    if peer is None:
        raise KeyError_(f"Không có văn phòng {office} trong danh sách đã cấp khoá.")
    session.delete(peer)
    session.flush()
    before = session.scalar(text("SELECT count(*) FROM sync_outbox")) or 0
    low = session.scalar(text("SELECT min(acked_through) FROM sync_peer"))
    if low is None:  # no office left: nobody waits for anything
        session.execute(text("DELETE FROM sync_outbox WHERE entity != :e"), {"e": KEY_ENTITY})
    elif low:
        session.execute(text("DELETE FROM sync_outbox WHERE seq <= :s"), {"s": low})
    after = session.scalar(text("SELECT count(*) FROM sync_outbox")) or 0
    return int(before - after)


def _queue_record(session: Session, record: dict) -> None:
    """A key record goes out in the next package to every peer (through the outbox)."""
    session.execute(text(
        "INSERT INTO sync_outbox (entity, row_id, operation, row_version, base_version, row, "
        "changed, office, at) VALUES (:e, :id, 'key', 0, 0, :row, '[]', :office, :at)"),
        {"e": KEY_ENTITY, "id": record["key_id"], "row": json.dumps(record),
         "office": record["office"], "at": utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")})


def rotate(session: Session, passphrase: str) -> IdentityInfo:
    """New keys for this office; the old ones are kept for reading packages already on
    their way. A record signed by the old key (and the new) tells the peers."""
    me, pairs = _own_keys(session, passphrase)
    new = KeyPair.generate()
    record = {"kind": "rotate", "office": me.office_code, "old_key_id": me.key_id,
              "key_id": new.key_id, "sign_public": b64(new.sign_public),
              "box_public": b64(new.box_public), "at": utcnow().isoformat()}
    record["new_signature"] = b64(new.sign.sign(canonical(record)))
    _queue_record(session, sign_record(record, pairs[0].sign))
    me.private_sealed = seal([new, *pairs], passphrase)
    me.key_id, me.sign_public, me.box_public = new.key_id, new.sign_public, new.box_public
    session.flush()
    return IdentityInfo(me.office_code, me.role, me.province_code, new.key_id)


def revoke(session: Session, office: str, passphrase: str) -> PeerInfo:
    """The province revokes ``office``'s current key: its packages are refused until it is
    enrolled again. The signed record travels to the other offices."""
    me, pairs = _own_keys(session, passphrase)
    if me.role != "province":
        raise KeyError_("Chỉ văn phòng tỉnh thu hồi khoá.")
    peer = session.get(SyncPeer, office)
    if peer is None:
        raise KeyError_(f"Không biết văn phòng {office}.")
    revoked = sorted({*json.loads(peer.revoked_keys), peer.key_id})
    peer.revoked_keys = json.dumps(revoked)
    _queue_record(session, sign_record(
        {"kind": "revoke", "office": office, "key_id": peer.key_id, "by": me.office_code,
         "at": utcnow().isoformat()}, pairs[0].sign))
    session.flush()
    return peer_info(peer)


def apply_record(session: Session, record: dict, sender: SyncPeer) -> None:
    """A key record received in a package from ``sender`` (already verified as sender)."""
    kind = record.get("kind")
    if kind == "rotate" and record.get("office") == sender.office_code:
        if record.get("old_key_id") not in {sender.key_id, record.get("key_id")}:
            raise KeyError_(f"Bản ghi thay khoá của {sender.office_code} không nối tiếp khoá đã biết.")
        if record["key_id"] == sender.key_id:
            return  # already known
        verify_record(record, sender.sign_public)
        sender.revoked_keys = json.dumps(sorted({*json.loads(sender.revoked_keys), sender.key_id}))
        sender.key_id = record["key_id"]
        sender.sign_public = unb64(record["sign_public"])
        sender.box_public = unb64(record["box_public"])
    elif kind == "revoke" and sender.role == "province":
        verify_record(record, sender.sign_public)
        peer = session.get(SyncPeer, record.get("office"))
        if peer is not None:
            peer.revoked_keys = json.dumps(sorted({*json.loads(peer.revoked_keys), record["key_id"]}))


def peer_info(peer: SyncPeer) -> PeerInfo:
    return PeerInfo(peer.office_code, peer.role, peer.key_id,
                    peer.key_id in json.loads(peer.revoked_keys), peer.out_seq,
                    peer.acked_through, peer.in_seq, peer.applied_through)


def peers(session: Session) -> list[PeerInfo]:
    return [peer_info(p) for p in session.scalars(select(SyncPeer).order_by(SyncPeer.office_code))]


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    kid = key_id(sign_public, box_public)
    return " ".join(kid[i:i + 4] for i in range(0, len(kid), 4)).upper()
