"""Helpers for browser tests (dash_duo on headless Chromium)."""
from __future__ import annotations

import socket


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(dash_duo, app, path: str = "/") -> None:
    """Serve ``app`` on a free port and open ``path``."""
    dash_duo.start_server(app, port=free_port())
    if path != "/":
        dash_duo.wait_for_page(url=dash_duo.server_url + path, timeout=20)


def visit(dash_duo, path: str) -> None:
    dash_duo.wait_for_page(url=dash_duo.server_url + path, timeout=20)


def console_errors(dash_duo) -> list:
    """Severe browser-console entries (errors), ignoring the favicon."""
    logs = dash_duo.get_logs() or []
    return [entry for entry in logs if entry.get("level") == "SEVERE" and "favicon" not in entry.get("message", "")]


def current_search(dash_duo) -> str:
    return dash_duo.driver.execute_script("return window.location.search")
