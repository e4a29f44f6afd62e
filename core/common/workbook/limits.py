"""How big an untrusted workbook may be before the engine refuses to read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MB = 1_000_000

Isolate = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class WorkbookLimits:
    """Limits checked by :mod:`core.common.workbook.inspect` before calamine sees a file.

    ``max_rows``/``max_columns``: the last row/column a sheet may use (declared in its
    ``<dimension>`` or holding a cell). ``max_uncompressed``: bytes of a zip-based workbook
    once unpacked (all members), and the size of a .xls/.xlsb file on disk.
    ``max_ratio``: unpacked ÷ packed size, per member and overall (checked on members and
    archives of at least ``ratio_floor`` bytes unpacked, so a tiny, very regular part is not
    refused). ``max_members``: files in the zip. ``isolate``: run calamine in a child process
    ``"always"``, ``"never"``, or (``"auto"``) only when the inspection cannot prove the file
    within the limits (.xls, .xlsb, sheets whose cells carry no references).
    """

    max_rows: int = 1_000_000
    max_columns: int = 200
    max_uncompressed: int = 200 * MB
    max_ratio: int = 100
    ratio_floor: int = 1 * MB
    max_members: int = 1_000
    isolate: Isolate = "auto"


DEFAULT_LIMITS = WorkbookLimits()
