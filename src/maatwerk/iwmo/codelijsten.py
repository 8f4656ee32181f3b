"""Code lists of the iWmo and iJw 3.2 standards (Zorginstituut Nederland, informatiemodel.istandaarden.nl),
only the codes Maatwerk writes or reads. Each list names its code in the standard (COD002, WJ756, ...).

Source: the published code lists of release iWmo 3.2 / iJw 3.2 (e.g.
https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wj001/). A code that is not in a
list here is refused on import with the list's name.
"""

from __future__ import annotations

from maatwerk.zaken.regelingen import JEUGD, WMO

# Lansingerland in the CBS list of municipalities (LDT_Gemeente, 4 digits; TR378 checks it against CBS).
GEMEENTECODE = "1621"
BERICHTVERSIE = "3"
BERICHTSUBVERSIE = "2"
XSD_VERSIE = "1.0.0"

# Per domain: the standard, the message prefix and the XML namespaces (iWmo 3.2 / iJw 3.2).
STANDAARD = {WMO: "iWmo", JEUGD: "iJw"}
PREFIX = {WMO: "WMO", JEUGD: "JW"}
_NS = {WMO: "http://www.istandaarden.nl/iwmo/3_2/{}/schema", JEUGD: "http://www.istandaarden.nl/ijw/3_2/{}/schema"}


def namespace(domein: str, bericht: str) -> str:
    """The namespace of message `bericht` ("301") or of the base schema (bericht="basisschema")."""
    deel = "basisschema" if bericht == "basisschema" else f"{PREFIX[domein].lower()}{bericht}"
    return _NS[domein].format(deel)


# COD002-VEKTIS Berichtcode.
BERICHTCODE = {
    WMO: {"301": "414", "302": "415", "305": "418", "306": "419", "307": "420", "308": "421",
          "315": "444", "316": "445", "317": "480", "318": "481", "319": "482", "320": "483"},
    JEUGD: {"301": "436", "302": "437", "305": "438", "306": "439", "307": "440", "308": "441",
            "315": "446", "316": "447", "317": "486", "318": "487", "319": "488", "320": "489"},
}
# The codes of 319 and 320 (antwoordbericht and its retour) follow the numbering of the others but are NOT checked
# against the published COD002-VEKTIS list (see docs/iwmo.md).

# The messages a provider sends and the retourbericht the municipality answers with.
RETOUR_VAN = {"305": "306", "307": "308", "315": "316", "317": "318"}
# The retourberichten a provider sends on the municipality's messages (302 on a 301, 320 on a 319).
RETOUR_OP_ONS = {"302": "301", "320": "319"}
SOORT_NAAM = {
    "301": "Toewijzing", "302": "Retour toewijzing", "305": "Start zorg", "306": "Retour start zorg",
    "307": "Stop zorg", "308": "Retour stop zorg", "315": "Verzoek om toewijzing", "316": "Retour verzoek om toewijzing",
    "317": "Verzoek om wijziging", "318": "Retour verzoek om wijziging",
    "319": "Antwoord op verzoek", "320": "Retour antwoord op verzoek",
}

# WJ756 Eenheid.
EENHEDEN = {"01": "minuut", "04": "uur", "14": "etmaal", "16": "dagdeel (4 uur)", "82": "stuks (output)",
            "83": "euro's", "84": "stuks (inspanning)"}
# WMO757 / WJ757 Frequentie.
FREQUENTIES = {"1": "per dag", "2": "per week", "4": "per maand", "6": "totaal binnen de geldigheidsduur"}

# WMO020 Productcategorie (iWmo 3.2).
CATEGORIEEN_WMO = {
    "01": "Hulp bij het huishouden", "02": "Begeleiding", "03": "Persoonlijke verzorging", "04": "Kortdurend verblijf",
    "05": "Woondiensten", "06": "Overige ondersteuning gericht op het individu of huishouden/gezin",
    "07": "Dagbesteding", "08": "Vervoerdiensten", "09": "Overige groepsgerichte ondersteuning",
    "10": "Overige maatwerk arrangementen", "11": "Rolstoelen", "12": "Vervoervoorzieningen",
    "13": "Woonvoorzieningen", "14": "Overige hulpmiddelen", "15": "Beschermd wonen", "16": "Opvang",
    "17": "Spoedopvang", "18": "Overige beschermd wonen en opvang",
}
# JZ020 Productcategorie (iJw). Only the categories the demo uses; NOT checked against the published list
# (see docs/iwmo.md): a municipality loads its own list with its contracts.
CATEGORIEEN_JEUGD = {"45": "Jeugdhulp ambulant", "43": "Jeugdhulp verblijf", "54": "Jeugd-ggz"}
CATEGORIEEN = {WMO: CATEGORIEEN_WMO, JEUGD: CATEGORIEEN_JEUGD}

# WMO588 / JZ588 Reden beëindiging (307).
REDEN_BEEINDIGING = {
    "02": "overlijden", "19": "levering volgens plan beëindigd", "20": "levering is tijdelijk beëindigd",
    "21": "levering is eenzijdig door cliënt beëindigd", "22": "levering is eenzijdig door aanbieder beëindigd",
    "23": "levering is in overeenstemming voortijdig beëindigd", "31": "verhuizing naar een andere gemeente",
    "36": "geïnitieerd door de gemeente", "37": "in verband met wijzigingsverzoek",
    "38": "overstap naar andere aanbieder", "39": "uitstroom naar ander domein",
}
# WMO002 Reden wijziging toewijzing: the codes Maatwerk writes in a changed 301.
REDEN_WIJZIGING = {"01": "administratieve correctie (vervallen)", "12": "in verband met wijzigingsverzoek",
                   "13": "verwijderd"}
# COD467 Status aanlevering.
STATUS_AANLEVERING = {"1": "eerste aanlevering", "2": "gewijzigde aanlevering", "3": "aanlevering verwijderen"}
# COD046 Geslacht (Maatwerk records no sex: always 0, onbekend).
GESLACHT_ONBEKEND = "0"

# WJ001 Retourcode: only the codes Maatwerk gives, with the technical rule (TR) that yields them.
GEEN_OPMERKING = "0200"
TECHNISCH_AFGEKEURD = "0001"
NIET_BEOORDEELD = "0233"
RETOURCODES = {
    "0001": "Bericht is afgekeurd om technische redenen.",
    "0200": "Geen opmerking over deze berichtklasse.",
    "0233": "Berichtklasse is niet beoordeeld.",
    "8187": "Bsn hoort niet bij een cliënt van de gemeente in dit domein (TR304).",
    "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen (TR135).",
    "9019": "Het regiebericht kan niet gekoppeld worden aan een toewijzing (TR019).",
    "9056": "Identificatie moet uniek zijn (TR056).",
    "9063": "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is (TR063).",
    "9069": "Er is geen actueel startbericht met dezelfde sleutel (TR069).",
    "9074": "Er is al een eerder bericht ontvangen met dezelfde sleutel (TR074).",
    "9326": "De actuele levering is nog niet gestopt met een stopbericht (TR326).",
    "9347": "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein (TR347).",
    "9351": "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer (TR351).",
    "9374": "Er is al een verzoek onderhanden (TR374).",
    "S300": "Gemeentecode komt niet voor in de lijst van CBS (TR378).",
}


def categorie_naam(domein: str, code: str) -> str:
    return CATEGORIEEN.get(domein, {}).get(code, code)
