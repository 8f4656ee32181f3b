"""Issue 12 point 5: the optional survey in Mijn zaken after a sent letter — shown only after a sent besluit,
once per zaak, answers stored without a link to the person (regeling and month only), Dutch messages naming
the question, what was typed is kept, the monitor shows only aggregates (and nothing under 5 answers)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from maatwerk.monitor import cijfers
from maatwerk.monitor.models import Ervaring, ErvaringIngevuld
from maatwerk.monitor.periode import periode
from maatwerk.toegang.models import AuditRegel

from .test_mijnzaken import _zaak

pytestmark = pytest.mark.django_db
GOED = {"brief_begrepen": "4", "snel_genoeg": "2", "gehoord": "5", "opmerking": "Sneller bellen graag."}


def _url(zaak) -> str:
    return f"/loket/mijn/zaken/{zaak.pk}/ervaring/"


def test_survey_after_a_sent_letter_once_and_anonymous(client, digid_login, wmo):
    zaak, _ = _zaak(wmo)
    digid_login(client)
    assert "Vragen beantwoorden" in client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    pagina = client.get(_url(zaak))
    assert pagina.status_code == 200 and "Begreep u de brief met ons besluit?" in pagina.content.decode()
    antwoord = client.post(_url(zaak), GOED)
    assert antwoord.status_code == 302
    assert "Dank u wel" in client.get(antwoord["Location"]).content.decode()
    e = Ervaring.objects.get()
    assert (e.regeling, e.brief_begrepen, e.snel_genoeg, e.gehoord) == ("wmo_maatwerkvoorziening", 4, 2, 5)
    assert e.maand == timezone.localdate().replace(day=1)
    assert {f.name for f in Ervaring._meta.get_fields()}.isdisjoint({"zaak", "inwoner", "huishouden", "op"})
    assert ErvaringIngevuld.objects.filter(zaak=zaak).exists()
    # once only: the link is gone and a second post is refused without storing anything
    assert "Vragen beantwoorden" not in client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert client.post(_url(zaak), GOED).status_code == 409
    assert Ervaring.objects.count() == 1
    # the audit line says that, not what
    regel = AuditRegel.objects.filter(onderwerp="mijn zaak: ervaring", actie="create").get()
    assert "Sneller" not in regel.toelichting


def test_no_survey_before_the_letter_is_sent(client, digid_login, wmo):
    zaak, _ = _zaak(wmo, tot="vastgesteld")
    digid_login(client)
    assert "Vragen beantwoorden" not in client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert client.post(_url(zaak), GOED).status_code == 409
    assert not Ervaring.objects.exists()


def test_bad_answers_name_the_question_and_keep_the_text(client, digid_login, wmo):
    zaak, _ = _zaak(wmo)
    digid_login(client)
    r = client.post(_url(zaak), {"brief_begrepen": "9", "opmerking": "Mijn tekst blijft staan."})
    html = r.content.decode()
    assert r.status_code == 400
    assert "Begreep u de brief met ons besluit? Kies een cijfer van 1 tot en met 5." in html
    assert "Kreeg u snel genoeg antwoord op uw vraag? Kies een antwoord." in html
    assert "Mijn tekst blijft staan." in html and not Ervaring.objects.exists()


def test_someone_elses_zaak_is_404(client, digid_login, wmo):
    zaak, _ = _zaak(wmo, bsn="999990081", voornaam="Hadia", achternaam="Amrani")
    digid_login(client)
    assert client.get(_url(zaak)).status_code == 404
    assert client.post(_url(zaak), GOED).status_code == 404


def test_monitor_shows_means_from_5_answers_only():
    maand = timezone.localdate().replace(day=1)
    jaar = periode(str(maand.year))
    for i in range(4):
        Ervaring.objects.create(regeling="bijzondere_bijstand", maand=maand, brief_begrepen=4, snel_genoeg=3,
                                gehoord=5, opmerking="x" if i else "")
    rij = next(r for r in cijfers.ervaringen(jaar) if r.regeling == "bijzondere_bijstand")
    assert rij.antwoorden == "< 5" and set(rij.gemiddeld.values()) == {None}
    Ervaring.objects.create(regeling="bijzondere_bijstand", maand=maand, brief_begrepen=5, snel_genoeg=3, gehoord=5)
    rij = next(r for r in cijfers.ervaringen(jaar) if r.regeling == "bijzondere_bijstand")
    assert rij.antwoorden == 5
    assert rij.gemiddeld["Begreep u de brief met ons besluit?"] == "4,2"
    assert rij.met_opmerking == "< 5"
