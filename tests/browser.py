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


def choose(dash_duo, selector: str, label: str) -> None:
    """Pick an option of a native <select> by its visible text."""
    from selenium.webdriver.support.select import Select

    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    Select(element).select_by_visible_text(label)


def tick(dash_duo, group_selector: str, label: str) -> None:
    """Tick or untick the checkbox labelled ``label`` in a checkbox group."""
    for candidate in dash_duo.find_elements(f"{group_selector} label"):
        if candidate.text.strip() == label:
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", candidate)
            candidate.click()
            return
    raise AssertionError(f"no checkbox labelled {label!r} in {group_selector}")
