"""Alembic environment. The app passes an open connection (inside one transaction) via
``config.attributes["connection"]``; see :func:`db.migrate.upgrade`."""

from alembic import context

from db.migrations_config import autogenerate_options
from db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for developers' `alembic` CLI use
    raise RuntimeError("Run migrations through db.migrate (it passes the connection).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    transaction_per_migration=False,
    **autogenerate_options(),
)
with context.begin_transaction():
    context.run_migrations()
