"""Pages: aanbieders, products and tariffs (every member of staff reads them: contract data, no personal data;
the beleidsmedewerker records tariffs), and the iWmo/iJw section of a zaak (only the consulent of the zaak's
domain: `services.vereis`). Rules stay in `services.py` and `tarieven.py`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from maatwerk.iwmo import services, tarieven, xmlbericht
from maatwerk.iwmo.forms import ImportFormulier, TariefFormulier, ToewijzingFormulier, VerzoekFormulier
from maatwerk.iwmo.models import Aanbieder, Bericht, Product, Verzoek, VerzoekStatus
from maatwerk.toegang.rollen import rollen
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.zaken.forms import fouten_overnemen
from maatwerk.zaken.models import Zaak

SECTIE = "sectie:"


def _personeel(request) -> None:
    """Aanbieders and tariffs are for staff with a role (not for a resident or an account without role)."""
    if not rollen(request.user):
        from maatwerk.toegang.beleid import GeenToegang

        raise GeenToegang("Alleen medewerkers van de gemeente zien aanbieders en tarieven.")


@inlog_vereist
def aanbieders(request):
    _personeel(request)
    lijst = Aanbieder.objects.prefetch_related("contracten").order_by("naam")
    return render(request, "iwmo/aanbieders.html", {**ui_context(request, "aanbieders"), "aanbieders": lijst})


@inlog_vereist
def aanbieder(request, pk: int):
    _personeel(request)
    a = get_object_or_404(Aanbieder, pk=pk)
    return render(request, "iwmo/aanbieder.html", {
        **ui_context(request, "aanbieders"), "aanbieder": a, "contracten": a.contracten.all(),
        "tarieven": a.tarieven.select_related("product").order_by("product__code", "van")})


@inlog_vereist
def producten(request):
    _personeel(request)
    vandaag = timezone.localdate()
    rijen = [{"product": p, "tarief": tarieven.tarief_op(p, vandaag)} for p in Product.objects.order_by("domein", "categorie", "code")]
    return render(request, "iwmo/producten.html", {**ui_context(request, "aanbieders"), "rijen": rijen, "vandaag": vandaag})


@inlog_vereist
def product(request, pk: int):
    _personeel(request)
    p = get_object_or_404(Product, pk=pk)
    mag = tarieven.mag_beheren(request.user, p.domein)
    form, status = None, 200
    if request.method == "POST":
        form = TariefFormulier(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                tarieven.leg_tarief_vast(request.user, product=p, aanbieder=d["aanbieder"], bedrag=d["bedrag"],
                                         van=d["van"], tot=d["tot"], bron=d["bron"])
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, "Het tarief is vastgelegd.")
                return redirect("iwmo:product", pk=p.pk)
        status = 400
    elif mag:
        form = TariefFormulier()
    if request.method == "POST" and not mag:  # the service refuses; keep the 403 explicit for the page
        tarieven.leg_tarief_vast(request.user, product=p, aanbieder=None, bedrag=0, van=None, tot=None, bron="")
    return render(request, "iwmo/product.html", {
        **ui_context(request, "aanbieders"), "product": p, "tarief_form": form if mag else None,
        "tarieven": p.tarieven.select_related("aanbieder").order_by("aanbieder__naam", "van"),
        "vandaag": timezone.localdate()}, status=status)


# ------------------------------------------------------------------ zaak


def sectie(request, zaak: Zaak, formulieren: dict | None = None) -> dict:
    """What the iWmo/iJw section shows (on the zaak page and on its own page); audited when shown."""
    if not services.mag(request.user, zaak):
        return {"toon_iwmo": False}
    formulieren = formulieren or {}
    berichten = list(services.berichten_van(request.user, zaak))
    besluiten = services.toewijsbare_besluiten(zaak)
    toewijzing_form = formulieren.get("toewijzing")
    if toewijzing_form is None and besluiten:
        b = besluiten[0]
        toewijzing_form = ToewijzingFormulier(domein=zaak.domein, initial={
            "ingangsdatum": b.ingangsdatum, "einddatum": b.einddatum})
    verzoeken = [{"verzoek": v, "form": formulieren.get(f"verzoek-{v.pk}") or VerzoekFormulier(prefix=f"verzoek-{v.pk}")}
                 for v in zaak.iwmo_verzoeken.select_related("aanbieder", "product", "toewijzing").order_by("-id")]
    return {
        "toon_iwmo": True,
        "iwmo_standaard": "iWmo" if zaak.domein == "wmo" else "iJw",
        "iwmo_berichten": berichten,
        "iwmo_toewijzingen": list(zaak.toewijzingen.select_related("product", "aanbieder", "besluit").order_by("nummer")),
        "iwmo_besluit": besluiten[0] if besluiten else None,
        "iwmo_toewijzing_form": toewijzing_form,
        "iwmo_import_form": formulieren.get("import") or ImportFormulier(),
        "iwmo_verzoeken": verzoeken,
        "iwmo_open": VerzoekStatus.OPEN,
    }


def _zaak(pk: int) -> Zaak:
    return get_object_or_404(Zaak.objects.select_related("hoofdpersoon"), pk=pk)


def _pagina(request, zaak: Zaak, formulieren: dict | None = None, status: int = 200):
    services.vereis(request.user, zaak, "view", "iwmo-berichten (pagina)")
    context = {**ui_context(request, "werkvoorraad"), "zaak": zaak, **sectie(request, zaak, formulieren)}
    return render(request, "iwmo/zaak.html", context, status=status)


@inlog_vereist
def zaak_berichten(request, pk: int):
    return _pagina(request, _zaak(pk))


def _naar_zaak(zaak: Zaak) -> str:
    return reverse("ui:zaak", args=[zaak.pk]) + "#iwmo"


@inlog_vereist
@require_POST
def toewijzing(request, pk: int):
    zaak = _zaak(pk)
    services.vereis(request.user, zaak, "change", "toewijzing (formulier)")
    form = ToewijzingFormulier(request.POST, domein=zaak.domein)
    besluiten = services.toewijsbare_besluiten(zaak)
    if form.is_valid():
        if not besluiten:
            form.add_error(None, "Er is op deze zaak geen toegekend besluit in natura dat is vastgesteld.")
        else:
            d = form.cleaned_data
            try:
                bericht = services.wijs_toe(request.user, besluiten[0], product=d["product"], aanbieder=d["aanbieder"],
                                            volume=d["volume"], eenheid=d["eenheid"], frequentie=d["frequentie"],
                                            ingangsdatum=d["ingangsdatum"], einddatum=d["einddatum"])
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, f"Toegewezen (toewijzingnummer {bericht.toewijzing.nummer}); de "
                                          f"{bericht.type_tekst} staat klaar om te downloaden.", extra_tags=SECTIE + "iwmo")
                return redirect(_naar_zaak(zaak))
    return _pagina(request, zaak, {"toewijzing": form}, status=400)


@inlog_vereist
@require_POST
def importeer(request, pk: int):
    zaak = _zaak(pk)
    services.vereis(request.user, zaak, "change", "iwmo-bericht (upload)")
    form = ImportFormulier(request.POST, request.FILES)
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        if bestand.size > xmlbericht.MAX_BYTES:
            form.add_error("bestand", f"Bestand: het bestand is groter dan {xmlbericht.MAX_BYTES // (1024 * 1024)} MB.")
        else:
            try:
                resultaat = services.importeer(request.user, bestand.read(), bestandsnaam=bestand.name or "", zaak=zaak)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                (messages.success if resultaat.goed else messages.warning)(
                    request, resultaat.samenvatting, extra_tags=SECTIE + "iwmo")
                return redirect(_naar_zaak(zaak))
    return _pagina(request, zaak, {"import": form}, status=400)


@inlog_vereist
@require_POST
def verzoek(request, pk: int):
    v = get_object_or_404(Verzoek.objects.select_related("zaak"), pk=pk)
    zaak = v.zaak
    services.vereis(request.user, zaak, "change", "verzoek aanbieder (formulier)")
    form = VerzoekFormulier(request.POST, prefix=f"verzoek-{v.pk}")
    if form.is_valid():
        akkoord = form.cleaned_data["beslissing"] == "toewijzen"
        try:
            bericht = services.beoordeel_verzoek(request.user, v, akkoord=akkoord, reden=form.cleaned_data["reden"])
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            tekst = (f"Verzoek toegewezen; de {bericht.type_tekst} staat klaar om te downloaden." if bericht
                     else "Verzoek afgewezen; de reden is vastgelegd.")
            messages.success(request, tekst, extra_tags=SECTIE + "iwmo")
            return redirect(_naar_zaak(zaak))
    return _pagina(request, zaak, {f"verzoek-{v.pk}": form}, status=400)


@inlog_vereist
def download(request, pk: int):
    bericht = services.bericht_voor(request.user, get_object_or_404(Bericht, pk=pk))
    antwoord = HttpResponse(bericht.xml.encode("utf-8"), content_type="application/xml; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{bericht.bestandsnaam or f"bericht-{bericht.pk}.xml"}"'
    return antwoord
