"""Consulent web UI — the werkvoorraad, the zaak page with its forms, and the printable report.

Every decision is taken by a service: access by `maatwerk.toegang.beleid` (which also writes the audit log),
steps by `maatwerk.zaken.procedure`, the report by `maatwerk.zaken.onderzoek`, findings and computation by
`maatwerk.zaken.beoordeling`, four eyes by `maatwerk.zaken.vierogen`. A view turns a request into a service
call and the service's Dutch message back into the page. Bad input re-renders the page with status 400 and
the posted values kept; nothing already stored is touched.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.http import HttpResponseNotAllowed
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.rollen import KWALITEITSMEDEWERKER, domeinen, heeft_rol
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.fouten import BEZET, CONFLICT
from maatwerk.web.paginering import pagineer
from maatwerk.zaken import beoordeling, cascade, documenten_views, jeugd_views, onderzoek as onderzoek_service, procedure, ui_services, vierogen
from maatwerk.zaken import wmo_weergave
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.forms import (
    AfwijkingFormulier,
    BerekeningFormulier,
    BevindingFormulier,
    GoedkeuringFormulier,
    OnderzoekFormulier,
    PlanFormulier,
    ReactieFormulier,
    StapFormulier,
    fouten_overnemen,
)
from maatwerk.zaken.models import (
    CHECKLIST,
    PARTICIPATIELADDER,
    ZRM_DOMEINEN,
    ZRM_SCORES,
    Onderzoek,
    OnderzoekVersie,
    Ondersteuningsplan,
    PlanVersie,
    Status,
    Zaak,
)

ONGELDIG = 400  # status of a page re-rendered with form errors
SECTIE = "sectie-"  # extra_tags prefix of a message that belongs to one section of the zaak page


def _zaak_of_404(pk: int) -> Zaak:
    return get_object_or_404(Zaak.objects.select_related("hoofdpersoon", "huishouden", "behandelaar"), pk=pk)


def _naar_zaak(zaak: Zaak, anker: str = "") -> str:
    return reverse("ui:zaak", args=[zaak.pk]) + (f"#{anker}" if anker else "")


# ------------------------------------------------------------------ werkvoorraad


# The lists of the werkvoorraad and their page parameter (?pagina= for the consulent's own zaken).
WERKLIJSTEN = {"eigen": "pagina", "verstreken": "pagina_verstreken", "vier_ogen": "pagina_vier_ogen",
               "vier_ogen_afgekeurd": "pagina_afgekeurd", "andere": "pagina_andere"}


@inlog_vereist
def werkvoorraad(request):
    vandaag = timezone.localdate()
    lijsten = ui_services.werkvoorraad(request.user, vandaag)
    # Each list in pages of 50 (issue 7), with its own page number so paging one list keeps the others.
    for naam, parameter in WERKLIJSTEN.items():
        lijsten[naam] = pagineer(request, lijsten[naam], parameter=parameter)
    getoond = {w.zaak.pk: w.zaak for naam in WERKLIJSTEN for w in lijsten[naam]}
    getoond.update((z.pk, z) for z in lijsten["afgerond"])
    beleid.log_lijst_zaken(request.user, list(getoond.values()), toelichting="werkvoorraad")
    context = {**ui_context(request, "werkvoorraad"), **lijsten, "vandaag": vandaag,
               "is_consulent": bool(domeinen(request.user)), "is_kwaliteit": heeft_rol(request.user, KWALITEITSMEDEWERKER)}
    return render(request, "zaken/werkvoorraad.html", context)


# ------------------------------------------------------------------ zaak page


def _kostensoorten(zaak: Zaak):
    """The kinds of costs the Regelkern knows for bijzondere bijstand (its Enum), for the computation form."""
    if zaak.regeling != "bijzondere_bijstand":
        return None
    from maatwerk.regels.variables.bijzondere_bijstand import Kostensoort

    return [(k.name, k.value) for k in Kostensoort]


def _uitleg_regels(berekening, uitkomst: str | None) -> list[dict]:
    """The computed outcomes of the household, each with its considerations (sentence, source, kind)."""
    if berekening is None:
        return []
    from maatwerk.regels.systeem import systeem
    from maatwerk.regels.uitleg import leesbaar

    tbs = systeem(berekening.gemeente)
    uit = []
    for sleutel, waarden in (berekening.resultaat.get("huishoudens") or {}).items():
        uitleg = (berekening.uitleg.get("huishoudens") or {}).get(sleutel, {})
        for naam, waarde in waarden.items():
            var = tbs.variables.get(naam)
            uit.append({
                "eerst": naam != uitkomst,
                "naam": naam,
                "label": (var.label if var is not None and var.label else naam),
                "waarde": leesbaar(waarde, var.unit if var is not None else None) if waarde is not None else "—",
                "overwegingen": uitleg.get(naam, []),
            })
    return sorted(uit, key=lambda u: u["eerst"])  # the amount of the regeling first, then the rest in order


def _label(model, veld: str) -> str:
    try:
        return str(model._meta.get_field(veld).verbose_name)
    except FieldDoesNotExist:  # a field that no longer exists still shows by its name in an old version
        return veld


def _versielijst(versies, model) -> list[dict]:
    """Versions for the "Eerdere versies" list, newest first, with the changed fields as the labels users know."""
    return [{"versie": v, "gewijzigd": [_label(model, f) for f in v.gewijzigde_velden]} for v in reversed(list(versies))]


def _zaak_context(request, zaak: Zaak, formulieren: dict | None = None) -> dict:
    """Everything the zaak page shows. `formulieren` holds bound forms with errors (they replace the blank ones)."""
    formulieren = formulieren or {}
    gebruiker = request.user
    meldingen = list(messages.get_messages(request))
    sectie = {m.extra_tags.removeprefix(SECTIE): m for m in meldingen if m.extra_tags.startswith(SECTIE)}
    vandaag = timezone.localdate()
    mag_wijzigen = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE).toegestaan and not zaak.is_afgerond
    definitie = zaak.definitie
    onderzoek = zaak.huidig_onderzoek()
    plan = zaak.huidig_plan()

    stappen = []
    if mag_wijzigen:
        for overgang in ui_services.mogelijke_stappen(zaak):
            form = formulieren.get(f"stap-{overgang.naar}") or StapFormulier(overgang=overgang)
            stappen.append({"overgang": overgang, "form": form, "status_label": Status(overgang.naar).label})
    besluitstappen = ui_services.besluitstappen(zaak) if mag_wijzigen else []
    kvb_melding = ui_services.klaar_voor_besluit_melding(zaak)

    bevindingen = {b.criterium: b for b in zaak.actuele_bevindingen().select_related("door")}
    eerdere = {}
    for b in zaak.bevindingen.filter(actueel=False).select_related("door").order_by("-op"):
        eerdere.setdefault(b.criterium, []).append(b)
    kan_bevinden = mag_wijzigen and zaak.status in beoordeling.BEOORDELEN
    criteria = []
    # The criteria that apply on the peildatum (e.g. art. 36b Pw changed on 1 April 2022), plus a replaced
    # criterion an old zaak has a finding on (it still counts, so it still shows). A conditional criterion whose
    # condition does not hold, and a cascade step after the step that solved the need, show why they are not asked.
    peil = beoordeling.peildatum_criteria(zaak)
    waarden = {code: b.waarde for code, b in bevindingen.items()}
    gevraagd = {c.code for c in definitie.gevraagde_criteria(peil, waarden)}
    van_toepassing = {c.code for c in definitie.criteria_op(peil)}
    stand = {s.criterium.code: s for s in cascade.stappen(definitie, waarden)}
    for c in definitie.criteria:
        if c.code not in van_toepassing and not (c.vervallen and c.code in bevindingen):
            continue
        if c.code not in gevraagd and c.code not in bevindingen:
            if c.cascade is None:
                continue  # a conditional question that is not asked: not shown (e.g. the pgb conditions in natura)
        stap = stand.get(c.code)
        form = formulieren.get(f"bevinding-{c.code}")
        if stap is not None and stap.stand in (cascade.NOG_NIET, cascade.NIET_MEER_NODIG):
            form = None  # art. 4:3 lid 3: in order; a later step after the solving one is not asked
        elif form is None and kan_bevinden:
            huidig = bevindingen.get(c.code)
            form = BevindingFormulier(criterium=c, initial=(
                {"waarde": huidig.waarde, "motivering": huidig.motivering} if huidig else {}))
        criteria.append({"criterium": c, "bevinding": bevindingen.get(c.code), "eerdere": eerdere.get(c.code, []),
                         "form": form, "melding": sectie.get(f"criterium-{c.code}"), "stap": stap,
                         "gevraagd": c.code in gevraagd})

    kan_rapporteren = mag_wijzigen and zaak.status in onderzoek_service.RAPPORT_STATUSSEN
    onderzoek_form = formulieren.get("onderzoek")
    if onderzoek_form is None and kan_rapporteren:
        onderzoek_form = OnderzoekFormulier(instance=onderzoek, nieuw=onderzoek is None)
    reactie_form = formulieren.get("reactie")
    if reactie_form is None and mag_wijzigen and (onderzoek or plan):
        reactie_form = ReactieFormulier(met_plan=plan is not None)
    plan_form = formulieren.get("plan")
    if plan_form is None and mag_wijzigen and zaak.status == Status.ONDERSTEUNINGSPLAN:
        plan_form = PlanFormulier(instance=plan)

    berekening = beoordeling.laatste_berekening(zaak) if definitie.heeft_regelkern else None
    berekening_form = formulieren.get("berekening")
    if berekening_form is None and definitie.heeft_regelkern and mag_wijzigen and zaak.status in beoordeling.BEOORDELEN:
        berekening_form = (wmo_weergave.WmoBerekeningFormulier(waarden=waarden) if definitie.domein == "wmo"
                           else BerekeningFormulier(kostensoorten=_kostensoorten(zaak)))

    afwijking_form = formulieren.get("afwijking")
    if afwijking_form is None and mag_wijzigen and zaak.status in beoordeling.BEOORDELEN:
        afwijking_form = AfwijkingFormulier(hardheidsclausule=definitie.hardheidsclausule)

    vier_ogen = vierogen.oordeel(zaak) if zaak.status == Status.KLAAR_VOOR_BESLUIT else None
    goedkeuring_form = formulieren.get("vierogen")
    if (goedkeuring_form is None and vier_ogen and vierogen.geldige_goedkeuring(zaak) is None
            and heeft_rol(gebruiker, KWALITEITSMEDEWERKER)
            and beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.VIER_OGEN_GOEDKEUREN).toegestaan):
        goedkeuring_form = GoedkeuringFormulier()

    return {
        **ui_context(request, "werkvoorraad"),
        "zaak": zaak,
        "definitie": definitie,
        "sectie_meldingen": sectie,
        "algemene_meldingen": [m for m in meldingen if not m.extra_tags.startswith(SECTIE)],
        "vandaag": vandaag,
        "mag_wijzigen": mag_wijzigen,
        "termijnen": ui_services.termijnen_van(zaak, vandaag),
        "stappen": stappen,
        "besluitstappen": besluitstappen,
        "kvb_melding": kvb_melding,
        "onderzoek": onderzoek,
        "onderzoek_form": onderzoek_form,
        "checklist": [(CHECKLIST[v][0], CHECKLIST[v][1], getattr(onderzoek, v) if onderzoek else "") for v in CHECKLIST],
        "ontbrekend": onderzoek.ontbrekende_checklist() if onderzoek else [],
        "zrm": [(label, getattr(onderzoek, f"zrm_{d}") if onderzoek else None) for d, label in ZRM_DOMEINEN.items()],
        "zrm_scores": ZRM_SCORES,
        "ladder": PARTICIPATIELADDER,
        "plan": plan,
        "plan_form": plan_form,
        "onderzoekversies": _versielijst(onderzoek_service.onderzoekversies(zaak), Onderzoek),
        "planversies": _versielijst(onderzoek_service.planversies(zaak), Ondersteuningsplan),
        "reacties_onderzoek": list(onderzoek.clientreacties.all()) if onderzoek else [],
        "reacties_plan": list(plan.clientreacties.all()) if plan else [],
        "reactie_form": reactie_form,
        "criteria": criteria,
        "ontbrekende_criteria": [c["criterium"] for c in criteria if c["bevinding"] is None and c["gevraagd"]],
        "weigergronden": wmo_weergave.weigergronden(zaak, waarden),
        "berekening": berekening,
        "uitleg": _uitleg_regels(berekening, definitie.uitkomst_variabele),
        "wmo_uitkomst": wmo_weergave.uitkomst(berekening) if berekening and definitie.domein == "wmo" else None,
        "berekening_form": berekening_form,
        "vier_ogen": vier_ogen,
        "goedkeuringen": list(zaak.goedkeuringen.select_related("door", "besluit")),
        "geldige_goedkeuring": vierogen.geldige_goedkeuring(zaak) if vier_ogen and vier_ogen.vereist else None,
        "vervallen_goedkeuring": vierogen.vervallen_voorstel(zaak) if vier_ogen and vier_ogen.vereist else None,
        "goedkeuring_form": goedkeuring_form,
        "afwijkingen": list(zaak.afwijkingen.select_related("door")),
        "afwijking_vraagt_vier_ogen": vierogen.vereist_door_afwijking(zaak),
        "regel_afwijking": vierogen.REGEL_AFWIJKING,
        "afwijking_form": afwijking_form,
        "historie": list(zaak.overgangen.select_related("door").order_by("op", "id")),
        **documenten_views.sectie(request, zaak, formulieren),
        **jeugd_views.sectie(request, zaak, formulieren),
        **jeugd_views.sectie_toegang(request, zaak, formulieren),
        **_iwmo_sectie(request, zaak),
    }


def _iwmo_sectie(request, zaak: Zaak) -> dict:
    """The toewijzing and iWmo/iJw messages (issue 10): only for the consulent of a Wmo or Jeugd zaak."""
    from maatwerk.iwmo.views import sectie

    return sectie(request, zaak)


def _toon_zaak(request, zaak: Zaak, formulieren: dict | None = None, status: int = 200):
    beleid.vereis_zaak(request.user, zaak, beleid.VIEW)
    return render(request, "zaken/zaak.html", _zaak_context(request, zaak, formulieren), status=status)


@inlog_vereist
def zaak(request, pk: int):
    return _toon_zaak(request, _zaak_of_404(pk))


def _post(view):
    """POST only; a GET on a form address shows the zaak page."""
    def inner(request, pk: int):
        if request.method != "POST":
            if request.method in ("GET", "HEAD"):
                return redirect("ui:zaak", pk=pk)
            return HttpResponseNotAllowed(["POST"])
        return view(request, _zaak_of_404(pk))
    inner.__name__ = view.__name__
    inner.__doc__ = view.__doc__
    return inlog_vereist(inner)


def _verwerk(request, zaak: Zaak, form, sleutel: str, actie, succes: str, anker: str):
    """Validate `form`, call the service `actie(cleaned_data)`; on a refusal put its Dutch message on the form and
    show the page again with what was typed (issue 8: a refused action never loses it): 400 bad input or a
    procedure rule, 403 refused by the access policy (a user who may not see the zaak gets the 404 as before),
    409/503 a conflicting or blocked write. The service runs in a savepoint, so the page can still be read."""
    status = ONGELDIG
    if form.is_valid():
        try:
            with transaction.atomic():
                actie(form.cleaned_data)
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        except ProcedureFout as fout:
            form.add_error(None, str(fout))
        except beleid.NietGevonden:
            raise
        except beleid.GeenToegang as fout:
            if not beleid.grond_zaak(request.user, zaak, beleid.VIEW).toegestaan:
                raise
            form.add_error(None, f"Niet opgeslagen: {fout} Wat u invulde, staat hieronder nog.")
            status = 403
        except IntegrityError:
            form.add_error(None, CONFLICT)
            status = 409
        except OperationalError:
            form.add_error(None, BEZET)
            status = 503
        else:
            # Tagged with the section, so the confirmation appears where the user is (see _zaak_context).
            messages.success(request, succes, extra_tags=f"{SECTIE}{anker}")
            if not beleid.grond_zaak(request.user, zaak, beleid.VIEW).toegestaan:
                # e.g. the second person who sent the proposal back: the zaak is no longer his to see
                return redirect("ui:werkvoorraad")
            return redirect(_naar_zaak(zaak, anker))
    return _toon_zaak(request, zaak, {sleutel: form}, status=status)


@_post
def overgang(request, zaak: Zaak):
    """One step of the procedure (button per allowed transition)."""
    naar = request.POST.get("naar", "")
    overgang_ = next((o for o in procedure.mogelijke_overgangen(zaak) if o.naar == naar), None)
    if overgang_ is None:
        # Not a step from the current status (e.g. an old page), or a decision, which only a besluit takes
        # (Awb 3:46, 4:5): the service's message, on top of the page.
        try:
            procedure.voer_uit(zaak, naar, request.user)
        except (ProcedureFout, ValidationError) as fout:
            messages.error(request, fout.messages[0] if isinstance(fout, ValidationError) else str(fout))
        return redirect(_naar_zaak(zaak, "stappen"))
    form = StapFormulier(request.POST, overgang=overgang_)

    def actie(d):
        record = procedure.voer_uit(zaak, overgang_.naar, request.user, datum=d["datum"], reden=d.get("reden", ""),
                                    via=d.get("via", ""), uitkomst=d.get("uitkomst", ""), bedrag=d.get("bedrag"))
        if record.naar != overgang_.naar:
            messages.warning(request, record.reden)

    return _verwerk(request, zaak, form, f"stap-{naar}", actie,
                    f"Stap uitgevoerd: {overgang_.actie}.", "status")


@_post
def onderzoek(request, zaak: Zaak):
    """Save the individualiseringsrapportage (art. 2:3)."""
    huidig = zaak.huidig_onderzoek()
    form = OnderzoekFormulier(request.POST, instance=huidig, nieuw=huidig is None)

    def actie(d):
        velden = {k: v for k, v in d.items() if k != "gesprekdatum"}
        onderzoek_service.werk_onderzoek_bij(zaak, request.user, gesprekdatum=d.get("gesprekdatum"), **velden)

    return _verwerk(request, zaak, form, "onderzoek", actie, "Het onderzoeksverslag is opgeslagen.", "onderzoek")


@_post
def reactie(request, zaak: Zaak):
    """Add the inwoner's remarks to the report or the plan (art. 2:4 lid 4)."""
    form = ReactieFormulier(request.POST, met_plan=zaak.huidig_plan() is not None)

    def actie(d):
        onderzoek_service.voeg_clientreactie_toe(zaak, request.user, tekst=d["tekst"], ontvangen_op=d["ontvangen_op"],
                                                 bij=d["bij"])

    return _verwerk(request, zaak, form, "reactie", actie, "De reactie van de inwoner is toegevoegd.", "reactie")


