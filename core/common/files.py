"""Writing an output file safely: under a temporary name beside it, renamed into place.

A crash, a cancel or a full disk never leaves a half-written workbook or PDF under the
name the user chose, and a file open in Excel is reported in Vietnamese.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.common.errors import UserError


def write_atomically(out: str | os.PathLike[str], write: Callable[[str], None], *,
                     error: type[UserError] = UserError, make_folder: bool = False) -> Path:
    """``write(temporary_path)``, then rename it to ``out``; on any failure the temporary
    file is removed and ``out`` is untouched. OS errors become ``error`` with a message.
    The temporary file is made first, so a folder that cannot be written fails before any
    work; a missing folder is created only with ``make_folder``."""
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
