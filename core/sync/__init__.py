"""Sync packages between offices (signed, encrypted, idempotent). Not built yet."""