@_post
def plan(request, zaak: Zaak):
    """Draw up or update the ondersteuningsplan (art. 2:4)."""
    huidig = zaak.huidig_plan()
    form = PlanFormulier(request.POST, instance=huidig)

    def actie(d):
        if huidig is None:
            onderzoek_service.stel_plan_op(zaak, request.user, **d)
        else:
            onderzoek_service.werk_plan_bij(zaak, request.user, **d)

    return _verwerk(request, zaak, form, "plan", actie, "Het ondersteuningsplan is opgeslagen.", "plan")


@_post
def bevinding(request, zaak: Zaak):
    """Record the finding on one discretionary criterion, with its reason."""
    code = request.POST.get("criterium", "")
    criterium = zaak.definitie.criterium(code)
    if criterium is None:
        messages.error(request, f"Onbekend criterium '{code}' voor {zaak.definitie.naam}.")
        return _toon_zaak(request, zaak, status=ONGELDIG)
    form = BevindingFormulier(request.POST, criterium=criterium)

    def actie(d):
        beoordeling.leg_bevinding_vast(zaak, request.user, criterium=criterium.code, waarde=d["waarde"],
                                       motivering=d["motivering"])

    return _verwerk(request, zaak, form, f"bevinding-{code}", actie,
                    f"Bevinding vastgelegd: {criterium.vraag}", f"criterium-{code}")


