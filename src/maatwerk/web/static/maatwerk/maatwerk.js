/* Maatwerk — small progressive enhancements on top of htmx. Everything works without JavaScript too:
 * every form is an ordinary POST that redirects back to the page. */
(function () {
  "use strict";
  var terugNaar = null;

  // Keep keyboard focus where the user was: after htmx replaces a part of the page, focus the part that
  // contained the form (an element with tabindex="-1", e.g. the criterion that was just saved).
  document.addEventListener("htmx:beforeRequest", function (e) {
    var deel = e.target.closest("[data-focus-na-opslaan]");
    terugNaar = deel ? deel.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!terugNaar) return;
    var deel = document.getElementById(terugNaar);
    terugNaar = null;
    if (deel) {
      var fout = deel.querySelector(".nl-error-summary");
      (fout || deel).focus();
    }
  });

  // "Afdrukken" buttons (no inline onclick: the Content-Security-Policy forbids inline script).
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-afdrukken]")) window.print();
  });

  // A refused or failed request is not swapped by htmx: say so in the status region instead of silence.
  document.addEventListener("htmx:responseError", function (e) {
    var regio = document.getElementById("meldingen");
    if (!regio) return;
    var code = e.detail.xhr ? e.detail.xhr.status : "";
    regio.innerHTML = '<div class="nl-alert nl-alert--error"><p>Opslaan is niet gelukt' +
      (code === 403 ? ": u heeft hiervoor geen toegang." : " (foutcode " + code + "). Vernieuw de pagina en probeer het opnieuw.") +
      "</p></div>";
  });
  document.addEventListener("htmx:sendError", function () {
    var regio = document.getElementById("meldingen");
    if (regio) regio.innerHTML = '<div class="nl-alert nl-alert--error"><p>Geen verbinding met de server. Uw invoer is niet opgeslagen; probeer het opnieuw.</p></div>';
  });
})();
