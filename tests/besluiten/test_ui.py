"""The consulent's pages: prepare, edit (400 with Dutch errors), finalise, send, download, register a bezwaar;
and the beheerder's template page (a bad template is refused with a Dutch message)."""

from __future__ import annotations

import pytest
from django.test import Client

from maatwerk.besluiten.models import Besluit, Bezwaarschrift, BriefSjabloonVersie

pytestmark = pytest.mark.django_db


def _ingelogd(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _velden(wmo_natura) -> dict:
    """What the page posts: the whole form, so also the prefilled aanvraag."""
    wmo_natura = {"aanvraag": "U vroeg om hulp bij het schoonmaken.", **wmo_natura}
    return {k: ("unknown" if v is None else "true" if v is True else "false" if v is False else
                v.isoformat() if hasattr(v, "isoformat") else v) for k, v in wmo_natura.items()}


def test_van_klaar_voor_besluit_tot_verzonden_brief_en_bezwaar(zaak_klaar, wmo, wmo_natura):
    c = _ingelogd(wmo)
    pagina = c.get(f"/besluiten/zaak/{zaak_klaar.pk}/")
    assert pagina.status_code == 200 and "Besluit opstellen" in pagina.content.decode()
    antwoord = c.post(f"/besluiten/zaak/{zaak_klaar.pk}/opstellen/")
    besluit = Besluit.objects.get(zaak=zaak_klaar)
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/besluiten/{besluit.pk}/"
    pagina = c.get(f"/besluiten/{besluit.pk}/").content.decode()
    assert "Dit besluit is nog niet compleet." in pagina and "artikel 4:6, eerste lid" in pagina

    fout = c.post(f"/besluiten/{besluit.pk}/wijzigen/", {**_velden(wmo_natura), "einddatum": "2026-01-01"})
    assert fout.status_code == 400 and "De einddatum ligt vóór de ingangsdatum." in fout.content.decode()
    assert c.post(f"/besluiten/{besluit.pk}/wijzigen/", _velden(wmo_natura)).status_code == 302
    assert "Alle verplichte onderdelen zijn ingevuld." in c.get(f"/besluiten/{besluit.pk}/").content.decode()

    te_lang = c.post(f"/besluiten/{besluit.pk}/overwegingen/", {"zin": "Een. Twee. Drie.", "bron": "x", "soort": "discretie"})
    assert te_lang.status_code == 400 and "hoogstens 2 zinnen" in te_lang.content.decode()
    assert c.post(f"/besluiten/{besluit.pk}/vaststellen/", {"vaststellen-datum": "2026-02-02"}).status_code == 302
    assert c.post(f"/besluiten/{besluit.pk}/bekendmaken/", {"bekendmaken-datum": "2026-02-02"}).status_code == 302
    besluit.refresh_from_db()
    assert besluit.status == "bekendgemaakt"
    pagina = c.get(f"/besluiten/{besluit.pk}/").content.decode()
    assert "16 maart 2026" in pagina and "Brief downloaden (PDF)" in pagina
    pdf = c.get(f"/besluiten/{besluit.pk}/brief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and "attachment" in pdf["Content-Disposition"]
    assert "uiterlijk op 16 maart 2026" in c.get(f"/besluiten/{besluit.pk}/brief/").content.decode()

    fout = c.post(f"/besluiten/{besluit.pk}/bezwaar/", {"ontvangen_op": "2026-01-01", "gronden": "Te weinig."})
    assert fout.status_code == 400 and "Awb 6:10" in fout.content.decode()
    antwoord = c.post(f"/besluiten/{besluit.pk}/bezwaar/", {"ontvangen_op": "2026-03-20", "gronden": "Te weinig uren."})
    bezwaar = Bezwaarschrift.objects.get(besluit=besluit)
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/besluiten/bezwaren/{bezwaar.pk}/"
    pagina = c.get(f"/besluiten/bezwaren/{bezwaar.pk}/").content.decode()
    assert "Te laat" in pagina and "verschoonbaar" in pagina and "28 april 2026" in pagina


def test_andere_rol_krijgt_403(zaak_klaar, wmo, inkomen):
    c = _ingelogd(wmo)
    c.post(f"/besluiten/zaak/{zaak_klaar.pk}/opstellen/")
    besluit = Besluit.objects.get(zaak=zaak_klaar)
    # A besluit on a zaak he may not see answers like a missing one (issue 7).
    assert _ingelogd(inkomen).get(f"/besluiten/{besluit.pk}/").status_code == 404
    assert _ingelogd(inkomen).post(f"/besluiten/{besluit.pk}/vaststellen/", {"vaststellen-datum": "2026-02-02"}).status_code == 404
    assert Client().get(f"/besluiten/{besluit.pk}/").status_code == 302  # to the login page


def test_beheerder_past_sjabloon_aan_en_slecht_sjabloon_wordt_geweigerd(wmo, beheerder):
    assert _ingelogd(wmo).get("/besluiten/sjablonen/").status_code == 403
    c = _ingelogd(beheerder)
    assert "Hulp van een cliëntondersteuner" in c.get("/besluiten/sjablonen/").content.decode()
    fout = c.post("/besluiten/sjablonen/rechtsmiddel/", {"inhoud": "{% if x %}<p>open</p>"})
    assert fout.status_code == 400 and "fout in de sjabloontaal" in fout.content.decode()
    huidig = BriefSjabloonVersie.objects.get(sjabloon__code="clientondersteuning", nummer=1).inhoud
    goed = c.post("/besluiten/sjablonen/clientondersteuning/", {"inhoud": huidig.replace("Wilt u hulp?", "Wilt u hulp bij deze brief?"),
                                                                "toelichting": "Kop duidelijker"})
    assert goed.status_code == 302
    assert BriefSjabloonVersie.objects.filter(sjabloon__code="clientondersteuning").count() == 2


@pytest.mark.parametrize("fout", ["invoer", "termijn"])
def test_invoerfout_van_de_service_is_400_met_bericht_geen_500(zaak_klaar, wmo, wmo_natura, monkeypatch, fout):
    """A service's InvoerFout/TermijnFout on a besluit page: the Dutch message on the form, status 400, what was
    typed stays (web.formulieractie.voer_uit), never a server error."""
    from maatwerk.besluiten import services
    from maatwerk.regels.invoer import InvoerFout
    from maatwerk.termijnen.gegevens import TermijnFout

    c = _ingelogd(wmo)
    c.post(f"/besluiten/zaak/{zaak_klaar.pk}/opstellen/")
    besluit = Besluit.objects.get(zaak=zaak_klaar)

    def weiger(*args, **kwargs):
        if fout == "invoer":
            raise InvoerFout("omvang", "De omvang past niet bij de regels.")
        raise TermijnFout("De omvang past niet bij de regels.")

    monkeypatch.setattr(services, "wijzigen", weiger)
    antwoord = c.post(f"/besluiten/{besluit.pk}/wijzigen/", {**_velden(wmo_natura), "omvang": "7 uur per week"})
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400 and "De omvang past niet bij de regels." in tekst
    assert "7 uur per week" in tekst
