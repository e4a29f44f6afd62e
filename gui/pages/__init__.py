"""The main window's pages, one per module."""
