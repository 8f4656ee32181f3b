"""The handhaver's pages under /handhaving/. Views only ask and show: access, audit and the rules are in the
services (meldpunt, casustafel, inlichtingenbureau, huisbezoek, indicatoren). A refused form keeps what was
typed and answers 400 (bad input), 403 (action refused) or 409 (approving one's own indicator)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from maatwerk.handhaving import casustafel, forms, huisbezoek, indicatoren, inlichtingenbureau, meldpunt, toegang
from maatwerk.handhaving.models import Casustafel, Huisbezoek, Indicator, Melding, Richting, Signaal, SignaalStatus
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import NietGevonden
from maatwerk.toegang.rollen import rollen
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.paginering import pagineer
from maatwerk.zaken.fouten import VierOgenFout


def _pagina(request, template: str, context: dict, status: int = 200):
    return render(request, template, {**ui_context(request, "handhaving"), **context}, status=status)


def _fouten_op(form, fout: ValidationError) -> None:
    for veld, meldingen in fout.message_dict.items():
        form.add_error(veld if veld in form.fields else None, meldingen)


@inlog_vereist
def overzicht(request):
    """The casustafel queues (client and provider apart), open signals and the comparisons."""
    client = pagineer(request, meldpunt.wachtrij(request.user, Richting.CLIENT), parameter="clienten")
    aanbieder = pagineer(request, meldpunt.wachtrij(request.user, Richting.AANBIEDER), parameter="aanbieders")
    signalen = pagineer(request, Signaal.objects.filter(status=SignaalStatus.OPEN).select_related("inwoner", "vergelijking"),
                        parameter="signalen")
    toegang.log_inwoners(request.user, [s.inwoner for s in signalen], onderwerp="signaal (lijst)",
                         handeling=rechten.IB_VERGELIJKEN)
    return _pagina(request, "handhaving/overzicht.html", {
        "client": client, "aanbieder": aanbieder, "signalen": signalen,
        "vergelijkingen": inlichtingenbureau.vergelijkingen(request.user)[:12]})


@inlog_vereist
def melden(request):
    """A professional's report (or one received by phone or mail): any staff member may report."""
    if not rollen(request.user):
        raise NietGevonden()
    form = forms.MeldingMedewerkerFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bewijs = meldpunt.meld(form.cleaned_data, door=request.user)
        return _pagina(request, "handhaving/melding_ontvangen.html", {"bewijs": bewijs})
    return _pagina(request, "handhaving/melden.html", {"form": form}, status=400 if form.is_bound else 200)


def _casustafel_form(request, **onderwerp):
    form = forms.CasustafelFormulier(request.POST or None, prefix="casustafel")
    if request.method == "POST":
        toegang.vereis(request.user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.CREATE, onderwerp="casustafel")
        if form.is_valid():
            tafel = casustafel.leg_vast(request.user, form.cleaned_data, **onderwerp)
            return form, redirect("handhaving:casustafel", pk=tafel.pk)
    return form, None


@inlog_vereist
def melding(request, pk: int):
    if not toegang.mag(request.user, rechten.HANDHAVING_MELDINGEN):
        toegang.vereis(request.user, rechten.HANDHAVING_MELDINGEN, toegang.VIEW, onderwerp="melding handhaving")
    m = meldpunt.bekijk(request.user, get_object_or_404(Melding, pk=pk))
    form, klaar = _casustafel_form(request, melding=m)
    if klaar:
        return klaar
    return _pagina(request, "handhaving/melding.html", {"melding": m, "form": form, "tafels": m.casustafels.all()},
                   status=400 if form.is_bound else 200)


@inlog_vereist
def signaal(request, pk: int):
    if not toegang.mag(request.user, rechten.IB_VERGELIJKEN):
        toegang.vereis(request.user, rechten.IB_VERGELIJKEN, toegang.VIEW, onderwerp="signaal")
    s = inlichtingenbureau.bekijk_signaal(request.user, get_object_or_404(Signaal.objects.select_related("inwoner"), pk=pk))
    form, klaar = _casustafel_form(request, signaal=s)
    if klaar:
        return klaar
    return _pagina(request, "handhaving/signaal.html", {"signaal": s, "form": form, "tafels": s.casustafels.all()},
                   status=400 if form.is_bound else 200)


