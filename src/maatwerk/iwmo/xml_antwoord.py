"""The 319 (antwoord op een verzoek 315/317) out, and the retourberichten a provider sends on our messages in:
the 302 (on a 301) and the 320 (on a 319).

A retourbericht is itself not answered (the standard has no retour on a retour), so a 302/320 that does not
match its schema or is not addressed to us is refused as a file with a Dutch message naming the element; a
correct one records, per berichtklasse, the provider's retourcodes (WJ001: 0200 geen opmerking = accepted).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo import schema as xsd
from maatwerk.iwmo.xmlbericht import OnleesbaarBericht, _datum, _gecontroleerd, _header, _Lezer, _Schrijver

# 319 VerzoekAntwoord (assumed codes, see docs/iwmo.md): 1 the verzoek is granted, 2 it is refused.
TOEGEKEND = "1"
AFGEWEZEN = "2"
VERZOEK_ANTWOORD = {TOEGEKEND: "verzoek toegekend", AFGEWEZEN: "verzoek afgewezen"}


def bouw_319(verzoek, *, identificatie: str, dagtekening: dt.date) -> bytes:
    """The 319 for a verzoek the consulent decided on: toegekend, or afgewezen with the reason."""
    domein = verzoek.zaak.domein
    s = _Schrijver(domein, "319")
    root = ET.Element(f"{{{s.ns}}}Bericht")
    _header(s, root, domein, "319", cl.GEMEENTECODE, verzoek.aanbieder.agb_code, identificatie, dagtekening)
    c = s.el(root, "Client")
    s.el(c, "Bsn", verzoek.zaak.hoofdpersoon.bsn)
    a = s.el(c, "Antwoord")
    s.el(a, "ReferentieAanbieder", verzoek.referentie_aanbieder)
    toegekend = verzoek.status == "toegewezen"
    s.el(a, "VerzoekAntwoord", TOEGEKEND if toegekend else AFGEWEZEN)
    if not toegekend:
        s.el(a, "RedenAfwijzing", (verzoek.reden_afwijzing or "").strip()[:1000])
    return _gecontroleerd(root, domein, "319")


@dataclass
class RetourRegel:
    klasse: str
    sleutel: str
    codes: list[str]

    @property
    def geaccepteerd(self) -> bool:
        return self.codes == [cl.GEEN_OPMERKING]


@dataclass
class GelezenRetour:
    domein: str
    soort: str
    afzender: str
    identificatie: str  # of the original message (our 301 or 319)
    identificatie_retour: str
    dagtekening_retour: dt.date
    header_codes: list[str]
    bsn: str | None = None
    client_codes: list[str] = field(default_factory=list)
    regels: list[RetourRegel] = field(default_factory=list)

    @property
    def alle_codes(self) -> list[str]:
        return sorted({*self.header_codes, *self.client_codes, *(c for r in self.regels for c in r.codes)})


def lees_retour(root, domein: str, soort: str, *, vandaag: dt.date) -> GelezenRetour:
    """Read a 302 or 320 that `xmlbericht.ontleed` named. Raises OnleesbaarBericht naming the element."""
    fouten = xsd.valideer(root, domein, soort)
    if fouten:
        eerste = fouten[0]
        meer = f" (en {len(fouten) - 1} andere)" if len(fouten) > 1 else ""
        raise OnleesbaarBericht(eerste.element, f"{eerste.tekst}{meer} Een {cl.PREFIX[domein]}{soort} die niet aan het "
                                                "schema voldoet, kan Maatwerk niet verwerken.")
    lz = _Lezer(root, domein, soort)
    h = lz.kind(root, "Header")
    ontvanger = lz.tekst(h, "Ontvanger")
    if ontvanger != cl.GEMEENTECODE:  # TR378: a message addressed to another municipality is not ours to read
        raise OnleesbaarBericht("Header/Ontvanger", f"'{ontvanger}' is niet de gemeentecode van Lansingerland "
                                                    f"({cl.GEMEENTECODE}).")
    bi = lz.kind(h, "BerichtIdentificatie")
    dagtekening_retour = _datum(lz.tekst(h, "DagtekeningRetour"))
    if dagtekening_retour > vandaag:  # TR135
        raise OnleesbaarBericht("Header/DagtekeningRetour", "deze datum ligt in de toekomst.")
    gelezen = GelezenRetour(
        domein=domein, soort=soort, afzender=lz.tekst(h, "Afzender"),
        identificatie=lz.tekst(bi, "Identificatie", basis=True), identificatie_retour=lz.tekst(h, "IdentificatieRetour"),
        dagtekening_retour=dagtekening_retour, header_codes=_codes(lz, h),
    )
    c = lz.kind(root, "Client")
    if c is not None:
        gelezen.bsn = lz.tekst(c, "Bsn")
        gelezen.client_codes = _codes(lz, c)
        for e in c:
            klasse = e.tag.split("}", 1)[-1]
            if klasse in ("Bsn", "RetourCodes"):
                continue
            sleutel = lz.tekst(e, "ToewijzingNummer") or lz.tekst(e, "ReferentieAanbieder") or ""
            gelezen.regels.append(RetourRegel(klasse, sleutel, _codes(lz, e)))
    return gelezen


def _codes(lz: _Lezer, ouder) -> list[str]:
    return sorted({(e.text or "").strip() for e in lz.kinderen(lz.kind(ouder, "RetourCodes"), "RetourCode")})
