"""What the initiative screens share: programmes as plain values (defined in
core.initiatives.ops), field names for the history, and a date field whose error message comes
from core (Vietnamese, names the value)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from core.common.vnformat import format_money, parse_date
from core.initiatives import ops
from core.initiatives.ops import HistoryEntry

__all__ = ["HistoryLine", "history_lines", "parse_date_text", "running_programme", "value_text"]


def running_programme(programmes, on: date) -> ops.ProgrammeInfo | None:
    """The programme with a phase running on ``on`` — a campaign before a yearly movement —
    for new initiatives and imports (never one that has ended); None when none runs."""
    running = [p for p in programmes if any(ph.starts_on <= on <= ph.ends_on for ph in p.phases)]
    running.sort(key=lambda p: p.yearly)
    return running[0] if running else None


def parse_date_text(text: str) -> date | None:
    """A typed date (dd/mm/yyyy); ValueError with core's Vietnamese message otherwise."""
    return parse_date(text.strip()) if text and text.strip() else None


def field_labels() -> dict[str, str]:
    """Names of an initiative's fields as the history shows them."""
    return {
        "name": QCoreApplication.translate("Initiatives", "Name"),
        "kind": QCoreApplication.translate("Initiatives", "Kind"),
        "field": QCoreApplication.translate("Initiatives", "Field"),
        "programme_id": QCoreApplication.translate("Initiatives", "Programme"),
        "registered_on": QCoreApplication.translate("Initiatives", "Registered on"),
        "unit_id": QCoreApplication.translate("Initiatives", "Grassroots union"),
        "objective": QCoreApplication.translate("Initiatives", "Objective"),
        "steps": QCoreApplication.translate("Initiatives", "Implementation steps"),
        "scope": QCoreApplication.translate("Initiatives", "Scope"),
        "description": QCoreApplication.translate("Initiatives", "Description"),
        "conditions": QCoreApplication.translate("Initiatives", "Conditions for applying"),
        "first_applied_on": QCoreApplication.translate("Initiatives", "First applied on"),
        "trial_only": QCoreApplication.translate("Initiatives", "Trial application"),
        "economic_benefit": QCoreApplication.translate("Initiatives", "Benefit value"),
        "social_benefit": QCoreApplication.translate("Initiatives", "Social benefit"),
        "recognised_by": QCoreApplication.translate("Initiatives", "Recognised by"),
        "decision_number": QCoreApplication.translate("Initiatives", "Decision number"),
        "decision_date": QCoreApplication.translate("Initiatives", "Decision date"),
        "status": QCoreApplication.translate("Initiatives", "Status"),
        "rejection_reason": QCoreApplication.translate("Initiatives", "Reason for rejection"),
        "new_in_unit": QCoreApplication.translate("Initiatives", "New within the unit"),
        "ip_protected": QCoreApplication.translate("Initiatives", "Under IP protection"),
        "unlawful": QCoreApplication.translate("Initiatives", "Contrary to public order"),
        "confidential": QCoreApplication.translate("Initiatives", "Confidential"),
        "portal_uploaded": QCoreApplication.translate("Initiatives", "Uploaded to the portal"),
        "portal_uploaded_on": QCoreApplication.translate("Initiatives", "Uploaded on"),
        "awards": QCoreApplication.translate("Initiatives", "Awards"),
        "authors": QCoreApplication.translate("Initiatives", "Authors"),
        "payment": QCoreApplication.translate("Initiatives", "Support payment"),
    }


def action_labels() -> dict[str, str]:
    return {
        "created": QCoreApplication.translate("Initiatives", "Created"),
        "updated": QCoreApplication.translate("Initiatives", "Changed"),
        "imported": QCoreApplication.translate("Initiatives", "Imported"),
        "deleted": QCoreApplication.translate("Initiatives", "Deleted"),
        "restored": QCoreApplication.translate("Initiatives", "Restored"),
    }


_MONEY_FIELDS = {"economic_benefit"}
_DATE_FIELDS = {"registered_on", "first_applied_on", "decision_date", "portal_uploaded_on"}
_BOOL_FIELDS = {"trial_only", "new_in_unit", "ip_protected", "unlawful", "confidential",
                "portal_uploaded"}


def value_text(name: str, value, names: dict[str, str]) -> str:
    """A value of the history (as JSON stored it) for people: labels, dd/mm/yyyy, 1.000.000."""
    if value is None or value == "":
        return "—"
    if name in _BOOL_FIELDS:
        return QCoreApplication.translate("Initiatives", "yes") if value in (True, "True", "true", 1) else QCoreApplication.translate("Initiatives", "no")
    if name in _MONEY_FIELDS:
        try:
            return format_money(int(value))
        except (TypeError, ValueError):
            return str(value)
    if name in _DATE_FIELDS:
        try:
            return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if name == "kind":
        return ops.KIND_LABELS.get(value, str(value))
    if name == "field":
        return ops.FIELD_LABELS.get(value, str(value))
    if name == "status":
        return ops.STATUS_LABELS.get(value, str(value))
    if name == "recognised_by":
        return ops.RECOGNISER_LABELS.get(value, str(value))
    if name in ("unit_id", "programme_id"):
        return names.get(str(value), str(value))
    return str(value)


@dataclass(frozen=True)
class HistoryLine:
    when: str
    who: str
    action: str
    what: str


def history_lines(entries: list[HistoryEntry], names: dict[str, str]) -> list[HistoryLine]:
    """The history (core.initiatives.ops.initiative_history, oldest first) as lines for a
    table, newest first. ``names`` maps unit and programme ids (as text) to their names."""
    labels, actions = field_labels(), action_labels()
    lines = []
    for entry in entries:
        parts = [
            QCoreApplication.translate("Initiatives", "{field} changed from {old} to {new}").format(
                field=labels.get(change.field, change.field),
                old=value_text(change.field, change.old, names),
                new=value_text(change.field, change.new, names),
            )
            for change in entry.changes
        ]
        when = entry.when
        if isinstance(when, datetime):
            when = when.astimezone() if when.tzinfo else when
            when_text = when.strftime("%d/%m/%Y %H:%M")
        else:
            when_text = str(when or "")
        lines.append(HistoryLine(when_text, entry.who, actions.get(entry.action, entry.action), "\n".join(parts)))
    lines.reverse()
    return lines
