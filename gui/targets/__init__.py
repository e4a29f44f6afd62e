"""Targets & reports (Chỉ tiêu & báo cáo): the dashboard page, charts, the targets grid and import,
the official reports menu."""
