"""A throwaway PostgreSQL server for the tests: started in a temp directory, gone afterwards.

The storage tests run against a real PostgreSQL, not a mock and not SQLite. This module
starts one from the server binaries of the machine (Debian's ``postgresql`` package, which
``scripts/ensure-system-packages.sh`` installs), so no database service has to be set up
beforehand::

    from pgserver import ThrowawayPostgres    # tests/ is on sys.path under pytest

    with ThrowawayPostgres() as pg:
        pg.create_database("template_db")
        engine = create_engine(pg.url("template_db"))
        ...                                   # migrate, then engine.dispose()
        pg.create_database("test_1", template="template_db")
        engine = create_engine(pg.url("test_1"))

How the server is set up:

* ``initdb`` into a fresh temp directory: UTF8, locale C.UTF-8 (C if that locale is
  missing), ``--auth=trust``, superuser ``postgres``;
* ``pg_ctl start -w`` with ``listen_addresses = ''``: no TCP at all, only a unix socket in
  a private socket directory, so it cannot clash with another server on the machine
  (including a Debian "main" cluster on port 5432);
* durability off (``fsync``, ``synchronous_commit``, ``full_page_writes``): fast, and a
  crash only loses data nobody wants to keep;
* the server log goes to ``postgres.log`` in the temp directory; its tail is part of the
  error when initdb or the start fails.

``initdb`` and ``postgres`` refuse to run as root. When the tests run as root (CI on a fresh
machine does), the server programs run as the ``postgres`` system user, which the Debian
package creates, via ``runuser -u postgres --`` (``setpriv`` as a fallback), and the temp
directories belong to that user. Otherwise they run as the current user.

The server is stopped (``pg_ctl stop -m immediate``) and its directories removed by
``stop()``, by leaving the ``with`` block, and, as a safety net, at interpreter exit (also
after an uncaught exception; a forked child that exits leaves its parent's server alone).
A process killed by a signal (SIGKILL, or SIGTERM, which Python does not turn into a clean
exit) cannot clean up; its server keeps running until it notices, within a minute, that
its data directory has gone -- so removing the stray ``baulast-pg-*`` directory from the
temp dir also ends the server.

Client side: SQLAlchemy URLs for psycopg 3 (``postgresql+psycopg://``); psycopg is only
imported by ``create_database``/``drop_database``/``execute``.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

__all__ = ["ThrowawayPostgres", "find_server_binaries"]

SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")
DEBIAN_ROOT = Path("/usr/lib/postgresql")
SERVER_USER = "postgres"          # the OS user the server runs as when we are root
SUPERUSER = "postgres"            # the database superuser initdb creates

# Settings for a fast, disposable test server (appended to postgresql.conf).
FAST_SETTINGS: dict[str, str] = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "log_min_messages": "warning",
    "log_checkpoints": "off",
}

# A unix socket path is limited to 107 bytes; ".s.PGSQL.<port>" is appended to the directory.
MAX_SOCKET_DIR_LENGTH = 80


def find_server_binaries(bindir: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres``.

    Looks in ``bindir`` if given, else in ``/usr/lib/postgresql/<highest version>/bin``
    (Debian's layout; these programs are not on PATH there), else on PATH.
    Raises RuntimeError naming what is missing.
    """
    candidates: list[Path] = []
    if bindir is not None:
        candidates.append(Path(bindir))
    else:
        versions = []
        for path in DEBIAN_ROOT.glob("*/bin"):
            numbers = tuple(int(part) for part in re.findall(r"\d+", path.parent.name))
            if numbers:
                versions.append((numbers, path))
        candidates.extend(path for _, path in sorted(versions, reverse=True))
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(Path(on_path).resolve().parent)

    for directory in candidates:
        if all(_is_executable(directory / program) for program in SERVER_PROGRAMS):
            return directory

    if bindir is not None:
        where = str(bindir)
        missing = [p for p in SERVER_PROGRAMS if not _is_executable(Path(bindir) / p)]
    else:
        where = f"{DEBIAN_ROOT}/*/bin or on PATH"
        missing = [p for p in SERVER_PROGRAMS
                   if not shutil.which(p) and not any(_is_executable(d / p) for d in candidates)]
        if not missing:  # each exists somewhere, but no directory holds all three
            missing = list(SERVER_PROGRAMS)
    raise RuntimeError(
        f"PostgreSQL server programs not found: {', '.join(missing)} (looked in {where}). "
        "Install Debian's 'postgresql' package (scripts/ensure-system-packages.sh does) "
        "or pass bindir=."
    )


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log file)"
    return "\n".join(text.splitlines()[-lines:]) or "(log file is empty)"


