"""Nothing typed is lost (issue 8 point 4): a refused POST (403, a lost race, bad input) shows the page again with
the typed values and a Dutch message; a POST after the session expired is kept server-side, the user logs in
(also with the second factor) and finds the same form filled in, with a message, not submitted."""

from __future__ import annotations

import datetime as dt
import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.db import IntegrityError, OperationalError
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.besluiten import bezwaar as bz
from maatwerk.besluiten import services
from maatwerk.besluiten.models import Bezwaarschrift
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.web import formulier_bewaren
from maatwerk.web.formulier_bewaren import BERICHT, SLEUTEL

from .conftest import _breng_in, _neem_besluit

pytestmark = pytest.mark.django_db
WACHTWOORD = "geheim-wachtwoord-123"
VERSLAG = "Mevrouw vertelde dat zij ’s avonds niet zelf kan koken; dat stond niet in het verslag. <b>niet vet</b>"


@pytest.fixture
def bezwaar(wmo, maak_zaak, monkeypatch):
    # About keeping forms, not letters: rendering the PDF (tests/besluiten/test_brieven.py) would take most of the time.
    monkeypatch.setattr(services, "html_naar_pdf", lambda html: b"%PDF-1.4 formulier_bewaren")
    zaak = _breng_in(maak_zaak(wmo), "klaar_voor_besluit", wmo)
    besluit = _neem_besluit(zaak, wmo, datum=dt.date(2026, 2, 2))
    services.bekendmaken(besluit, wmo, datum=dt.date(2026, 2, 2))
    return bz.registreer(besluit, wmo, ontvangen_op=dt.date(2026, 2, 10), gronden="Te weinig uren.")


@pytest.fixture
def jurist(maak_gebruiker):
    return maak_gebruiker("jurist1", "jurist")


def _pagina(bezwaar) -> str:
    return f"/besluiten/bezwaren/{bezwaar.pk}/"


def _horen(bezwaar) -> str:
    return f"/besluiten/bezwaren/{bezwaar.pk}/horen/"


def _ingelogd(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _laat_verlopen(client: Client) -> None:
    """What SessieVerloopMiddleware's idle timeout leaves: the row is there, its expiry has passed."""
    sleutel = client.cookies["sessionid"].value
    Session.objects.filter(session_key=sleutel).update(expire_date=timezone.now() - dt.timedelta(minutes=1))


def _typ(extra=None) -> dict:
    return {"hoorzitting_op": "2026-02-20", "verslag": VERSLAG, "afzien_reden": "", **(extra or {})}


# ------------------------------------------------------------------ refused, lost race: the page again


@pytest.mark.parametrize("fout, status, tekst", [
    (GeenToegang("Alleen de jurist of een consulent van het domein mag dit."), 403, "Niet opgeslagen: Alleen de jurist"),
    (IntegrityError("unique"), 409, "botst met een wijziging"),
    (OperationalError("database is locked"), 503, "probeer het over enkele seconden opnieuw"),
])
def test_geweigerde_post_toont_de_pagina_met_wat_getypt_was(bezwaar, jurist, monkeypatch, fout, status, tekst):
    def weiger(*args, **kwargs):
        raise fout

    monkeypatch.setattr(bz, "leg_horen_vast", weiger)
    antwoord = _ingelogd(jurist).post(_horen(bezwaar), _typ())
    html = antwoord.content.decode()
    assert antwoord.status_code == status and tekst in html
    assert "Mevrouw vertelde dat zij ’s avonds niet zelf kan koken" in html and "&lt;b&gt;niet vet&lt;/b&gt;" in html
    assert 'value="2026-02-20"' in html
    assert '<h1>Bezwaar' in html  # the bezwaar page itself, not the bare error page


def test_ongeldige_invoer_houdt_de_tekst_vast(bezwaar, jurist):
    antwoord = _ingelogd(jurist).post(_horen(bezwaar), _typ({"hoorzitting_op": "2026-02-01"}))
    html = antwoord.content.decode()
    assert antwoord.status_code == 400 and "vóór de ontvangst" in html and "niet zelf kan koken" in html


def test_wie_niets_mag_zien_krijgt_404_en_geen_pagina(bezwaar, maak_gebruiker):
    jeugd = maak_gebruiker("jeugd1", "consulent_jeugd")
    antwoord = _ingelogd(jeugd).post(_horen(bezwaar), _typ())
    assert antwoord.status_code == 404 and "niet zelf kan koken" not in antwoord.content.decode()


def test_formulieren_die_de_gebruiker_niet_mag_worden_niet_getoond(bezwaar, maak_gebruiker, wmo):
    # wmo prepared the besluit: he sees the bezwaar, not the forms to hear or decide (Awb 7:5).
    html = _ingelogd(wmo).get(_pagina(bezwaar)).content.decode()
    assert _horen(bezwaar) not in html and 'id="eigen-besluit"' in html


# ------------------------------------------------------------------ expired session


def _verlopen_post(client, bezwaar, data=None):
    client.get(_pagina(bezwaar))
    _laat_verlopen(client)
    return client.post(_horen(bezwaar), data or _typ(), HTTP_REFERER=f"http://testserver{_pagina(bezwaar)}")


def test_verlopen_sessie_bewaart_het_formulier_en_geeft_het_na_inloggen_terug(bezwaar, jurist):
    c = Client()
    assert c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD}).status_code == 302
    antwoord = _verlopen_post(c, bezwaar, _typ({"csrfmiddlewaretoken": "x" * 64}))
    assert antwoord.status_code == 302
    naar = urlsplit(antwoord["Location"])
    assert naar.path == "/inloggen/" and parse_qs(naar.query) == {"next": [_pagina(bezwaar)]}
    assert "koken" not in antwoord["Location"]  # never in the URL
    bewaard = c.session[SLEUTEL]
    assert bewaard["actie"] == _horen(bezwaar) and bewaard["gebruiker"] == str(jurist.pk)
    assert "csrfmiddlewaretoken" not in {n for n, _ in bewaard["velden"]}
    bezwaar.refresh_from_db()
    assert bezwaar.hoorzitting_op is None  # nothing was stored by the expired request

    na_login = c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD, "next": _pagina(bezwaar)})
    assert na_login.status_code == 302 and na_login["Location"] == _pagina(bezwaar)
    pagina = c.get(_pagina(bezwaar))
    html = pagina.content.decode()
    assert pagina.status_code == 200 and BERICHT in html
    assert "Mevrouw vertelde dat zij ’s avonds niet zelf kan koken" in html and 'value="2026-02-20"' in html
    assert "errorlist" not in html  # shown, not validated or submitted
    bezwaar.refresh_from_db()
    assert bezwaar.hoorzitting_op is None and not bezwaar.hoorverslag
    # A reload keeps the text (the message only once); sending it again stores it and drops the kept copy.
    herladen = c.get(_pagina(bezwaar)).content.decode()
    assert "niet zelf kan koken" in herladen and BERICHT not in herladen
    assert c.post(_horen(bezwaar), _typ()).status_code == 302
    assert SLEUTEL not in c.session
    bezwaar.refresh_from_db()
    assert bezwaar.hoorverslag.startswith("Mevrouw vertelde")


