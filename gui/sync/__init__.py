"""Sync (Đồng bộ): the page (gui/sync/page.py) over core/sync/ops.py."""
