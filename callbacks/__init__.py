"""Wiring: each module here exposes ``register(app)``; the factory calls them all.

Callbacks are registered with ``app.callback`` (never the global
``dash.callback``) so every app built by the factory gets its own.
"""

from __future__ import annotations

import importlib
import pkgutil


def register_all(app) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
