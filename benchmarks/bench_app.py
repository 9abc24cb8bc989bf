"""The app as gunicorn serves it, plus a bare Flask JSON route: the floor a
callback's latency is compared with."""

import datetime as dt
import os

from flask import jsonify

from dashboard.factory import create_app

today = os.environ.get("OGP_TODAY")
app = create_app(today=dt.date.fromisoformat(today) if today else None)
server = app.server


@server.route("/_bench/ping", methods=["POST"])
def ping():
    return jsonify({"ok": True})
