"""core.common.files.write_atomically: the target appears whole or not at all."""

import os
import stat

import pytest

from core.common.errors import Cancelled, UserError
from core.common.files import umask, write_atomically


def test_a_failed_or_cancelled_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "so-theo-doi.xlsx"
    out.write_bytes(b"old")

    def half_then_cancel(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"half")
        raise Cancelled

    with pytest.raises(Cancelled, match="Đã huỷ"):
        write_atomically(out, half_then_cancel)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]

    def whole(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"new")

    assert write_atomically(out, whole) == out
    assert out.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_folders_missing_or_made(tmp_path):
    with pytest.raises(UserError, match="thư mục không tồn tại"):
        write_atomically(tmp_path / "khong-co" / "a.pdf", lambda tmp: None)
    made = write_atomically(tmp_path / "moi" / "a.pdf", lambda tmp: None, make_folder=True)
    assert made.is_file()


def test_cancelled_is_a_signal_not_a_user_error():
    # The job runner reports a Cancelled as "cancelled"; a UserError would be shown as a failure.
    assert not issubclass(Cancelled, UserError)
    assert str(Cancelled()) == "Đã huỷ thao tác."


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mask", [0o022, 0o002])
def test_the_file_gets_the_usual_permissions_not_the_temporary_files(tmp_path, mask):
    def whole(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"new")

    old = os.umask(mask)
    try:
        assert umask() == mask
        out = write_atomically(tmp_path / "so-theo-doi.xlsx", whole)
        assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask  # 0644 / 0664, as open() gives
        made = write_atomically(tmp_path / "moi" / "a.pdf", whole, make_folder=True)
        assert stat.S_IMODE(made.stat().st_mode) == 0o666 & ~mask
        # Replacing a file keeps its mode, whatever the umask.
        os.chmod(out, 0o640)
        write_atomically(out, whole)
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        assert out.read_bytes() == b"new"
    finally:
        os.umask(old)
