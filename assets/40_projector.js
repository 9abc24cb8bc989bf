/* Projector mode: every chart's texts scaled up for a wall two metres away.
 *
 * The page sets <html class="projector"> (callbacks/router.py).  After plotly
 * draws a figure, every font size in its layout and traces is multiplied by
 * SCALE (plotly's default 12 px when none is set) and the figure is redrawn
 * once; a marker in layout.meta stops it from being scaled twice.  Doing it
 * here keeps figure builders and cached figures the same in both modes.
 */
(function () {
  var SCALE = 1.45;
  var HEIGHT_SCALE = 1.2;

  function scaleFonts(node, key) {
    if (Array.isArray(node)) {
      node.forEach(function (item) { scaleFonts(item, key); });
      return;
    }
    if (!node || typeof node !== 'object') { return; }
    Object.keys(node).forEach(function (k) {
      var value = node[k];
      var isFont = /font$/i.test(k);
      if (isFont && value && typeof value === 'object' && !Array.isArray(value)) {
        if (typeof value.size === 'number') { value.size = Math.round(value.size * SCALE); }
      }
      if (value && typeof value === 'object') { scaleFonts(value, k); }
    });
  }

  function enlarge(gd) {
    if (!document.documentElement.classList.contains('projector')) { return; }
    if (!gd || !gd.layout || (gd.layout.meta && gd.layout.meta.ogpProjector)) { return; }
    var layout = JSON.parse(JSON.stringify(gd.layout));
    var data = JSON.parse(JSON.stringify(gd.data || []));
    layout.font = layout.font || {};
    if (typeof layout.font.size !== 'number') { layout.font.size = 12; }
    scaleFonts(layout);
    scaleFonts(data);
    if (typeof layout.height === 'number') { layout.height = Math.round(layout.height * HEIGHT_SCALE); }
    layout.meta = Object.assign({}, layout.meta || {}, {ogpProjector: true});
    window.Plotly.react(gd, data, layout);
  }

  function hook(gd) {
    if (gd.__ogpProjectorHooked || typeof gd.on !== 'function') { return; }
    gd.__ogpProjectorHooked = true;
    gd.on('plotly_afterplot', function () { enlarge(gd); });
    enlarge(gd);
  }

  function scan() {
    if (!window.Plotly) { return; }
    var graphs = document.querySelectorAll('.js-plotly-plot');
    for (var i = 0; i < graphs.length; i++) { hook(graphs[i]); }
  }

  new MutationObserver(scan).observe(document.documentElement, {subtree: true, childList: true});
  window.ogpProjector = {scale: SCALE, enlarge: enlarge};
})();
