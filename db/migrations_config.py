"""Autogenerate options shared by Alembic's env.py and the models-vs-migrations test."""

from __future__ import annotations

from db.models.base import UTCDateTime


def render_item(type_, obj, autogen_context):
    """Render our column types as plain SQLAlchemy ones, so migrations never import models."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def include_object(obj, name, type_, reflected, compare_to):
    """Leave SQLite's FTS5 tables and their shadow tables (created by hand in 0002 and 0006)
    out of autogenerate."""
    return not (type_ == "table" and name and name.startswith(("initiative_fts", "member_fts")))


def autogenerate_options() -> dict:
    return {
        "render_as_batch": True,  # SQLite cannot ALTER most things; batch mode recreates tables
        "compare_type": True,
        "render_item": render_item,
        "include_object": include_object,
    }
