/* Chart images (PNG) that say what they show, for every chart of every view.
 *
 * Plotly's camera button downloads a PNG named by the graph's config
 * (dashboard.theme.graph_config), which is fixed when the page is drawn.  This
 * script, for every graph on the page:
 *
 * 1. keeps gd._context.toImageButtonOptions.filename current, as
 *    ogp-monitor_<view>_<chart>_<filters>_<YYYY-MM-DD>: the view is the active
 *    navigation entry, the chart its panel's heading, the filters those set in
 *    the URL (in the URL's order; codes as they are, free text and dates as
 *    name-value), the date today's.  Rewritten after every draw of the graph
 *    and every change of the URL (a filter change), because Dash resets the
 *    config whenever it redraws.  Same rules as dashboard/export_files.py.
 * 2. replaces the image itself: plotly's "downloadImage" API method, which the
 *    camera button calls, is re-registered so the PNG is drawn from a copy of
 *    the figure (the chart on screen is not touched) with a white background
 *    and a header: the chart's heading, the page and date, the filters in
 *    words, and the sample-data notice when the chart's panel carries the
 *    sample badge.  Anything unexpected falls back to plotly's own download.
 *
 * Plotly is loaded after this script (Dash loads it when the first graph
 * appears), so graphs are found by watching the page.
 */
