"""Commendations (Khen thưởng) pages. Not built yet: the main window shows a placeholder."""
