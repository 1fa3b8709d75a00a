"""Pure contracting rules: no Qt, no database, no Word. Everything else depends on this."""
