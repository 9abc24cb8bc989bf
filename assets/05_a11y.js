/* Accessibility repairs for Dash 4 components, applied as they are drawn.
 *
 * DatePickerSingle puts a popup trigger's ARIA attributes (aria-expanded,
 * aria-haspopup, type) on a plain <div> around its input, which WCAG 4.1.2
 * does not allow and axe-core reports as critical; the input inside is the
 * control, so the attributes are removed from the wrapper.
 */
(function () {
  var ATTRS = ['aria-expanded', 'aria-haspopup', 'aria-disabled', 'type'];
  function repair() {
    var wrappers = document.querySelectorAll('.dash-datepicker-input-wrapper');
    for (var i = 0; i < wrappers.length; i++) {
      for (var j = 0; j < ATTRS.length; j++) {
        if (wrappers[i].hasAttribute(ATTRS[j])) { wrappers[i].removeAttribute(ATTRS[j]); }
      }
    }
  }
  new MutationObserver(repair).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ATTRS
  });
})();