def test_anonieme_post_wordt_ook_bewaard(bezwaar, jurist):
    c = Client()
    antwoord = c.post(_horen(bezwaar), _typ(), HTTP_REFERER=f"http://testserver{_pagina(bezwaar)}")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/?next=")
    c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD, "next": _pagina(bezwaar)})
    assert "niet zelf kan koken" in c.get(_pagina(bezwaar)).content.decode()


def test_een_ander_die_inlogt_krijgt_de_tekst_niet(bezwaar, jurist, maak_gebruiker):
    maak_gebruiker("jurist2", "jurist")
    c = Client()
    assert c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD}).status_code == 302
    _verlopen_post(c, bezwaar)
    c.post("/inloggen/", {"username": "jurist2", "password": WACHTWOORD, "next": _pagina(bezwaar)})
    html = c.get(_pagina(bezwaar)).content.decode()
    assert "niet zelf kan koken" not in html and BERICHT not in html
    assert SLEUTEL not in c.session


def test_wachtwoorden_en_codes_worden_niet_bewaard_en_de_omvang_is_begrensd(bezwaar, jurist):
    c = Client()
    lang = "x" * (formulier_bewaren.MAX_BYTES + 10)
    c.post(_horen(bezwaar), {**_typ(), "password": "geheim!", "nieuw_wachtwoord": "geheim!", "code": "123456",
                             "afzien_reden": lang}, HTTP_REFERER=f"http://testserver{_pagina(bezwaar)}")
    bewaard = c.session[SLEUTEL]
    namen = [n for n, _ in bewaard["velden"]]
    assert "verslag" in namen and "afzien_reden" not in namen  # too long: left out, and the user is told
    assert not {"password", "nieuw_wachtwoord", "code"} & set(namen)
    assert bewaard["volledig"] is False
    assert len(json.dumps(bewaard["velden"]).encode()) <= formulier_bewaren.MAX_BYTES
    c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD, "next": _pagina(bezwaar)})
    assert "Een deel van een heel lange tekst paste niet" in c.get(_pagina(bezwaar)).content.decode()


def test_csrf_wordt_eerst_gecontroleerd(bezwaar, jurist):
    c = Client(enforce_csrf_checks=True)
    antwoord = c.post(_horen(bezwaar), _typ(), HTTP_REFERER=f"http://testserver{_pagina(bezwaar)}")
    assert antwoord.status_code == 403 and SLEUTEL not in c.session  # a cross-site POST plants nothing


