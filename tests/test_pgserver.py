"""The throwaway PostgreSQL server the storage tests run against (tests/pgserver.py).

Real server, real driver, no mocks. One server for the module; the stop and atexit tests
start their own.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from pgserver import ThrowawayPostgres, find_server_binaries


@pytest.fixture(scope="module")
def pg():
    with ThrowawayPostgres() as server:
        yield server


def scalar(url: str, sql: str, **params):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def test_sqlalchemy_connects_over_the_unix_socket(pg):
    url = pg.url("postgres")
    assert url == f"postgresql+psycopg://postgres@/postgres?host={pg.socket_dir}"
    assert scalar(url, "select version()").startswith("PostgreSQL ")
    assert pg.socket_path.exists()
    assert scalar(url, "show listen_addresses") == ""          # no TCP
    assert scalar(url, "show server_encoding") == "UTF8"
    assert scalar(url, "show fsync") == "off"


def test_runs_as_the_postgres_user_when_root(pg):
    owner = pwd.getpwuid(pg.data_dir.stat().st_uid).pw_name
    expected = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    assert owner == expected


def test_extensions_and_german_text_search(pg):
    url = pg.create_database("ext_check")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION pg_trgm"))
            conn.execute(text("CREATE EXTENSION unaccent"))
        with engine.connect() as conn:
            stems = conn.execute(text("select to_tsvector('german', 'Häuser Straße')::text")).scalar()
            assert stems == "'haus':1 'strass':2"
            assert conn.execute(text("select unaccent('Häuser Straße')")).scalar() == "Hauser Strasse"
            assert conn.execute(text("select similarity('Hoisten', 'Hoistem')")).scalar() > 0.3
    finally:
        engine.dispose()
        pg.drop_database("ext_check")


def test_clone_database_from_template(pg):
    template_url = pg.create_database("clone_template")
    engine = create_engine(template_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE parcel (id serial PRIMARY KEY, name text NOT NULL)"))
        conn.execute(text("INSERT INTO parcel (name) VALUES ('Flur 27, Flurstück 2059')"))
    engine.dispose()  # PostgreSQL refuses to copy a database with open connections

    clone_url = pg.create_database("clone_1", template="clone_template")
    assert clone_url == pg.url("clone_1")
    clone = create_engine(clone_url)
    try:
        with clone.begin() as conn:
            assert conn.execute(text("SELECT name FROM parcel")).scalars().all() == [
                "Flur 27, Flurstück 2059"]
            conn.execute(text("INSERT INTO parcel (name) VALUES ('only in the clone')"))
        assert scalar(template_url, "SELECT count(*) FROM parcel") == 1   # template untouched

        pg.drop_database("clone_1")    # WITH (FORCE): the pooled connection does not block it
        names = [row[0] for row in pg.execute("SELECT datname FROM pg_database")]
        assert "clone_1" not in names and "clone_template" in names
    finally:
        clone.dispose()
        pg.drop_database("clone_template")
    pg.drop_database("never_existed")   # IF EXISTS


def test_stop_removes_socket_and_directories():
    server = ThrowawayPostgres().start()
    socket, base = server.socket_path, server.base_dir
    assert socket.exists() and server.running
    assert server.startup_seconds is not None and server.startup_seconds < 30
    kwargs = server.connect_kwargs()

    server.stop()
    assert not server.running
    assert not socket.exists()
    assert not base.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(**kwargs, connect_timeout=2).close()
    server.stop()   # idempotent


def test_atexit_stops_a_server_left_running():
    """A run that never calls stop() (crash, forgotten fixture) leaves no server behind,
    and a forked child that exits does not stop its parent's server."""
    script = ("import os, sys\n"
              "from pgserver import ThrowawayPostgres\n"
              "pg = ThrowawayPostgres().start()\n"
              "pid = os.fork()\n"
              "if pid == 0:\n"
              "    sys.exit(0)\n"            # runs the inherited atexit handlers
              "os.waitpid(pid, 0)\n"
              "assert pg.execute('select 1') == [(1,)], 'the child stopped the server'\n"
              "print(pg.base_dir, pg.socket_path, flush=True)\n"
              "raise RuntimeError('test run crashed')\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "test run crashed" in result.stderr
    base, socket = (Path(p) for p in result.stdout.split())
    assert not socket.exists()
    assert not base.exists()
    running = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(base) not in running


def test_missing_binaries_are_named(tmp_path):
    (tmp_path / "pg_ctl").write_text("#!/bin/sh\n")
    (tmp_path / "pg_ctl").chmod(0o755)
    with pytest.raises(RuntimeError, match=r"initdb, postgres") as error:
        find_server_binaries(tmp_path)
    assert "postgresql" in str(error.value)
