"""Toewijzing and the exchange of iWmo/iJw messages (issue 10, point 7), purpose-bound and audited.

- `wijs_toe`: on a granted Wmo or Jeugd besluit in natura that is vastgesteld or bekendgemaakt, the consulent
  of that domain assigns a product to a contracted provider and Maatwerk makes the 301. Vastgesteld is enough:
  the decision is taken then (Awb 1:3) and the provider may be told the same day the letter goes out; a concept
  can still change, so it is refused.
- `importeer`: a 305/307/315/317 file is checked (`xmlbericht.lees` plus the rules across messages below) and
  always answered with its retourbericht; only a message without findings changes anything (a 305 starts the
  zorg, a 307 stops it, a 315/317 becomes a verzoek on the zaak for the consulent).
- `beoordeel_verzoek`: the consulent accepts (a new or changed toewijzing and a new 301) or refuses with a reason.

Every step needs the rights-table action `iwmo_berichten` on the zaak (`beleid.vereis_zaak(handeling=...)`):
iWmo only for Wmo staff, iJw only for Jeugd staff. Each view and change writes an audit line.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Status as BesluitStatus, Vorm
from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo import antwoorden, xmlbericht
from maatwerk.iwmo.schema import OngeldigGemaakt
from maatwerk.iwmo.models import (
    Aanbieder,
    Bericht,
    BerichtStatus,
    Product,
    Richting,
    Toewijzing,
    ToewijzingStatus,
    Verzoek,
    VerzoekStatus,
)
from maatwerk.iwmo.tarieven import gecontracteerd, tarief_op
from maatwerk.iwmo.xmlbericht import Bevinding, Gelezen, OnleesbaarBericht
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.toegang.models import SoortGrond
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import JEUGD, WMO
from maatwerk.zaken.vergrendeling import vergrendel

HANDELING = rechten.IWMO_BERICHTEN
DOMEINEN = (WMO, JEUGD)
TOEWIJSBARE_STATUS = (BesluitStatus.VASTGESTELD, BesluitStatus.BEKENDGEMAAKT)
EERSTE_NUMMER = 100001


# ------------------------------------------------------------------ access


def mag(gebruiker, zaak: Zaak) -> bool:
    return zaak.domein in DOMEINEN and beleid.grond_zaak(gebruiker, zaak, beleid.VIEW, handeling=HANDELING).toegestaan


def vereis(gebruiker, zaak: Zaak, actie: str, onderwerp: str, toelichting: str = "") -> None:
    """Allowed or refused (404 when the user may not see the zaak at all, else 403), always audited."""
    if zaak.domein not in DOMEINEN:  # no such thing on an Inkomen zaak: answered like a missing object
        audit.log(gebruiker, actie, beleid.Grond(False, SoortGrond.GEEN, "iWmo/iJw-berichten horen alleen bij zaken Wmo "
                                                 "en Jeugd."), zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp=onderwerp)
        raise beleid.NietGevonden()
    beleid.vereis_zaak(gebruiker, zaak, actie, onderwerp=onderwerp, toelichting=toelichting, handeling=HANDELING)


# ------------------------------------------------------------------ toewijzing


def toewijsbaar(besluit: Besluit) -> str | None:
    """None when a toewijzing may be made on `besluit`, else why not (in Dutch)."""
    if besluit.zaak.domein not in DOMEINEN:
        return "Een toewijzing hoort alleen bij een besluit Wmo of Jeugd."
    if besluit.soort not in MET_VERSTREKKING:
        return "Een toewijzing hoort alleen bij een besluit dat iets toekent."
    if besluit.vorm != Vorm.NATURA:
        # iWmo 3.2: the 301 assigns care in natura to a provider; a pgb has no provider in natura, the SVB pays
        # it out (trekkingsrecht, Wmo 2015 art. 2.6.2). docs/iwmo.md, "Pgb en de 301".
        return ("Een toewijzing aan een aanbieder hoort alleen bij een verstrekking in natura, niet bij een pgb: in "
                "iWmo 3.2 wijst de 301 zorg in natura toe aan een aanbieder; een pgb betaalt de Sociale "
                "Verzekeringsbank (SVB) uit (Wmo 2015, artikel 2.6.2).")
    if besluit.status not in TOEWIJSBARE_STATUS:
        return "Het besluit moet eerst worden vastgesteld; een concept kan nog veranderen."
    return None


def toewijsbare_besluiten(zaak: Zaak) -> list[Besluit]:
    return [b for b in zaak.besluiten.filter(status__in=TOEWIJSBARE_STATUS).order_by("-id") if toewijsbaar(b) is None]


def _volgend_nummer(domein: str) -> str:
    hoogste = Toewijzing.objects.filter(domein=domein).aggregate(m=Max("nummer"))["m"]
    return str(max(EERSTE_NUMMER, int(hoogste) + 1 if hoogste and hoogste.isdigit() else EERSTE_NUMMER))


def _controleer_toewijzing(besluit: Besluit, product, aanbieder, volume, eenheid, frequentie, ingangsdatum,
                           einddatum) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    domein = besluit.zaak.domein
    if product is None or product.domein != domein:
        fouten["product"] = [f"Product: kies een product van het domein {dict(((WMO, 'Wmo'), (JEUGD, 'Jeugd')))[domein]}."]
    if aanbieder is None:
        fouten["aanbieder"] = ["Aanbieder: kies een aanbieder."]
    if not isinstance(volume, int) or not 0 < volume <= 99_999_999:
        fouten["volume"] = ["Volume: vul een heel getal groter dan 0 in."]
    if eenheid not in cl.EENHEDEN:
        fouten["eenheid"] = ["Eenheid: kies een eenheid uit de lijst."]
    if frequentie not in cl.FREQUENTIES:
        fouten["frequentie"] = ["Frequentie: kies een frequentie uit de lijst."]
    if ingangsdatum is None:
        fouten["ingangsdatum"] = ["Ingangsdatum: vul een datum in."]
    elif besluit.ingangsdatum and ingangsdatum < besluit.ingangsdatum:
        fouten["ingangsdatum"] = [f"Ingangsdatum: ligt vóór de ingangsdatum van het besluit ({formaat.datum(besluit.ingangsdatum)})."]
    if einddatum is not None and ingangsdatum is not None and einddatum < ingangsdatum:
        fouten["einddatum"] = ["Einddatum: ligt vóór de ingangsdatum."]
    elif einddatum is not None and besluit.einddatum and einddatum > besluit.einddatum:
        fouten["einddatum"] = [f"Einddatum: ligt na de einddatum van het besluit ({formaat.datum(besluit.einddatum)})."]
    elif einddatum is None and besluit.einddatum:
        fouten["einddatum"] = [f"Einddatum: het besluit loopt tot en met {formaat.datum(besluit.einddatum)}; vul een einddatum in."]
    if not fouten:
        if not gecontracteerd(aanbieder, domein, ingangsdatum):
            fouten["aanbieder"] = [f"Aanbieder: {aanbieder.naam} heeft op {formaat.datum(ingangsdatum)} geen contract voor dit domein."]
        elif tarief_op(product, ingangsdatum, aanbieder) is None:
            fouten["product"] = [f"Product: er is op {formaat.datum(ingangsdatum)} geen tarief voor {product.omschrijving}; "
                                 "de beleidsmedewerker legt het tarief vast."]
    return fouten


def wijs_toe(gebruiker, besluit: Besluit, *, product: Product | None, aanbieder: Aanbieder | None, volume, eenheid: str,
             frequentie: str, ingangsdatum: dt.date | None, einddatum: dt.date | None, referentie: str = "",
             nu: dt.datetime | None = None) -> Bericht:
    """Assign `product` to `aanbieder` on `besluit` and make the 301. Returns the outgoing message. The access
    check runs before the transaction, so a refusal stays in the audit log."""
    zaak = besluit.zaak
    vereis(gebruiker, zaak, beleid.CHANGE, "toewijzing", f"besluit {besluit.kenmerk}")
    with transaction.atomic():
        return _wijs_toe(gebruiker, besluit, product, aanbieder, volume, eenheid, frequentie, ingangsdatum, einddatum,
                         referentie, nu)


def _wijs_toe(gebruiker, besluit, product, aanbieder, volume, eenheid, frequentie, ingangsdatum, einddatum, referentie,
              nu) -> Bericht:
    zaak = besluit.zaak
    vergrendel(zaak)
    besluit.refresh_from_db()
    reden = toewijsbaar(besluit)
    if reden:
        raise ValidationError({"besluit": [f"Besluit: {reden}"]})
    fouten = _controleer_toewijzing(besluit, product, aanbieder, volume, eenheid, frequentie, ingangsdatum, einddatum)
    if fouten:
        raise ValidationError(fouten)
    t = Toewijzing.objects.create(
        zaak=zaak, besluit=besluit, domein=zaak.domein, nummer=_volgend_nummer(zaak.domein), product=product,
        aanbieder=aanbieder, volume=volume, eenheid=eenheid, frequentie=frequentie, ingangsdatum=ingangsdatum,
        einddatum=einddatum, referentie_aanbieder=referentie, toegewezen_door=gebruiker,
    )
    return _stuur_301(gebruiker, t, nu=nu)


def _stuur_301(gebruiker, toewijzing: Toewijzing, *, nu: dt.datetime | None = None) -> Bericht:
    """The 301 for the provider with every current toewijzing of this client at this provider (a 301 always
    carries the complete current picture for the pair)."""
    nu = timezone.localtime(nu or timezone.now())
    huidige = list(Toewijzing.objects.filter(
        zaak__hoofdpersoon=toewijzing.zaak.hoofdpersoon, aanbieder=toewijzing.aanbieder, domein=toewijzing.domein,
    ).exclude(status__in=(ToewijzingStatus.GESTOPT, ToewijzingStatus.GEWIJZIGD)).select_related("product", "zaak__hoofdpersoon").order_by("nummer"))
    bericht = Bericht.objects.create(domein=toewijzing.domein, soort="301", richting=Richting.UIT, zaak=toewijzing.zaak,
                                     toewijzing=toewijzing, aanbieder=toewijzing.aanbieder, afzender=cl.GEMEENTECODE,
                                     dagtekening=nu.date(), xml="", status=BerichtStatus.AANGEMAAKT, door=gebruiker)
    bericht.identificatie = f"MW{bericht.pk:010d}"
    try:
        data = xmlbericht.bouw_301(huidige, identificatie=bericht.identificatie, dagtekening=nu.date(), moment=nu)
    except OngeldigGemaakt as fout:  # e.g. an address the schema refuses: say which element, never send it
        raise ValidationError({"__all__": [f"De toewijzing kan niet als 301 worden gemaakt: {fout}"]}) from None
    controle = xmlbericht.lees_301(data, vandaag=nu.date())
    if not controle.goed:  # never offer a 301 that breaks the standard's rules
        raise ValidationError({"__all__": ["De toewijzing kan niet als 301 worden gemaakt: "
                                           + "; ".join(str(b) for b in controle.alle_bevindingen)]})
    bericht.xml = data.decode("utf-8")
    bericht.bestandsnaam = f"{cl.PREFIX[bericht.domein]}301_{bericht.identificatie}.xml"
    bericht.retourcodes = ""
    bericht.save()
    return bericht


# ------------------------------------------------------------------ import


class ImportResultaat:
    def __init__(self, bericht: Bericht, retour: Bericht | None, gelezen: Gelezen | None):
        self.bericht, self.retour, self.gelezen = bericht, retour, gelezen

    @property
    def goed(self) -> bool:
        return self.bericht.status == BerichtStatus.VERWERKT

    @property
    def samenvatting(self) -> str:
        naam = self.bericht.type_tekst
        if self.goed and self.retour is None:  # a 302/320: a retourbericht is not answered
            return f"{naam} ontvangen en verwerkt ({', '.join(self.bericht.retourcodes_tekst)})."
        if self.goed:
            return f"{naam} ontvangen en verwerkt; het retourbericht (retourcode {cl.GEEN_OPMERKING}) staat klaar."
        return f"{naam} afgekeurd: {self.bericht.fouten}"


def _regel_fout(regel, element: str, tekst: str, tr: str, code: str = cl.TECHNISCH_AFGEKEURD) -> None:
    regel.bevindingen.append(Bevinding(f"{regel.klasse}/{element}", tekst, tr, code))


def importeer(gebruiker, data: bytes, *, bestandsnaam: str = "", zaak: Zaak | None = None,
              vandaag: dt.date | None = None) -> ImportResultaat:
    """Read a provider's message, check it, apply it when it is correct and make the retourbericht.
    Raises ValidationError({"bestand": ...}) when the file is no readable message at all (no retour possible)."""
    vandaag = vandaag or timezone.localdate()
    if zaak is not None:
        vereis(gebruiker, zaak, beleid.CHANGE, "iwmo-bericht (import)", bestandsnaam[:100])
    try:
        root, domein, soort = xmlbericht.ontleed(data)
        if soort in cl.RETOUR_OP_ONS:  # 302/320: the provider's retour on our 301/319
            bericht = antwoorden.importeer_retour(gebruiker, root, domein, soort, data, bestandsnaam=bestandsnaam,
                                                  zaak=zaak, vandaag=vandaag)
            return ImportResultaat(bericht, None, None)
        gelezen = xmlbericht.lees(data, vandaag=vandaag)
    except OnleesbaarBericht as fout:
        raise ValidationError({"bestand": [str(fout)]}) from None
    with transaction.atomic():
        aanbieder = Aanbieder.objects.filter(agb_code=gelezen.header.get("Afzender") or "").first()
        doelzaak = _controleer_over_berichten(gebruiker, gelezen, aanbieder, zaak, vandaag)
        if doelzaak is not None:
            vergrendel(doelzaak)
        codes = xmlbericht.retourcodes(gelezen)
        bericht = Bericht.objects.create(
            domein=gelezen.domein, soort=gelezen.soort, richting=Richting.IN, zaak=doelzaak, aanbieder=aanbieder,
            afzender=(gelezen.header.get("Afzender") or "")[:20], identificatie=(gelezen.header.get("Identificatie") or "")[:20],
            dagtekening=xmlbericht._datum(gelezen.header.get("Dagtekening")), xml=data.decode("utf-8", "replace"),
            bestandsnaam=bestandsnaam[:200], status=BerichtStatus.VERWERKT if gelezen.goed else BerichtStatus.AFGEKEURD,
            retourcodes=" ".join(codes), fouten="\n".join(str(b) for b in gelezen.alle_bevindingen), door=gebruiker,
        )
        if gelezen.goed:
            _pas_toe(gebruiker, gelezen, bericht, aanbieder, doelzaak)
        retour = Bericht.objects.create(domein=gelezen.domein, soort=cl.RETOUR_VAN[gelezen.soort], richting=Richting.UIT,
                                        zaak=doelzaak, toewijzing=bericht.toewijzing, aanbieder=aanbieder,
                                        afzender=cl.GEMEENTECODE, dagtekening=vandaag, xml="",
                                        status=BerichtStatus.AANGEMAAKT, retourcodes=" ".join(codes), antwoord_op=bericht,
                                        door=gebruiker)
        retour.identificatie = f"MW{retour.pk:010d}"
        try:
            retour.xml = xmlbericht.bouw_retour(gelezen, identificatie=retour.identificatie, dagtekening=vandaag).decode("utf-8")
        except OngeldigGemaakt as fout:  # not expected (lees refuses what cannot be answered); never a 500
            raise ValidationError({"bestand": [f"Het retourbericht kan niet worden gemaakt: {fout}"]}) from None
        retour.bestandsnaam = f"{cl.PREFIX[retour.domein]}{retour.soort}_{retour.identificatie}.xml"
        retour.save()
    return ImportResultaat(bericht, retour, gelezen)


def _toewijzing_van(gebruiker, gelezen: Gelezen, regel, aanbieder, zaak: Zaak | None) -> Toewijzing | None:
    """TR019: the start or stop must be tied to a toewijzing of this client at this provider, on a zaak the user
    may work on (an unknown number and a number of another domain's zaak answer the same)."""
    nummer = regel.waarden.get("ToewijzingNummer")
    t = (Toewijzing.objects.filter(domein=gelezen.domein, nummer=nummer).select_related("zaak__hoofdpersoon", "product").first()
         if nummer else None)
    if (t is None or t.aanbieder_id != getattr(aanbieder, "pk", None) or t.zaak.hoofdpersoon.bsn != gelezen.client.get("Bsn")
            or (zaak is not None and t.zaak_id != zaak.pk) or not mag(gebruiker, t.zaak)):
        if nummer:
            _regel_fout(regel, "ToewijzingNummer", f"'{nummer}' is geen toewijzing van deze cliënt bij deze aanbieder.",
                        "TR019", "9019")
        return None
    regel.toewijzing = t
    return t


def _controleer_over_berichten(gebruiker, gelezen: Gelezen, aanbieder, zaak: Zaak | None, vandaag) -> Zaak | None:
    """The rules across messages (berichtoverstijgend); adds findings to `gelezen`; returns the zaak concerned."""
    hb = gelezen.header_bevindingen
    afzender = gelezen.header.get("Afzender")
    if afzender and aanbieder is None and not any(b.element == "Header/Afzender" for b in hb):
        hb.append(Bevinding("Header/Afzender", f"AGB-code '{afzender[:12]}' is geen aanbieder die bij de gemeente bekend is.",
                            "AGB-register"))
    identificatie = gelezen.header.get("Identificatie")
    if identificatie and Bericht.objects.filter(richting=Richting.IN, domein=gelezen.domein, soort=gelezen.soort,
                                                afzender=afzender or "", identificatie=identificatie).exists():
        hb.append(Bevinding("Header/BerichtIdentificatie/Identificatie", f"'{identificatie}' is al eerder ontvangen van deze "
                                                                          "aanbieder.", "TR056", "9056"))
    if aanbieder is not None and not gecontracteerd(aanbieder, gelezen.domein, vandaag):
        hb.append(Bevinding("Header/Afzender", f"{aanbieder.naam} heeft vandaag geen contract voor {cl.STANDAARD[gelezen.domein]}.",
                            "contract"))
    if gelezen.client.get("Bsn") is None or hb:
        return zaak
    doelzaak = zaak
    if gelezen.soort in ("305", "307", "317"):
        for regel in gelezen.regels:
            if regel.klasse == "NieuwProduct":
                continue
            t = _toewijzing_van(gebruiker, gelezen, regel, aanbieder, zaak)
            if t is None:
                continue
            doelzaak = doelzaak or t.zaak
            if gelezen.soort == "305":
                _controleer_start(regel, t)
            elif gelezen.soort == "307":
                _controleer_stop(regel, t)
            elif regel.klasse == "TeWijzigenProduct" and t.status in (ToewijzingStatus.GESTOPT, ToewijzingStatus.GEWIJZIGD):
                _regel_fout(regel, "ToewijzingNummer", "deze toewijzing is niet meer actueel.", "TR351", "9351")
    if gelezen.soort in ("315", "317"):
        doelzaak = doelzaak or _zaak_van_client(gebruiker, gelezen)
        if doelzaak is None:
            gelezen.client_bevindingen.append(Bevinding("Client/Bsn", "voor deze cliënt is bij de gemeente geen zaak "
                                                        f"{cl.STANDAARD[gelezen.domein][1:]} bekend.", "TR304", "8187"))
        elif doelzaak.hoofdpersoon.bsn != gelezen.client.get("Bsn"):
            gelezen.client_bevindingen.append(Bevinding("Client/Bsn", "hoort niet bij de cliënt van deze zaak.", "TR304", "8187"))
        elif aanbieder is not None and Verzoek.objects.filter(zaak=doelzaak, aanbieder=aanbieder, status=VerzoekStatus.OPEN).exists():
            gelezen.client_bevindingen.append(Bevinding("Client", "er is van deze aanbieder al een verzoek voor deze cliënt "
                                                                  "in behandeling.", "TR374", "9374"))
        referenties = [r.waarden.get("ReferentieAanbieder") for r in gelezen.regels] + [gelezen.verzoek.get("ReferentieAanbieder")]
        for ref in filter(None, referenties):
            if Verzoek.objects.filter(aanbieder=aanbieder, referentie_aanbieder=ref, zaak__regeling__in=_regelingen(gelezen.domein)).exists():
                gelezen.client_bevindingen.append(Bevinding("ReferentieAanbieder", f"'{ref}' is al eerder gebruikt door deze "
                                                                                   "aanbieder.", "TR347", "9347"))
    return doelzaak


def _regelingen(domein: str) -> list[str]:
    from maatwerk.zaken.regelingen import regelingen_van_domein

    return regelingen_van_domein(domein)


def _zaak_van_client(gebruiker, gelezen: Gelezen) -> Zaak | None:
    """The most recent zaak of this domain for the client that the user may work on (purpose-bound)."""
    kandidaten = Zaak.objects.filter(hoofdpersoon__bsn=gelezen.client["Bsn"],
                                     regeling__in=_regelingen(gelezen.domein)).order_by("-id")
    return next((z for z in kandidaten if mag(gebruiker, z)), None)


def _controleer_start(regel, t: Toewijzing) -> None:
    w = regel.waarden
    status, begin = w.get("StatusAanlevering"), w.get("Begindatum")
    if w.get("ToewijzingIngangsdatum") and w["ToewijzingIngangsdatum"] != t.ingangsdatum:
        _regel_fout(regel, "ToewijzingIngangsdatum", f"is niet de ingangsdatum van de toewijzing ({formaat.datum(t.ingangsdatum)}).",
                    "TR019", "9019")
    if status == "3":
        if t.status != ToewijzingStatus.GESTART:
            _regel_fout(regel, "StatusAanlevering", "er is geen eerder startbericht om te verwijderen.", "TR063", "9063")
        return
    if t.status == ToewijzingStatus.GESTART:
        _regel_fout(regel, "ToewijzingNummer", "de zorg is al gestart en nog niet gestopt.", "TR326", "9326")
    elif t.status != ToewijzingStatus.TOEGEWEZEN:
        _regel_fout(regel, "ToewijzingNummer", "deze toewijzing is niet meer actueel.", "TR019", "9019")
    if begin and (begin < t.ingangsdatum or (t.einddatum and begin > t.einddatum)):
        _regel_fout(regel, "Begindatum", "ligt buiten de periode van de toewijzing.", "TR019", "0001")


def _controleer_stop(regel, t: Toewijzing) -> None:
    w = regel.waarden
    if w.get("StatusAanlevering") == "3":
        if t.status != ToewijzingStatus.GESTOPT:
            _regel_fout(regel, "StatusAanlevering", "er is geen eerder stopbericht om te verwijderen.", "TR063", "9063")
        return
    if t.status != ToewijzingStatus.GESTART:
        _regel_fout(regel, "ToewijzingNummer", "er is geen actueel startbericht voor deze toewijzing.", "TR069", "9069")
        return
    if w.get("Begindatum") and w["Begindatum"] != t.zorg_gestart_op:
        _regel_fout(regel, "Begindatum", "is niet de begindatum uit het startbericht.", "TR069", "9069")
    if w.get("Einddatum") and t.zorg_gestart_op and w["Einddatum"] < t.zorg_gestart_op:
        _regel_fout(regel, "Einddatum", "ligt vóór de start van de zorg.", "TR018")


def _pas_toe(gebruiker, gelezen: Gelezen, bericht: Bericht, aanbieder, zaak: Zaak | None) -> None:
    for regel in gelezen.regels:
        w, t = regel.waarden, getattr(regel, "toewijzing", None)
        if gelezen.soort == "305" and t is not None:
            if w["StatusAanlevering"] == "3":
                t.status, t.zorg_gestart_op = ToewijzingStatus.TOEGEWEZEN, None
            else:
                t.status, t.zorg_gestart_op = ToewijzingStatus.GESTART, w["Begindatum"]
            t.save(update_fields=["status", "zorg_gestart_op"])
        elif gelezen.soort == "307" and t is not None:
            if w["StatusAanlevering"] == "3":
                t.status, t.zorg_gestopt_op, t.reden_beeindiging = ToewijzingStatus.GESTART, None, ""
            else:
                t.status, t.zorg_gestopt_op, t.reden_beeindiging = ToewijzingStatus.GESTOPT, w["Einddatum"], w["RedenBeeindiging"]
            t.save(update_fields=["status", "zorg_gestopt_op", "reden_beeindiging"])
        elif gelezen.soort in ("315", "317") and regel.klasse != "OngewijzigdProduct":
            _maak_verzoek(gelezen, bericht, regel, aanbieder, zaak, t)
        if t is not None and bericht.toewijzing_id is None:
            bericht.toewijzing = t
            bericht.save(update_fields=["toewijzing"])
    if zaak is not None:
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp="iwmo-bericht verwerkt", handeling=HANDELING,
                           toelichting=f"{bericht.type_tekst} {bericht.identificatie}")