def test_met_tweestapsverificatie(bezwaar, jurist):
    apparaat = TOTPDevice.objects.create(user=jurist, name="telefoon", confirmed=True)
    c = Client()
    c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD})
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time()
    assert c.post("/inloggen/code/", {"code": f"{totp.token():06d}"}).status_code == 302
    _verlopen_post(c, bezwaar)
    assert c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD,
                                 "next": _pagina(bezwaar)})["Location"] == _pagina(bezwaar)
    naar_code = c.get(_pagina(bezwaar))  # the second factor first; the kept form waits
    assert naar_code.status_code == 302 and naar_code["Location"].startswith("/inloggen/code/")
    TOTPDevice.objects.filter(pk=apparaat.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    totp.time = time.time() + 30  # the next code: django-otp refuses a code used twice
    klaar = c.post(naar_code["Location"], {"code": f"{totp.token():06d}", "next": _pagina(bezwaar)})
    assert klaar.status_code == 302 and klaar["Location"] == _pagina(bezwaar)
    html = c.get(_pagina(bezwaar)).content.decode()
    assert BERICHT in html and "niet zelf kan koken" in html


def test_registreren_op_kenmerk_na_verlopen_sessie(bezwaar, jurist):
    """The Bezwaren page (the jurist's own form) is restored the same way."""
    c = Client()
    assert c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD}).status_code == 302
    c.get("/besluiten/bezwaren/")
    _laat_verlopen(c)
    c.post("/besluiten/bezwaren/registreren/", {"kenmerk": bezwaar.besluit.kenmerk, "ontvangen_op": "2026-02-11",
                                               "gronden": "Mijn tweede brief: nog steeds te weinig uren."},
           HTTP_REFERER="http://testserver/besluiten/bezwaren/")
    c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD, "next": "/besluiten/bezwaren/"})
    html = c.get("/besluiten/bezwaren/").content.decode()
    assert "Mijn tweede brief: nog steeds te weinig uren." in html and bezwaar.besluit.kenmerk in html
    assert Bezwaarschrift.objects.count() == 1


def test_andere_paginas_krijgen_de_velden_voor_het_script(maak_zaak, wmo):
    """A page that does not restore its forms itself (the zaak page) hands the kept fields to maatwerk.js in a
    hidden data attribute (escaped; no inline script), and shows the message."""
    zaak = maak_zaak(wmo)
    c = Client()
    assert c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD}).status_code == 302
    c.get(f"/zaken/{zaak.pk}/")
    _laat_verlopen(c)
    tekst = 'Zij wil "zelf" koken <script>'
    c.post(f"/zaken/{zaak.pk}/onderzoek/", {"onderzoek-behoefte": tekst},
           HTTP_REFERER=f"http://testserver/zaken/{zaak.pk}/")
    c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD, "next": f"/zaken/{zaak.pk}/"})
    html = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert BERICHT in html and 'id="nl-bewaard-formulier"' in html
    assert "&lt;script&gt;" in html and "<script>" not in html.split('id="nl-bewaard-formulier"')[1].split("</div>")[0]
    assert f"/zaken/{zaak.pk}/onderzoek/" in html


def test_besluitpagina_herstelt_zelf_en_geeft_niets_aan_het_script(bezwaar, jurist):
    c = Client()
    assert c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD}).status_code == 302
    _verlopen_post(c, bezwaar)
    c.post("/inloggen/", {"username": "jurist1", "password": WACHTWOORD, "next": _pagina(bezwaar)})
    html = c.get(_pagina(bezwaar)).content.decode()
    assert "niet zelf kan koken" in html and 'id="nl-bewaard-formulier"' not in html


def test_htmx_verzoek_gaat_als_pagina_naar_inloggen(bezwaar, jurist):
    c = Client()
    antwoord = c.post(_horen(bezwaar), _typ(), HTTP_REFERER=f"http://testserver{_pagina(bezwaar)}", HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 204 and antwoord["HX-Redirect"].startswith("/inloggen/?next=")
    assert SLEUTEL in c.session


def test_weigering_toont_de_pagina_niet_aan_wie_haar_niet_mag_zien(bezwaar, maak_gebruiker, monkeypatch):
    def weiger(*args, **kwargs):
        raise GeenToegang("Geweigerd op een rolregel.")

    monkeypatch.setattr(bz, "leg_horen_vast", weiger)
    jeugd = maak_gebruiker("jeugd1", "consulent_jeugd")
    antwoord = _ingelogd(jeugd).post(_horen(bezwaar), _typ())
    assert antwoord.status_code == 404 and "niet zelf kan koken" not in antwoord.content.decode()
