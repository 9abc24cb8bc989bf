/* "The data cannot be read right now": shown when a callback answers 503.
 *
 * The server answers a callback with 503 and a JSON body holding the message
 * in both languages when the database is away (dashboard/availability.py).
 * Dash's renderer calls its public `callback_resolved` hook (set in the app
 * factory) after every callback; on a 503 this shows the message, in the
 * page's language, in the alert above the page; the next callback that
 * succeeds hides it again.  (The page may be blank: the router's own callback
 * could not draw it, so the alert sits outside the page's frame.)
 */
(function () {
  var ALERT_ID = 'data-unavailable-alert';
  var shown = false;

  function setAlert(props) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(ALERT_ID, props);
    }
  }

  window.ogpDataUnavailable = function (result) {
    var error = result && result.error;
    if (error && error.status === 503 && typeof error.json === 'function') {
      error.json().then(function (body) {
        // The page's language is in its link; without one, the server chose
        // from the browser's languages.
        var lang = new URLSearchParams(window.location.search).get('lang');
        var message = (lang && body.messages && body.messages[lang]) || body.message;
        if (message) {
          shown = true;
          setAlert({children: message, hidden: false});
        }
      }).catch(function () { /* not our JSON: Dash reports the failure itself */ });
    } else if (shown && result && !error) {
      shown = false;
      setAlert({hidden: true});
    }
  };
})();
