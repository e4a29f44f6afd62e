"""Initiatives (Sáng kiến): the register page, its table model, the initiative form and its
dialogs, import/export/print."""
