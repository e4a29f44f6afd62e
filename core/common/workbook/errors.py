"""Errors raised by the workbook import engine."""

from __future__ import annotations

from core.common.errors import UserError


class WorkbookError(UserError):
    """The file cannot be read as a table; ``str(exc)`` is a Vietnamese message for the user."""



def corrupt(name: str) -> WorkbookError:
    """The file (``name`` already quoted, «x.xlsx») is broken or not a workbook."""
    return WorkbookError(
        f"Tệp {name} bị hỏng hoặc không phải bảng tính hợp lệ (có thể tệp bị cắt ngắn khi sao "
        "chép hay tải về). Hãy mở lại tệp gốc bằng Excel hoặc LibreOffice, lưu lại rồi thử lại."
    )
