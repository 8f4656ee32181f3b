"""The 302 (the provider's retour on our 301): per toegewezen product accepted or not, shown on the zaak; the 319
(our answer on a 315/317 verzoek, toegekend or afgewezen with reason) and its retour 320. Malformed or foreign
files are refused with a Dutch message naming the element; only the zaak's own domain may read them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from maatwerk.cli import main
from maatwerk.iwmo import services
from maatwerk.iwmo.models import Bericht, BerichtStatus, Verzoek

from .conftest import BASIS, WMO_NS, aanvraag, bericht

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 2, 10)
NU = dt.datetime(2026, 1, 27, 10, 30, tzinfo=dt.timezone.utc)
CODE = {"302": "415", "320": "483"}


def retour(soort: str, origineel: Bericht, regels: str, *, bsn: str, kop="0200", client="0200", identificatie="R1",
           dagtekening_retour="2026-01-31", agb="98000001", ontvanger="1621") -> bytes:
    """A provider's 302/320 on `origineel` (our 301/319)."""
    ns = WMO_NS.format(f"wmo{soort}")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="{ns}" xmlns:b="{BASIS}">
  <m:Header>
    <m:BerichtCode>{CODE[soort]}</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie><m:BerichtSubversie>2</m:BerichtSubversie>
    <m:Afzender>{agb}</m:Afzender><m:Ontvanger>{ontvanger}</m:Ontvanger>
    <m:BerichtIdentificatie><b:Identificatie>{origineel.identificatie}</b:Identificatie><b:Dagtekening>{origineel.dagtekening.isoformat()}</b:Dagtekening></m:BerichtIdentificatie>
    <m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie>
    <m:IdentificatieRetour>{identificatie}</m:IdentificatieRetour><m:DagtekeningRetour>{dagtekening_retour}</m:DagtekeningRetour>
    <m:XsdVersieRetour><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersieRetour>
    <m:RetourCodes><m:RetourCode>{kop}</m:RetourCode></m:RetourCodes>
  </m:Header>
  <m:Client><m:Bsn>{bsn}</m:Bsn>{regels}<m:RetourCodes><m:RetourCode>{client}</m:RetourCode></m:RetourCodes></m:Client>
