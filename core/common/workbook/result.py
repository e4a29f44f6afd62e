"""The outcome of an import, shared by all importers."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.common.workbook.rows import RejectedRow


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
