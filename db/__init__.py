"""Database layer: SQLAlchemy models, engine set-up, Alembic migrations, backups. No Qt here."""