@inlog_vereist
def casustafel_detail(request, pk: int):
    if not toegang.mag(request.user, rechten.CASUSTAFEL_VASTLEGGEN):
        toegang.vereis(request.user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.VIEW, onderwerp="casustafel")
    tafel = casustafel.bekijk(request.user, get_object_or_404(Casustafel.objects.select_related("melding", "signaal"), pk=pk))
    return _pagina(request, "handhaving/casustafel.html", {"tafel": tafel})


@inlog_vereist
def vergelijkingen(request):
    """Import a monthly Inlichtingenbureau file; the list of earlier runs with their totals."""
    runs = inlichtingenbureau.vergelijkingen(request.user)
    form = forms.VergelijkingFormulier(request.POST or None, request.FILES or None)
    if request.method == "POST":
        toegang.vereis(request.user, rechten.IB_VERGELIJKEN, toegang.CREATE, onderwerp="Inlichtingenbureau")
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                run = inlichtingenbureau.vergelijk(request.user, bestand.read(inlichtingenbureau.MAX_BYTES + 1),
                                                   bestand.name, form.cleaned_data["maand"])
            except ValidationError as fout:
                _fouten_op(form, fout)
            else:
                return redirect("handhaving:vergelijking", pk=run.pk)
    return _pagina(request, "handhaving/vergelijkingen.html", {"form": form, "pagina": pagineer(request, runs)},
                   status=400 if form.is_bound else 200)


@inlog_vereist
def vergelijking(request, pk: int):
    if not toegang.mag(request.user, rechten.IB_VERGELIJKEN):
        toegang.vereis(request.user, rechten.IB_VERGELIJKEN, toegang.VIEW, onderwerp="Inlichtingenbureau")
    run = inlichtingenbureau.bekijk(request.user, get_object_or_404(inlichtingenbureau.Vergelijking, pk=pk))
    signalen = pagineer(request, run.signalen.select_related("inwoner", "indicator"))
    toegang.log_inwoners(request.user, [s.inwoner for s in signalen], onderwerp="signaal (lijst)",
                         handeling=rechten.IB_VERGELIJKEN, toelichting=f"vergelijking {run.pk}")
    return _pagina(request, "handhaving/vergelijking.html", {"run": run, "signalen": signalen})


@inlog_vereist
def huisbezoek_nieuw(request):
    if not toegang.mag(request.user, rechten.HUISBEZOEK_VASTLEGGEN):
        toegang.vereis(request.user, rechten.HUISBEZOEK_VASTLEGGEN,
                       toegang.CREATE if request.method == "POST" else toegang.VIEW, onderwerp="huisbezoek")
    tafel = None
    if request.GET.get("casustafel", "").isdigit():
        tafel = Casustafel.objects.filter(pk=int(request.GET["casustafel"])).first()
    form = forms.HuisbezoekFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bezoek = huisbezoek.leg_vast(request.user, form.cleaned_data, casustafel=tafel)
        except ValidationError as fout:
            _fouten_op(form, fout)
        else:
            return redirect("handhaving:huisbezoek", pk=bezoek.pk)
    return _pagina(request, "handhaving/huisbezoek_nieuw.html", {"form": form, "tafel": tafel},
                   status=400 if form.is_bound else 200)


@inlog_vereist
def huisbezoek_detail(request, pk: int):
    if not toegang.mag(request.user, rechten.HUISBEZOEK_VASTLEGGEN):
        toegang.vereis(request.user, rechten.HUISBEZOEK_VASTLEGGEN, toegang.VIEW, onderwerp="huisbezoek")
    bezoek = huisbezoek.bekijk(request.user, get_object_or_404(Huisbezoek.objects.select_related("inwoner"), pk=pk))
    return _pagina(request, "handhaving/huisbezoek.html", {"bezoek": bezoek})


def _mag_register(user) -> bool:
    return (rechten.ooit_toegestaan(rollen(user), rechten.INDICATOR_REGISTREREN)
            or rechten.ooit_toegestaan(rollen(user), rechten.INDICATOR_GOEDKEUREN))


@inlog_vereist
def indicatoren_lijst(request):
    if not _mag_register(request.user):
        raise NietGevonden()
    mag_registreren = rechten.ooit_toegestaan(rollen(request.user), rechten.INDICATOR_REGISTREREN)
    form = forms.IndicatorFormulier(request.POST or None, prefix="indicator") if mag_registreren else None
    if request.method == "POST":
        if form is None:
            toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator")
        if form.is_valid():
            try:
                indicator = indicatoren.registreer(request.user, form.cleaned_data)
            except ValidationError as fout:
                _fouten_op(form, fout)
            else:
                return redirect("handhaving:indicator", pk=indicator.pk)
    rijen = [(i, indicatoren.status_tekst(i)) for i in Indicator.objects.prefetch_related("goedkeuringen").order_by("naam", "versie", "id")]
    return _pagina(request, "handhaving/indicatoren.html", {"rijen": rijen, "form": form},
                   status=400 if form is not None and form.is_bound else 200)