def _maak_verzoek(gelezen: Gelezen, bericht: Bericht, regel, aanbieder, zaak, toewijzing) -> Verzoek:
    w = regel.waarden
    product = None
    if w.get("Product", {}).get("Code"):
        product = Product.objects.filter(domein=gelezen.domein, categorie=w["Product"]["Categorie"], code=w["Product"]["Code"]).first()
    elif toewijzing is not None:
        product = toewijzing.product
    omvang = w.get("Omvang") or {}
    return Verzoek.objects.create(
        zaak=zaak, bericht=bericht, soort=gelezen.soort, aanbieder=aanbieder,
        referentie_aanbieder=(w.get("ReferentieAanbieder") or gelezen.verzoek.get("ReferentieAanbieder") or "")[:20],
        toewijzing=toewijzing, product=product, volume=int(omvang["Volume"]) if omvang.get("Volume") else None,
        eenheid=omvang.get("Eenheid", ""), frequentie=omvang.get("Frequentie", ""),
        ingangsdatum=w.get("Ingangsdatum"), einddatum=w.get("Einddatum"),
    )


# ------------------------------------------------------------------ verzoeken


def beoordeel_verzoek(gebruiker, verzoek: Verzoek, *, akkoord: bool, reden: str = "", besluit: Besluit | None = None,
                      nu: dt.datetime | None = None) -> Bericht | None:
    """Accept (a new toewijzing, or the changed one, and its 301) or refuse with a reason."""
    vereis(gebruiker, verzoek.zaak, beleid.CHANGE, "verzoek aanbieder", f"verzoek {verzoek.pk}")
    with transaction.atomic():
        return _beoordeel_verzoek(gebruiker, verzoek, akkoord, reden, besluit, nu)


