/* The date pickers' calendars in the page's language, not the browser's.
 *
 * dcc's date pickers take month and day names from window.dateFns.locale,
 * choosing by navigator.languages and otherwise taking the first locale
 * registered there.  04_date_fns_es.min.js (date-fns 4.4.0, MIT) registers
 * Spanish; here the registry is kept to the page's language (<html lang>, set
 * by the router): Spanish on a Spanish page whatever the browser, and empty on
 * an English page, where date-fns falls back to its built-in English.
 * The calendar's buttons carry English names of their own: on a Spanish page
 * they are renamed as the calendar opens, and its year box gets a name.
 */
(function () {
  var es = window.dateFns && window.dateFns.locale && window.dateFns.locale.es;
  var SPANISH = {
    'Previous month': 'Mes anterior', 'Next month': 'Mes siguiente',
    'Decrease value': 'Año anterior', 'Increase value': 'Año siguiente'
  };

  function spanish() {
    return (document.documentElement.lang || 'es').slice(0, 2) === 'es';
  }

  function follow() {
    window.dateFns = Object.assign({}, window.dateFns, {locale: spanish() && es ? {es: es} : {}});
  }

  function name() {
    var calendars = document.querySelectorAll('.dash-datepicker-content');
    for (var i = 0; i < calendars.length; i++) {
      var year = calendars[i].querySelector('input.dash-input-element');
      if (year && !year.hasAttribute('aria-label')) { year.setAttribute('aria-label', spanish() ? 'Año' : 'Year'); }
      if (!spanish()) { continue; }
      var named = calendars[i].querySelectorAll('[aria-label]');
      for (var j = 0; j < named.length; j++) {
        var label = SPANISH[named[j].getAttribute('aria-label')];
        if (label) { named[j].setAttribute('aria-label', label); }
      }
    }
  }

  follow();
  new MutationObserver(follow).observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
  new MutationObserver(name).observe(document.body || document.documentElement, {childList: true, subtree: true});
})();
