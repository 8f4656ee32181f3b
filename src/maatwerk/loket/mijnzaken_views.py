"""Pages of Mijn zaken (issue 9, point 5). Server-rendered, no JavaScript needed. Who may see what, and every rule,
is in mijnzaken.py and bezwaar_online.py; these views ask and show. Every page and download is audited there or
here with both BSNs (sessie.log)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from maatwerk.besluiten.models import BezwaarBrief
from maatwerk.loket import bezwaar_online, mijnzaken, sessie
from maatwerk.loket.formulieren_mijnzaken import BezwaarFormulier, ReactieFormulier
from maatwerk.loket.views import _pagina, inwoner_vereist
from maatwerk.monitor import ervaring
from maatwerk.toegang.models import Actie
from maatwerk.web.beveiliging import brief_antwoord
from maatwerk.zaken import upload
from maatwerk.zaken.documenten_api import download
from maatwerk.zaken.fouten import ProcedureFout

TE_GROOT = 413


@inwoner_vereist
def lijst(request, h: sessie.Handelend):
    zaken = mijnzaken.zaken_van(request, h)
    rijen = [{"zaak": z, "zin": mijnzaken.statuszin(z)} for z in zaken]
    return _pagina(request, "loket/mijn_zaken.html", {"rijen": rijen})


def _besluit_van(zaak, pk: int):
    besluit = mijnzaken.verzonden_besluiten(zaak).filter(pk=pk).first()
    if besluit is None:  # not his, or not sent (yet): the same answer
        raise Http404("Niet gevonden.")
    return besluit


@inwoner_vereist
def zaak(request, h: sessie.Handelend, pk: int):
    z = mijnzaken.zaak_van(request, h, pk)
    besluiten = [{"besluit": b, "bezwaar": bezwaar_online.mogelijkheid(b)} for b in mijnzaken.verzonden_besluiten(z)]
    bezwaren = [{"bezwaar": bz, "brief": BezwaarBrief.objects.filter(bezwaar=bz).only("id", "bekendgemaakt_op").first()}
                for bz in mijnzaken.eigen_bezwaren(z)]
    return _pagina(request, "loket/mijn_zaak.html", {
        "zaak": z, "zin": mijnzaken.statuszin(z), "termijnen": mijnzaken.termijnregels(z), "besluiten": besluiten,
        "bezwaren": bezwaren, "documenten": list(mijnzaken.eigen_documenten(z)),
        "rapportage": mijnzaken.rapportage_gedeeld(z) is not None,
        "ervaring": ervaring.kan_invullen(z),  # the optional survey after a sent letter (issue 12, point 5)
    })


@inwoner_vereist
def brief(request, h: sessie.Handelend, pk: int, besluit: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: brief")
    b = _besluit_van(z, besluit)
    sessie.log(request, Actie.VIEW, "brief (loket)", f"Brief {b.kenmerk} als HTML.", inwoner=z.hoofdpersoon, h=h)
    return brief_antwoord(b.brief.html)


def _pdf(inhoud: bytes, naam: str) -> HttpResponse:
    antwoord = HttpResponse(bytes(inhoud), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@inwoner_vereist
def brief_pdf(request, h: sessie.Handelend, pk: int, besluit: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: brief")
    b = _besluit_van(z, besluit)
    sessie.log(request, Actie.VIEW, "brief (loket)", f"Brief {b.kenmerk} als PDF.", inwoner=z.hoofdpersoon, h=h)
    return _pdf(b.brief.pdf, f"besluit-{b.kenmerk}.pdf")


def _bezwaarbrief_van(zaak, pk: int) -> BezwaarBrief:
    brief_ = BezwaarBrief.objects.filter(bezwaar__pk=pk, bezwaar__besluit__zaak=zaak).select_related("bezwaar").first()
    if brief_ is None:
        raise Http404("Niet gevonden.")
    return brief_


@inwoner_vereist
def bezwaarbrief(request, h: sessie.Handelend, pk: int, bezwaar: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: brief")
    brief_ = _bezwaarbrief_van(z, bezwaar)
    sessie.log(request, Actie.VIEW, "brief (loket)", f"Beslissing op bezwaar {brief_.bezwaar.kenmerk} als HTML.",
               inwoner=z.hoofdpersoon, h=h)
    return brief_antwoord(brief_.html)


@inwoner_vereist
def bezwaarbrief_pdf(request, h: sessie.Handelend, pk: int, bezwaar: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: brief")
    brief_ = _bezwaarbrief_van(z, bezwaar)
    sessie.log(request, Actie.VIEW, "brief (loket)", f"Beslissing op bezwaar {brief_.bezwaar.kenmerk} als PDF.",
               inwoner=z.hoofdpersoon, h=h)
    return _pdf(brief_.pdf, f"beslissing-op-bezwaar-{brief_.bezwaar.kenmerk}.pdf")


@inwoner_vereist
def document(request, h: sessie.Handelend, pk: int, document: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: document")
    d = mijnzaken.eigen_document(z, document)
    sessie.log(request, Actie.VIEW, "document (loket)", f"Eigen document {d.pk} gedownload.", inwoner=z.hoofdpersoon, h=h)
    return download(d)


@inwoner_vereist
def rapportage(request, h: sessie.Handelend, pk: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: rapportage")
    onderzoek = mijnzaken.rapportage_gedeeld(z)
    if onderzoek is None:  # not shared with him (yet): as if it did not exist
        raise Http404("Niet gevonden.")
    form = ReactieFormulier(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                mijnzaken.voeg_reactie_toe(request, h, z, form.cleaned_data["tekst"])
            except ValidationError as fout:
                for veld, berichten in fout.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, berichten)
            else:
                return redirect(request.path + "?reactie=1#reacties")
        status = 400
    return _pagina(request, "loket/mijn_rapportage.html", {
        "zaak": z, "form": form, "ontvangen": request.GET.get("reactie") == "1",
        **mijnzaken.rapportage_inhoud(onderzoek)}, status=status)


@csrf_exempt
def bezwaar(request, pk: int, besluit: int):
    """The upload limit is installed before the body is read (zaken/upload.py), so the CSRF check comes inside."""
    if request.method == "POST":
        if upload.te_groot_verzoek(request):
            return _pagina(request, "loket/mijn_te_groot.html", status=TE_GROOT, context={
                "maximum": bezwaar_online.documenten.bestandsgrootte(bezwaar_online.documenten.max_bytes())})
        request._loket_grens = upload.installeer(request)
    return csrf_protect(_bezwaar)(request, pk=pk, besluit=besluit)


@inwoner_vereist
def _bezwaar(request, h: sessie.Handelend, pk: int, besluit: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: bezwaar")
    b = _besluit_van(z, besluit)
    kans = bezwaar_online.mogelijkheid(b)
    context = {"zaak": z, "besluit": b, "kans": kans}
    if not kans.kan:  # a second bezwaar, or a besluit on bezwaar (beroep): the reason instead of the form
        bericht = bezwaar_online.al_bezwaar_bericht(kans.eerder) if kans.eerder else ""
        return _pagina(request, "loket/mijn_bezwaar.html", {**context, "form": None, "al_bericht": bericht},
                       status=409 if request.method == "POST" else 200)
    form = BezwaarFormulier(request.POST or None, request.FILES or None, te_laat=kans.te_laat)
    if request.method != "POST":
        return _pagina(request, "loket/mijn_bezwaar.html", {**context, "form": form})
    grens = getattr(request, "_loket_grens", None)
    if grens is not None and grens.te_groot:  # the file was dropped while it streamed in; the text is kept
        form.is_valid()
        form.add_error("bestand", bezwaar_online.documenten.te_groot_bericht().removeprefix("Bestand: "))
    elif form.is_valid():
        try:
            nieuw = bezwaar_online.dien_in(request, h, z, b, gronden=form.cleaned_data["gronden"],
                                           reden_te_laat=form.cleaned_data.get("reden_te_laat", ""),
                                           bestand=form.cleaned_data.get("bestand"))
        except ValidationError as fout:
            for veld, berichten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, berichten)
        except ProcedureFout as fout:
            form.add_error(None, str(fout))
        else:
            return redirect("loket:mijn_bezwaar_ontvangen", pk=z.pk, bezwaar=nieuw.pk)
    return _pagina(request, "loket/mijn_bezwaar.html", {**context, "form": form}, status=400)


@inwoner_vereist
def bezwaar_ontvangen(request, h: sessie.Handelend, pk: int, bezwaar: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: bezwaar")
    bz = mijnzaken.eigen_bezwaren(z).filter(pk=bezwaar).first()
    if bz is None:
        raise Http404("Niet gevonden.")
    return _pagina(request, "loket/mijn_bezwaar_ontvangen.html", {"zaak": z, "bezwaar": bz})
