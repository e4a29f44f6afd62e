"""Errors raised by the workbook import engine."""

from __future__ import annotations

from core.common.errors import UserError


class WorkbookError(UserError):
    """The file cannot be read as a table; ``str(exc)`` is a Vietnamese message for the user."""

