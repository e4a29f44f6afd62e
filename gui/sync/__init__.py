"""Sync (Đồng bộ) pages. Not built yet: the main window shows a placeholder."""
