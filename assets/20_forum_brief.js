/* Forum brief (/forums/<code>/brief): the print button, and the footer of
   every printed page.  The footer is an @page margin box of the named page
   "brief" (assets/30_print.css puts the brief on it): the brief's address on
   the left, the print date and page numbers on the right.  Its text is set
   here because only the browser knows the address and the day it prints. */
(function () {
  'use strict';
  var STYLE_ID = 'brief-page-footer';
  var last = null;  // the latest context and address, to redo the date on printing

  function cssString(text) {
    return '"' + String(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ') + '"';
  }

  function today(lang) {
    return new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'es-PE',
                                         {day: 'numeric', month: 'long', year: 'numeric'});
  }

  function writeFooter() {
    if (!last) { return ''; }
    var ctx = last.context, printed = ctx.printed.replace('{date}', today(ctx.lang));
    var style = document.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      document.head.appendChild(style);
    }
    var box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #000;';
    style.textContent =
      '@page brief {' +
      ' @bottom-left { content: ' + cssString(last.href) + '; ' + box + ' vertical-align: top; }' +
      ' @bottom-right { content: ' + cssString(printed + ' · ' + ctx.page + ' ') + ' counter(page) ' +
      cssString(' ' + ctx.of + ' ') + ' counter(pages); ' + box + ' vertical-align: top; }' +
      '}';
    return ctx.this_brief + ': ' + last.href + ' · ' + printed;
  }

  // The date is the day the page is printed, even if it stayed open overnight.
  window.addEventListener('beforeprint', writeFooter);

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.forumBrief = {
    print: function (clicks) {
      if (clicks) { writeFooter(); window.print(); }
      return clicks || 0;
    },
    footer: function (href, context) {
      if (!href || !context) { return window.dash_clientside.no_update; }
      last = {href: href, context: context};
      return writeFooter();
    }
  };
})();
