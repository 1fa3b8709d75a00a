"""Negotiator's benchmarks: ``make bench`` (``python -m benchmarks``) prints every speed figure the
issues set a target for; they live outside the package, so the app never ships them."""
