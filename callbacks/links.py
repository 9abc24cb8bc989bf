"""Links in the frame follow the current URL without redrawing the frame.

The navigation links carry the global parameters (language, country, plan,
…) and the language and projector links carry every parameter, so switching
language, view or projector mode after changing a filter keeps it.
Clientside: no round trip.
"""

from __future__ import annotations

from dash import ALL, Input, Output

from dashboard import ids
from dashboard.state import GLOBAL


def register(app) -> None:
    app.clientside_callback(
        """
        function(search, navIds, langIds) {
            var toggled = new URLSearchParams(search || '');
            if (toggled.get('projector') === '1') { toggled.delete('projector'); } else { toggled.set('projector', '1'); }
            var projector = '?' + toggled.toString().replace(/%%2C/g, ',');
            var params = new URLSearchParams(search || '');
            var keep = %s;
            var global = new URLSearchParams();
            params.forEach(function(value, key) { if (keep.indexOf(key) >= 0) { global.set(key, value); } });
            var q = global.toString();
            var nav = navIds.map(function(id) { return id.path + (q ? '?' + q : ''); });
            var langs = langIds.map(function(id) {
                var p = new URLSearchParams(search || '');
                p.set('lang', id.lang);
                return '?' + p.toString().replace(/%%2C/g, ',');
            });
            return [nav, langs, projector];
        }
        """
        % list(GLOBAL),
        Output({"type": ids.NAV_LINK, "path": ALL}, "href"),
        Output({"type": ids.LANG_LINK, "lang": ALL}, "href"),
        Output(ids.PROJECTOR_LINK, "href"),
        Input(ids.URL, "search"),
        Input({"type": ids.NAV_LINK, "path": ALL}, "id"),
        Input({"type": ids.LANG_LINK, "lang": ALL}, "id"),
    )
