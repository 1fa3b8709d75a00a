"""A throwaway PostgreSQL cluster on a loopback port, for the tests and the benchmark.

It is made in a temporary folder with Debian's (or any) PostgreSQL server programs, listens only
on 127.0.0.1 on a free port with its socket in the same folder, and is stopped and deleted
afterwards. PostgreSQL refuses to run as root, so under root the server runs as the ``postgres``
user that Debian's package creates. Setting ``NEGOTIATOR_TEST_POSTGRES_URL`` to the URL of a
server you already have (a role that may create databases) uses that server instead.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url

SERVER_URL_VARIABLE = "NEGOTIATOR_TEST_POSTGRES_URL"
_SUPERUSER = "negotiator"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server can be had here; the message says why."""


def server_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: pg_config's answer, else the newest Debian version, else PATH."""
    candidates: list[str] = []
    if shutil.which("pg_config"):
        result = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(result.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    return next((Path(c) for c in candidates if c and (Path(c) / "initdb").exists()), None)


def _version(bindir: str) -> int:
    name = Path(bindir).parent.name
    return int(name) if name.isdigit() else 0


@dataclass
class ThrowawayServer:
    """A running server: its base URL and what is needed to stop it."""

    url: URL
    folder: Path | None = None
    bindir: Path | None = None
    _runas: str | None = field(default=None, repr=False)

    def database_url(self, database: str) -> str:
        """The SQLAlchemy URL of one database on this server, password included."""
        return self.url.set(database=database).render_as_string(hide_password=False)

    def stop(self) -> None:
        """Stop the server and delete its folder (a server named by URL is left running)."""
        if self.folder is None or self.bindir is None:
            return
        _run([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop"],
             self._runas, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None


def start_server(durable: bool = False) -> ThrowawayServer:
    """Start a fresh cluster (or use the one named by NEGOTIATOR_TEST_POSTGRES_URL).

    Unless ``durable``, the cluster skips fsync: the tests throw it away, and waiting for the disk
    would only slow them. The benchmark asks for a durable one, as a real server is.
    """
    if os.environ.get(SERVER_URL_VARIABLE):
        return ThrowawayServer(make_url(os.environ[SERVER_URL_VARIABLE]))
    bindir = server_bindir()
    if bindir is None:
        raise ServerUnavailable("no PostgreSQL server programs (initdb, pg_ctl) are installed; install Debian's "
                                f"'postgresql' package or set {SERVER_URL_VARIABLE}")
    runas = _unprivileged_user()
    folder = Path(tempfile.mkdtemp(prefix="negotiator-postgres-"))
    password = secrets.token_hex(16)
    (folder / "password").write_text(password)
    if runas is not None:
        entry = pwd.getpwnam(runas)
        for path in (folder, folder / "password"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    server = ThrowawayServer(URL.create("postgresql+psycopg", _SUPERUSER, password, "127.0.0.1", _free_port(),
                                        "postgres"), folder, bindir, runas)
    try:
        # C collation sorts as SQLite does (by code point); a UTF-8 ctype lets text search see non-ASCII letters.
        _run([str(bindir / "initdb"), "-D", str(folder / "data"), "-U", _SUPERUSER,
              "--pwfile", str(folder / "password"), "--auth-local=trust", "--auth-host=scram-sha-256",
              "--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C", "--no-sync"], runas)
        options = [f"-c listen_addresses=127.0.0.1 -c port={server.url.port}",
                   f"-c unix_socket_directories={folder}", "-c max_connections=40"]
        if not durable:
            options.append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        _run([str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "server.log"), "-w", "-t", "60",
              "-o", " ".join(options), "start"], runas)
    except ServerUnavailable:
        server.stop()
        raise
    atexit.register(server.stop)  # also when the caller dies of an exception before stopping it
    return server


def _unprivileged_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ServerUnavailable("running as root, and there is no 'postgres' user to run the server as "
                                "(PostgreSQL refuses to run as root)") from None
    return "postgres"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], runas: str | None, check: bool = True) -> None:
    # Dropping to the server's user needs its groups too, not root's supplementary ones.
    extra = {"user": runas, "group": pwd.getpwnam(runas).pw_gid, "extra_groups": []} if runas else {}
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/", **extra)
    if check and result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        raise ServerUnavailable(f"{Path(command[0]).name} failed: {' / '.join(output[-3:])}")
