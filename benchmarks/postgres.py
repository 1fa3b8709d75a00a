"""Speed of a shared team library: one proposal written and committed on PostgreSQL over loopback.

Starts a throwaway cluster (durable: fsync on, as a real server runs) unless
NEGOTIATOR_TEST_POSTGRES_URL names a server, fills one database with the demo negotiation, and
times ``propose_term`` (validation, the proposal, its event in the hash chain, the commit).
"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import create_engine, text

from tests.support.throwaway_postgres import ServerUnavailable, start_server

ALLIANCE = "Northshire Ageing Well Alliance Agreement"
REPEAT = 60


def propose_write_ms(url: str, repeat: int = REPEAT) -> float:
    """Median milliseconds for one term proposal on the demo library at ``url``."""
    from negotiator.services.session import open_session

    workspace = open_session(url, "Benchmark", seed=True)
    try:
        current = workspace.agreements.terms(ALLIANCE).payment.days
        times = []
        for number in range(repeat + 5):  # the first few warm the connection pool and caches
            days = 10 + number % 50
            if days == current:
                days += 50
            start = time.perf_counter()
            workspace.negotiation.propose_term(ALLIANCE, "payment.days", str(days), "GP Federation",
                                               f"Benchmark proposal {number}")
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times[5:])
    finally:
        workspace.close()


def print_figure() -> None:
    """Print ``propose_write_postgres_ms``, or why it was skipped."""
    try:
        server = start_server(durable=True)
    except ServerUnavailable as error:
        print(f"propose_write_postgres_ms: skipped ({error})")
        return
    name = f"negotiator_bench_{int(time.time())}"
    admin = create_engine(server.database_url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        figure = propose_write_ms(server.database_url(name))
        print(f"propose_write_postgres_ms: {figure:.1f} ms (target < 20 ms)")
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        server.stop()


if __name__ == "__main__":
    print_figure()
