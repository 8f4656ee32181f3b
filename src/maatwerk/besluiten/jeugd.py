"""Jeugd besluit: what a concept besluit for jeugdhulp is filled with (artikel 5:5), and how the Jeugd findings read
in the letter.

Prefill (the consulent still reads and edits everything before vaststellen; `inhoud.py` enforces 5:5):
- a pgb computed on the zaak (`maatwerk.zaken.jeugd.bereken_pgb`, artikel 5:6) gives vorm = pgb, the amount per
  month, how it was computed (5:5 lid 3 onder c) and the computation itself (`Besluit.berekening`, so the
  ontvangstbewijs and the bijlage keep it);
- the meldplicht of 5:5 lid 3 onder f in the words of 5:7 lid 1;
- on the GP route (5:3) the reason the beschikking exists: 5:4a lid 2 gives one only on request.
"""

from __future__ import annotations

from maatwerk.besluiten.beslissend import Criteriumzin
from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Periode, Vorm

MELDPLICHT = (
    "Verandert er iets in uw situatie of die van uw kind? Geef dat dan meteen aan ons door. Bijvoorbeeld als de hulp "
    "stopt of als u het pgb niet meer gebruikt."
)
# "Antwoord in de brief" per Jeugd criterion (code -> sentences), second person, B1. The 5:4 ones are in beslissend.
ZINNEN = {
    "verwijzing_arts": Criteriumzin(
        "ja", "Uw kind is door een arts doorverwezen naar een jeugdhulpaanbieder.",
        "Uw kind is niet door een arts doorverwezen. Daarom hebben wij zelf onderzocht welke hulp nodig is.",
        beslissend_als_gunstig=True,
    ),
    "aanbieder_oordeelt_jeugdhulp_nodig": Criteriumzin(
        "ja", "De jeugdhulpaanbieder vindt dat uw kind deze hulp nodig heeft.",
        "De jeugdhulpaanbieder vindt niet dat uw kind deze hulp nodig heeft."),
    "pgb_in_staat_tot_beheer": Criteriumzin(
        "ja", "U kunt een pgb goed beheren.", "Wij denken dat u een pgb niet goed kunt beheren, ook niet met hulp."),
    "pgb_natura_niet_passend": Criteriumzin(
        "ja", "U heeft uitgelegd waarom de hulp van onze aanbieders niet bij uw kind past.",
        "U heeft niet uitgelegd waarom de hulp van onze aanbieders niet bij uw kind past."),
    "pgb_kwaliteit_gewaarborgd": Criteriumzin(
        "ja", "De hulp die u met het pgb koopt is goed en helpt uw kind.",
        "Wij weten niet zeker of de hulp die u met het pgb koopt goed genoeg is."),
    "pgb_sociaal_netwerk": Criteriumzin(
        "ja", "", "De hulp door iemand die u kent voldoet niet aan de regels voor een pgb.", beslissend_als_gunstig=False),
}


def jeugd_pgb_berekening(zaak):
    """The latest Jeugd pgb computation on the zaak, or None."""
    from maatwerk.zaken.jeugd import JEUGDIGE

    for berekening in zaak.berekeningen.order_by("-op", "-id"):
        if "jeugd_pgb_bedrag" in (berekening.resultaat or {}).get("personen", {}).get(JEUGDIGE, {}):
            return berekening
    return None


def vul_voor(besluit: Besluit) -> None:
    """Prefill a concept besluit of a jeugdhulp zaak (not saved here: the caller saves)."""
    from maatwerk.zaken import jeugd

    if besluit.soort not in MET_VERSTREKKING:
        return
    zaak = besluit.zaak
    berekening = jeugd_pgb_berekening(zaak)
    if berekening is not None and berekening.bedrag:
        besluit.berekening = berekening
        besluit.vorm = Vorm.PGB
        besluit.pgb_bedrag = berekening.bedrag
        besluit.bedrag_periode = Periode.PER_MAAND
        besluit.pgb_berekening = jeugd.pgb_berekening_tekst(berekening)
        besluit.meldplicht = MELDPLICHT
    if jeugd.route(zaak) == "verwijzing" and not besluit.aanvraag.endswith("beschikking."):
        # 5:4a lid 2: after a referral by a doctor, a beschikking only when the jeugdige or parents ask for one.
        besluit.aanvraag = (besluit.aanvraag + " U heeft ons gevraagd om een beschikking.").strip()