def _quote_setting(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


class ThrowawayPostgres:
    """A private PostgreSQL server in a temp directory, reachable only over a unix socket.

    Use it as a context manager, or call ``start()`` and ``stop()`` yourself.

    :param bindir: directory with initdb/pg_ctl/postgres; found automatically if None.
    :param port: the port number, which only names the socket file (no TCP listener).
    :param settings: extra server settings, added to (and overriding) ``FAST_SETTINGS``.
    :param start_timeout: seconds ``pg_ctl start -w`` may wait for the server.
    """

    def __init__(self, bindir: str | os.PathLike[str] | None = None, *, port: int = 5432,
                 settings: dict[str, str] | None = None, start_timeout: int = 60) -> None:
        self.bindir = find_server_binaries(bindir)
        self.port = port
        self.settings = {**FAST_SETTINGS, **(settings or {})}
        self.start_timeout = start_timeout
        self.base_dir: Path | None = None     # the temp directory holding all of the below
        self.data_dir: Path | None = None
        self.socket_dir: Path | None = None
        self.log_file: Path | None = None
        self.startup_seconds: float | None = None   # initdb + start, for the curious
        self._run_as: list[str] = self._run_as_prefix()
        self._running = False
        self._owner_pid: int | None = None     # the process that started the server

    # -- lifecycle -----------------------------------------------------------------------

    def __enter__(self) -> "ThrowawayPostgres":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._running

    @property
    def socket_path(self) -> Path:
        """The socket file itself (``<socket_dir>/.s.PGSQL.<port>``)."""
        if self.socket_dir is None:
            raise RuntimeError("server not started")
        return self.socket_dir / f".s.PGSQL.{self.port}"

    def start(self) -> "ThrowawayPostgres":
        """Run initdb in a fresh temp directory and start the server; returns self."""
        if self._running:
            return self
        began = time.monotonic()
        self.base_dir = Path(tempfile.mkdtemp(prefix="baulast-pg-", dir=self._temp_parent()))
        self.data_dir = self.base_dir / "data"
        self.socket_dir = self.base_dir / "sock"
        self.log_file = self.base_dir / "postgres.log"
        self._owner_pid = os.getpid()
        atexit.register(self._stop_at_exit)
        try:
            self.socket_dir.mkdir(mode=0o700)
            self.log_file.touch(mode=0o600)
            if self._run_as:
                user = pwd.getpwnam(SERVER_USER)
                for path in (self.base_dir, self.socket_dir, self.log_file):
                    os.chown(path, user.pw_uid, user.pw_gid)
            self._initdb()
            self._write_settings()
            self._pg_ctl_start()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self

    def stop(self) -> None:
        """Stop the server (immediate mode) and remove its temp directories. Idempotent."""
        try:
            if self._running and self.data_dir is not None:
                self._running = False
                self._run(["pg_ctl", "stop", "-D", str(self.data_dir), "-m", "immediate", "-w"],
                          check=False, timeout=60)
        finally:
            self._running = False
            if self.base_dir is not None:
                shutil.rmtree(self.base_dir, ignore_errors=True)
                self.base_dir = None
            atexit.unregister(self._stop_at_exit)

    def _stop_at_exit(self) -> None:
        # A forked child inherits this handler; only the process that started the
        # server may stop it, or a child exiting would pull it from under the tests.
        if os.getpid() == self._owner_pid:
            self.stop()

    # -- client side ---------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL for psycopg 3 over the socket, e.g.
        ``postgresql+psycopg://postgres@/DBNAME?host=/tmp/baulast-pg-x/sock``."""
        if self.socket_dir is None:
            raise RuntimeError("server not started")
        query = f"host={quote(str(self.socket_dir), safe='/')}"
        if self.port != 5432:
            query += f"&port={self.port}"
        return f"postgresql+psycopg://{SUPERUSER}@/{quote(dbname, safe='')}?{query}"

    def connect_kwargs(self, dbname: str = "postgres") -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect`` (plain DB-API use, no SQLAlchemy)."""
        if self.socket_dir is None:
            raise RuntimeError("server not started")
        return {"host": str(self.socket_dir), "port": self.port, "user": SUPERUSER,
                "dbname": dbname}

    def execute(self, sql: Any, params: Sequence[Any] | None = None,
                dbname: str = "postgres") -> list[tuple[Any, ...]]:
        """Run one statement in autocommit mode; returns its rows ([] if none)."""
        import psycopg

        with psycopg.connect(**self.connect_kwargs(dbname), autocommit=True) as conn:
            cur = conn.execute(sql, params)
            return cur.fetchall() if cur.description is not None else []

    def create_database(self, name: str, template: str | None = None) -> str:
        """``CREATE DATABASE name [TEMPLATE template]``; returns ``url(name)``.

        Cloning a migrated template is much cheaper than migrating again. PostgreSQL
        refuses to clone a database somebody is connected to, so dispose of engines on
        the template (``engine.dispose()``) first.
        """
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.execute(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """``DROP DATABASE IF EXISTS name WITH (FORCE)``: also ends open connections."""
        from psycopg import sql

        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _run_as_prefix() -> list[str]:
        """Command prefix that drops root to the postgres user; [] when not root."""
        if os.geteuid() != 0:
            return []
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise RuntimeError(
                f"running as root, but there is no '{SERVER_USER}' system user to run the "
                "PostgreSQL server as (initdb and postgres refuse to run as root); "
                "Debian's 'postgresql' package creates it") from None
        if shutil.which("runuser"):
            return ["runuser", "-u", SERVER_USER, "--"]
        if shutil.which("setpriv"):
            return ["setpriv", f"--reuid={SERVER_USER}", f"--regid={SERVER_USER}",
                    "--init-groups", "--"]
        raise RuntimeError("running as root, but neither runuser nor setpriv (util-linux) "
                           f"is there to run the PostgreSQL server as '{SERVER_USER}'")

    def _temp_parent(self) -> str | None:
        """Where to make the temp directory: the usual temp dir, unless the socket path
        would get too long or (as root) the postgres user could not reach it."""
        parent = tempfile.gettempdir()
        too_long = len(parent) + len("/baulast-pg-xxxxxxxx/sock") > MAX_SOCKET_DIR_LENGTH
        if too_long or (self._run_as and not _world_traversable(Path(parent))):
            return "/tmp"
        return None

    def _env(self) -> dict[str, str]:
        """The environment for server programs: no PG* variables from the caller
        (PGPORT, PGDATA, ... would change what the server does)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_MESSAGES"] = "C"
        return env

    def _run(self, argv: list[str], *, check: bool = True,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
        program, *args = argv
        command = self._run_as + [str(self.bindir / program), *args]
        result = subprocess.run(command, cwd=self.base_dir, env=self._env(), text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                timeout=timeout, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(self._failure(f"{program} failed (exit {result.returncode})",
                                             result.stdout))
        return result

    def _failure(self, what: str, output: str) -> str:
        as_user = f", run as the '{SERVER_USER}' user" if self._run_as else ""
        message = f"{what} ({self.bindir}{as_user}):\n{output.strip()}"
        if self.log_file is not None and self.log_file.exists():
            message += f"\n--- tail of {self.log_file} ---\n{_tail(self.log_file)}"
        return message

    def _initdb(self) -> None:
        assert self.data_dir is not None
        base = ["initdb", "-D", str(self.data_dir), "--username", SUPERUSER, "--auth=trust",
                "--encoding=UTF8", "--no-instructions", "--no-sync"]
        first = self._run(base + ["--locale=C.UTF-8"], check=False)
        if first.returncode == 0:
            return
        # C.UTF-8 missing (non-glibc or a stripped system): plain C with UTF8 encoding works
        # everywhere, at the cost of byte-order collation.
        shutil.rmtree(self.data_dir, ignore_errors=True)
        second = self._run(base + ["--locale=C"], check=False)
        if second.returncode != 0:
            raise RuntimeError(self._failure("initdb failed",
                                             first.stdout + "\n--- retry with locale C ---\n"
                                             + second.stdout))

    def _write_settings(self) -> None:
        assert self.data_dir is not None and self.socket_dir is not None
        settings = {
            **self.settings,
            "listen_addresses": "",
            "unix_socket_directories": str(self.socket_dir),
            "port": str(self.port),
        }
        lines = ["", "# added by tests/pgserver.py"]
        lines += [f"{key} = {_quote_setting(value)}" for key, value in settings.items()]
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n".join(lines) + "\n")

    def _pg_ctl_start(self) -> None:
        assert self.data_dir is not None and self.log_file is not None
        self._running = True   # even if the start fails: stop() makes sure nothing is left
        result = self._run(["pg_ctl", "start", "-w", "-t", str(self.start_timeout),
                            "-D", str(self.data_dir), "-l", str(self.log_file)],
                           check=False, timeout=self.start_timeout + 30)
        if result.returncode != 0:
            raise RuntimeError(self._failure("PostgreSQL did not start", result.stdout))

    def __repr__(self) -> str:
        state = f"socket={self.socket_dir}" if self._running else "stopped"
        return f"<ThrowawayPostgres {self.bindir} {state}>"


def _world_traversable(path: Path) -> bool:
    """True if every directory from / to path lets other users through (o+x)."""
    path = path.resolve()
    for directory in [path, *path.parents]:
        try:
            if not directory.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True