@inlog_vereist
def indicator(request, pk: int):
    if not _mag_register(request.user):
        raise NietGevonden()
    i = get_object_or_404(Indicator.objects.prefetch_related("goedkeuringen__door"), pk=pk)
    mag_goedkeuren = rechten.ooit_toegestaan(rollen(request.user), rechten.INDICATOR_GOEDKEUREN)
    form = forms.GoedkeuringFormulier(request.POST or None, prefix="goedkeuring")
    status = 200
    if request.method == "POST":
        if not mag_goedkeuren:
            toegang.vereis(request.user, rechten.INDICATOR_GOEDKEUREN, toegang.CHANGE, onderwerp="indicator")
        status = 400
        if form.is_valid():
            try:
                indicatoren.keur_goed(request.user, i, form.cleaned_data["toelichting"])
            except VierOgenFout as fout:
                form.add_error(None, fout.bericht)
                status = 409
            except ValidationError as fout:
                _fouten_op(form, fout)
                status = 409
            else:
                return redirect("handhaving:indicator", pk=i.pk)
    return _indicator_pagina(request, i, goedkeuring=form if mag_goedkeuren else None, status=status)


def _indicator_pagina(request, i: Indicator, *, goedkeuring=None, wijziging=None, buiten_gebruik=None, status=200):
    mag_registreren = rechten.ooit_toegestaan(rollen(request.user), rechten.INDICATOR_REGISTREREN)
    actueel = i.buiten_gebruik_op is None and not i.opvolgers.exists()
    if mag_registreren and actueel:
        wijziging = wijziging or forms.IndicatorWijzigingFormulier(
            prefix="wijziging", initial={k: getattr(i, k) for k in indicatoren.VELDEN})
        buiten_gebruik = buiten_gebruik or forms.BuitenGebruikFormulier(prefix="buiten")
    return _pagina(request, "handhaving/indicator.html", {
        "indicator": i, "status_tekst": indicatoren.status_tekst(i), "form": goedkeuring if actueel else None,
        "goedkeuringen": list(i.goedkeuringen.all()), "nodig": indicatoren.BENODIGDE_GOEDKEURINGEN,
        "opvolger": indicatoren.opvolger(i), "wijziging": wijziging if actueel else None,
        "buiten_gebruik": buiten_gebruik if actueel else None,
        "algoritmeregister": indicatoren.als_algoritmeregister(i)}, status=status)


@inlog_vereist
def indicator_wijzigen(request, pk: int):
    """POST only: a new version of the indicator, which needs two approvals before it is used."""
    if not _mag_register(request.user):
        raise NietGevonden()
    i = get_object_or_404(Indicator.objects.prefetch_related("goedkeuringen__door"), pk=pk)
    if request.method != "POST":
        return redirect("handhaving:indicator", pk=i.pk)
    toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator")
    form = forms.IndicatorWijzigingFormulier(request.POST, prefix="wijziging")
    if form.is_valid():
        try:
            nieuw = indicatoren.wijzig(request.user, i, form.cleaned_data)
        except ValidationError as fout:
            _fouten_op(form, fout)
        else:
            return redirect("handhaving:indicator", pk=nieuw.pk)
    return _indicator_pagina(request, i, wijziging=form, status=400)


@inlog_vereist
def indicator_buiten_gebruik(request, pk: int):
    """POST only: take the indicator out of use from today, with the reason the public register shows."""
    if not _mag_register(request.user):
        raise NietGevonden()
    i = get_object_or_404(Indicator.objects.prefetch_related("goedkeuringen__door"), pk=pk)
    if request.method != "POST":
        return redirect("handhaving:indicator", pk=i.pk)
    toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CHANGE, onderwerp="indicator")
    form = forms.BuitenGebruikFormulier(request.POST, prefix="buiten")
    if form.is_valid():
        try:
            indicatoren.stel_buiten_gebruik(request.user, i, form.cleaned_data["reden"])
        except ValidationError as fout:
            _fouten_op(form, fout)
        else:
            return redirect("handhaving:indicator", pk=i.pk)
    return _indicator_pagina(request, i, buiten_gebruik=form, status=400)