def _beoordeel_verzoek(gebruiker, verzoek, akkoord, reden, besluit, nu) -> Bericht | None:
    zaak = verzoek.zaak
    vergrendel(zaak)
    verzoek.refresh_from_db()
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError({"__all__": [f"Dit verzoek is al behandeld ({verzoek.get_status_display()})."]})
    if not akkoord:
        if not reden.strip():
            raise ValidationError({"reden": ["Reden: schrijf op waarom het verzoek wordt afgewezen."]})
        verzoek.status, verzoek.reden_afwijzing = VerzoekStatus.AFGEWEZEN, reden.strip()[:2000]
        verzoek.behandeld_door, verzoek.behandeld_op = gebruiker, timezone.now()
        verzoek.save()
        antwoorden.stuur_319(gebruiker, verzoek, nu=nu)  # the provider hears the refusal and its reason
        return None
    if verzoek.toewijzing is not None:  # 317 TeWijzigenProduct: the same toewijzingnummer, changed
        t = verzoek.toewijzing
        if verzoek.einddatum and verzoek.einddatum < t.ingangsdatum:
            raise ValidationError({"__all__": ["De gevraagde einddatum ligt vóór de ingangsdatum van de toewijzing."]})
        besluit_eind = t.besluit.einddatum
        if verzoek.einddatum and besluit_eind and verzoek.einddatum > besluit_eind:
            raise ValidationError({"__all__": [f"De gevraagde einddatum ligt na de einddatum van het besluit "
                                               f"({formaat.datum(besluit_eind)}); daarvoor is eerst een nieuw besluit nodig."]})
        if verzoek.einddatum:
            t.einddatum = verzoek.einddatum
        if verzoek.volume:
            t.volume, t.eenheid, t.frequentie = verzoek.volume, verzoek.eenheid or t.eenheid, verzoek.frequentie or t.frequentie
        t.reden_wijziging = "12"  # WMO002: in verband met wijzigingsverzoek
        t.save()
        bericht = _stuur_301(gebruiker, t, nu=nu)
    else:
        besluit = besluit or next(iter(toewijsbare_besluiten(zaak)), None)
        if besluit is None:
            raise ValidationError({"__all__": ["Er is op deze zaak geen toegekend besluit in natura dat is vastgesteld; "
                                               "neem eerst een besluit en wijs daarna toe."]})
        product = verzoek.product
        bericht = _wijs_toe(gebruiker, besluit, product, verzoek.aanbieder, verzoek.volume or 0,
                            verzoek.eenheid or (product.eenheid if product else ""),
                            verzoek.frequentie or (product.frequentie if product else ""), verzoek.ingangsdatum,
                            verzoek.einddatum or besluit.einddatum, verzoek.referentie_aanbieder, nu)
        t = bericht.toewijzing
    verzoek.status, verzoek.resultaat = VerzoekStatus.TOEGEWEZEN, t
    verzoek.behandeld_door, verzoek.behandeld_op = gebruiker, timezone.now()
    verzoek.save()
    antwoorden.stuur_319(gebruiker, verzoek, nu=nu)  # the answer on the verzoek, beside the (new) 301
    return bericht


# ------------------------------------------------------------------ reading for pages and API


def berichten_van(gebruiker, zaak: Zaak, *, toelichting: str = "zaakpagina"):
    vereis(gebruiker, zaak, beleid.VIEW, "iwmo-berichten", toelichting)
    return zaak.iwmo_berichten.select_related("aanbieder").order_by("-op", "-id")


def bericht_voor(gebruiker, bericht: Bericht) -> Bericht:
    """A message for download: only on a zaak the user may work on with messages (404 otherwise)."""
    if bericht.zaak is None:
        raise beleid.NietGevonden()
    vereis(gebruiker, bericht.zaak, beleid.VIEW, "iwmo-bericht (download)", bericht.bestandsnaam)
    return bericht


def ongekoppelde_berichten():
    return Bericht.objects.filter(Q(zaak__isnull=True))
