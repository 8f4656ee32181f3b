"""Consulent web UI — intake and the household page.

- intake ("Nieuwe melding"): find an inwoner by BSN or register a new one with his household;
- the household page: members with their relation, all the household's zaken together (a zaak the user may
  not see is named only by its domain) with, for a visible zaak, its besluiten and open bezwaren (read by
  maatwerk.besluiten.overzicht), the consent register and the legal grounds of its members;
- pages to add a member, to register a melding and to record monthly income and vermogen.

Every decision is taken by a service (maatwerk.personen.services, maatwerk.zaken.services/procedure,
maatwerk.toegang.register) and access by maatwerk.toegang.beleid, which also writes the audit log. Bad input
re-renders the page with status 400 and the posted values kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten import overzicht as besluiten_overzicht
from maatwerk.personen import services as personen
from maatwerk.personen.forms import (
    IntakeBekendFormulier,
    IntakeFormulier,
    InkomenFormulier,
    InwonerVelden,
    LidFormulier,
    MeldingFormulier,
    VermogenFormulier,
)
from maatwerk.personen.models import Huishouden, Huishoudlid, Inwoner
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import SoortGrond, Toestemming, WettelijkeGrondslag
from maatwerk.toegang.rollen import KWALITEITSMEDEWERKER, domeinen, heeft_rol, ontvangers
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.zaken import intake as intake_service
from maatwerk.zaken import procedure, ui_services
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.forms import fouten_overnemen
from maatwerk.zaken.models import Status
from maatwerk.zaken.regelingen import DOMEINEN
from maatwerk.zaken.services import meld_zaak

ONGELDIG = 400


def _leeftijd(geboortedatum, op) -> int:
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def _huishouden_of_404(pk: int) -> Huishouden:
    return get_object_or_404(Huishouden, pk=pk)


def _leden(hh: Huishouden) -> list[Inwoner]:
    return [lid.inwoner for lid in hh.huidige_lidmaatschappen()]


def _naar_huishouden(hh: Huishouden, anker: str = "") -> str:
    return reverse("ui:huishouden", args=[hh.pk]) + (f"#{anker}" if anker else "")


def _vereis_consulent(user) -> None:
    if not domeinen(user):
        raise PermissionDenied("Alleen een consulent kan inwoners, huishoudens en meldingen registreren.")


# ------------------------------------------------------------------ household page


def huishouden_context(request, hh: Huishouden, formulieren: dict | None = None) -> dict:
    """Everything the household page shows; `formulieren` holds bound forms with errors (consent, legal ground)."""
    from maatwerk.toegang.forms import GrondslagFormulier, ToestemmingFormulier

    formulieren = formulieren or {}
    user = request.user
    vandaag = timezone.localdate()
    huidig = list(hh.huidige_lidmaatschappen())
    leden = [{"lid": lid, "inwoner": lid.inwoner, "leeftijd": _leeftijd(lid.inwoner.geboortedatum, vandaag)} for lid in huidig]
    inwoners = [lid.inwoner for lid in huidig]
    eerder = list(hh.lidmaatschappen.filter(tot__isnull=False).select_related("inwoner").order_by("-tot"))
    zaken, zichtbaar = [], []
    for zaak in hh.zaken.select_related("hoofdpersoon").order_by("-ontvangen_op", "-id"):
        grond = beleid.grond_zaak(user, zaak, beleid.VIEW)
        if grond.toegestaan:
            zichtbaar.append(zaak)
            zaken.append({"zaak": zaak, "toegang": True, "grond": grond,
                          "termijnen": ui_services.termijnen_van(zaak, vandaag)})
        else:
            zaken.append({"zaak": None, "toegang": False, "domein": DOMEINEN[zaak.domein]})
    beleid.log_lijst_zaken(user, zichtbaar, toelichting=f"huishouden {hh.pk}")
    # Besluiten and open bezwaren per zaak: the besluiten app reads them and applies the access policy itself.
    besluiten = besluiten_overzicht.per_zaak(user, zichtbaar, vandaag=vandaag)
    for z in zaken:
        if z["toegang"]:
            z["besluiten"] = besluiten.get(z["zaak"].pk)

    wijzig = beleid.grond_huishouden(user, hh, beleid.CHANGE)
    mag_wijzigen = wijzig.toegestaan and bool(domeinen(user))
    # Consent is recorded by a consulent who has the inwoner in his own domain (toegang.register decides per inwoner).
    kan_toestemming = mag_wijzigen and wijzig.soort == SoortGrond.EIGEN_DOMEIN
    toestemming_form = formulieren.get("toestemming")
    if toestemming_form is None and kan_toestemming:
        toestemming_form = ToestemmingFormulier(leden=inwoners, uitgesloten=ontvangers(user))
    grondslag_form = formulieren.get("grondslag")
    if grondslag_form is None and heeft_rol(user, KWALITEITSMEDEWERKER) and inwoners:
        grondslag_form = GrondslagFormulier(leden=inwoners)
    toestemmingen = [
        {"t": t, "kan_intrekken": t.ingetrokken_op is None
         and beleid.grond_inwoner(user, t.inwoner, beleid.CHANGE).toegestaan and bool(domeinen(user)),
         # Shown to the possible second person; toegang.register.bevestig_toestemming decides.
         "kan_bevestigen": t.wacht_op_bevestiging and t.domein in domeinen(user) and t.vastgelegd_door_id != user.pk
         and t.ontvanger not in ontvangers(user)}
        for t in Toestemming.objects.filter(inwoner__in=inwoners).select_related("inwoner", "vastgelegd_door", "ingetrokken_door")
    ]
    grondslagen = list(WettelijkeGrondslag.objects.filter(inwoner__in=inwoners).select_related("inwoner", "vastgelegd_door"))
    return {**ui_context(request, "werkvoorraad"), "huishouden": hh, "leden": leden, "eerder": eerder,
            "zaken": zaken, "vandaag": vandaag, "mag_wijzigen": mag_wijzigen, "kan_toestemming": kan_toestemming,
            "toestemmingen": toestemmingen, "grondslagen": grondslagen,
            "signalen": beleid.zichtbare_signalen(user, hh),
            "mag_melden": beleid.grond_melden(user, hh).toegestaan,
            "toestemming_form": toestemming_form, "grondslag_form": grondslag_form}


def toon_huishouden(request, hh: Huishouden, formulieren: dict | None = None, status: int = 200):
    beleid.vereis_huishouden(request.user, hh, beleid.VIEW)
    return render(request, "personen/huishouden.html", huishouden_context(request, hh, formulieren), status=status)


@inlog_vereist
def huishouden(request, pk: int):
    return toon_huishouden(request, _huishouden_of_404(pk))


# ------------------------------------------------------------------ intake: find or register


@inlog_vereist
def intake(request):
    """Nieuwe melding, step 1: is the inwoner known (BSN)? If not, register him and his household."""
    user = request.user
    _vereis_consulent(user)
    zoek_bsn = (request.GET.get("bsn") or "").strip().replace(" ", "")
    gevonden = []
    if zoek_bsn:
        for inwoner in beleid.zichtbare_inwoners(user).filter(bsn=zoek_bsn):
            lidmaatschap = Huishoudlid.objects.filter(inwoner=inwoner, tot__isnull=True).select_related("huishouden").first()
            gevonden.append({"inwoner": inwoner, "huishouden": lidmaatschap.huishouden if lidmaatschap else None})
        beleid.log_lijst_inwoners(user, [g["inwoner"] for g in gevonden], toelichting="intake: zoeken op BSN")
        # Whether the BSN exists elsewhere is not said (issue 7): the intake route asks proof of presence instead.

    status = 200
    if request.method == "POST":
        form = IntakeFormulier(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():  # the inwoner and his household, or neither
                    inwoner = personen.registreer_inwoner(user, **form.persoon())
                    hh = personen.maak_huishouden(user, naam=form.naam_huishouden(), aanvrager=inwoner)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, f"{inwoner.naam} is geregistreerd als aanvrager van {hh.naam}. Voeg eventueel "
                                          "huisgenoten toe en registreer de melding.")
                return redirect(_naar_huishouden(hh))
        status = ONGELDIG
    else:
        form = IntakeFormulier(initial={"bsn": zoek_bsn} if zoek_bsn and not gevonden else None)
    context = {**ui_context(request, "werkvoorraad"), "form": form, "zoek_bsn": zoek_bsn, "gevonden": gevonden}
    return render(request, "personen/intake.html", context, status=status)


@inlog_vereist
def intake_bekend(request):
    """The intake route for an inwoner known only to other domains (zaken.intake.meld_via_intake): BSN and
    geboortedatum from his identity document, the regeling and a reason. A mismatch never says which part."""
    user = request.user
    _vereis_consulent(user)
    status = 200
    if request.method == "POST":
        form = IntakeBekendFormulier(request.POST, domeinen=domeinen(user))
        if form.is_valid():
            try:
                zaak = intake_service.meld_via_intake(user, **form.cleaned_data)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, f"De melding is geregistreerd als zaak {zaak.pk}. De andere domeinen van het "
                                          "huishouden zien dat er een melding is gedaan, niet de inhoud.")
                return redirect("ui:zaak", pk=zaak.pk)
        status = ONGELDIG
    else:
        form = IntakeBekendFormulier(domeinen=domeinen(user))
    return render(request, "personen/intake_bekend.html", {**ui_context(request, "werkvoorraad"), "form": form},
                  status=status)


# ------------------------------------------------------------------ members


@inlog_vereist
def lid_toevoegen(request, pk: int):
    """Add a member: an inwoner already registered (by BSN) or a new one."""
    hh = _huishouden_of_404(pk)
    user = request.user
    status = 200
    beleid.vereis_huishouden(user, hh, beleid.VIEW, onderwerp="huishoudlid", toelichting="formulier lid toevoegen")
    beleid.vereis_melden(user, hh, onderwerp="huishoudlid")
    if request.method == "POST":
        form = LidFormulier(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            bestaand = Inwoner.objects.filter(bsn=d["bsn"]).first()
            try:
                with transaction.atomic():  # a new inwoner only together with his membership
                    inwoner = bestaand or personen.registreer_inwoner(user, **form.persoon())
                    personen.voeg_lid_toe(user, hh, inwoner, rol=d["rol"], relatie=d["relatie"], vanaf=d.get("vanaf"),
                                          geboortedatum=d.get("geboortedatum") if bestaand else None)
            except ValidationError as fout:
                fouten_overnemen(form, _inwoner_naar_bsn(fout))
            else:
                wie = "Bestaande inwoner" if bestaand else "Nieuwe inwoner"
                messages.success(request, f"{wie} {inwoner.naam} is toegevoegd aan {hh.naam}.")
                return redirect(_naar_huishouden(hh, "leden-kop"))
        status = ONGELDIG
    else:
        form = LidFormulier()
    context = {**ui_context(request, "werkvoorraad"), "huishouden": hh, "leden": _leden(hh), "form": form}
    return render(request, "personen/lid.html", context, status=status)


def _inwoner_naar_bsn(fout: ValidationError) -> ValidationError:
    """voeg_lid_toe names the field 'inwoner'; on this form the inwoner is identified by the BSN field."""
    if hasattr(fout, "error_dict") and "inwoner" in fout.error_dict:
        berichten = fout.message_dict
        berichten["bsn"] = berichten.pop("inwoner") + berichten.get("bsn", [])
        return ValidationError(berichten)
    return fout


# ------------------------------------------------------------------ melding


def _meld(user, hh: Huishouden, d: dict):
    """meld_zaak, and when the first conversation already took place, the step melding -> onderzoek with that
    date (art. 2:1 onder b, 2:3 lid 1) — both or neither. A refusal by the access policy is raised by
    meld_zaak outside the transaction, so its audit line stays."""
    hoofdpersoon = Inwoner.objects.get(pk=d["hoofdpersoon"])
    beleid.vereis_melden(user, hh, onderwerp="zaak")  # outside the transaction below: a refusal stays logged
    velden = dict(huishouden=hh, hoofdpersoon=hoofdpersoon, regeling=d["regeling"], omschrijving=d["omschrijving"],
                  ontvangen_op=d["ontvangen_op"], kosten=d.get("kosten"))
    if not d.get("gesprekdatum") or not beleid.mag_regeling_behandelen(user, d["regeling"]):
        return meld_zaak(user, **velden)
    with transaction.atomic():
        zaak = meld_zaak(user, **velden)
        try:
            procedure.voer_uit(zaak, Status.ONDERZOEK, user, datum=d["gesprekdatum"])
        except ValidationError as fout:
            if hasattr(fout, "error_dict") and "datum" in fout.error_dict:
                berichten = fout.message_dict
                berichten["gesprekdatum"] = berichten.pop("datum")
                raise ValidationError(berichten) from None
            raise
        except ProcedureFout as fout:
            raise ValidationError({"gesprekdatum": [str(fout)]}) from None
    return zaak


@inlog_vereist
def melding(request, pk: int):
    """Register a melding for a member of this household, for a regeling of the consulent's own domain."""
    hh = _huishouden_of_404(pk)
    user = request.user
    beleid.vereis_huishouden(user, hh, beleid.VIEW, onderwerp="huishouden", toelichting="formulier nieuwe melding")
    _vereis_consulent(user)
    beleid.vereis_melden(user, hh, onderwerp="zaak", toelichting="formulier nieuwe melding")
    leden = _leden(hh)
    status = 200
    if request.method == "POST":
        form = MeldingFormulier(request.POST, leden=leden, domeinen=domeinen(user))
        if form.is_valid():
            try:
                zaak = _meld(user, hh, form.cleaned_data)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, f"De melding is geregistreerd als zaak {zaak.pk}.")
                return redirect("ui:zaak", pk=zaak.pk)
        status = ONGELDIG
    else:
        initial = {"ontvangen_op": timezone.localdate()}
        if request.GET.get("hoofdpersoon", "").isdigit():
            initial["hoofdpersoon"] = int(request.GET["hoofdpersoon"])
        form = MeldingFormulier(leden=leden, domeinen=domeinen(user), initial=initial)
    context = {**ui_context(request, "werkvoorraad"), "huishouden": hh, "form": form}
    return render(request, "personen/melding.html", context, status=status)


