"""A real, throwaway PostgreSQL server for the test run: initdb a temp cluster, start it on loopback.

The server binaries come from the Debian ``postgresql`` package (``make test`` installs it, with
``postgis``, when missing). initdb refuses to run as root, so under root (CI) every server command
runs as the ``postgres`` user. The cluster lives in /tmp, listens on 127.0.0.1 on a free port with
its socket in the same folder, trusts local connections, and trades durability for speed
(``fsync=off``): it is deleted when the run ends. Each test gets its own database.

When PostGIS is installed it is created in ``template1``, so every test database has it;
:meth:`PgServer.database` with ``postgis=False`` copies ``template0`` instead, for the fallback.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server binaries here (install the Debian package ``postgresql``)."""


def server_bindir() -> Path:
    """The newest installed server's bin folder (Debian keeps initdb out of PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerUnavailable("no PostgreSQL server found; install it: apt-get install postgresql postgis")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    root: Path
    port: int
    bindir: Path
    postgis: bool = False
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def database(self, *, postgis: bool = True) -> str:
        """A new, empty database; its URL (``postgresql://``: the store picks the driver)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        template = "template1" if postgis else "template0"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE {template}')
        return self.url(name)

    def execute(self, sql: str) -> None:
        engine = sa.create_engine(
            self.admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
        )
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(sql)
        finally:
            engine.dispose()

    def stop(self) -> None:
        _run_as_server_user(
            [str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"]
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _run_as_server_user(argv: list[str]) -> subprocess.CompletedProcess[str]:
    if os.geteuid() == 0:  # initdb and postgres refuse root
        argv = ["runuser", "-u", "postgres", "--", *argv]
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=120)


def start_server() -> PgServer:
    """initdb a cluster in /tmp and start it on a free loopback port; ServerUnavailable if we cannot."""
    bindir = server_bindir()
    root = Path(tempfile.mkdtemp(prefix="eventscope-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    data = root / "data"
    done = _run_as_server_user(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        ]
    )
    if done.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
    port = _free_port()
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=60"
    )
    started = _run_as_server_user(
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "start",
        ]
    )
    if started.returncode != 0:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"pg_ctl start failed: {started.stderr.strip()} {log[-500:]}")
    server = PgServer(root=root, port=port, bindir=bindir)
    try:
        server.execute("SELECT 1")
        server.postgis = _create_postgis(server)
    except Exception:
        server.stop()
        raise
    return server


def _create_postgis(server: PgServer) -> bool:
    """Install PostGIS into template1 when the extension is available; True if it is."""
    engine = sa.create_engine(
        server.url("template1").replace("postgresql://", "postgresql+psycopg://"),
        isolation_level="AUTOCOMMIT",
    )
    try:
        with engine.connect() as conn:
            available = conn.exec_driver_sql(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
            ).first()
            if available is None:
                return False
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
            return True
    finally:
        engine.dispose()
