"""Alembic migrations shipped inside the package; run when a library is opened."""
