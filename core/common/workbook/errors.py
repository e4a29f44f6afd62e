"""Errors raised by the workbook import engine."""

from __future__ import annotations

from core.common.errors import UserError


class WorkbookError(UserError):
    """The file cannot be read as a table; ``str(exc)`` is a Vietnamese message for the user."""


class ImportCancelled(Exception):  # a signal, not a failure
    """The user cancelled a running import; nothing has been written."""

    def __init__(self, message: str = "Đã huỷ nhập dữ liệu.") -> None:
        super().__init__(message)
