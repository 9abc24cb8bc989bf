/* The forum comparison on a phone: one row per forum instead of one column.
 *
 * The comparison draws a column of axes per forum on shared scales
 * (dashboard/figures/forums.py, columns_layout, which marks the layout with
 * meta.ogpColumns and names each column's title).  Where the panel is too
 * narrow for the columns (a phone; a tablet comparing three forums) they would
 * be slivers, so here each forum gets the full width and a row of its own, its
 * title above it; the y axes stay matched, so the scale is still
 * shared.  On every such chart (one panel too) long axis titles wrap and the
 * x axes get fewer, flat ticks.  As in 40_projector.js, the figure from the server is left as it is:
 * a copy is restacked after plotly draws it, and put back when the window
 * widens again.
 */
(function () {
  var NARROW = window.matchMedia('(max-width: 575.98px)');
  var COLUMN = 330;  // px a forum's column needs (dashboard/pages/forums.py: the charts' minimum width)
  // px between rows: the row above's tick labels (and axis title), then this row's title.
  var TICKS = 50, AXIS_TITLE = 30, TITLE = 70, TOOLBAR = 24;

  function axis(letter, i) { return letter + 'axis' + (i ? String(i + 1) : ''); }

  function titleText(title) { return title && (typeof title === 'string' ? title : title.text); }

  // A long axis title in lines of about 18 characters: a phone's row is narrower than its text.
  function wrapped(text) {
    if (!text || text.length <= 18 || text.indexOf('<br>') >= 0) { return text; }
    var lines = [''];
    text.split(' ').forEach(function (word) {
      var last = lines.length - 1;
      if (lines[last] && (lines[last] + ' ' + word).length > 18) { lines.push(word); }
      else { lines[last] = lines[last] ? lines[last] + ' ' + word : word; }
    });
    return lines.join('<br>');
  }

  // Three ticks at most, written flat: the row is ~250 px wide.  A date axis
  // names years only (every year, or every other one over more than four).
  function fewerTicks(x, drawn) {
    x.tickangle = 0;
    if (x.type === 'date') {
      var range = drawn && drawn.range, years = range ? (new Date(range[1]) - new Date(range[0])) / 3.156e10 : 0;
      Object.assign(x, {tickformat: '%Y', dtick: years > 4 ? 'M24' : 'M12', tick0: '2000-01-01'});
      delete x.nticks;
    } else if (Array.isArray(x.tickvals) && x.tickvals.length > 3) {
      var step = Math.ceil(x.tickvals.length / 3);
      var keep = function (_, k) { return k % step === 0; };
      x.tickvals = x.tickvals.filter(keep);
      if (Array.isArray(x.ticktext)) { x.ticktext = x.ticktext.filter(keep); }
    } else if (!Array.isArray(x.tickvals)) {
      x.nticks = 4;
    }
  }

  function stacked(layout, full) {
    var out = JSON.parse(JSON.stringify(layout));
    var n = out.meta.ogpColumns, plot = out.meta.ogpPlotHeight || 300;
    var margin = out.margin = Object.assign({}, out.margin);
    var titled = (out.annotations || []).some(function (note) { return /^column-title-/.test(note.name || ''); });
    var xTitle = wrapped(titleText(out.xaxis && out.xaxis.title));
    var gap = TICKS + (xTitle ? AXIS_TITLE * xTitle.split('<br>').length : 0) + (titled ? TITLE : 0);
    var paper = n * plot + (n - 1) * gap;
    var yTitle = out.yaxis && out.yaxis.title;
    margin.t = (margin.t || 0) + TOOLBAR;
    out.height = margin.t + (margin.b || 0) + paper;
    for (var i = 0; i < n; i++) {
      var top = 1 - i * (plot + gap) / paper;
      var x = out[axis('x', i)];
      if (x) {
        x.domain = [0, 1];
        fewerTicks(x, full && full[axis('x', i)]);
        if (titleText(x.title)) { x.title = Object.assign({}, x.title, {text: wrapped(titleText(x.title))}); }
      }
      if (out[axis('y', i)]) {
        out[axis('y', i)].domain = [Math.max(0, top - plot / paper), Math.min(1, top)];
        out[axis('y', i)].showticklabels = true;  // a row's labels are no longer beside the first column's
        if (i && yTitle) { out[axis('y', i)].title = yTitle; }
      }
    }
    (out.annotations || []).forEach(function (note) {
      var column = /^column-title-(\d+)$/.exec(note.name || '');
      if (column) {
        note.x = 0.5;
        note.y = 1 - Number(column[1]) * (plot + gap) / paper + 6 / paper;
      }
    });
    out.meta = Object.assign({}, out.meta, {ogpStacked: true});
    return out;
  }

  // Plotly keeps an axis's last automatic label angle and reuses it even when
  // the new layout fixes the angle: forget it, so the flat ticks are drawn flat.
  function forgetAngles(gd) {
    Object.keys(gd._fullLayout || {}).forEach(function (key) {
      var ax = gd._fullLayout[key];
      if (/^[xy]axis\d*$/.test(key) && ax) { delete ax._tickAngles; delete ax._prevTickAngles; }
    });
  }

  // Rows when the panel has less room than the columns need (COLUMN px each,
  // the page's minimum width per forum): on a phone, and on a tablet comparing
  // three forums.  A one-panel chart only takes the phone's tweaks.
  function crowded(gd, box) {
    var n = gd.layout.meta.ogpColumns;
    if (n < 2) { return NARROW.matches; }
    var room = (box.parentElement || box).clientWidth;
    return room > 0 && room < n * COLUMN;
  }

  function fit(gd) {
    var layout = gd.layout;
    if (!layout || !layout.meta || !(layout.meta.ogpColumns >= 1) || !window.Plotly) { return; }
    var box = gd.closest('.dash-graph') || gd;  // the dcc.Graph's element, which carries the size
    var rowsWanted = crowded(gd, box);
    if (rowsWanted && !layout.meta.ogpStacked) {
      gd.__ogpColumns = {layout: JSON.parse(JSON.stringify(layout)), height: box.style.height,
                         minWidth: box.style.minWidth};
      var rows = stacked(layout, gd._fullLayout);
      box.style.height = rows.height + 'px';
      box.style.minWidth = '0';
      forgetAngles(gd);
      window.Plotly.react(gd, gd.data, rows);
    } else if (!rowsWanted && layout.meta.ogpStacked && gd.__ogpColumns) {
      box.style.height = gd.__ogpColumns.height;
      box.style.minWidth = gd.__ogpColumns.minWidth;
      forgetAngles(gd);
      window.Plotly.react(gd, gd.data, gd.__ogpColumns.layout);
    }
  }

  function hook(gd) {
    if (gd.__ogpStackHooked || typeof gd.on !== 'function') { return; }
    gd.__ogpStackHooked = true;
    gd.on('plotly_afterplot', function () { fit(gd); });
    fit(gd);
  }

  function scan() {
    var graphs = document.querySelectorAll('.js-plotly-plot');
    for (var i = 0; i < graphs.length; i++) { hook(graphs[i]); }
  }

  new MutationObserver(scan).observe(document.documentElement, {subtree: true, childList: true});
  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var graphs = document.querySelectorAll('.js-plotly-plot');
      for (var i = 0; i < graphs.length; i++) { fit(graphs[i]); }
    }, 150);
  });
})();