(function () {
  'use strict';

  var APP = 'ogp-monitor';
  // The URL's parameters (dashboard/state.py PARAMS) and how a file name shows them.
  var PARAMS = ['lang', 'country', 'plan', 'area', 'institution', 'status', 'start', 'end', 'asof', 'forums',
                'forum', 'commitment', 'channel', 'period', 'method', 'q', 'page', 'projector'];
  var NAMED = ['area', 'institution', 'q', 'start', 'end', 'asof', 'page'];
  var UNNAMED = ['lang', 'projector'];
  var LISTS = ['forums', 'channel'];
  var MAX_NAME = 150;
  var INK = '#1F2933', MUTED = '#52606D', SAMPLE = '#8A4B00';
  var TITLE_SIZE = 16, SMALL_SIZE = 12;

  // --- names -------------------------------------------------------------------------------------

  function stripAccents(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  }

  function slug(text, limit) {
    var out = stripAccents(text).replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '');
    return out.slice(0, limit || 30).replace(/-+$/, '') || 'x';
  }

  function nameSlug(text, limit) {
    limit = limit || 40;
    var words = stripAccents(text).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    var out = '';
    for (var i = 0; i < words.length; i++) {
      if (out && out.length + 1 + words[i].length > limit) { break; }
      out = out ? out + '-' + words[i] : words[i].slice(0, limit);
    }
    return out || 'x';
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  function visibleText(element) {
    if (!element) { return ''; }
    var copy = element.cloneNode(true);
    var hidden = copy.querySelectorAll('.visually-hidden, .sample-badge, .table-downloads');
    for (var i = 0; i < hidden.length; i++) { hidden[i].remove(); }
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  function viewName() {
    var text = visibleText(document.querySelector('.main-nav .nav-link.active'));
    return nameSlug(text || window.location.pathname.split('/')[1] || 'inicio');
  }

  function filterTokens() {
    var params = new URLSearchParams(window.location.search);
    var tokens = [];
    params.forEach(function (value, name) {
      if (PARAMS.indexOf(name) < 0 || UNNAMED.indexOf(name) >= 0 || !value) { return; }
      var several = LISTS.indexOf(name) >= 0;
      var token = slug(several ? value.split(',').join('-') : value, several ? 60 : 30);
      tokens.push(NAMED.indexOf(name) >= 0 ? name + '-' + token : token);
    });
    // /commitments/PE0066: the path's further segments name what is shown too.
    window.location.pathname.split('/').slice(2).forEach(function (segment) {
      if (segment) { tokens.push(slug(decodeURIComponent(segment))); }
    });
    return tokens;
  }

  function panelOf(gd) {
    return gd.closest('section') || gd.closest('.panel') || gd.closest('figure');
  }

  function heading(gd) {
    var panel = panelOf(gd);
    return visibleText(panel && panel.querySelector('h2, h3, .section-title'));
  }

  function configuredName(gd) {
    var name = gd._ogpConfigured || '';
    return name.replace(/^ogp-monitor-/, '').replace(/^ogp-/, '');
  }

  function chartName(gd) {
    var text = heading(gd);
    return text ? nameSlug(text) : nameSlug(configuredName(gd) || (gd.closest('[id]') || {}).id || 'chart');
  }

  function fileName(gd) {
    var parts = [APP, viewName(), chartName(gd)].concat(filterTokens());
    var stem = parts.filter(Boolean).join('_').slice(0, MAX_NAME).replace(/[_-]+$/, '');
    return stem + '_' + today();
  }

  function refresh(gd) {
    var context = gd._context;
    if (!context) { return; }
    var options = context.toImageButtonOptions || {};
    if (options.filename && options.filename.indexOf(APP + '_') !== 0) { gd._ogpConfigured = options.filename; }
    // A new object: the old one may be the config Dash passed in, which is not ours to change.
    context.toImageButtonOptions = Object.assign({}, options, {filename: fileName(gd)});
  }

  // --- the image's header --------------------------------------------------------------------------

  function escapeText(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function wrap(text, width, size) {
    var perLine = Math.max(20, Math.floor((width - 24) / (size * 0.56)));
    var words = String(text).split(/\s+/), lines = [], line = '';
    for (var i = 0; i < words.length; i++) {
      if (line && (line + ' ' + words[i]).length > perLine) { lines.push(line); line = words[i]; }
      else { line = line ? line + ' ' + words[i] : words[i]; }
    }
    if (line) { lines.push(line); }
    return lines;
  }

  function labelOf(control) {
    var label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
    if (label) { return visibleText(label) || label.textContent.trim(); }
    var fieldset = control.closest('fieldset');
    var legend = fieldset && fieldset.querySelector('legend');
    return legend ? visibleText(legend) : '';
  }

  function valueOf(control) {
    if (control.tagName === 'SELECT') {
      return control.value ? control.options[control.selectedIndex].text.trim() : '';
    }
    if (control.tagName === 'INPUT') {
      return control.type === 'hidden' ? '' : control.value.trim();
    }
    var checked = control.querySelectorAll('input:checked');
    if (checked.length) {
      return Array.prototype.map.call(checked, function (input) {
        var label = control.querySelector('label[for="' + CSS.escape(input.id) + '"]');
        return (label || input.parentElement).textContent.trim();
      }).join(', ');
    }
    var input = control.querySelector('input[type="text"], input:not([type])');
    return input ? input.value.trim() : '';
  }

  // The filters as the reader sees them: "Plan de acción: 2017-2019 · AP_PER03".
  function filtersInWords() {
    var parts = [];
    var controls = document.querySelectorAll('[id^="{"]');
    for (var i = 0; i < controls.length; i++) {
      var id;
      try { id = JSON.parse(controls[i].id); } catch (e) { continue; }
      if (!id || (id.type !== 'filter' && id.type !== 'date-filter')) { continue; }
      var value = valueOf(controls[i]);
      if (!value) { continue; }
      var label = labelOf(controls[i]);
      parts.push(label ? label + ': ' + value : value);
    }
    return parts.join(' · ');
  }

  function sampleNotice(gd) {
    var panel = panelOf(gd);
    var badge = panel && panel.querySelector('.sample-badge');
    if (!badge) { return ''; }
    return badge.textContent.trim() + (badge.title ? ': ' + badge.title : '');
  }

  function plainTitle(layout) {
    var title = layout && layout.title;
    var text = typeof title === 'string' ? title : (title && title.text);
    return text ? String(text) : '';
  }

  function copy(value) {
    try { return window.structuredClone(value); } catch (e) { return JSON.parse(JSON.stringify(value)); }
  }

  // Legends placed on the whole figure (yref "container") keep their place once the header is
  // added: those in the top margin move down with the plot, the others keep their distance
  // from the bottom.
  function keepInPlace(layout, height, header, top) {
    var total = height + header;
    Object.keys(layout).forEach(function (key) {
      var legend = layout[key];
      if (!/^legend\d*$/.test(key) || !legend || legend.yref !== 'container' || typeof legend.y !== 'number') { return; }
      var fromTop = (1 - legend.y) * height;
      legend.y = fromTop <= top ? 1 - (fromTop + header) / total : legend.y * height / total;
    });
  }

  // A copy of the figure, as large as on screen, with the header above the plot.
  function exportFigure(gd) {
    var full = gd._fullLayout, size = full._size;
    var width = full.width, height = full.height;
    var title = heading(gd) || plainTitle(gd.layout) || document.title;
    var own = heading(gd) ? plainTitle(gd.layout) : '';
    var about = [document.title, today()].filter(Boolean).join(' · ');
    var filters = filtersInWords();
    var sample = sampleNotice(gd);

    var lines = [], extra = 34;  // padding above and below the header, in pixels
    wrap(title, width, TITLE_SIZE).forEach(function (line) {
      lines.push('<b>' + escapeText(line) + '</b>'); extra += TITLE_SIZE * 1.3;
    });
    if (own) {  // the figure's own title, as it was (plotly markup)
      lines.push('<span style="font-size:' + SMALL_SIZE + 'px">' + own + '</span>');
      extra += (own.split(/<br\s*\/?>/i).length) * SMALL_SIZE * 1.4;
    }
    [[about, MUTED], [filters, MUTED], [sample, SAMPLE]].forEach(function (item) {
      if (!item[0]) { return; }
      wrap(item[0], width, SMALL_SIZE).forEach(function (line) {
        lines.push('<span style="font-size:' + SMALL_SIZE + 'px;color:' + item[1] + '">' + escapeText(line) + '</span>');
        extra += SMALL_SIZE * 1.4;
      });
    });
    var header = Math.ceil(extra);

    var layout = copy(gd.layout || {});
    layout.width = width;
    layout.height = height + header;
    // The margins plotly worked out on screen, plus the header: the plot keeps its size.
    layout.margin = {l: size.l, r: size.r, b: size.b, t: size.t + header, pad: (layout.margin || {}).pad || 0,
                     autoexpand: false};
    layout.paper_bgcolor = '#ffffff';
    layout.title = {text: lines.join('<br>'), x: 0, xref: 'container', xanchor: 'left',
                    y: 1 - 24 / layout.height, yref: 'container', yanchor: 'top', pad: {t: 0, l: 12},
                    font: {size: TITLE_SIZE, color: INK}};
    keepInPlace(layout, height, header, size.t);
    var context = gd._context || {};
    return {data: copy(gd.data || []), layout: layout,
            config: {locale: context.locale, locales: context.locales, setBackground: 'opaque'}};
  }

  // --- wiring --------------------------------------------------------------------------------------

  var patched = false;

  function patchDownload() {
    var Plotly = window.Plotly;
    if (patched || !Plotly || !Plotly.register || !Plotly.downloadImage) { return; }
    var original = Plotly.downloadImage;
    Plotly.register({
      moduleType: 'apiMethod',
      name: 'downloadImage',
      fn: function (gd, options) {
        if (!gd || !gd._fullLayout || !gd.closest) { return original(gd, options); }
        var chosen = Object.assign({}, options || {}, {filename: fileName(gd)});
        var figure;
        try { figure = exportFigure(gd); } catch (e) { return original(gd, chosen); }
        return original(figure, chosen);
      }
    });
    patched = true;
  }

  function hook(gd) {
    if (gd._ogpExports || typeof gd.on !== 'function') { return; }
    gd._ogpExports = true;
    gd.on('plotly_afterplot', function () { refresh(gd); });
    refresh(gd);
  }

  var pending = false;
  function scan() {
    pending = false;
    var graphs = document.querySelectorAll('.js-plotly-plot');
    if (graphs.length) { patchDownload(); }
    for (var i = 0; i < graphs.length; i++) { hook(graphs[i]); }
  }

  function soon() {
    if (!pending) { pending = true; window.requestAnimationFrame(scan); }
  }

  function refreshAll() {
    var graphs = document.querySelectorAll('.js-plotly-plot');
    for (var i = 0; i < graphs.length; i++) { refresh(graphs[i]); }
  }

  // Dash's location component changes the URL with pushState/replaceState, which fire no event.
  ['pushState', 'replaceState'].forEach(function (method) {
    var original = window.history[method];
    window.history[method] = function () {
      var result = original.apply(this, arguments);
      setTimeout(refreshAll, 0);
      return result;
    };
  });
  window.addEventListener('popstate', function () { setTimeout(refreshAll, 0); });
  new MutationObserver(soon).observe(document.documentElement, {subtree: true, childList: true});
})();
