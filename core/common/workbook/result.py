"""The outcome of an import, shared by all importers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.common.workbook.rows import RejectedRow

NOTES_SHOWN = 1000  # notes shown as text (the CLI's output, the window's preview)


def shown_notes(notes: Sequence[str], limit: int = NOTES_SHOWN) -> list[str]:
    """The first ``limit`` of ``notes`` for text, then, when there are more, a line saying how
    many (“… và 198.979 ghi chú khác, xem tệp báo cáo”). The report workbook lists them all."""
    shown = [str(note) for note in notes[:limit]]
    more = len(notes) - len(shown)
    if more > 0:
        count = f"{more:,}".replace(",", ".")
        shown.append(f"… và {count} ghi chú khác, xem tệp báo cáo.")
    return shown


@dataclass
class ImportResult:
    """``accepted``: rows written; ``skipped``: rows already present (left unchanged);
    ``rejected``: rows not imported, each with its sheet row number and reason."""

    accepted: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)

    def to_json(self) -> dict:
        """Summary for the headless commands: counts, and each rejected row with its reason."""
        return {
            "accepted": len(self.accepted),
            "skipped": len(self.skipped),
            "rejected": [
                {"row": r.number, "reason": r.reason}
                for r in sorted(self.rejected, key=lambda r: r.number)
            ],
        }
