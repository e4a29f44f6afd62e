"""Dialogs: each edits one thing and saves it in one transaction through core."""
