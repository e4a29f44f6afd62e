"""Writing an output file safely: under a temporary name beside it, renamed into place.

A crash, a cancel or a full disk never leaves a half-written workbook or PDF under the
name the user chose, and a file open in Excel is reported in Vietnamese. The file gets the
permissions any file the user saves gets (0666 less the umask), or keeps those of the file
it replaces: never the private 0600 of the temporary file, which a colleague on a shared
folder could not open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.common.errors import UserError


def umask() -> int:
    """The process umask, read without changing it where the system allows (``os.umask``
    changes it for every thread, for an instant)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _final_mode(out: Path) -> int:
    """The mode ``out`` should have: that of the file it replaces, else what ``open()``
    would give a new file."""
    try:
        return stat.S_IMODE(os.stat(out).st_mode)
    except OSError:
        return 0o666 & ~umask()


def write_atomically(out: str | os.PathLike[str], write: Callable[[str], None], *,
                     error: type[UserError] = UserError, make_folder: bool = False) -> Path:
    """``write(temporary_path)``, then rename it to ``out``; on any failure the temporary
    file is removed and ``out`` is untouched. OS errors become ``error`` with a message.
    The temporary file is made first, so a folder that cannot be written fails before any
    work; a missing folder is created only with ``make_folder``. The file has the user's
    usual permissions, or those of the file it replaces (POSIX)."""
    out = Path(out)
    try:
        if make_folder:
            out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".~{out.stem}.", suffix=out.suffix)
    except FileNotFoundError as exc:
        raise error(f"Không ghi được vào thư mục {out.parent}: thư mục không tồn tại.") from exc
    except PermissionError as exc:
        raise error(f"Không ghi được vào thư mục {out.parent}: không có quyền ghi.") from exc
    except OSError as exc:
        raise error(f"Không ghi được vào thư mục {out.parent}: {exc.strerror or exc}.") from exc
    os.close(fd)
    try:
        write(tmp_name)
        if os.name == "posix":
            with contextlib.suppress(OSError):  # some shared folders refuse chmod: no harm
                os.chmod(tmp_name, _final_mode(out))
        os.replace(tmp_name, out)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise error(f"Ổ đĩa đã đầy: không ghi được tệp «{out.name}» vào {out.parent}; "
                        "không có tệp nào bị ghi dở. Hãy giải phóng dung lượng rồi thử lại."
                        ) from exc
        if exc.errno == errno.EIO:
            raise error(f"Lỗi đọc/ghi ổ đĩa khi ghi tệp «{out.name}»; không có tệp nào bị ghi "
                        "dở. Hãy kiểm tra ổ đĩa rồi thử lại.") from exc
        raise error(
            f"Không ghi được tệp «{out.name}» (tệp có đang mở trong chương trình khác không?): "
            f"{exc.strerror or exc}."
        ) from exc
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return out