@_post
def berekening(request, zaak: Zaak):
    """Run the Regelkern for the household and a month; the outcome and its uitleg are stored."""
    if zaak.domein == "wmo":
        return wmo_weergave.berekening(request, zaak, _verwerk)
    form = BerekeningFormulier(request.POST, kostensoorten=_kostensoorten(zaak))

    def actie(d):
        invoer = {"huishouden": {"kostensoort": {d["maand"]: d["kostensoort"]}}} if d.get("kostensoort") else None
        beoordeling.bereken(zaak, request.user, maand=d["maand"], invoer=invoer)

    return _verwerk(request, zaak, form, "berekening", actie, "De berekening is gemaakt en vastgelegd.", "berekening")


@_post
def afwijking(request, zaak: Zaak):
    """Record a deviation from policy in favour of the inwoner (hardheidsclausule or buitenwettelijk begunstigend
    beleid); whether it is possible, and that the decision then needs a second person, the services decide."""
    form = AfwijkingFormulier(request.POST, hardheidsclausule=zaak.definitie.hardheidsclausule)

    def actie(d):
        beoordeling.leg_afwijking_vast(zaak, request.user, soort=d["soort"], reden=d["reden"])

    return _verwerk(request, zaak, form, "afwijking", actie, "De afwijking van beleid is vastgelegd.", "afwijking")


