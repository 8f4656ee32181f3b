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

  // After an expired session (maatwerk.web.formulier_bewaren): put the kept values back into the form that posts
  // to the kept action, on pages whose view did not already do so. Never submits: the user checks and sends.
  document.addEventListener("DOMContentLoaded", function () {
    var bron = document.getElementById("nl-bewaard-formulier");
    if (!bron) return;
    var bewaard;
    try { bewaard = JSON.parse(bron.getAttribute("data-formulier")); } catch (e) { return; }
    var formulier = null;
    document.querySelectorAll("form[action]").forEach(function (f) {
      if (!formulier && new URL(f.getAttribute("action"), location.href).pathname === bewaard.actie) formulier = f;
    });
    if (!formulier) return;
    var gezien = {};
    bewaard.velden.forEach(function (paar) {
      var naam = paar[0], waarde = paar[1];
      formulier.querySelectorAll("[name]").forEach(function (el) {
        if (el.name !== naam || el.type === "hidden" || el.type === "file" || el.type === "password") return;
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.value === waarde) el.checked = true;
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { if (o.value === waarde) o.selected = true; });
        } else if (!gezien[naam]) {
          el.value = waarde;
        }
      });
      gezien[naam] = true;
    });
    var details = formulier.closest("details");
    if (details) details.open = true;
  });
})();

/* Ambtshalve batch (issue 12 point 4): the "Verwerken" form posts step after step (JSON) and moves the <progress>
 * element until the batch is done, then reloads the page with the outcomes. Without JavaScript the form posts once
 * per click and the page shows the new progress. */
(function () {
  "use strict";
  document.addEventListener("submit", function (e) {
    var formulier = e.target.closest && e.target.closest("form[data-ambtshalve-verwerk]");
    if (!formulier || !window.fetch) return;
    e.preventDefault();
    var balk = document.getElementById("voortgang");
    var tekst = document.getElementById("voortgang-tekst");
    var knop = formulier.querySelector("button");
    var token = formulier.querySelector("input[name=csrfmiddlewaretoken]").value;
    if (knop) knop.disabled = true;
    function stap() {
      fetch(formulier.action, {method: "POST", credentials: "same-origin",
                               headers: {"Accept": "application/json", "X-CSRFToken": token}})
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then(function (d) {
          if (balk) { balk.max = d.totaal; balk.value = d.verwerkt; balk.textContent = d.verwerkt + " van " + d.totaal; }
          if (tekst) tekst.textContent = d.verwerkt + " van " + d.totaal + " huishoudens beoordeeld.";
          if (d.klaar) { window.location.reload(); } else { stap(); }
        })
        .catch(function (fout) {
          if (tekst) tekst.textContent = "Verwerken is gestopt (" + fout.message + "). Wat klaar was, is bewaard; klik opnieuw op Verwerken om verder te gaan.";
          if (knop) knop.disabled = false;
        });
    }
    stap();
  });
})();
