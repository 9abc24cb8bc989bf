"""Text from the data, made safe for a chart.

Plotly reads a subset of HTML in every label it draws (trace names in legends,
hover text, tick labels, annotations, titles): ``<a href>`` becomes a link,
``<b>`` bold, ``<br>`` a new line.  A name typed into an imported file (a
forum called ``<a href="https://x">y</a>``) must be drawn as the text it is, so
builders pass every value that comes from the data through ``plain`` before
adding their own markup around it.  Plotly decodes ``&lt;``, ``&gt;`` and
``&amp;`` back for display, so the reader sees the text unchanged.
"""

from __future__ import annotations

from html import escape as _escape


def plain(text) -> str:
    """``text`` as plotly label text that draws exactly these characters (no markup)."""
    if text is None:
        return ""
    # plotly knows no &quot;: quotes stay as they are (they are harmless outside tags).
    return _escape(str(text), quote=False)


def plain_all(values) -> list[str]:
    """``plain`` for each of ``values`` (a list, array or Series)."""
    return [plain(value) for value in values]
