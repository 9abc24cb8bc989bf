/* Commitment explorer: AG Grid cell renderers and the IRM rank comparator.
   dash-ag-grid looks renderers up in window.dashAgGridComponentFunctions and
   functions in window.dashAgGridFunctions; other views may add theirs too. */
(function () {
  'use strict';
  var h = window.React.createElement;
  var components = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});
  var functions = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

  var URL_ID = 'url';  // dashboard/ids.py URL: the app's dcc.Location (refresh=False)

  // In-app navigation, no page reload: the app's dcc.Location is given the new
  // path and query (Dash's set_props); it adds the history entry and the router follows.
  function navigate(href) {
    var target = new URL(href, window.location.href);
    window.dash_clientside.set_props(URL_ID, {pathname: target.pathname, search: target.search});
    window.scrollTo(0, 0);
  }

  // The id, as a real link: keyboard, middle-click and "open in new tab" work.
  components.OgpCommitmentLink = function (props) {
    var data = props.data || {};
    if (!data.href) { return props.value || ''; }
    return h('a', {
      href: data.href + window.location.search,
      className: 'commitment-link',
      onClick: function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
        event.preventDefault();
        navigate(data.href + window.location.search);
      }
    }, props.value);
  };

  // Progress: the number, and a small bar that repeats it (hidden from screen readers).
  components.OgpProgressCell = function (props) {
    var data = props.data || {};
    if (props.value === null || props.value === undefined) {
      return h('span', {className: 'progress-none'}, '—');
    }
    var width = Math.max(0, Math.min(100, Number(props.value)));
    return h('span', {className: 'progress-cell'},
      h('span', {className: 'progress-number'}, data.progress_text),
      h('span', {className: 'progress-track', 'aria-hidden': 'true'},
        h('span', {className: 'progress-fill', style: {width: width + '%'}})));
  };

  components.OgpStatusPill = function (props) {
    var code = (props.data || {}).implementation || 'no_data';
    return h('span', {className: 'status-pill status-' + code}, props.value);
  };

  // Starred: a star, with words for screen readers; otherwise "No" or the sentinel as given.
  components.OgpStarCell = function (props) {
    var data = props.data || {};
    if (data.starred) {
      return h('span', {className: 'star-cell', title: props.label},
        h('span', {'aria-hidden': 'true'}, '★'),
        h('span', {className: 'visually-hidden'}, props.label));
    }
    return h('span', {className: 'star-none'}, props.value);
  };

  // IRM columns sort by the scale's order (the rank each row carries), not alphabetically.
  // AG Grid calls a comparator with (valueA, valueB, nodeA, nodeB, isDescending).
  function rankComparator(key) {
    return function (valueA, valueB, nodeA, nodeB) {
      var a = nodeA && nodeA.data ? Number(nodeA.data[key]) : -1;
      var b = nodeB && nodeB.data ? Number(nodeB.data[key]) : -1;
      return a - b;
    };
  }
  ['potential_impact', 'potential_for_results', 'completion', 'did_it_open_government', 'early_results']
    .forEach(function (field) { functions['ogpRank_' + field] = rankComparator(field + '_rank'); });
})();