</m:Bericht>""".encode()


def product(nummer: str, code="0200") -> str:
    return (f"<m:ToegewezenProduct><m:ToewijzingNummer>{nummer}</m:ToewijzingNummer>"
            f"<m:RetourCodes><m:RetourCode>{code}</m:RetourCode></m:RetourCodes></m:ToegewezenProduct>")


@pytest.fixture
def toegewezen(besluit, wmo, aanbod):
    return services.wijs_toe(wmo, besluit, product=aanbod["hh"], aanbieder=aanbod["thuiszorg"], volume=3, eenheid="04",
                             frequentie="2", ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), nu=NU)


def test_302_geaccepteerd_en_zichtbaar_op_de_zaak(toegewezen, wmo):
    t, bsn = toegewezen.toewijzing, toegewezen.zaak.hoofdpersoon.bsn
    assert t.geaccepteerd is None and "nog geen antwoord" in t.acceptatie_tekst
    r = services.importeer(wmo, retour("302", toegewezen, product(t.nummer), bsn=bsn), vandaag=VANDAAG)
    assert r.goed and r.retour is None and r.bericht.antwoord_op == toegewezen and r.bericht.zaak == toegewezen.zaak
    assert "ontvangen en verwerkt" in r.samenvatting
    t.refresh_from_db()
    assert t.geaccepteerd is True and t.retourcodes_aanbieder == "0200"
    c = Client()
    c.force_login(wmo)
    pagina = c.get(f"/zaken/{toegewezen.zaak_id}/").content.decode()
    assert "Geaccepteerd door de aanbieder" in pagina and "WMO302 Retour toewijzing" in pagina
    # TR056: the same IdentificatieRetour twice is refused, naming the element.
    with pytest.raises(ValidationError) as fout:
        services.importeer(wmo, retour("302", toegewezen, product(t.nummer), bsn=bsn), vandaag=VANDAAG)
    assert fout.value.message_dict["bestand"][0].startswith("Header/IdentificatieRetour:")


def test_302_niet_geaccepteerd_noemt_de_code(toegewezen, wmo):
    t, bsn = toegewezen.toewijzing, toegewezen.zaak.hoofdpersoon.bsn
    services.importeer(wmo, retour("302", toegewezen, product(t.nummer, "0001"), bsn=bsn), vandaag=VANDAAG)
    t.refresh_from_db()
    assert t.geaccepteerd is False and t.retourcodes_aanbieder == "0001"
    assert "niet geaccepteerd" in t.acceptatie_tekst and "technische redenen" in t.acceptatie_tekst
    # A rejected header rejects every product under it, even when the product line itself says 0200.
    services.importeer(wmo, retour("302", toegewezen, product(t.nummer), bsn=bsn, kop="0001", identificatie="R2"),
                       vandaag=VANDAAG)
    t.refresh_from_db()
    assert t.geaccepteerd is False


@pytest.mark.parametrize("geval, element", [
    ("geen_retourcodes", "Client/ToegewezenProduct"),
    ("retourcode_te_lang", "Client/ToegewezenProduct/RetourCodes/RetourCode"),
    ("dagtekening_31_juni", "Header/DagtekeningRetour"),
    ("dagtekening_in_de_toekomst", "Header/DagtekeningRetour"),
    ("andere_gemeente", "Header/Ontvanger"),
    ("onbekende_301", "Header/BerichtIdentificatie/Identificatie"),
    ("andere_aanbieder", "Header/BerichtIdentificatie/Identificatie"),
    ("andere_client", "Client/Bsn"),
])
def test_302_met_fouten_wordt_geweigerd_met_het_element(geval, element, toegewezen, wmo):
    t, bsn = toegewezen.toewijzing, toegewezen.zaak.hoofdpersoon.bsn
    goed = product(t.nummer)
    data = {
        "geen_retourcodes": retour("302", toegewezen, f"<m:ToegewezenProduct><m:ToewijzingNummer>{t.nummer}</m:ToewijzingNummer></m:ToegewezenProduct>", bsn=bsn),
        "retourcode_te_lang": retour("302", toegewezen, product(t.nummer, "02000"), bsn=bsn),
        "dagtekening_31_juni": retour("302", toegewezen, goed, bsn=bsn, dagtekening_retour="2026-06-31"),
        "dagtekening_in_de_toekomst": retour("302", toegewezen, goed, bsn=bsn, dagtekening_retour="2026-02-11"),
        "andere_gemeente": retour("302", toegewezen, goed, bsn=bsn, ontvanger="0363"),
        "onbekende_301": retour("302", Bericht(identificatie="MW9999999999", dagtekening=dt.date(2026, 1, 27)), goed, bsn=bsn),
        "andere_aanbieder": retour("302", toegewezen, goed, bsn=bsn, agb="98000002"),
        "andere_client": retour("302", toegewezen, goed, bsn="111222333"),
    }[geval]
    with pytest.raises(ValidationError) as fout:
        services.importeer(wmo, data, vandaag=VANDAAG)
    assert fout.value.message_dict["bestand"][0].startswith(f"{element}:")
    assert not Bericht.objects.filter(soort="302").exists()
    toegewezen.toewijzing.refresh_from_db()
    assert toegewezen.toewijzing.geaccepteerd is None


def test_302_alleen_voor_het_eigen_domein(toegewezen, jeugd, kwaliteit, beheerder, tmp_path):
    t, bsn = toegewezen.toewijzing, toegewezen.zaak.hoofdpersoon.bsn
    data = retour("302", toegewezen, product(t.nummer), bsn=bsn)
    for user in (jeugd, kwaliteit, beheerder):
        with pytest.raises(ValidationError) as fout:  # the same answer as for an unknown 301: nothing leaks
            services.importeer(user, data, vandaag=VANDAAG)
        assert "die u behandelt" in fout.value.message_dict["bestand"][0]
    bestand = tmp_path / "retour.xml"
    bestand.write_bytes(data)
    assert main(["iwmo", "importeer", str(bestand), "--gebruiker", "jeugd1"]) == 2
    t.refresh_from_db()
    assert t.geaccepteerd is None


def _verzoek(besluit, wmo, referentie="REF-1"):
    bsn = besluit.zaak.hoofdpersoon.bsn
    services.importeer(wmo, bericht("315", aanvraag(referentie), bsn_client=bsn, agb="98000002", identificatie=referentie),
                       vandaag=VANDAAG)
    return Verzoek.objects.get(referentie_aanbieder=referentie)


def _waarde(xml: str, pad: str) -> list[str]:
    root = ET.fromstring(xml.encode())
    return [e.text for e in root.iterfind(pad, {"m": WMO_NS.format("wmo319"), "b": BASIS})]


def test_319_na_afwijzing_met_reden_en_320_terug(besluit, wmo, jeugd, tmp_path, capsys):
    verzoek = _verzoek(besluit, wmo)
    assert not Bericht.objects.filter(soort="319").exists()  # no answer before the consulent decides
    services.beoordeel_verzoek(wmo, verzoek, akkoord=False, reden="Twee uur begeleiding per week past niet bij het besluit.")
    antwoord = Bericht.objects.get(soort="319")
    assert antwoord.richting == "uit" and antwoord.zaak == besluit.zaak and antwoord.antwoord_op == verzoek.bericht
    assert antwoord.aanbieder.agb_code == "98000002" and antwoord.bestandsnaam.startswith("WMO319_")
    assert _waarde(antwoord.xml, "m:Header/m:BerichtCode") == ["482"]
    assert _waarde(antwoord.xml, "m:Client/m:Antwoord/m:ReferentieAanbieder") == ["REF-1"]
    assert _waarde(antwoord.xml, "m:Client/m:Antwoord/m:VerzoekAntwoord") == ["2"]
    assert _waarde(antwoord.xml, "m:Client/m:Antwoord/m:RedenAfwijzing") == ["Twee uur begeleiding per week past niet bij het besluit."]
    # Export by CLI: only the zaak's own domain.
    assert main(["iwmo", "exporteer", str(antwoord.pk), "--gebruiker", "jeugd1", "--uit", str(tmp_path)]) == 2
    assert main(["iwmo", "exporteer", str(antwoord.pk), "--gebruiker", "wmo1", "--uit", str(tmp_path)]) == 0
    assert (tmp_path / antwoord.bestandsnaam).read_text(encoding="utf-8") == antwoord.xml
    # The provider's 320 on it is recorded on the zaak (CLI import: no retour on a retour).
    bestand = tmp_path / "320.xml"
    bestand.write_bytes(retour("320", antwoord, "<m:Antwoord><m:ReferentieAanbieder>REF-1</m:ReferentieAanbieder>"
                                                "<m:RetourCodes><m:RetourCode>0200</m:RetourCode></m:RetourCodes></m:Antwoord>",
                               bsn=besluit.zaak.hoofdpersoon.bsn, agb="98000002", dagtekening_retour="2026-02-10"))
    capsys.readouterr()
    assert main(["iwmo", "importeer", str(bestand), "--gebruiker", "wmo1"]) == 0
    assert "WMO320 Retour antwoord op verzoek ontvangen en verwerkt" in capsys.readouterr().out
    ontvangen = Bericht.objects.get(soort="320")
    assert ontvangen.antwoord_op == antwoord and ontvangen.status == BerichtStatus.VERWERKT and ontvangen.zaak == besluit.zaak


def test_319_na_toewijzing_zegt_toegekend(besluit, wmo):
    verzoek = _verzoek(besluit, wmo)
    services.beoordeel_verzoek(wmo, verzoek, akkoord=True, nu=NU)
    antwoord = Bericht.objects.get(soort="319")
    assert _waarde(antwoord.xml, "m:Client/m:Antwoord/m:VerzoekAntwoord") == ["1"]
    assert _waarde(antwoord.xml, "m:Client/m:Antwoord/m:RedenAfwijzing") == []
    assert Bericht.objects.filter(soort="301", zaak=besluit.zaak).count() == 1


def test_302_via_de_pagina(toegewezen, wmo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    zaak, t = toegewezen.zaak, toegewezen.toewijzing
    c = Client()
    c.force_login(wmo)
    kapot = retour("302", toegewezen, product(t.nummer, "x"), bsn=zaak.hoofdpersoon.bsn)
    fout = c.post(f"/zaken/{zaak.pk}/iwmo/import/", {"import-bestand": SimpleUploadedFile("302.xml", kapot)})
    assert fout.status_code == 400 and "Client/ToegewezenProduct/RetourCodes/RetourCode:" in fout.content.decode()
    goed = retour("302", toegewezen, product(t.nummer), bsn=zaak.hoofdpersoon.bsn)
    assert c.post(f"/zaken/{zaak.pk}/iwmo/import/", {"import-bestand": SimpleUploadedFile("302.xml", goed)}).status_code == 302
    t.refresh_from_db()
    assert t.geaccepteerd is True
