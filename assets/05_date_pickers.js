/* Dash 4's date pickers, repaired as they are drawn: the page's one observer.
 *
 * 1. Accessibility: DatePickerSingle puts a popup trigger's ARIA attributes
 *    (aria-expanded, aria-haspopup, type) on a plain <div> around its input,
 *    which WCAG 4.1.2 does not allow and axe-core reports as critical; the
 *    input inside is the control, so the attributes are removed from the wrapper.
 * 2. Language: the calendars take month and day names from
 *    window.dateFns.locale, choosing by navigator.languages and otherwise the
 *    first locale registered there.  04_date_fns_es.min.js (date-fns 4.4.0,
 *    MIT) registers Spanish; here the registry follows the page's language
 *    (<html lang>, set by the router): Spanish on a Spanish page whatever the
 *    browser, empty on an English page, where date-fns falls back to English.
 * 3. Names: the calendar's buttons carry English names of their own: on a
 *    Spanish page they are renamed as the calendar opens, and its year box
 *    gets a name.
 */
(function () {
  'use strict';

  var ATTRS = ['aria-expanded', 'aria-haspopup', 'aria-disabled', 'type'];
  var es = window.dateFns && window.dateFns.locale && window.dateFns.locale.es;
  var SPANISH = {
    'Previous month': 'Mes anterior', 'Next month': 'Mes siguiente',
    'Decrease value': 'Año anterior', 'Increase value': 'Año siguiente'
  };
  var followed = null;

  function spanish() {
    return (document.documentElement.lang || 'es').slice(0, 2) === 'es';
  }

  function follow() {
    if (followed === spanish()) { return; }
    followed = spanish();
    window.dateFns = Object.assign({}, window.dateFns, {locale: followed && es ? {es: es} : {}});
  }

  function repair() {
    var wrappers = document.querySelectorAll('.dash-datepicker-input-wrapper');
    for (var i = 0; i < wrappers.length; i++) {
      for (var j = 0; j < ATTRS.length; j++) {
        if (wrappers[i].hasAttribute(ATTRS[j])) { wrappers[i].removeAttribute(ATTRS[j]); }
      }
    }
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
  new MutationObserver(function () { follow(); repair(); name(); }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ATTRS.concat(['lang'])
  });
})();
