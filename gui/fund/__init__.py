"""Mutual-aid fund (Quỹ tương hỗ) pages. Not built yet: the main window shows a placeholder."""
