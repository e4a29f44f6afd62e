"""Headless commands for keys and sync packages, added to the main parser by :func:`register`:

    main.py keys init                              this office becomes the province (its keys)
    main.py keys enrol --office CODE OUT           the province enrols an office
    main.py keys import FILE                       an office takes its enrolment file
    main.py keys rotate                            new keys for this office
    main.py keys revoke --office CODE              the province revokes an office's key
    main.py keys remove --office CODE              the province removes an enrolment (backlog dropped)
    main.py keys show [--json]
    main.py sync export OUT_DIR --to CODE [--new-epoch] [--json]
    main.py sync import FILE... [--dry-run] [--json]
    main.py sync status [--json]
    main.py sync conflicts [--json]
    main.py sync resolve ID --keep mine|theirs [--json]

The passphrase of the private keys is read from the file named by ``--passphrase-file``,
else from the environment variable SOCONGDOAN_PASSPHRASE, else asked for on the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from core.cli.org import _open, _print_json
from core.common.errors import UserError

PASSPHRASE_ENV = "SOCONGDOAN_PASSPHRASE"


def _passphrase(args, prompt: str = "Mật khẩu khoá: ", env: str = PASSPHRASE_ENV,
                file_attr: str = "passphrase_file") -> str:
    given = getattr(args, file_attr, None)
    if given:
        try:
            return Path(given).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise UserError(f"Không đọc được tệp mật khẩu {given}: {exc.strerror or exc}.") from exc
    if os.environ.get(env):
        return os.environ[env]
    import sys

    hint = (f"Chưa có mật khẩu khoá: chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu, hoặc đặt "
            f"biến môi trường {env}, hoặc dùng --{file_attr.replace('_', '-')} TỆP.")
    if not sys.stdin.isatty():  # a script: no one to type it, and getpass would echo it
        raise UserError(hint)
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:  # Ctrl+D at the prompt
        raise UserError(hint) from exc


def _done(args, data: dict, text: str) -> int:
    if args.json:
        _print_json(data)
    else:
        print(text)
    return 0


def keys_init(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        me = ops.init_province(db, _passphrase(args)).value
    finally:
        db.close()
    return _done(args, me.__dict__, f"Đã tạo khoá cho văn phòng tỉnh {me.office_code} "
                                    f"(khoá {me.key_id}).")


def keys_enrol(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        # the district's own passphrase, told to it by another channel (never the province's)
        office_pass = _passphrase(args, "Mật khẩu cho văn phòng được cấp: ",
                                  env=PASSPHRASE_ENV + "_OFFICE", file_attr="office_passphrase_file")
        path = ops.enrol(db, args.office, _passphrase(args), args.out, office_pass).value
    finally:
        db.close()
    return _done(args, {"file": str(path), "office": args.office.upper()},
                 f"Đã cấp khoá cho văn phòng {args.office.upper()}: {path}")


def keys_import(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        me = ops.import_enrolment(db, args.file, _passphrase(args),
                                  replace=getattr(args, "replace", False)).value
        status = ops.status(db)
    finally:
        db.close()
    return _done(args, {**me.__dict__, "fingerprint": status.fingerprint},
                 f"Đã nhận khoá: văn phòng {me.office_code}, tỉnh {me.province_code}. "
                 f"Dấu vân tay khoá của văn phòng: {status.fingerprint}.")


def keys_rotate(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        me = ops.rotate(db, _passphrase(args)).value
    finally:
        db.close()
    return _done(args, me.__dict__, f"Đã thay khoá mới ({me.key_id}); bản ghi thay khoá đi "
                                    "kèm gói đồng bộ tiếp theo.")


def keys_revoke(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        peer = ops.revoke(db, args.office.upper(), _passphrase(args)).value
    finally:
        db.close()
    return _done(args, peer.__dict__, f"Đã thu hồi khoá {peer.key_id} của văn phòng "
                                      f"{peer.office_code}.")


def keys_remove(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        dropped = ops.remove_office(db, args.office, _passphrase(args)).value
    finally:
        db.close()
    office = args.office.strip().upper()
    return _done(args, {"office": office, "dropped": dropped},
                 f"Đã xoá văn phòng {office} khỏi danh sách đã cấp khoá; bỏ {dropped} thay đổi "
                 "chỉ còn chờ văn phòng đó xác nhận.")


def keys_show(args) -> int:
    return sync_status(args)


def sync_export(args) -> int:
    from core.sync import ops
    from core.sync.exchange import NothingToSend

    db = _open(args)
    try:
        out_dir = Path(args.out)
        if not out_dir.is_dir():
            raise UserError(f"{out_dir} không phải thư mục; hãy chọn thư mục để ghi gói.")
        try:
            result = ops.export_package(db, _passphrase(args), args.to.upper(), out_dir,
                                        new_epoch=args.new_epoch, force=args.force).value
        except NothingToSend as exc:
            return _done(args, {"file": None, "to": args.to.upper(), "seq": None, "changes": 0,
                                "message": str(exc)}, str(exc))
    finally:
        db.close()
    what = (f"{result.changes} thay đổi" if result.changes else
            "không có thay đổi mới — gói chỉ mang xác nhận đã nhận các gói của "
            f"{result.recipient}")
    if result.attachments:
        what += f", {result.attachments} tệp đính kèm"
    message = f"Đã ghi gói số {result.seq} gửi {result.recipient} ({what}): {result.path}"
    if result.left_out:
        message += ("\nTệp đính kèm không gửi kèm được (hãy gửi bằng đường khác):\n"
                    + "\n".join(f"  - {why}" for why in result.left_out))
    return _done(args, {"file": str(result.path), "to": result.recipient, "seq": result.seq,
                        "changes": result.changes, "attachments": result.attachments,
                        "attachments_left_out": list(result.left_out)}, message)


def sync_import(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        outcomes = ops.import_packages(db, args.files, _passphrase(args),
                                       dry_run=args.dry_run).value
    finally:
        db.close()
    if args.json:
        _print_json({"dry_run": args.dry_run, "files": [o.as_dict() for o in outcomes]})
    else:
        for o in outcomes:
            head = {"applied": "Xem trước" if args.dry_run else "Đã nhập",
                    "duplicate": "Đã nhập trước đây", "held": "Giữ lại, chờ gói thiếu",
                    "refused": "Từ chối"}[o.state]
            print(f"{o.file}: {head}" + (f" — {o.reason}" if o.reason else ""))
            if o.state == "applied":
                print(f"  mới {o.new}, cập nhật {o.updated}, không đổi {o.unchanged}, "
                      f"xung đột {o.conflicts}, bị từ chối {o.rejected}"
                      + (f", tệp đính kèm {o.attachments}" if o.attachments else ""))
                for reason in o.rejected_reasons:
                    print(f"  - {reason}")
    return 0 if all(o.state in ("applied", "duplicate") for o in outcomes) else 1


def sync_status(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        st = ops.status(db)
    finally:
        db.close()
    data = {"office": st.office, "role": st.role, "province": st.province, "key_id": st.key_id,
            "fingerprint": st.fingerprint, "pending": st.pending,
            "open_conflicts": st.open_conflicts, "peers": [p.__dict__ for p in st.peers],
            "history": [dict(zip(("direction", "peer", "seq", "state", "changes", "file"), h,
                                 strict=True)) for h in st.history]}
    lines = [f"Văn phòng {st.office} ({'tỉnh' if st.role == 'province' else 'huyện'}), "
             f"khoá {st.fingerprint}", f"Thay đổi chưa được xác nhận: {st.pending}",
             f"Xung đột chưa giải quyết: {st.open_conflicts}"]
    for p in st.peers:
        lines.append(f"  {p.office_code}: đã gửi đến gói số {p.out_seq}, đã nhận đến gói số "
                     f"{p.in_seq}" + (" — KHOÁ ĐÃ THU HỒI" if p.revoked else ""))
    return _done(args, data, "\n".join(lines))


def sync_conflicts(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        found = ops.conflicts(db, open_only=not args.all)
    finally:
        db.close()
    if args.json:
        _print_json([c.__dict__ for c in found])
        return 0
    if not found:
        print("Không có xung đột.")
    for c in found:
        print(f"#{c.id} {c.entity} {c.row_id} từ {c.peer}: trường {', '.join(c.fields)}; "
              f"tạm giữ bản {'nhận được' if c.winner == 'theirs' else 'của văn phòng này'}")
        for f in c.fields:
            print(f"    {f}: của tôi = {c.mine.get(f)!r} | nhận được = {c.theirs.get(f)!r}")
    return 0


def sync_resolve(args) -> int:
    from core.sync import ops

    db = _open(args)
    try:
        c = ops.resolve(db, args.id, args.keep).value
    finally:
        db.close()
    return _done(args, c.__dict__, f"Đã giải quyết xung đột #{c.id}: giữ "
                                   f"{'bản của văn phòng này' if c.resolution == 'mine' else 'bản nhận được'}.")


def _pass_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-file", metavar="FILE",
                   help=f"tệp chứa mật khẩu khoá (hoặc biến môi trường {PASSPHRASE_ENV})")
    p.add_argument("--json", action="store_true")


def register(sub) -> None:
    keys = sub.add_parser("keys", help="khoá đồng bộ của văn phòng").add_subparsers(
        dest="action", metavar="ACTION")
    keys.required = True
    p = keys.add_parser("init", help="tạo khoá cho văn phòng tỉnh")
    _pass_option(p)
    p.set_defaults(handler=keys_init)
    p = keys.add_parser("enrol", help="tỉnh cấp khoá cho một văn phòng")
    p.add_argument("--office", required=True, metavar="CODE")
    p.add_argument("out", metavar="OUT", help="tệp cấp khoá sẽ ghi")
    p.add_argument("--office-passphrase-file", metavar="FILE",
                   help="tệp chứa mật khẩu riêng cho văn phòng được cấp (hoặc biến môi trường "
                        f"{PASSPHRASE_ENV}_OFFICE; không có thì hỏi)")
    _pass_option(p)
    p.set_defaults(handler=keys_enrol)
    p = keys.add_parser("import", help="nhập tệp cấp khoá do tỉnh gửi")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true",
                   help="thay khoá tạo nhầm (chỉ khi chưa gửi gói nào bằng khoá đó)")
    _pass_option(p)
    p.set_defaults(handler=keys_import)
    p = keys.add_parser("rotate", help="thay khoá mới cho văn phòng này")
    _pass_option(p)
    p.set_defaults(handler=keys_rotate)
    p = keys.add_parser("revoke", help="tỉnh thu hồi khoá của một văn phòng")
    p.add_argument("--office", required=True, metavar="CODE")
    _pass_option(p)
    p.set_defaults(handler=keys_revoke)
    p = keys.add_parser("remove", help="tỉnh xoá một văn phòng đã cấp khoá (mã gõ nhầm)")
    p.add_argument("--office", required=True, metavar="CODE")
    _pass_option(p)
    p.set_defaults(handler=keys_remove)
    p = keys.add_parser("show", help="khoá và tình trạng đồng bộ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=keys_show)

    sync = sub.add_parser("sync", help="gói đồng bộ giữa các văn phòng").add_subparsers(
        dest="action", metavar="ACTION")
    sync.required = True
    p = sync.add_parser("export", help="ghi gói đồng bộ cho một văn phòng")
    p.add_argument("out", metavar="OUT_DIR", help="thư mục ghi gói")
    p.add_argument("--to", required=True, metavar="CODE")
    p.add_argument("--force", action="store_true",
                   help="ghi gói cả khi không có thay đổi mới (gói chỉ mang xác nhận đã nhận)")
    p.add_argument("--new-epoch", action="store_true",
                   help="đánh số lại từ đầu (sau khi khôi phục từ bản sao lưu)")
    _pass_option(p)
    p.set_defaults(handler=sync_export)
    p = sync.add_parser("import", help="nhập một hoặc nhiều gói đồng bộ")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    _pass_option(p)
    p.set_defaults(handler=sync_import)
    p = sync.add_parser("status", help="tình trạng đồng bộ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_status)
    p = sync.add_parser("conflicts", help="các xung đột chờ giải quyết")
    p.add_argument("--all", action="store_true", help="kể cả đã giải quyết")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_conflicts)
    p = sync.add_parser("resolve", help="giải quyết một xung đột")
    p.add_argument("id", type=int)
    p.add_argument("--keep", required=True, choices=["mine", "theirs"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_resolve)
