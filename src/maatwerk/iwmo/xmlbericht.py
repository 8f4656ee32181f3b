"""Reading and writing iWmo/iJw 3.2 XML: the 301 (toewijzing) out; the 305 (start zorg), 307 (stop zorg),
315 (verzoek om toewijzing) and 317 (verzoek om wijziging) in; the retourberichten 306/308/316/318 out.

The structure follows the message definitions of release 3.2 (Zorginstituut Nederland,
informatiemodel.istandaarden.nl): root `Bericht` in the message's namespace, `Header` (BerichtCode,
BerichtVersie 3, BerichtSubversie 2, Afzender, Ontvanger, BerichtIdentificatie with Identificatie and
Dagtekening, XsdVersie) and `Client`; composite types (Naam, Product, Omvang, Geboortedatum) in the basisschema
namespace. The official XSDs are not vendored (no copy with a clear licence was found, see docs/iwmo.md);
Maatwerk's own XSDs (`iwmo/xsd/`, `schema.py`) check the structure first, and every message made here must
match them. `lees` then checks the technical rules; every finding names its element and its rule
(XSD = schema, CS = constraint, TR = technische regel, RS = restrictie) and carries the retourcode of WJ001.

Parsing uses defusedxml: no DTDs, no entity expansion, no external references (a message is untrusted input).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo import schema as xsd
from maatwerk.personen.validators import elfproef

# The GGK accepts files up to 25 MB (foutcode IB003); one message of a provider is far smaller. A file above
# this limit is refused before it is parsed.
MAX_BYTES = 2 * 1024 * 1024

AFGEKEURD = cl.TECHNISCH_AFGEKEURD


@dataclass
class Bevinding:
    element: str
    tekst: str
    regel: str = ""
    retourcode: str = AFGEKEURD

    def __str__(self) -> str:
        regel = f" ({self.regel})" if self.regel else ""
        return f"{self.element}: {self.tekst}{regel}"


class OnleesbaarBericht(Exception):
    """The file is not an iWmo/iJw message we can read at all (no retourbericht possible)."""

    def __init__(self, element: str, tekst: str):
        super().__init__(f"{element}: {tekst}")
        self.element = element
        self.tekst = tekst


@dataclass
class Regel:
    """One product line (StartProduct, StopProduct, AangevraagdProduct, TeWijzigenProduct, NieuwProduct,
    ToegewezenProduct) with its values and findings."""

    klasse: str
    waarden: dict
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def sleutel(self) -> str:
        return self.waarden.get("ToewijzingNummer") or self.waarden.get("ReferentieAanbieder") or ""


@dataclass
class Gelezen:
    domein: str
    soort: str
    header: dict
    client: dict
    regels: list[Regel]
    header_bevindingen: list[Bevinding] = field(default_factory=list)
    client_bevindingen: list[Bevinding] = field(default_factory=list)
    verzoek: dict = field(default_factory=dict)

    @property
    def alle_bevindingen(self) -> list[Bevinding]:
        return [*self.header_bevindingen, *self.client_bevindingen, *(b for r in self.regels for b in r.bevindingen)]

    @property
    def goed(self) -> bool:
        return not self.alle_bevindingen


# ------------------------------------------------------------------ namespaces

_NAAR_SOORT: dict[str, tuple[str, str]] = {}
for _domein in cl.STANDAARD:
    for _soort in cl.BERICHTCODE[_domein]:
        _NAAR_SOORT[cl.namespace(_domein, _soort)] = (_domein, _soort)
        ET.register_namespace(f"{cl.PREFIX[_domein].lower()}{_soort}", cl.namespace(_domein, _soort))
    ET.register_namespace("iwmo" if _domein == "wmo" else "ijw", cl.namespace(_domein, "basisschema"))


def _ns_van(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _lokaal(tag: str) -> str:
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


# ------------------------------------------------------------------ writing


class _Schrijver:
    def __init__(self, domein: str, soort: str):
        self.ns = cl.namespace(domein, soort)
        self.basis = cl.namespace(domein, "basisschema")

    def el(self, ouder, naam: str, tekst=None, basis: bool = False):
        e = ET.SubElement(ouder, f"{{{self.basis if basis else self.ns}}}{naam}")
        if tekst is not None:
            e.text = str(tekst)
        return e


def _header(s: _Schrijver, root, domein: str, soort: str, afzender: str, ontvanger: str, identificatie: str,
            dagtekening: dt.date):
    h = s.el(root, "Header")
    s.el(h, "BerichtCode", cl.BERICHTCODE[domein][soort])
    s.el(h, "BerichtVersie", cl.BERICHTVERSIE)
    s.el(h, "BerichtSubversie", cl.BERICHTSUBVERSIE)
    s.el(h, "Afzender", afzender)
    s.el(h, "Ontvanger", ontvanger)
    bi = s.el(h, "BerichtIdentificatie")
    s.el(bi, "Identificatie", identificatie, basis=True)
    s.el(bi, "Dagtekening", dagtekening.isoformat(), basis=True)
    xv = s.el(h, "XsdVersie")
    s.el(xv, "BasisschemaXsdVersie", cl.XSD_VERSIE, basis=True)
    s.el(xv, "BerichtXsdVersie", cl.XSD_VERSIE, basis=True)
    return h


def _voorletters(voornamen: str) -> str:
    return "".join(n[0].upper() for n in voornamen.split() if n)


def _client_persoon(s: _Schrijver, c, inwoner) -> None:
    s.el(c, "Bsn", inwoner.bsn)
    gd = s.el(c, "Geboortedatum")
    s.el(gd, "Datum", inwoner.geboortedatum.isoformat(), basis=True)
    s.el(c, "Geslacht", cl.GESLACHT_ONBEKEND)
    naam = s.el(c, "Naam")
    gn = s.el(naam, "Geslachtsnaam", basis=True)
    s.el(gn, "Achternaam", inwoner.achternaam[:200], basis=True)
    if inwoner.tussenvoegsel:
        s.el(gn, "Voorvoegsel", inwoner.tussenvoegsel[:10], basis=True)
    s.el(naam, "Voornamen", inwoner.voornamen[:200], basis=True)
    s.el(naam, "Voorletters", _voorletters(inwoner.voornamen)[:6], basis=True)


def bouw_301(toewijzingen, *, identificatie: str, dagtekening: dt.date, moment: dt.datetime) -> bytes:
    """The 301 (WMO301 / JW301 Toewijzing) for one client and one provider: every toegewezen product."""
    eerste = toewijzingen[0]
    domein, inwoner = eerste.domein, eerste.zaak.hoofdpersoon
    s = _Schrijver(domein, "301")
    root = ET.Element(f"{{{s.ns}}}Bericht")
    _header(s, root, domein, "301", cl.GEMEENTECODE, eerste.aanbieder.agb_code, identificatie, dagtekening)
    c = s.el(root, "Client")
    _client_persoon(s, c, inwoner)
    contact = s.el(s.el(c, "Contactgegevens"), "Contact")
    s.el(contact, "Soort", "01")  # COD757: BRP-adres (TR061: at least one BRP-, correspondence or stay address)
    adres = s.el(contact, "Adres")
    s.el(adres, "Straatnaam", inwoner.straat[:24], basis=True)
    huis = s.el(adres, "Huis", basis=True)
    s.el(huis, "Huisnummer", inwoner.huisnummer, basis=True)
    if inwoner.huisnummertoevoeging:
        s.el(huis, "HuisnummerToevoeging", inwoner.huisnummertoevoeging[:4], basis=True)
    s.el(adres, "Postcode", inwoner.postcode.replace(" ", "").upper(), basis=True)
    s.el(adres, "Plaatsnaam", inwoner.woonplaats[:24], basis=True)
    producten = s.el(c, "ToegewezenProducten")
    for t in toewijzingen:
        tp = s.el(producten, "ToegewezenProduct")
        s.el(tp, "ToewijzingNummer", t.nummer)
        if t.referentie_aanbieder:
            s.el(tp, "ReferentieAanbieder", t.referentie_aanbieder)
        p = s.el(tp, "Product")
        s.el(p, "Categorie", t.product.categorie, basis=True)
        s.el(p, "Code", t.product.code, basis=True)
        s.el(tp, "Toewijzingsdatum", moment.date().isoformat())
        s.el(tp, "Toewijzingstijd", moment.strftime("%H:%M:%S"))
        s.el(tp, "Ingangsdatum", t.ingangsdatum.isoformat())
        if t.einddatum:
            s.el(tp, "Einddatum", t.einddatum.isoformat())
        if t.reden_wijziging:
            s.el(tp, "RedenWijziging", t.reden_wijziging)
        o = s.el(tp, "Omvang")
        s.el(o, "Volume", t.volume, basis=True)
        s.el(o, "Eenheid", t.eenheid, basis=True)
        s.el(o, "Frequentie", t.frequentie, basis=True)
    return _gecontroleerd(root, domein, "301")


def _als_bytes(root) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def _gecontroleerd(root, domein: str, soort: str) -> bytes:
    """The message as bytes, after checking it against its schema: Maatwerk never offers a message that does
    not match (raises schema.OngeldigGemaakt, which the services turn into a Dutch message)."""
    data = _als_bytes(root)
    xsd.controleer_gemaakt(data, domein, soort)
    return data


def bouw_retour(gelezen: Gelezen, *, identificatie: str, dagtekening: dt.date) -> bytes:
    """The retourbericht (306/308/316/318) on a read message: its header with IdentificatieRetour and the
    retourcodes per berichtklasse (0200 geen opmerking, 0001 technisch afgekeurd or the code of the rule)."""
    retour = cl.RETOUR_VAN[gelezen.soort]
    s = _Schrijver(gelezen.domein, retour)
    root = ET.Element(f"{{{s.ns}}}Bericht")
    h = _header(s, root, gelezen.domein, retour, cl.GEMEENTECODE, gelezen.header.get("Afzender", ""),
                gelezen.header.get("Identificatie", ""), _datum(gelezen.header.get("Dagtekening")) or dagtekening)
    s.el(h, "IdentificatieRetour", identificatie)
    s.el(h, "DagtekeningRetour", dagtekening.isoformat())
    xv = s.el(h, "XsdVersieRetour")
    s.el(xv, "BasisschemaXsdVersie", cl.XSD_VERSIE, basis=True)
    s.el(xv, "BerichtXsdVersie", cl.XSD_VERSIE, basis=True)
    _codes(s, h, gelezen.header_bevindingen)
    # A rejected header means the rest was not judged (0233); a rejected client, its products were not.
    kop_afgekeurd = bool(gelezen.header_bevindingen)
    if gelezen.client.get("Bsn"):
        c = s.el(root, "Client")
        s.el(c, "Bsn", gelezen.client["Bsn"])
        client_afgekeurd = kop_afgekeurd or bool(gelezen.client_bevindingen)
        for regel in gelezen.regels:
            r = s.el(c, regel.klasse)
            if regel.sleutel:
                s.el(r, "ToewijzingNummer" if "ToewijzingNummer" in regel.waarden else "ReferentieAanbieder", regel.sleutel)
            _codes(s, r, regel.bevindingen, niet_beoordeeld=client_afgekeurd)
        _codes(s, c, gelezen.client_bevindingen, niet_beoordeeld=kop_afgekeurd)
    return _gecontroleerd(root, gelezen.domein, retour)


def _codes(s: _Schrijver, ouder, bevindingen: list[Bevinding], *, niet_beoordeeld: bool = False) -> None:
    rc = s.el(ouder, "RetourCodes")
    codes = sorted({b.retourcode for b in bevindingen}) or [cl.NIET_BEOORDEELD if niet_beoordeeld else cl.GEEN_OPMERKING]
    for code in codes:
        s.el(rc, "RetourCode", code)


def retourcodes(gelezen: Gelezen) -> list[str]:
    return sorted({b.retourcode for b in gelezen.alle_bevindingen}) or [cl.GEEN_OPMERKING]


# ------------------------------------------------------------------ reading

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMMER = re.compile(r"^[A-Za-z0-9]{1,20}$")
_REFERENTIE = re.compile(r"^[A-Za-z0-9\-_./]{1,20}$")


def _datum(tekst: str | None) -> dt.date | None:
    if not tekst or not _DATUM.match(tekst):
        return None
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        return None


class _Lezer:
    def __init__(self, root, domein: str, soort: str):
        self.root, self.domein, self.soort = root, domein, soort
        self.ns = cl.namespace(domein, soort)
        self.basis = cl.namespace(domein, "basisschema")

    def kind(self, ouder, naam: str, basis: bool = False):
        if ouder is None:
            return None
        e = ouder.find(f"{{{self.basis if basis else self.ns}}}{naam}")
        if e is None:  # tolerate the other namespace for composite children (both occur in practice)
            e = ouder.find(f"{{{self.ns if basis else self.basis}}}{naam}")
        return e

    def kinderen(self, ouder, naam: str):
        return [] if ouder is None else ouder.findall(f"{{{self.ns}}}{naam}")

    def tekst(self, ouder, naam: str, basis: bool = False) -> str | None:
        e = self.kind(ouder, naam, basis)
        return None if e is None else (e.text or "").strip()


def _verplicht(lezer, ouder, naam, pad, bevindingen, basis=False, regel="RS (verplicht element)") -> str | None:
    waarde = lezer.tekst(ouder, naam, basis)
    if not waarde:
        bevindingen.append(Bevinding(f"{pad}/{naam}", "dit verplichte element ontbreekt of is leeg.", regel))
        return None
    return waarde


def _datum_veld(lezer, ouder, naam, pad, bevindingen, *, verplicht=True, dagtekening=None) -> dt.date | None:
    waarde = lezer.tekst(ouder, naam)
    if not waarde:
        if verplicht:
            bevindingen.append(Bevinding(f"{pad}/{naam}", "dit verplichte element ontbreekt of is leeg.", "RS (verplicht element)"))
        return None
    d = _datum(waarde)
    if d is None:
        bevindingen.append(Bevinding(f"{pad}/{naam}", f"'{waarde[:20]}' is geen bestaande datum (JJJJ-MM-DD).", "RS (LDT_Datum)"))
    return d


def _product(lezer, ouder, pad, bevindingen, *, verplicht: bool) -> dict:
    p = lezer.kind(ouder, "Product")
    if p is None:
        if verplicht:
            bevindingen.append(Bevinding(f"{pad}/Product", "dit verplichte element ontbreekt.", "RS (verplicht element)"))
        return {}
    categorie = lezer.tekst(p, "Categorie", basis=True) or ""
    code = lezer.tekst(p, "Code", basis=True) or ""
    if categorie not in cl.CATEGORIEEN.get(lezer.domein, {}):
        bevindingen.append(Bevinding(f"{pad}/Product/Categorie", f"'{categorie[:10]}' staat niet in de codelijst "
                                     f"productcategorie van {cl.STANDAARD[lezer.domein]}.", "CS (codelijst)"))
    if code and not re.match(r"^[A-Za-z0-9]{5}$", code):
        bevindingen.append(Bevinding(f"{pad}/Product/Code", f"'{code[:10]}' is geen productcode van 5 tekens.", "RS (LDT_ProductCode)"))
    return {"Categorie": categorie, "Code": code}


def _omvang(lezer, ouder, pad, bevindingen) -> dict | None:
    o = lezer.kind(ouder, "Omvang")
    if o is None:
        return None
    volume = lezer.tekst(o, "Volume", basis=True) or ""
    eenheid = lezer.tekst(o, "Eenheid", basis=True) or ""
    frequentie = lezer.tekst(o, "Frequentie", basis=True) or ""
    if not volume.isdigit() or not 0 < int(volume) <= 99_999_999:
        bevindingen.append(Bevinding(f"{pad}/Omvang/Volume", f"'{volume[:12]}' is geen heel getal groter dan 0.", "RS (LDT_Volume)"))
    if eenheid not in cl.EENHEDEN:
        bevindingen.append(Bevinding(f"{pad}/Omvang/Eenheid", f"'{eenheid[:5]}' staat niet in de codelijst eenheid (WJ756).", "CS (codelijst)"))
    if frequentie not in cl.FREQUENTIES:
        bevindingen.append(Bevinding(f"{pad}/Omvang/Frequentie", f"'{frequentie[:5]}' staat niet in de codelijst frequentie.", "CS (codelijst)"))
    return {"Volume": volume, "Eenheid": eenheid, "Frequentie": frequentie}


def _nummer(lezer, ouder, naam, pad, bevindingen, verplicht=True) -> str | None:
    waarde = lezer.tekst(ouder, naam)
    if not waarde:
        if verplicht:
            bevindingen.append(Bevinding(f"{pad}/{naam}", "dit verplichte element ontbreekt of is leeg.", "RS (verplicht element)"))
        return None
    if naam == "ReferentieAanbieder":
        if not _REFERENTIE.match(waarde):
            bevindingen.append(Bevinding(f"{pad}/{naam}", f"'{waarde[:25]}' is geen geldige referentie (ten hoogste 20 "
                                                         "tekens, zonder spaties).", "RS (LDT_Referentie)"))
            return None
        return waarde
    if not _NUMMER.match(waarde):
        bevindingen.append(Bevinding(f"{pad}/{naam}", f"'{waarde[:25]}' is geen geldig nummer (letters en cijfers, ten "
                                                     "hoogste 20 tekens).", "RS (LDT_Nummer)"))
        return None
    return waarde


def ontleed(data: bytes):
    """Parse a file safely and name its message: (root, domein, soort). Raises OnleesbaarBericht when it is no
    iWmo/iJw 3.2 message at all (too big, empty, not XML, a DTD or entities, another root or namespace)."""
    if len(data) > MAX_BYTES:
        raise OnleesbaarBericht("Bestand", f"het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; een bericht van "
                                           "een aanbieder is veel kleiner. Controleer of u het juiste bestand koos.")
    if not data.strip():
        raise OnleesbaarBericht("Bestand", "het bestand is leeg.")
    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise OnleesbaarBericht("Bestand", "het bestand bevat een DTD of entiteiten; die zijn in een iWmo/iJw-bericht niet "
                                           "toegestaan.") from None
    except ET.ParseError as fout:
        regel, kolom = getattr(fout, "position", (0, 0))
        raise OnleesbaarBericht("Bestand", f"dit is geen geldige XML (fout op regel {regel}, kolom {kolom}).") from None
    except (ValueError, UnicodeError):
        raise OnleesbaarBericht("Bestand", "dit is geen geldige XML (de tekens zijn niet leesbaar als UTF-8).") from None
    ns = _ns_van(root.tag)
    if _lokaal(root.tag) != "Bericht" or ns not in _NAAR_SOORT:
        raise OnleesbaarBericht("Bericht", f"het hoofdelement is '{_lokaal(root.tag)[:40]}' in namespace "
                                           f"'{ns[:80] or 'geen'}'; verwacht een iWmo- of iJw-3.2-bericht.")
    domein, soort = _NAAR_SOORT[ns]
    if soort not in cl.RETOUR_VAN and soort not in cl.RETOUR_OP_ONS:
        raise OnleesbaarBericht("Bericht", f"een {cl.PREFIX[domein]}{soort} ({cl.SOORT_NAAM[soort].lower()}) wordt niet "
                                           "door een aanbieder aan de gemeente gestuurd; Maatwerk leest alleen 305, 307, "
                                           "315 en 317 en de retourberichten 302 en 320.")
    return root, domein, soort


def lees(data: bytes, *, vandaag: dt.date) -> Gelezen:
    """Read and check a 305/307/315/317. Raises OnleesbaarBericht when no retourbericht can be made (see
    `ontleed`); otherwise returns the values and the findings per berichtklasse."""
    root, domein, soort = ontleed(data)
    if soort not in cl.RETOUR_VAN:
        raise OnleesbaarBericht("Bericht", f"een {cl.PREFIX[domein]}{soort} is een retourbericht; lees het met "
                                           "xml_antwoord.lees_retour.")
    fouten = xsd.valideer(root, domein, soort)
    gelezen = _lees_inhoud(_Lezer(root, domein, soort), vandaag)
    if fouten:
        _afgekeurd_op_schema(gelezen, fouten)
    return gelezen


def _afgekeurd_op_schema(gelezen: Gelezen, fouten) -> None:
    """A message that does not match its schema is rejected as a whole before the business rules: retourcode
    0001 ("afgekeurd om technische redenen", WJ001) on the header, each schema error with its element; the
    client and the product lines are then not judged (0233). The values read leniently only serve to address the
    retourbericht; without a valid sender or identification no retourbericht can be made at all."""
    for element, waarde, uitleg in (("Header/Afzender", gelezen.header.get("Afzender"), "een AGB-code van 8 cijfers"),
                                    ("Header/BerichtIdentificatie/Identificatie", gelezen.header.get("Identificatie"),
                                     "ten hoogste 12 letters, cijfers of '-'")):
        if not waarde or not re.fullmatch(r"\d{8}" if element == "Header/Afzender" else r"[A-Za-z0-9\-]{1,12}", waarde):
            fout = next((f for f in fouten if f.element.startswith(element)), None)
            raise OnleesbaarBericht(element, f"{fout.tekst if fout else 'ontbreekt of is ongeldig.'} Verwacht {uitleg}; "
                                             "zonder geldige afzender en identificatie kan Maatwerk geen retourbericht maken.")
    gelezen.header_bevindingen = [Bevinding(f.element, f.tekst, "XSD", AFGEKEURD) for f in fouten]
    gelezen.client_bevindingen = []
    for regel in gelezen.regels:
        regel.bevindingen = []


def lees_301(data: bytes, *, vandaag: dt.date) -> Gelezen:
    """Check a 301 Maatwerk made (the same rules as for incoming messages, before it is offered for download)."""
    root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    domein, soort = _NAAR_SOORT[_ns_van(root.tag)]
    assert soort == "301"
    return _lees_inhoud(_Lezer(root, domein, soort), vandaag)


def _lees_header(lz: _Lezer, vandaag: dt.date) -> tuple[dict, list[Bevinding]]:
    b: list[Bevinding] = []
    h = lz.kind(lz.root, "Header")
    if h is None:
        return {}, [Bevinding("Header", "dit verplichte element ontbreekt.", "RS (verplicht element)")]
    code = _verplicht(lz, h, "BerichtCode", "Header", b)
    verwacht = cl.BERICHTCODE[lz.domein][lz.soort]
    if code and code != verwacht:
        b.append(Bevinding("Header/BerichtCode", f"'{code[:10]}' hoort niet bij een {cl.PREFIX[lz.domein]}{lz.soort}; "
                                                f"verwacht {verwacht}.", "CS (COD002-VEKTIS)"))
    versie = _verplicht(lz, h, "BerichtVersie", "Header", b)
    if versie and versie != cl.BERICHTVERSIE:
        b.append(Bevinding("Header/BerichtVersie", f"'{versie[:5]}': Maatwerk leest release 3 (BerichtVersie 3).", "RS (vaste waarde)"))
    subversie = _verplicht(lz, h, "BerichtSubversie", "Header", b)
    if subversie and subversie != cl.BERICHTSUBVERSIE:
        b.append(Bevinding("Header/BerichtSubversie", f"'{subversie[:5]}': Maatwerk leest release 3.2 (BerichtSubversie 2).",
                           "RS (vaste waarde)"))
    gemeente_afzender = lz.soort == "301"
    afzender = _verplicht(lz, h, "Afzender", "Header", b)
    ontvanger = _verplicht(lz, h, "Ontvanger", "Header", b)
    agb, gemeente = (ontvanger, afzender) if gemeente_afzender else (afzender, ontvanger)
    agb_veld, gemeente_veld = ("Ontvanger", "Afzender") if gemeente_afzender else ("Afzender", "Ontvanger")
    if agb and not re.match(r"^\d{8}$", agb):
        b.append(Bevinding(f"Header/{agb_veld}", f"'{agb[:12]}' is geen AGB-code van 8 cijfers.", "RS (LDT_AgbCode)"))
    if gemeente and gemeente != cl.GEMEENTECODE:
        b.append(Bevinding(f"Header/{gemeente_veld}", f"'{gemeente[:6]}' is niet de gemeentecode van Lansingerland "
                                                      f"({cl.GEMEENTECODE}).", "TR378", "S300" if not re.match(r"^\d{4}$", gemeente) else AFGEKEURD))
    bi = lz.kind(h, "BerichtIdentificatie")
    identificatie = _verplicht(lz, bi, "Identificatie", "Header/BerichtIdentificatie", b, basis=True) if bi is not None else None
    if bi is None:
        b.append(Bevinding("Header/BerichtIdentificatie", "dit verplichte element ontbreekt.", "RS (verplicht element)"))
    elif identificatie and not re.match(r"^[A-Za-z0-9\-]{1,12}$", identificatie):
        b.append(Bevinding("Header/BerichtIdentificatie/Identificatie", f"'{identificatie[:20]}' is te lang of bevat "
                                                                        "andere tekens dan letters, cijfers en '-' (ten hoogste 12).",
                           "RS (LDT_IdentificatieBericht)"))
        identificatie = None
    dagtekening_tekst = lz.tekst(bi, "Dagtekening", basis=True) if bi is not None else None
    dagtekening = _datum(dagtekening_tekst)
    if bi is not None and dagtekening is None:
        b.append(Bevinding("Header/BerichtIdentificatie/Dagtekening", "ontbreekt of is geen bestaande datum (JJJJ-MM-DD).",
                           "RS (LDT_Datum)"))
    elif dagtekening and dagtekening > vandaag:
        b.append(Bevinding("Header/BerichtIdentificatie/Dagtekening", "deze datum ligt in de toekomst.", "TR135", "8848"))
    return ({"BerichtCode": code, "Afzender": afzender, "Ontvanger": ontvanger, "Identificatie": identificatie,
             "Dagtekening": dagtekening_tekst if dagtekening else None}, b)


# Where the product lines are and what each holds, per message.
_KLASSEN = {
    "301": (("ToegewezenProducten", "ToegewezenProduct"),),
    "305": (("StartProducten", "StartProduct"),),
    "307": (("StopProducten", "StopProduct"),),
    "315": (("AangevraagdeProducten", "AangevraagdProduct"),),
    "317": (("TeWijzigenProducten", "TeWijzigenProduct"), ("NieuweProducten", "NieuwProduct"),
            ("OngewijzigdeProducten", "OngewijzigdProduct")),
}


def _lees_inhoud(lz: _Lezer, vandaag: dt.date) -> Gelezen:
    header, hb = _lees_header(lz, vandaag)
    dagtekening = _datum(header.get("Dagtekening"))
    cb: list[Bevinding] = []
    c = lz.kind(lz.root, "Client")
    client: dict = {}
    regels: list[Regel] = []
    verzoek: dict = {}
    if c is None:
        cb.append(Bevinding("Client", "dit verplichte element ontbreekt.", "RS (verplicht element)"))
        return Gelezen(lz.domein, lz.soort, header, client, regels, hb, cb)
    bsn = _verplicht(lz, c, "Bsn", "Client", cb)
    if bsn and not elfproef(bsn):
        cb.append(Bevinding("Client/Bsn", f"'{bsn[:12]}' is geen geldig burgerservicenummer (9 cijfers, elfproef).", "CS002"))
    client["Bsn"] = bsn if bsn and elfproef(bsn) else None
    gd = lz.kind(c, "Geboortedatum")
    if gd is not None:
        geboren = _datum(lz.tekst(gd, "Datum", basis=True))
        if geboren is None:
            cb.append(Bevinding("Client/Geboortedatum/Datum", "ontbreekt of is geen bestaande datum (JJJJ-MM-DD).", "RS (LDT_Datum)"))
        elif dagtekening and geboren > dagtekening:
            cb.append(Bevinding("Client/Geboortedatum/Datum", "de geboortedatum ligt na de dagtekening van het bericht.", "TR134"))
        elif dagtekening and (dagtekening.year - geboren.year) > 120:
            cb.append(Bevinding("Client/Geboortedatum/Datum", "ligt meer dan 120 jaar voor de dagtekening.", "TR002"))
        client["Geboortedatum"] = geboren
    elif lz.soort in ("301", "305", "307", "315"):
        cb.append(Bevinding("Client/Geboortedatum", "dit verplichte element ontbreekt.", "RS (verplicht element)"))
    ouder = c
    if lz.soort == "317":
        ouder = lz.kind(c, "Verzoek")
        if ouder is None:
            cb.append(Bevinding("Client/Verzoek", "dit verplichte element ontbreekt.", "RS (verplicht element)"))
            return Gelezen(lz.domein, lz.soort, header, client, regels, hb, cb)
        verzoek["ReferentieAanbieder"] = _nummer(lz, ouder, "ReferentieAanbieder", "Client/Verzoek", cb)
        verzoek["RedenVerzoek"] = _verplicht(lz, ouder, "RedenVerzoek", "Client/Verzoek", cb)
    for groep, klasse in _KLASSEN[lz.soort]:
        for e in lz.kinderen(lz.kind(ouder, groep), klasse):
            regels.append(_lees_regel(lz, e, klasse, f"Client/{'Verzoek/' if lz.soort == '317' else ''}{groep}/{klasse}", dagtekening))
    if lz.soort != "317" and not regels:
        groep, klasse = _KLASSEN[lz.soort][0]
        cb.append(Bevinding(f"Client/{groep}/{klasse}", "het bericht bevat geen enkel product.", "RS (verplicht element)"))
    if lz.soort == "317" and not any(r.klasse in ("TeWijzigenProduct", "NieuwProduct") for r in regels):
        cb.append(Bevinding("Client/Verzoek", "een verzoek om wijziging bevat minstens één TeWijzigenProduct of NieuwProduct.", "TR353"))
    # TR101: no duplicate lines within a message.
    gezien: set = set()
    for r in regels:
        sleutel = (r.klasse, r.sleutel, r.waarden.get("Begindatum"))
        if r.sleutel and sleutel in gezien:
            r.bevindingen.append(Bevinding(f"{r.klasse}/{'ToewijzingNummer' if 'ToewijzingNummer' in r.waarden else 'ReferentieAanbieder'}",
                                           f"'{r.sleutel}' komt twee keer voor in dit bericht.", "TR101"))
        gezien.add(sleutel)
    return Gelezen(lz.domein, lz.soort, header, client, regels, hb, cb, verzoek)


def _lees_regel(lz: _Lezer, e, klasse: str, pad: str, dagtekening: dt.date | None) -> Regel:
    b: list[Bevinding] = []
    w: dict = {}
    if klasse in ("StartProduct", "StopProduct", "TeWijzigenProduct", "OngewijzigdProduct", "ToegewezenProduct"):
        w["ToewijzingNummer"] = _nummer(lz, e, "ToewijzingNummer", pad, b)
    if klasse in ("AangevraagdProduct", "ToegewezenProduct"):
        w["ReferentieAanbieder"] = _nummer(lz, e, "ReferentieAanbieder", pad, b, verplicht=klasse == "AangevraagdProduct")
    if klasse == "OngewijzigdProduct":
        return Regel(klasse, w, b)
    w["Product"] = _product(lz, e, pad, b, verplicht=klasse in ("AangevraagdProduct",))
    if klasse in ("StartProduct", "StopProduct"):
        w["ToewijzingIngangsdatum"] = _datum_veld(lz, e, "ToewijzingIngangsdatum", pad, b)
        w["Begindatum"] = begin = _datum_veld(lz, e, "Begindatum", pad, b)
        if begin and dagtekening and begin > dagtekening and klasse == "StartProduct":
            b.append(Bevinding(f"{pad}/Begindatum", "de begindatum ligt na de dagtekening van het bericht.", "TR134"))
        status = _verplicht(lz, e, "StatusAanlevering", pad, b)
        if status and status not in cl.STATUS_AANLEVERING:
            b.append(Bevinding(f"{pad}/StatusAanlevering", f"'{status[:5]}' staat niet in de codelijst (COD467).", "CS (codelijst)"))
        w["StatusAanlevering"] = status
    if klasse == "StopProduct":
        reden = _verplicht(lz, e, "RedenBeeindiging", pad, b)
        if reden and reden not in cl.REDEN_BEEINDIGING:
            b.append(Bevinding(f"{pad}/RedenBeeindiging", f"'{reden[:5]}' staat niet in de codelijst reden beëindiging.", "CS (codelijst)"))
        w["RedenBeeindiging"] = reden
        w["Einddatum"] = eind = _datum_veld(lz, e, "Einddatum", pad, b)
        if eind and w.get("Begindatum") and eind < w["Begindatum"]:
            b.append(Bevinding(f"{pad}/Einddatum", "de einddatum ligt vóór de begindatum.", "TR018"))
        if eind and dagtekening and eind > dagtekening:
            b.append(Bevinding(f"{pad}/Einddatum", "de einddatum ligt na de dagtekening van het bericht.", "TR134"))
    if klasse in ("AangevraagdProduct",):
        w["Ingangsdatum"] = _datum_veld(lz, e, "ToewijzingIngangsdatum", pad, b)
        w["Einddatum"] = _datum_veld(lz, e, "ToewijzingEinddatum", pad, b, verplicht=False)
        w["Omvang"] = _omvang(lz, e, pad, b)
    if klasse in ("TeWijzigenProduct", "NieuwProduct"):
        w["Ingangsdatum"] = _datum_veld(lz, e, "GewensteIngangsdatum", pad, b)
        w["Einddatum"] = _datum_veld(lz, e, "Einddatum", pad, b, verplicht=False)
        w["Omvang"] = _omvang(lz, e, pad, b)
    if klasse == "ToegewezenProduct":
        w["Ingangsdatum"] = _datum_veld(lz, e, "Ingangsdatum", pad, b)
        w["Einddatum"] = _datum_veld(lz, e, "Einddatum", pad, b, verplicht=False)
        w["Omvang"] = _omvang(lz, e, pad, b)
        _datum_veld(lz, e, "Toewijzingsdatum", pad, b)
    if w.get("Ingangsdatum") and w.get("Einddatum") and w["Einddatum"] < w["Ingangsdatum"]:
        naam = "ToewijzingEinddatum" if klasse == "AangevraagdProduct" else "Einddatum"
        b.append(Bevinding(f"{pad}/{naam}", "de einddatum ligt vóór de ingangsdatum.", "TR018"))
    return Regel(klasse, w, b)
