"""Entry point: ``gunicorn app:server`` serves the dashboard; ``python app.py``
starts a development server on http://127.0.0.1:8050.

The database is DATABASE_URL, else the SQLite file under instance/.
"""

from dashboard.factory import create_app

app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8050, debug=False)
