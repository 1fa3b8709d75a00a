"""What the tests (and the benchmarks) need that the product does not: a throwaway PostgreSQL server,
and synthetic agreement texts."""