# ------------------------------------------------------------------ monthly income and vermogen


@inlog_vereist
def inkomen(request, pk: int):
    """Net monthly income and vermogen of the members (the Regelkern's input). POST `formulier=inkomen|vermogen`;
    the services check access per inwoner and keep every record (a wrong one lapses, nothing is deleted)."""
    hh = _huishouden_of_404(pk)
    user = request.user
    leden = _leden(hh)
    formulieren = {}
    status = 200
    if request.method == "POST":
        soort = request.POST.get("formulier")
        klasse = {"inkomen": InkomenFormulier, "vermogen": VermogenFormulier}.get(soort)
        if klasse is None:
            messages.error(request, "Onbekend formulier; kies inkomen of vermogen.")
            return redirect("ui:huishouden_inkomen", pk=hh.pk)
        form = klasse(request.POST, leden=leden)
        if form.is_valid():
            d = dict(form.cleaned_data)
            inwoner = Inwoner.objects.get(pk=d.pop("inwoner"))
            try:
                if soort == "inkomen":
                    personen.leg_inkomen_vast(user, inwoner, **d)
                else:
                    personen.leg_vermogen_vast(user, inwoner, **d)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                wat = "Het inkomen" if soort == "inkomen" else "Het vermogen"
                messages.success(request, f"{wat} van {inwoner.naam} over {formaat.MAANDEN[d['maand'].month - 1]} {d['maand'].year} is vastgelegd.")
                return redirect(reverse("ui:huishouden_inkomen", args=[hh.pk]) + f"#{soort}")
        formulieren[soort] = form
        status = ONGELDIG
    beleid.vereis_huishouden(user, hh, beleid.VIEW, onderwerp="inkomen en vermogen")
    # Purpose binding (issue 7): per member, only with a ground for inkomen data; each shown member is logged.
    inzage = {i.pk: beleid.grond_inkomensgegevens(user, i, beleid.VIEW) for i in leden}
    for i in leden:
        if inzage[i.pk].toegestaan:
            audit.log(user, beleid.VIEW, inzage[i.pk], inwoner=i, onderwerp="inkomen en vermogen", toelichting=f"huishouden {hh.pk}")
    wijzigbaar = [i for i in leden if beleid.grond_inkomensgegevens(user, i, beleid.CHANGE).toegestaan]
    mag_wijzigen = bool(wijzigbaar)
    if mag_wijzigen:
        formulieren.setdefault("inkomen", InkomenFormulier(leden=wijzigbaar))
        formulieren.setdefault("vermogen", VermogenFormulier(leden=wijzigbaar))
    per_lid = [{"inwoner": i, "inzage": True,
                "inkomens": list(i.maandinkomens.filter(vervallen_op__isnull=True).order_by("-maand", "-id")[:24]),
                "vermogens": list(i.vermogensopgaven.filter(vervallen_op__isnull=True).order_by("-maand", "-id")[:24])}
               if inzage[i.pk].toegestaan else {"inwoner": i, "inzage": False}
               for i in leden]
    context = {**ui_context(request, "werkvoorraad"), "huishouden": hh, "per_lid": per_lid, "mag_wijzigen": mag_wijzigen,
               "inkomen_form": formulieren.get("inkomen"), "vermogen_form": formulieren.get("vermogen")}
    return render(request, "personen/inkomen.html", context, status=status)


__all__ = ["huishouden", "huishouden_context", "inkomen", "intake", "intake_bekend", "lid_toevoegen", "melding", "toon_huishouden",
           "InwonerVelden"]
