/* Chart images (PNG) that say what they show, for every chart of every view.
 *
 * Every graph's toolbar gets one "download as PNG" button in place of
 * plotly's camera (dashboard/theme.py graph_config removes the camera; the
 * button is plotly's public custom modebar button, given to every graph as a
 * default with Plotly.setPlotConfig once plotly.js has loaded).  On a click:
 *
 * 1. the name: ogp-monitor_<view>_<chart>_<filters>_<YYYY-MM-DD>: the view is
 *    the active navigation entry, the chart its panel's heading, the filters
 *    those set in the URL (in the URL's order; codes as they are, free text and
 *    dates as name-value), the date today's.  Same rules as
 *    dashboard/export_files.py.  Read when clicked, so it follows every filter.
 * 2. the image: Plotly.toImage draws the chart as it is on screen at twice its
 *    resolution, and a canvas puts a header above it: the chart's heading, the
 *    page and date, the filters in words, and the sample-data notice when the
 *    chart's panel carries the sample badge.  The chart on screen is not touched.
 *
 * The button's label comes translated from the chart's frame
 * (dashboard/components/chart.py, data-image-label).
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
  var SCALE = 2;  // pixels per screen pixel in the PNG
  var INK = '#1F2933', MUTED = '#52606D', SAMPLE = '#8A4B00';
  var TITLE_SIZE = 16, SMALL_SIZE = 12, PAD = 12;
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

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

  function fileName(gd) {
    var named = heading(gd) || (gd.closest('[id]') || {}).id || 'chart';
    var parts = [APP, viewName(), nameSlug(named)].concat(filterTokens());
    var stem = parts.filter(Boolean).join('_').slice(0, MAX_NAME).replace(/[_-]+$/, '');
    return stem + '_' + today();
  }

  // --- the header ----------------------------------------------------------------------------------

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
      try { id = JSON.parse(controls[i].id); } catch { continue; }  // not a pattern-matching id
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

  // The header's lines, each [text, size, colour, bold], wrapped to the image's width.
  function headerLines(gd, context, width) {
    var lines = [];
    [[heading(gd) || document.title, TITLE_SIZE, INK, true],
     [[document.title, today()].filter(Boolean).join(' · '), SMALL_SIZE, MUTED, false],
     [filtersInWords(), SMALL_SIZE, MUTED, false],
     [sampleNotice(gd), SMALL_SIZE, SAMPLE, false]].forEach(function (item) {
      if (!item[0]) { return; }
      context.font = (item[3] ? 'bold ' : '') + item[1] + 'px ' + FONT;
      var words = String(item[0]).split(/\s+/), line = '';
      words.forEach(function (word) {
        var longer = line ? line + ' ' + word : word;
        if (line && context.measureText(longer).width > width - 2 * PAD) {
          lines.push([line].concat(item.slice(1)));
          line = word;
        } else {
          line = longer;
        }
      });
      if (line) { lines.push([line].concat(item.slice(1))); }
    });
    return lines;
  }

  function loadImage(url) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = reject;
      image.src = url;
    });
  }

  function save(canvas, name) {
    canvas.toBlob(function (blob) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name + '.png';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }, 'image/png');
  }

  // The chart as drawn, under its header, on white.
  function download(gd) {
    var name = fileName(gd);
    return window.Plotly.toImage(gd, {format: 'png', scale: SCALE}).then(loadImage).then(function (chart) {
      var width = chart.width / SCALE;
      var canvas = document.createElement('canvas');
      var context = canvas.getContext('2d');
      var lines = headerLines(gd, context, width);
      var header = 2 * PAD + lines.reduce(function (sum, line) { return sum + line[1] * 1.4; }, 0);
      canvas.width = chart.width;
      canvas.height = chart.height + Math.ceil(header * SCALE);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(SCALE, SCALE);
      context.textBaseline = 'top';
      var y = PAD;
      lines.forEach(function (line) {
        context.font = (line[3] ? 'bold ' : '') + line[1] + 'px ' + FONT;
        context.fillStyle = line[2];
        context.fillText(line[0], PAD, y);
        y += line[1] * 1.4;
      });
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.drawImage(chart, 0, Math.ceil(header * SCALE));
      save(canvas, name);
    });
  }

  // --- the button ----------------------------------------------------------------------------------

  function label(gd) {
    var frame = gd.closest && gd.closest('[data-image-label]');
    return frame ? frame.getAttribute('data-image-label') : 'Download plot as PNG';
  }

  function install() {
    var Plotly = window.Plotly;
    if (installed || !Plotly || !Plotly.setPlotConfig) { return; }
    installed = true;
    Plotly.setPlotConfig({
      modeBarButtonsToAdd: [{name: 'ogpImage', title: label, icon: Plotly.Icons.camera, click: download}]
    });
  }

  var installed = false;
  window.ogpChartImages = {fileName: fileName, download: download};
  // Dash adds plotly.js when a page first shows a graph: the button is set as
  // soon as it has loaded (a capturing listener runs before Dash's own onload),
  // before the first graph is drawn.
  install();
  if (!installed) {
    document.addEventListener('load', function onLoad() {
      install();
      if (installed) { document.removeEventListener('load', onLoad, true); }
    }, true);
  }
})();
