"""Pages for the consulent: prepare a besluit from a zaak, edit it, approve it (four eyes), finalise and send
it, view/download the letter, register and decide a bezwaar; and for the beheerder: the letter templates.

Every rule is in a service (`services`, `bezwaar`, `sjabloonbeheer`); a view turns a request into a service
call and the service's Dutch message back into the page (status 400 with the posted values kept).
Forms are only offered for actions the rights table allows this user. A POST that is refused anyway (a
refusal on a page the user may see: 403; a lost race: 409/503) shows the same page again with the typed values
and the Dutch reason (issue 8: a refused action never loses what was typed); a page the user may not see at all
stays a 404. A form posted after the session expired comes back after login (`web.formulier_bewaren`).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from maatwerk.besluiten import bezwaar as bezwaarservice
from maatwerk.besluiten import forms as f
from maatwerk.besluiten import services, sjabloonbeheer
from maatwerk.besluiten.inhoud import ontbrekende_elementen
from maatwerk.besluiten.models import Besluit, Bezwaarschrift, BriefSjabloon, Overweging, Status
from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.rollen import BEHEERDER, heeft_rol, rollen
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web import formulier_bewaren
from maatwerk.web.beveiliging import brief_antwoord
from maatwerk.web.formulieractie import fouten_overnemen, voer_uit
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Status as ZaakStatus
from maatwerk.zaken.models import Zaak

ONGELDIG = 400


def _post(view):
    @inlog_vereist
    @wraps(view)
    def inner(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return inner


def _probeer(request, form, actie, succes: str, naar: str, toon):
    """Validate `form`, run the service (`web.formulieractie.voer_uit`); on refusal show the page again with what
    was typed and the Dutch message: 400 bad input or a procedure rule (these forms ask what the rule needs), 403
    refused by the access policy (when the user may see the page), 409/503 a conflicting or blocked write. On
    success the message and a redirect: to the URL the service returned, else to `naar`."""
    if not form.is_valid():
        return toon(form, ONGELDIG)
    resultaat, status = voer_uit(form, lambda: actie(form.cleaned_data), procedurefout=ONGELDIG)
    if status != 200:
        return toon(form, status)
    messages.success(request, succes)
    return redirect(resultaat if isinstance(resultaat, str) else naar)


def _na_oordeel(request, besluit: Besluit) -> str | None:
    """After the second person's judgement the zaak may no longer need him (approved content stays visible; a
    refusal sends the zaak back): then his work list, not a page he may no longer see."""
    zaak_ = Zaak.objects.get(pk=besluit.zaak_id)
    return None if beleid.grond_zaak(request.user, zaak_, beleid.VIEW).toegestaan else reverse("ui:werkvoorraad")


def _besluit_url(besluit: Besluit, anker: str = "") -> str:
    return reverse("besluiten:besluit", args=[besluit.pk]) + (f"#{anker}" if anker else "")


# ------------------------------------------------------------------ zaak -> besluiten


@inlog_vereist
def zaak(request, zaak_id: int):
    zaak_ = get_object_or_404(Zaak.objects.select_related("hoofdpersoon"), pk=zaak_id)
    beleid.vereis_zaak(request.user, zaak_, beleid.VIEW, onderwerp="besluiten", toelichting=request.path[:200])
    opsteller = beleid.grond_zaak(request.user, zaak_, beleid.CHANGE, handeling=rechten.BESLUIT_OPSTELLEN).toegestaan
    kan_opstellen = opsteller and zaak_.status == ZaakStatus.KLAAR_VOOR_BESLUIT
    kan_buiten_behandeling = opsteller and zaak_.status in (ZaakStatus.AANVRAAG, ZaakStatus.BEOORDELING)
    return render(request, "besluiten/zaak.html", {
        **ui_context(request, "werkvoorraad"), "zaak": zaak_, "besluiten": zaak_.besluiten.order_by("-id"),
        "kan_opstellen": kan_opstellen, "kan_buiten_behandeling": kan_buiten_behandeling,
    })


@_post
def opstellen(request, zaak_id: int):
    zaak_ = get_object_or_404(Zaak, pk=zaak_id)
    soort = request.POST.get("soort") or None
    try:
        besluit = services.opstellen(zaak_, request.user, soort=soort)
    except (ProcedureFout, ValidationError) as fout:
        messages.error(request, fout.messages[0] if isinstance(fout, ValidationError) else str(fout))
        return redirect("besluiten:zaak", zaak_id=zaak_.pk)
    messages.success(request, f"Concept-besluit {besluit.kenmerk} is opgesteld. Vul de inhoud aan en controleer de redenen.")
    return redirect(_besluit_url(besluit))


# ------------------------------------------------------------------ besluit


def _zichtbaar_na_weigering(request, zaak_: Zaak, status: int) -> None:
    """A refusal is answered with the page only to who may see it; anyone else gets the 404 of a missing page."""
    if status == 403 and not beleid.grond_zaak(request.user, zaak_, beleid.VIEW).toegestaan:
        raise beleid.NietGevonden()


def _toon_besluit(request, besluit: Besluit, formulieren: dict | None = None, status: int = 200):
    zaak_ = besluit.zaak
    _zichtbaar_na_weigering(request, zaak_, status)
    formulieren = formulieren or {}
    concept = besluit.status == Status.CONCEPT
    context = {
        **ui_context(request, "werkvoorraad"),
        "besluit": besluit, "zaak": zaak_,
        "ontbreekt": ontbrekende_elementen(besluit) if concept else [],
        "overwegingen": besluit.overwegingen.all(),
        "vier_ogen": services.vier_ogen(besluit) if concept else None,
        # The one approval (issue 8 point 3): the zaak's whole history, given on the proposal or on a besluit.
        "goedkeuringen": zaak_.goedkeuringen.select_related("door", "besluit"),
        "geldige_goedkeuring": services.geldige_goedkeuring(besluit) if concept else None,
        "vervallen_goedkeuring": services.vervallen_besluit(besluit) if concept else None,
        "mag_goedkeuren": concept and beleid.grond_zaak(request.user, zaak_, beleid.CHANGE,
                                                        handeling=rechten.VIER_OGEN_GOEDKEUREN).toegestaan
                          and request.user.pk not in services.eigen_werk(besluit)
                          and services.geldige_goedkeuring(besluit) is None,  # one approval: none twice
        "bezwaren": besluit.bezwaren.order_by("-id"),
        "nieuwe_besluiten": besluit.vervangen_door.order_by("-id"),
        "vandaag": timezone.localdate(),
    }
    # Only the forms the rights table allows this user (the kwaliteitsmedewerker drafts, decides or sends nothing;
    # the jurist only reads). A form the user just sent is shown again whatever the table says: his text stays.
    def mag(handeling: str) -> bool:
        return beleid.grond_zaak(request.user, zaak_, beleid.CHANGE, handeling=handeling).toegestaan

    def toon(sleutel: str, url_naam: str, maak, handeling: str | None, voorwaarde: bool = True) -> None:
        if sleutel in formulieren or (voorwaarde and (handeling is None or mag(handeling))):
            actie = reverse(f"besluiten:{url_naam}", args=[besluit.pk])
            context[f"{sleutel}_form"] = formulier_bewaren.formulier(request, actie, maak, formulieren.get(sleutel))

    vandaag_ = {"datum": timezone.localdate()}
    toon("besluit", "wijzigen", lambda d: f.BesluitFormulier(d, instance=besluit, domein=zaak_.domein),
         rechten.BESLUIT_OPSTELLEN, concept)
    toon("overweging", "overweging_toevoegen", lambda d: f.OverwegingFormulier(d), rechten.BESLUIT_OPSTELLEN, concept)
    if concept and ("redenen" in formulieren or mag(rechten.BESLUIT_OPSTELLEN)):
        context["redenen_form"] = formulieren.get("redenen") or f.RedenenInvoer(besluit.overwegingen.all())
    toon("goedkeuring", "goedkeuren", lambda d: f.GoedkeuringFormulier(d), None, concept)
    toon("vaststellen", "vaststellen", lambda d: f.VaststellenFormulier(d, initial=vandaag_, prefix="vaststellen"),
         rechten.BESLUIT_VASTSTELLEN, concept)
    toon("bekendmaken", "bekendmaken", lambda d: f.BekendmakenFormulier(d, initial=vandaag_, prefix="bekendmaken"),
         rechten.BESLUIT_BEKENDMAKEN, besluit.status == Status.VASTGESTELD)
    if concept or besluit.status == Status.VASTGESTELD:
        # Issue 8: the checks that block sending (B1, special-category data) and the signature, before sending.
        context["briefcontrole"] = services.controle_brief(besluit, request.user)
        toon("bijzonder", "bijzondere_gegevens", lambda d: f.BijzondereGegevensFormulier(
            d, initial={"bijzondere_gegevens_reden": besluit.bijzondere_gegevens_reden}), rechten.BESLUIT_OPSTELLEN)
    if besluit.is_bekendgemaakt:
        context["brief"] = besluit.brief
        namen = dict(BriefSjabloon.objects.values_list("code", "naam"))
        context["sjabloonversies"] = [(namen.get(v.get("code"), v.get("code")), v.get("versie"))
                                      for v in besluit.brief.sjabloonversies]
    toon("nieuw", "nieuw_besluit", lambda d: f.NieuwBesluitFormulier(d), rechten.BESLUIT_OPSTELLEN,
         besluit.is_bekendgemaakt)
    toon("bezwaar", "bezwaar_registreren", lambda d: f.BezwaarFormulier(d), rechten.BEZWAAR_REGISTREREN,
         besluit.is_bekendgemaakt and besluit.rechtsmiddel == "bezwaar")
    return render(request, "besluiten/besluit.html", context, status=status)


@inlog_vereist
def besluit(request, pk: int):
    b = get_object_or_404(Besluit.objects.select_related("zaak", "zaak__hoofdpersoon"), pk=pk)
    beleid.vereis_zaak(request.user, b.zaak, beleid.VIEW, onderwerp="besluit", toelichting=request.path[:200])
    return _toon_besluit(request, b)


def _besluit_post(view):
    @_post
    @wraps(view)
    def inner(request, pk: int, *args, **kwargs):
        b = get_object_or_404(Besluit.objects.select_related("zaak", "zaak__hoofdpersoon"), pk=pk)
        return view(request, b, *args, **kwargs)

    return inner


@_besluit_post
def wijzigen(request, b: Besluit):
    form = f.BesluitFormulier(request.POST, instance=Besluit.objects.get(pk=b.pk), domein=b.zaak.domein)
    return _probeer(request, form, lambda d: services.wijzigen(b, request.user, **d) and None,
                    "De inhoud van het besluit is opgeslagen.", _besluit_url(b, "besluit-inhoud"),
                    lambda form_, st: _toon_besluit(request, b, {"besluit": form_}, st))


@_besluit_post
def overweging_toevoegen(request, b: Besluit):
    form = f.OverwegingFormulier(request.POST)
    def toon(form_, status):
        redenen_ = f.RedenenInvoer(b.overwegingen.all())
        redenen_.neem_nieuwe_reden_over(form_)
        return _toon_besluit(request, b, {"overweging": form_, "redenen": redenen_}, status)

    return _probeer(request, form, lambda d: services.overweging_toevoegen(b, request.user, **d) and None,
                    "De overweging is toegevoegd.", _besluit_url(b, "redenen"), toon)


@_besluit_post
def redenen(request, b: Besluit):
    """The whole list of reasons in one POST: text, source, order, remove, add (services.overwegingen_bijwerken)."""
    invoer = f.RedenenInvoer(b.overwegingen.all(), request.POST)
    try:
        with transaction.atomic():
            services.overwegingen_bijwerken(b, request.user, invoer.naar_service())
    except ValidationError as fout:
        invoer.zet_fouten(fout)
    except ProcedureFout as fout:
        invoer.zet_fouten(ValidationError(str(fout)))
    except beleid.GeenToegang as fout:
        invoer.zet_fouten(ValidationError(f"Niet opgeslagen: {fout} Wat u invulde, staat hieronder nog."))
        return _toon_besluit(request, b, {"redenen": invoer}, 403)
    else:
        messages.success(request, "De redenen zijn opgeslagen.")
        return redirect(_besluit_url(b, "redenen"))
    return _toon_besluit(request, b, {"redenen": invoer}, ONGELDIG)


@_besluit_post
def overweging(request, b: Besluit, oid: int):
    o = get_object_or_404(Overweging, pk=oid, besluit=b)
    try:
        if request.POST.get("actie") == "verwijderen":
            services.overweging_verwijderen(o, request.user)
            messages.success(request, "De overweging is verwijderd.")
        else:
            form = f.OverwegingWijzigFormulier(request.POST)
            if not form.is_valid():
                messages.error(request, "Schrijf de overweging in één of twee eenvoudige zinnen.")
            else:
                services.overweging_wijzigen(o, request.user, zin=form.cleaned_data["zin"])
                messages.success(request, "De overweging is aangepast.")
    except (ValidationError, ProcedureFout) as fout:
        messages.error(request, fout.messages[0] if isinstance(fout, ValidationError) else str(fout))
    return redirect(_besluit_url(b, "redenen"))


@_besluit_post
def goedkeuren(request, b: Besluit):
    form = f.GoedkeuringFormulier(request.POST)
    return _probeer(request, form, lambda d: (services.goedkeuren(b, request.user, **d), _na_oordeel(request, b))[1],
                    "Uw oordeel als tweede paar ogen is vastgelegd.", _besluit_url(b, "vierogen"),
                    lambda form_, st: _toon_besluit(request, b, {"goedkeuring": form_}, st))


@_besluit_post
def vaststellen(request, b: Besluit):
    form = f.VaststellenFormulier(request.POST, prefix="vaststellen")
    return _probeer(request, form, lambda d: services.vaststellen(b, request.user, datum=d["datum"]) and None,
                    "Het besluit is vastgesteld. Verstuur nu de brief.", _besluit_url(b, "versturen"),
                    lambda form_, st: _toon_besluit(request, b, {"vaststellen": form_}, st))


@_besluit_post
def bekendmaken(request, b: Besluit):
    form = f.BekendmakenFormulier(request.POST, prefix="bekendmaken")
    return _probeer(request, form, lambda d: services.bekendmaken(b, request.user, datum=d["datum"]) and None,
                    "De brief is verstuurd en bewaard. De bezwaartermijn loopt.", _besluit_url(b, "brief"),
                    lambda form_, st: _toon_besluit(request, b, {"bekendmaken": form_}, st))


@_besluit_post
def bijzondere_gegevens(request, b: Besluit):
    form = f.BijzondereGegevensFormulier(request.POST)
    return _probeer(request, form, lambda d: services.behoud_bijzondere_gegevens(
                        b, request.user, reden=d["bijzondere_gegevens_reden"]) and None,
                    "Uw keuze voor de brief is vastgelegd.", _besluit_url(b, "brief"),
                    lambda form_, st: _toon_besluit(request, b, {"bijzonder": form_}, st))


@_besluit_post
def nieuw_besluit(request, b: Besluit):
    form = f.NieuwBesluitFormulier(request.POST)
    return _probeer(request, form, lambda d: _besluit_url(services.stel_nieuw_besluit_op(b, request.user, soort=d["soort"])),
                    "Een nieuw besluit is opgesteld; het vervangt het eerdere besluit zodra het is verstuurd.", "",
                    lambda form_, st: _toon_besluit(request, b, {"nieuw": form_}, st))


@_besluit_post
def bezwaar_registreren(request, b: Besluit):
    form = f.BezwaarFormulier(request.POST)
    return _probeer(request, form,
                    lambda d: reverse("besluiten:bezwaar", args=[bezwaarservice.registreer(b, request.user, **d).pk]),
                    "Het bezwaarschrift is geregistreerd.", "",
                    lambda form_, st: _toon_besluit(request, b, {"bezwaar": form_}, st))


@inlog_vereist
def brief(request, pk: int):
    """The letter as HTML: the stored one once sent, otherwise a concept rendered now."""
    b = get_object_or_404(Besluit, pk=pk)
    try:
        html = services.voorbeeld_html(b, request.user)
    except ProcedureFout as fout:
        messages.error(request, str(fout))
        return redirect(_besluit_url(b))
    return brief_antwoord(html)


@inlog_vereist
def brief_pdf(request, pk: int):
    b = get_object_or_404(Besluit, pk=pk)
    try:
        if b.is_bekendgemaakt:
            pdf, naam = bytes(services.brief_van(b, request.user).pdf), f"besluit-{b.kenmerk}.pdf"
        else:
            pdf, naam = html_naar_pdf(services.voorbeeld_html(b, request.user)), f"concept-{b.kenmerk}.pdf"
    except ProcedureFout as fout:
        messages.error(request, str(fout))
        return redirect(_besluit_url(b))
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


# ------------------------------------------------------------------ bezwaar


def _toon_bezwaar(request, bz: Bezwaarschrift, formulieren: dict | None = None, status: int = 200):
    formulieren = formulieren or {}
    vandaag = timezone.localdate()
    zaak_ = bz.besluit.zaak
    _zichtbaar_na_weigering(request, zaak_, status)
    context = {**ui_context(request, "bezwaren"), "bezwaar": bz, "besluit": bz.besluit, "zaak": zaak_,
               "vandaag": vandaag, "dagen_over": (bz.beslistermijn_einde - vandaag).days,
               "nieuwe_besluiten": bz.nieuwe_besluiten.all(), "brief": getattr(bz, "brief", None)}
    # Only who may treat this bezwaar gets the forms (rights table: bezwaar_beslissen), and not who prepared or took
    # the besluit (Awb 7:5 lid 1 onder a): he sees why instead. A form just sent is always shown again.
    mag = beleid.grond_zaak(request.user, zaak_, beleid.CHANGE, handeling=rechten.BEZWAAR_BESLISSEN).toegestaan
    eigen = request.user.pk in bezwaarservice.voorbereiders(bz.besluit)
    context["eigen_besluit"] = mag and eigen and not bz.is_beslist

    def toon(sleutel: str, url_naam: str, maak, voorwaarde: bool = True) -> None:
        if sleutel in formulieren or (voorwaarde and mag and not eigen and not bz.is_beslist):
            actie = reverse(f"besluiten:{url_naam}", args=[bz.pk])
            context[f"{sleutel}_form"] = formulier_bewaren.formulier(request, actie, maak, formulieren.get(sleutel))

    toon("verschoonbaarheid", "verschoonbaarheid", lambda d: f.VerschoonbaarheidFormulier(d),
         bz.verschoonbaarheid_te_beoordelen)
    toon("behandeling", "behandeling", lambda d: f.BehandelingFormulier(d, initial={"adviescommissie": bz.adviescommissie}))
    toon("horen", "horen", lambda d: f.HorenFormulier(d))
    toon("beslissen", "beslissen", lambda d: f.BeslissenFormulier(d, initial={"datum": vandaag}))
    return render(request, "besluiten/bezwaar.html", context, status=status)


@inlog_vereist
def bezwaren(request):
    """The bezwaren the user may see (open ones first, the nearest beslistermijn first) and, for who may register,
    registering a bezwaarschrift on the kenmerk of the besluit (the jurist sees no zaak before that)."""
    return _toon_bezwaren(request)


def _toon_bezwaren(request, form=None, status: int = 200):
    zichtbaar = beleid.zichtbare_zaken(request.user)
    lijst = list(Bezwaarschrift.objects.filter(besluit__zaak__in=zichtbaar)
                 .select_related("besluit", "besluit__zaak", "besluit__zaak__hoofdpersoon")
                 .order_by("beslist_op", "beslistermijn_einde", "id")[:200])
    beleid.log_lijst_zaken(request.user, [b.besluit.zaak for b in lijst], toelichting=request.path[:200])
    context = {**ui_context(request, "bezwaren"), "bezwaren": lijst, "vandaag": timezone.localdate()}
    if form is not None or rechten.ooit_toegestaan(rollen(request.user), rechten.BEZWAAR_REGISTREREN):
        actie = reverse("besluiten:bezwaar_op_kenmerk")
        context["form"] = formulier_bewaren.formulier(request, actie, lambda d: f.BezwaarOpKenmerkFormulier(d), form)
    return render(request, "besluiten/bezwaren.html", context, status=status)


@_post
def bezwaar_op_kenmerk(request):
    form = f.BezwaarOpKenmerkFormulier(request.POST)
    return _probeer(request, form,
                    lambda d: reverse("besluiten:bezwaar", args=[bezwaarservice.registreer_op_kenmerk(
                        gebruiker=request.user, **d).pk]),
                    "Het bezwaarschrift is geregistreerd.", "", lambda form_, st: _toon_bezwaren(request, form_, st))


@inlog_vereist
def bezwaar(request, pk: int):
    bz = get_object_or_404(Bezwaarschrift.objects.select_related("besluit", "besluit__zaak"), pk=pk)
    beleid.vereis_zaak(request.user, bz.besluit.zaak, beleid.VIEW, onderwerp="bezwaar", toelichting=request.path[:200])
    return _toon_bezwaar(request, bz)


def _bezwaar_post(view):
    @_post
    @wraps(view)
    def inner(request, pk: int):
        bz = get_object_or_404(Bezwaarschrift.objects.select_related("besluit", "besluit__zaak"), pk=pk)
        return view(request, bz)

    return inner


def _bezwaar_url(bz: Bezwaarschrift) -> str:
    return reverse("besluiten:bezwaar", args=[bz.pk])


@_bezwaar_post
def verschoonbaarheid(request, bz: Bezwaarschrift):
    form = f.VerschoonbaarheidFormulier(request.POST)
    return _probeer(request, form, lambda d: bezwaarservice.beoordeel_verschoonbaarheid(bz, request.user, **d) and None,
                    "Uw oordeel over de verschoonbaarheid is vastgelegd.", _bezwaar_url(bz),
                    lambda form_, st: _toon_bezwaar(request, bz, {"verschoonbaarheid": form_}, st))


@_bezwaar_post
def behandeling(request, bz: Bezwaarschrift):
    form = f.BehandelingFormulier(request.POST)

    def actie(d):
        verdaging = {k: d[k] for k in ("verdaging_medegedeeld_op", "verdaging_weken") if d.get(k) is not None}
        if verdaging:
            verdaging["verdaging_reden"] = d.get("verdaging_reden", "")
        bezwaarservice.wijzig_behandeling(bz, request.user, adviescommissie=d["adviescommissie"], **verdaging)

    return _probeer(request, form, actie, "De beslistermijn is opnieuw berekend.", _bezwaar_url(bz),
                    lambda form_, st: _toon_bezwaar(request, bz, {"behandeling": form_}, st))


@_bezwaar_post
def horen(request, bz: Bezwaarschrift):
    form = f.HorenFormulier(request.POST)
    return _probeer(request, form, lambda d: bezwaarservice.leg_horen_vast(bz, request.user, **d) and None,
                    "Het horen is vastgelegd.", _bezwaar_url(bz),
                    lambda form_, st: _toon_bezwaar(request, bz, {"horen": form_}, st))


@_bezwaar_post
def beslissen(request, bz: Bezwaarschrift):
    form = f.BeslissenFormulier(request.POST)

    def actie(d):
        _, nieuw = bezwaarservice.beslis(bz, request.user, uitkomst=d["uitkomst"], motivering=d["motivering"],
                                         datum=d["datum"], nieuw_besluit_soort=d.get("nieuw_besluit_soort") or None,
                                         verzuim=d.get("verzuim") or "", hersteltermijn_tot=d.get("hersteltermijn_tot"))
        return _besluit_url(nieuw) if nieuw else _bezwaar_url(bz)

    return _probeer(request, form, actie, "Op het bezwaar is beslist.", _bezwaar_url(bz),
                    lambda form_, st: _toon_bezwaar(request, bz, {"beslissen": form_}, st))


@inlog_vereist
def bezwaar_brief(request, pk: int):
    """The stored letter on a bezwaar decided ongegrond or niet-ontvankelijk (HTML, exactly as sent)."""
    bz = get_object_or_404(Bezwaarschrift.objects.select_related("besluit", "besluit__zaak"), pk=pk)
    try:
        brief_ = bezwaarservice.brief_van(bz, request.user)
    except ProcedureFout as fout:
        messages.error(request, str(fout))
        return redirect(_bezwaar_url(bz))
    return brief_antwoord(brief_.html)


@inlog_vereist
def bezwaar_brief_pdf(request, pk: int):
    bz = get_object_or_404(Bezwaarschrift.objects.select_related("besluit", "besluit__zaak"), pk=pk)
    try:
        brief_ = bezwaarservice.brief_van(bz, request.user)
    except ProcedureFout as fout:
        messages.error(request, str(fout))
        return redirect(_bezwaar_url(bz))
    antwoord = HttpResponse(bytes(brief_.pdf), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="beslissing-op-bezwaar-{bz.kenmerk}.pdf"'
    return antwoord


# ------------------------------------------------------------------ briefsjablonen (beheerder)


def _vereis_beheerder(request) -> None:
    if not heeft_rol(request.user, BEHEERDER):
        raise beleid.GeenToegang("Alleen de beheerder beheert de briefsjablonen.")


@inlog_vereist
def sjablonen(request):
    _vereis_beheerder(request)
    return render(request, "besluiten/sjablonen.html", {**ui_context(request, "sjablonen"),
                                                         "sjablonen": BriefSjabloon.objects.prefetch_related("versies")})


@inlog_vereist
def sjabloon(request, code: str):
    _vereis_beheerder(request)
    s = get_object_or_404(BriefSjabloon, code=code)
    huidige = s.huidige_versie()
    if request.method == "POST":
        form = f.SjabloonFormulier(request.POST)
        if form.is_valid():
            try:
                versie = sjabloonbeheer.sla_op(code, form.cleaned_data["inhoud"], request.user,
                                               toelichting=form.cleaned_data.get("toelichting", ""))
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, f"Versie {versie.nummer} van '{s.naam}' is opgeslagen. Nieuwe brieven gebruiken deze versie.")
                return redirect("besluiten:sjabloon", code=code)
        status = ONGELDIG
    else:
        form = f.SjabloonFormulier(initial={"inhoud": huidige.inhoud if huidige else ""})
        status = 200
    return render(request, "besluiten/sjabloon.html", {**ui_context(request, "sjablonen"), "sjabloon": s, "form": form,
                                                        "versies": s.versies.order_by("-nummer")}, status=status)