@_post
def goedkeuring(request, zaak: Zaak):
    """The kwaliteitsmedewerker's four-eyes judgement on the proposed decision."""
    form = GoedkeuringFormulier(request.POST)

    def actie(d):
        vierogen.keur_goed(zaak, request.user, akkoord=d["akkoord"], toelichting=d.get("toelichting", ""))

    # Anchor "status": after "niet akkoord" the zaak is back in beoordeling and the four-eyes part is gone.
    return _verwerk(request, zaak, form, "vierogen", actie, "Uw oordeel als tweede paar ogen is vastgelegd.", "status")


# ------------------------------------------------------------------ printable report


@inlog_vereist
def rapportage(request, pk: int):
    """The individualiseringsrapportage the inwoner can take home (print-friendly, plain Dutch)."""
    zaak_ = _zaak_of_404(pk)
    beleid.vereis_zaak(request.user, zaak_, beleid.VIEW, onderwerp="rapportage", toelichting="afdrukversie")
    context = _zaak_context(request, zaak_)
    context["nav"] = None
    return render(request, "zaken/rapportage.html", context)


# ------------------------------------------------------------------ earlier versions of report and plan


def _uit_versie(model, inhoud: dict):
    """An unsaved instance holding a version's content, so the read-only report template can show it."""
    velden = {}
    for naam, waarde in inhoud.items():
        try:
            veld = model._meta.get_field(naam)
        except FieldDoesNotExist:  # a field dropped since: the version keeps it, the page shows what still exists
            continue
        if veld.is_relation:
            continue
        velden[naam] = veld.to_python(waarde)
    return model(**velden)


