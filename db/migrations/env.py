"""Alembic environment. The app passes an open connection (inside one transaction) via
``config.attributes["connection"]``; see :func:`db.migrate.upgrade`."""

from alembic import context

from db.models import Base
from db.models.base import UTCDateTime

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for developers' `alembic` CLI use
    raise RuntimeError("Run migrations through db.migrate (it passes the connection).")



def render_item(type_, obj, autogen_context):
    """Render our column types as plain SQLAlchemy ones, so migrations never import models."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates tables
    compare_type=True,
    transaction_per_migration=False,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
