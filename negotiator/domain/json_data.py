"""Data as JSON (or TOML) holds it: an object of named values, read from a file, a package, the record
or the database. What each value is cannot be known before it is read, so code that reads one checks
it (or lets a wrong one raise where the data is trusted, as the library's own record is)."""

from __future__ import annotations

from typing import Any

JsonObject = dict[str, Any]
