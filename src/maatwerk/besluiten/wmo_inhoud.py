"""A granting Wmo besluit prefilled from the zaak's findings and its Wmo computation (issue 10 point 4), so the
letter holds what artikel 4:6 of the Verordening Sociaal Domein 2018 requires:

- lid 1: natura or pgb (from the finding `vorm_pgb`);
- lid 2 (natura): the voorziening, ingangsdatum, omvang and duur (from the computation's data), and whether an
  eigen bijdrage is owed (from the Regelkern, with who collects it: the CAK);
- lid 3 (pgb): the amount and how it was computed (the Regelkern's sentences), the quality requirements and the
  way of accounting (artikel 4:7, with the spending term of lid 8 computed), ingangsdatum, omvang, duur, eigen
  bijdrage.

The consulent still reads and edits every field on the besluit page before it is vastgesteld; `beoogd_resultaat`
stays for the consulent to write (it is the person's own goal from the ondersteuningsplan).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk import formaat
from maatwerk.besluiten.models import Besluit, Periode, Vorm
from maatwerk.zaken.models import Berekening
from maatwerk.zaken.wmo_berekening import resultaat

# The pgb units of the Regelkern (PgbEenheid) as the besluit's period.
PERIODE = {"per_maand": Periode.PER_MAAND, "per_periode_van_4_weken": Periode.PER_4_WEKEN,
           "per_jaar": Periode.PER_JAAR, "eenmalig": Periode.EENMALIG}
IN_ZIN = {"per_maand": "per maand", "per_periode_van_4_weken": "per 4 weken", "per_jaar": "per jaar",
          "eenmalig": "eenmalig"}
# Who collects the bijdrage (Wmo 2015 art. 2.1.4; the zaak page gives the full sentence, maatwerk.zaken.wmo_weergave).
INNING_KORT = "Het CAK stuurt u de rekening."
BIJDRAGE_PERIODE = {"vier_weken": "per 4 weken", "maand": "per maand"}

# Artikel 4:7 lid 2 and 3 and Wmo 2015 art. 2.3.6 lid 2 onder c, in plain words for the letter (B1).
KWALITEITSEISEN = (
    "De hulp moet veilig en goed zijn. U mag met het pgb geen familielid betalen voor werk in het huishouden, en "
    "geen tussenpersoon."
)
# Art. 4:7 lid 8 Vo (the spending term) and the trekkingsrecht of Wmo 2015 art. 2.6.2 lid 1 (the SVB pays).
VERANTWOORDING_ZIN = (
    "Gebruik het pgb uiterlijk op {datum} voor deze hulp. De Sociale Verzekeringsbank (SVB) betaalt uw helper."
)


def _zin_bedrag(waarde, eenheid: str) -> str:
    return f"{formaat.bedrag(Decimal(str(waarde)))} {IN_ZIN.get(eenheid, '')}".strip()


def pgb_berekening_in_woorden(berekening: Berekening) -> str:
    """How the pgb was computed, from the Regelkern's own sentences for the chosen kind (artikel 4:8) and the
    natura ceiling (artikel 4:7 lid 4 onder c), without internal codes."""
    r = resultaat(berekening)
    overwegingen = ((berekening.uitleg.get("personen") or {}).get(r["_persoon"]) or {}).get("pgb_bedrag", [])
    # The rule's sentence without its leading label ("Huishoudelijke ondersteuning door ...: "): the letter names
    # the voorziening already, and a short letter stays within two pages.
    zinnen = [o["zin"].split(": ", 1)[-1] for o in overwegingen
              if o.get("regel", "").startswith("pgb.bedrag.") and "€" in o.get("zin", "")]
    if not zinnen:
        zinnen = [f"Het pgb is {_zin_bedrag(r.get('pgb_bedrag') or 0, r.get('pgb_bedrag_eenheid', ''))}."]
    return " ".join(zinnen)


def vul_in(besluit: Besluit, berekening: Berekening | None) -> None:
    """Prefill the 4:6 fields of a granting Wmo besluit (not saved here)."""
    if berekening is None:
        return
    g = berekening.gegevens or {}
    r = resultaat(berekening)
    besluit.vorm = Vorm.PGB if g.get("pgb") else Vorm.NATURA
    besluit.voorziening = g.get("voorziening") or besluit.voorziening
    besluit.omvang = g.get("omvang") or besluit.omvang
    if g.get("ingangsdatum"):
        besluit.ingangsdatum = dt.date.fromisoformat(g["ingangsdatum"])
    if g.get("einddatum"):
        besluit.einddatum = dt.date.fromisoformat(g["einddatum"])
    if g.get("pgb") and r.get("pgb_reden_niet_toekenbaar") == "geen":
        besluit.pgb_bedrag = Decimal(str(r["pgb_bedrag"])).quantize(Decimal("0.01"))
        besluit.bedrag_periode = PERIODE.get(r.get("pgb_bedrag_eenheid"), "")
        besluit.pgb_berekening = pgb_berekening_in_woorden(berekening)
        besluit.kwaliteitseisen = KWALITEITSEISEN
        besluit.verantwoording = VERANTWOORDING_ZIN.format(datum=formaat.datum(r.get("pgb_uiterste_bestedingsdatum")))
    reden = r.get("wmo_geen_bijdrage_reden", "geen")
    per_periode = r.get("wmo_eigen_bijdrage_per_periode") or 0
    if reden == "geen" and per_periode > 0:
        besluit.bijdrage_verschuldigd = True
        besluit.bijdrage_toelichting = (
            f"Die is ten hoogste {formaat.bedrag(Decimal(str(per_periode)))} "
            f"{BIJDRAGE_PERIODE.get(r.get('wmo_bijdrageperiode'), '')}. {INNING_KORT}"
        )
    else:
        from maatwerk.regels.variables.wmo_eigen_bijdrage import WmoGeenBijdrageReden

        besluit.bijdrage_verschuldigd = False
        besluit.bijdrage_toelichting = ("" if reden == "geen" else
                                        f"De reden: {WmoGeenBijdrageReden[reden].value.split(' (')[0].lower()}.")
