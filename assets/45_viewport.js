/* The browser's width, said to Dash: once per page (a clientside callback,
 * callbacks/forums.py) and again when the window is resized.  The server
 * decides what a width changes: the forum comparison draws its columns as
 * rows where the panel is too narrow (dashboard/pages/forums.py, rows_for).
 */
(function () {
  'use strict';

  var STORE = 'viewport-width';  // dashboard/ids.py VIEWPORT
  var said = null;
  var pending = null;

  function width() {
    return document.documentElement.clientWidth;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.viewport = {
    width: function () {
      said = width();
      return said;
    }
  };

  // Only a settled, different width is said again (a resize fires many events).
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var now = width();
      if (now !== said && window.dash_clientside.set_props) {
        said = now;
        window.dash_clientside.set_props(STORE, {data: now});
      }
    }, 200);
  });
})();
