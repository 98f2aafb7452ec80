"""Real-browser test helpers: Debian's headless Chromium driven by Playwright, and a live ASGI server.

Not a test module and no fixtures here: conftest.py builds its fixtures on these helpers.
Chromium comes from Debian (scripts/ensure-system-packages.sh installs it), never from
`playwright install`, which would download a browser build this machine cannot fetch.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from playwright.sync_api import Browser, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"

# Why each flag:
# --no-sandbox: the tests run as root (and in containers), where Chromium refuses its sandbox.
# --disable-gpu: no GPU here; without it Chromium keeps retrying a GPU process.
# --disable-dev-shm-usage: containers often give /dev/shm only 64 MiB, where Chromium crashes.
# the rest: the network is closed to everything but loopback, and without them Chromium
# keeps dialling Google's services (updates, sync, QUIC probes), filling logs with refusals.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# 127.0.0.1 rather than localhost: the server binds IPv4 only, and localhost may resolve to
# ::1 first. Chromium counts both as a secure context, so Secure cookies work over plain http.
HOST = "127.0.0.1"


def launch_chromium(playwright: Playwright, **kwargs: Any) -> Browser:
    """Launch Debian's Chromium headless with the flags this machine needs."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **kwargs
    )


@contextmanager
def browser_session() -> Iterator[Browser]:
    """Start Playwright and one Chromium, yield the Browser, close both (fit for a session fixture)."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def live_server(app: Any, *, startup_timeout: float = 10.0) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a background thread; yield its base URL http://127.0.0.1:PORT."""
    # Bind the socket here and hand it to uvicorn, so the port is known before the server
    # starts and no other process can take it between choosing and binding.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    port = sock.getsockname()[1]
    # lifespan "on" so the app's startup/shutdown hooks run as in production; uvicorn only
    # installs signal handlers in the main thread, so Ctrl-C still reaches pytest.
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"live-server-{port}", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            # A failed startup (e.g. the app's lifespan raised) ends the thread without
            # ever setting started: fail at once instead of waiting out the timeout.
            if not thread.is_alive():
                raise RuntimeError("live server thread died during startup")
            if time.monotonic() > deadline:
                raise RuntimeError(f"live server did not start within {startup_timeout} s")
            time.sleep(0.01)
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        if thread.is_alive():
            # Open keep-alive connections can hold the graceful shutdown; force it.
            server.force_exit = True
            thread.join(timeout=5)
