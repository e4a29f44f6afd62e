"""PySide6 windows, pages, table models, dialogs and background jobs. Thin: calls core."""
