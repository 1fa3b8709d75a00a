"""Persistence: SQLAlchemy models, migrations and repositories that return domain objects."""
