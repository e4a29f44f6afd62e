"""Targets (chỉ tiêu) and progress: targets per unit and phase, progress rolled up the unit tree,
the dashboard's figures, targets import, and the mutual-aid fund *model* target table (not the
loan ledger, which is core.fund)."""
