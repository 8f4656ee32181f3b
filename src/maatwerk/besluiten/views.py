"""Pages for the consulent: prepare a besluit from a zaak, edit it, approve it (four eyes), finalise and send
it, view/download the letter, register and decide a bezwaar; and for the beheerder: the letter templates.

Every rule is in a service (`services`, `bezwaar`, `sjabloonbeheer`); a view turns a request into a service
call and the service's Dutch message back into the page (status 400 with the posted values kept).
GeenToegang is not caught: it becomes the 403 page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
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
from maatwerk.toegang.rollen import BEHEERDER, heeft_rol
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.beveiliging import brief_antwoord
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


def _fouten_op_formulier(form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, berichten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None,
                           berichten if veld in form.fields else [f"{veld}: {b}" if veld != "__all__" else b for b in berichten])
    else:
        form.add_error(None, fout.messages)


def _probeer(request, form, actie, succes: str, naar: str, toon):
    """Validate `form`, run the service; on refusal put the Dutch message on the form and re-render (400)."""
    if form.is_valid():
        try:
            resultaat = actie(form.cleaned_data)
        except ValidationError as fout:
            _fouten_op_formulier(form, fout)
        except ProcedureFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, succes)
            return redirect(resultaat if isinstance(resultaat, str) else naar)
    return toon(form)


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


def _toon_besluit(request, besluit: Besluit, formulieren: dict | None = None, status: int = 200):
    zaak_ = besluit.zaak
    formulieren = formulieren or {}
    concept = besluit.status == Status.CONCEPT
    context = {
        **ui_context(request, "werkvoorraad"),
        "besluit": besluit, "zaak": zaak_,
        "ontbreekt": ontbrekende_elementen(besluit) if concept else [],
        "overwegingen": besluit.overwegingen.all(),
        "vier_ogen": services.vier_ogen(besluit) if concept else None,
        "goedkeuringen": besluit.goedkeuringen.select_related("door"),
        "geldige_goedkeuring": services.geldige_goedkeuring(besluit) if concept else None,
        "mag_goedkeuren": concept and beleid.grond_zaak(request.user, zaak_, beleid.CHANGE,
                                                        handeling=rechten.VIER_OGEN_GOEDKEUREN).toegestaan
                          and request.user.pk not in services.eigen_werk(besluit),
        "bezwaren": besluit.bezwaren.order_by("-id"),
        "nieuwe_besluiten": besluit.vervangen_door.order_by("-id"),
        "vandaag": timezone.localdate(),
    }
    # Only the forms the rights table allows this user (the kwaliteitsmedewerker drafts, decides or sends nothing).
    def mag(handeling: str) -> bool:
        return beleid.grond_zaak(request.user, zaak_, beleid.CHANGE, handeling=handeling).toegestaan

    if concept:
        if mag(rechten.BESLUIT_OPSTELLEN):
            context["besluit_form"] = formulieren.get("besluit") or f.BesluitFormulier(instance=besluit, domein=zaak_.domein)
            context["overweging_form"] = formulieren.get("overweging") or f.OverwegingFormulier()
            context["redenen_form"] = formulieren.get("redenen") or f.RedenenInvoer(besluit.overwegingen.all())
        context["goedkeuring_form"] = formulieren.get("goedkeuring") or f.GoedkeuringFormulier()
        if mag(rechten.BESLUIT_VASTSTELLEN):
            context["vaststellen_form"] = formulieren.get("vaststellen") or f.VaststellenFormulier(initial={"datum": timezone.localdate()}, prefix="vaststellen")
    if besluit.status == Status.VASTGESTELD and mag(rechten.BESLUIT_BEKENDMAKEN):
        context["bekendmaken_form"] = formulieren.get("bekendmaken") or f.BekendmakenFormulier(initial={"datum": timezone.localdate()}, prefix="bekendmaken")
    if besluit.is_bekendgemaakt:
        context["brief"] = besluit.brief
        namen = dict(BriefSjabloon.objects.values_list("code", "naam"))
        context["sjabloonversies"] = [(namen.get(v.get("code"), v.get("code")), v.get("versie"))
                                      for v in besluit.brief.sjabloonversies]
        if mag(rechten.BESLUIT_OPSTELLEN):
            context["nieuw_form"] = formulieren.get("nieuw") or f.NieuwBesluitFormulier()
        if besluit.rechtsmiddel == "bezwaar" and mag(rechten.BEZWAAR_REGISTREREN):
            context["bezwaar_form"] = formulieren.get("bezwaar") or f.BezwaarFormulier()
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
                    lambda form_: _toon_besluit(request, b, {"besluit": form_}, ONGELDIG))


@_besluit_post
def overweging_toevoegen(request, b: Besluit):
    form = f.OverwegingFormulier(request.POST)
    def toon(form_):
        redenen_ = f.RedenenInvoer(b.overwegingen.all())
        redenen_.neem_nieuwe_reden_over(form_)
        return _toon_besluit(request, b, {"overweging": form_, "redenen": redenen_}, ONGELDIG)

    return _probeer(request, form, lambda d: services.overweging_toevoegen(b, request.user, **d) and None,
                    "De overweging is toegevoegd.", _besluit_url(b, "redenen"), toon)


@_besluit_post
def redenen(request, b: Besluit):
    """The whole list of reasons in one POST: text, source, order, remove, add (services.overwegingen_bijwerken)."""
    invoer = f.RedenenInvoer(b.overwegingen.all(), request.POST)
    try:
        services.overwegingen_bijwerken(b, request.user, invoer.naar_service())
    except ValidationError as fout:
        invoer.zet_fouten(fout)
    except ProcedureFout as fout:
        invoer.zet_fouten(ValidationError(str(fout)))
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
                    lambda form_: _toon_besluit(request, b, {"goedkeuring": form_}, ONGELDIG))


@_besluit_post
def vaststellen(request, b: Besluit):
    form = f.VaststellenFormulier(request.POST, prefix="vaststellen")
    return _probeer(request, form, lambda d: services.vaststellen(b, request.user, datum=d["datum"]) and None,
                    "Het besluit is vastgesteld. Verstuur nu de brief.", _besluit_url(b, "versturen"),
                    lambda form_: _toon_besluit(request, b, {"vaststellen": form_}, ONGELDIG))


@_besluit_post
def bekendmaken(request, b: Besluit):
    form = f.BekendmakenFormulier(request.POST, prefix="bekendmaken")
    return _probeer(request, form, lambda d: services.bekendmaken(b, request.user, datum=d["datum"]) and None,
                    "De brief is verstuurd en bewaard. De bezwaartermijn loopt.", _besluit_url(b, "brief"),
                    lambda form_: _toon_besluit(request, b, {"bekendmaken": form_}, ONGELDIG))


@_besluit_post
def nieuw_besluit(request, b: Besluit):
    form = f.NieuwBesluitFormulier(request.POST)
    return _probeer(request, form, lambda d: _besluit_url(services.stel_nieuw_besluit_op(b, request.user, soort=d["soort"])),
                    "Een nieuw besluit is opgesteld; het vervangt het eerdere besluit zodra het is verstuurd.", "",
                    lambda form_: _toon_besluit(request, b, {"nieuw": form_}, ONGELDIG))


@_besluit_post
def bezwaar_registreren(request, b: Besluit):
    form = f.BezwaarFormulier(request.POST)
    return _probeer(request, form,
                    lambda d: reverse("besluiten:bezwaar", args=[bezwaarservice.registreer(b, request.user, **d).pk]),
                    "Het bezwaarschrift is geregistreerd.", "",
                    lambda form_: _toon_besluit(request, b, {"bezwaar": form_}, ONGELDIG))


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
    context = {**ui_context(request, "werkvoorraad"), "bezwaar": bz, "besluit": bz.besluit, "zaak": bz.besluit.zaak,
               "vandaag": vandaag, "dagen_over": (bz.beslistermijn_einde - vandaag).days,
               "nieuwe_besluiten": bz.nieuwe_besluiten.all(), "brief": getattr(bz, "brief", None)}
    if not bz.is_beslist:
        if bz.verschoonbaarheid_te_beoordelen:
            context["verschoonbaarheid_form"] = formulieren.get("verschoonbaarheid") or f.VerschoonbaarheidFormulier()
        context["behandeling_form"] = formulieren.get("behandeling") or f.BehandelingFormulier(initial={"adviescommissie": bz.adviescommissie})
        context["horen_form"] = formulieren.get("horen") or f.HorenFormulier()
        context["beslissen_form"] = formulieren.get("beslissen") or f.BeslissenFormulier(initial={"datum": vandaag})
    return render(request, "besluiten/bezwaar.html", context, status=status)


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
                    lambda form_: _toon_bezwaar(request, bz, {"verschoonbaarheid": form_}, ONGELDIG))


@_bezwaar_post
def behandeling(request, bz: Bezwaarschrift):
    form = f.BehandelingFormulier(request.POST)

    def actie(d):
        verdaging = {k: d[k] for k in ("verdaging_medegedeeld_op", "verdaging_weken") if d.get(k) is not None}
        if verdaging:
            verdaging["verdaging_reden"] = d.get("verdaging_reden", "")
        bezwaarservice.wijzig_behandeling(bz, request.user, adviescommissie=d["adviescommissie"], **verdaging)

    return _probeer(request, form, actie, "De beslistermijn is opnieuw berekend.", _bezwaar_url(bz),
                    lambda form_: _toon_bezwaar(request, bz, {"behandeling": form_}, ONGELDIG))


@_bezwaar_post
def horen(request, bz: Bezwaarschrift):
    form = f.HorenFormulier(request.POST)
    return _probeer(request, form, lambda d: bezwaarservice.leg_horen_vast(bz, request.user, **d) and None,
                    "Het horen is vastgelegd.", _bezwaar_url(bz),
                    lambda form_: _toon_bezwaar(request, bz, {"horen": form_}, ONGELDIG))


@_bezwaar_post
def beslissen(request, bz: Bezwaarschrift):
    form = f.BeslissenFormulier(request.POST)

    def actie(d):
        _, nieuw = bezwaarservice.beslis(bz, request.user, uitkomst=d["uitkomst"], motivering=d["motivering"],
                                         datum=d["datum"], nieuw_besluit_soort=d.get("nieuw_besluit_soort") or None,
                                         verzuim=d.get("verzuim") or "", hersteltermijn_tot=d.get("hersteltermijn_tot"))
        return _besluit_url(nieuw) if nieuw else _bezwaar_url(bz)

    return _probeer(request, form, actie, "Op het bezwaar is beslist.", _bezwaar_url(bz),
                    lambda form_: _toon_bezwaar(request, bz, {"beslissen": form_}, ONGELDIG))


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
                _fouten_op_formulier(form, fout)
            else:
                messages.success(request, f"Versie {versie.nummer} van '{s.naam}' is opgeslagen. Nieuwe brieven gebruiken deze versie.")
                return redirect("besluiten:sjabloon", code=code)
        status = ONGELDIG
    else:
        form = f.SjabloonFormulier(initial={"inhoud": huidige.inhoud if huidige else ""})
        status = 200
    return render(request, "besluiten/sjabloon.html", {**ui_context(request, "sjablonen"), "sjabloon": s, "form": form,
                                                        "versies": s.versies.order_by("-nummer")}, status=status)