def _versie_of_404(versie_model, zaak: Zaak, versie_id: int):
    versie = versie_model.objects.filter(zaak=zaak, pk=versie_id).select_related("door").first()
    if versie is None:
        raise Http404("Deze versie bestaat niet bij deze zaak.")
    return versie


@inlog_vereist
def onderzoek_versie(request, pk: int, versie: int):
    """One earlier version of the individualiseringsrapportage, read-only. Personal data: access is checked and
    the view is logged like the zaak page itself."""
    zaak_ = _zaak_of_404(pk)
    beleid.vereis_zaak(request.user, zaak_, beleid.VIEW, onderwerp="onderzoekversie", toelichting=f"versie-id {versie}")
    v = _versie_of_404(OnderzoekVersie, zaak_, versie)
    rapport = _uit_versie(Onderzoek, v.inhoud)
    informatie = ("gewezen_op_clientondersteuning", "gewezen_op_eigen_plan", "doel_en_procedure_uitgelegd",
                  "toestemming_gegevensverwerking", "bijdrage_besproken", "pgb_besproken")
    context = {
        **ui_context(request, "werkvoorraad"),
        "zaak": zaak_,
        "definitie": zaak_.definitie,
        "soort": "onderzoek",
        "versie": v,
        "gewijzigd": [_label(Onderzoek, f) for f in v.gewijzigde_velden],
        "onderzoek": rapport,
        "gesprek": [(_label(Onderzoek, f), getattr(rapport, f)) for f in
                    ("gesprekdatum", "laatste_gesprekdatum", "plaats", "aanwezigen", "identiteitsdocument")],
        "informatie": [(_label(Onderzoek, f), getattr(rapport, f)) for f in informatie],
        "checklist": [(CHECKLIST[f][0], CHECKLIST[f][1], getattr(rapport, f)) for f in CHECKLIST],
        "zrm": [(label, getattr(rapport, f"zrm_{d}")) for d, label in ZRM_DOMEINEN.items()],
        "zrm_scores": ZRM_SCORES,
    }
    return render(request, "zaken/versie.html", context)


@inlog_vereist
def plan_versie(request, pk: int, versie: int):
    """One earlier version of the ondersteuningsplan, read-only; access checked and logged."""
    zaak_ = _zaak_of_404(pk)
    beleid.vereis_zaak(request.user, zaak_, beleid.VIEW, onderwerp="planversie", toelichting=f"versie-id {versie}")
    v = _versie_of_404(PlanVersie, zaak_, versie)
    context = {
        **ui_context(request, "werkvoorraad"),
        "zaak": zaak_,
        "definitie": zaak_.definitie,
        "soort": "plan",
        "versie": v,
        "gewijzigd": [_label(Ondersteuningsplan, f) for f in v.gewijzigde_velden],
        "plan": _uit_versie(Ondersteuningsplan, v.inhoud),
    }
    return render(request, "zaken/versie.html", context)
