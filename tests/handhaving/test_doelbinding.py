"""Access (issue 11, point 8): a handhaver sees enforcement data and nothing of the Wmo/Jeugd care files; every
view and change of enforcement data is in the audit log."""

from __future__ import annotations

import pytest

from maatwerk.handhaving import inlichtingenbureau as ib
from maatwerk.toegang.models import AuditRegel


def _wmo_zaak(wmo, inwoner):
    """A Wmo zaak for the same person (test set-up: registered directly, the intake route is tested elsewhere)."""
    from maatwerk.toegang.beleid import Grond
    from maatwerk.toegang.models import SoortGrond
    from maatwerk.zaken.services import registreer_melding

    huishouden = inwoner.lidmaatschappen.first().huishouden
    return registreer_melding(wmo, huishouden=huishouden, hoofdpersoon=inwoner, regeling="wmo_maatwerkvoorziening",
                              omschrijving="Begeleiding bij dementie (zorgdossier).", ontvangen_op=None, kosten=None,
                              grond=Grond(True, SoortGrond.EIGEN_DOMEIN, "test"))


def test_handhaver_ziet_geen_zorgdossier(handhaver, wmo, client_voor, client_met_uitkering, indicatoren_goedgekeurd):
    # The same person has a benefit and a Wmo zaak: the signal shows what the file says, never the care file.
    zaak_inkomen_client = client_met_uitkering()
    wmo_zaak = _wmo_zaak(wmo, zaak_inkomen_client)
    inhoud = ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
              f"2026-11;{zaak_inkomen_client.bsn};inkomen;UWV;10,00;;;Loon\n").encode()
    signaal = ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11").signalen.get()
    html = client_voor(handhaver).get(f"/handhaving/signalen/{signaal.pk}/").content.decode()
    assert "dementie" not in html and "zorgdossier" not in html
    assert client_voor(handhaver).get(f"/zaken/{wmo_zaak.pk}/").status_code == 404
    assert client_voor(handhaver, api=True).get(f"/api/v1/zaken/{wmo_zaak.pk}/").status_code == 404
    assert AuditRegel.objects.filter(gebruikersnaam="handhaver1", onderwerp="signaal", inwoner=signaal.inwoner,
                                     toegestaan=True).count() >= 2  # created, then viewed


def test_lijsten_van_signalen_geven_een_auditregel_per_inwoner(handhaver, client_voor, client_met_uitkering,
                                                               indicatoren_goedgekeurd):
    a, b = client_met_uitkering(), client_met_uitkering()
    inhoud = ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
              f"2026-11;{a.bsn};inkomen;UWV;10,00;;;x\n2026-11;{b.bsn};vermogen;Belastingdienst;10,00;;;x\n").encode()
    ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11")
    voor = AuditRegel.objects.filter(onderwerp="signaal (lijst)").count()
    antwoord = client_voor(handhaver, api=True).get("/api/v1/handhaving/signalen/")
    assert antwoord.status_code == 200 and antwoord.json()["count"] == 2
    assert AuditRegel.objects.filter(onderwerp="signaal (lijst)").count() == voor + 2
