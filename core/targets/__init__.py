"""Targets (chỉ tiêu) and progress: targets per unit and phase and the targets grid (targets),
progress rolled up the unit tree (progress), the dashboard's chart figures (figures), its saved
counting rule (settings), targets import, and the mutual-aid fund *model* target table (not the
loan ledger, which is core.fund). The window calls ops."""
