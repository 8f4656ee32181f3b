"""The Jeugd pgb on the zaak page (artikel 5:6): a form that asks the figures of the plan, and the stored result.

Own module, like the documents section: `views._zaak_context` merges `sectie(...)` and `zaak.html` includes
`zaken/_jeugd_pgb.html`. The rules live in `maatwerk.zaken.jeugd` (service) and the Regelkern, not here.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

from maatwerk.personen.validators import maandveld
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken import jeugd
from maatwerk.zaken.beoordeling import BEOORDELEN
from maatwerk.zaken.models import Zaak

SLEUTEL = "jeugd_pgb"
HULPVERLENER_KEUZES = [
    ("formeel", "Formeel: een beroepskracht of instelling (ten hoogste 100 % van de kostprijs in natura)"),
    ("informeel", "Informeel: iemand die dit niet als beroep doet (ten hoogste 51,7 % van de kostprijs in natura)"),
]


class JeugdPgbFormulier(NLFormulier, forms.Form):
    maand = forms.CharField(label="Maand", max_length=7, help_text="De maand waarover de regelkern rekent (JJJJ-MM).",
                            widget=forms.TextInput(attrs={"type": "month", "class": "nl-text-input nl-text-input--short"}),
                            error_messages={"required": "Vul de maand in, bijvoorbeeld 2026-07."})
    hulpverlener = forms.ChoiceField(label="Wie geeft de hulp (artikel 5:6, derde lid)?", choices=HULPVERLENER_KEUZES,
                                     widget=forms.RadioSelect, initial="formeel",
                                     error_messages={"required": "Kies formeel of informeel."})
    natura_kostprijs = BedragVeld(label="Kostprijs per maand van de goedkoopste passende hulp in natura", min_value=0,
                                  error_messages={"required": "Vul de kostprijs in natura in, bijvoorbeeld 1.000,00.",
                                                  "min_value": "Het bedrag kan niet negatief zijn."})
    begroting = BedragVeld(label="Begroting per maand uit het plan van de ouders (artikel 5:6, vierde lid)", min_value=0,
                           error_messages={"required": "Vul de begroting in, bijvoorbeeld 800,00.",
                                           "min_value": "Het bedrag kan niet negatief zijn."})
    sociaal_netwerk = forms.BooleanField(label="De hulp wordt gegeven door iemand uit het sociale netwerk", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", SLEUTEL)
        vandaag = timezone.localdate()
        kwargs.setdefault("initial", {"maand": f"{vandaag.year:04d}-{vandaag.month:02d}", "hulpverlener": "formeel"})
        super().__init__(*args, **kwargs)

    def clean_maand(self):
        return maandveld(self.cleaned_data["maand"])


def sectie(request, zaak: Zaak, formulieren: dict) -> dict:
    """What the zaak page's Jeugd pgb section shows (only for jeugdhulp, once a pgb is wanted)."""
    if zaak.regeling != "jeugdhulp" or not jeugd.pgb_gewenst(zaak):
        return {"toon_jeugd_pgb": False}
    from maatwerk.besluiten.jeugd import jeugd_pgb_berekening

    mag = (zaak.status in BEOORDELEN and beleid.grond_zaak(
        request.user, zaak, beleid.CHANGE, handeling=rechten.BEVINDING_VASTLEGGEN).toegestaan)
    berekening = jeugd_pgb_berekening(zaak)
    return {
        "toon_jeugd_pgb": True,
        "jeugd_pgb_berekening": berekening,
        "jeugd_pgb_uitleg": jeugd.pgb_berekening_tekst(berekening) if berekening else "",
        "jeugd_pgb_reden": jeugd.reden_label(berekening) if berekening else "",
        "jeugd_pgb_form": (formulieren.get(SLEUTEL) or JeugdPgbFormulier()) if mag else None,
    }


def jeugd_pgb(request, pk: int):
    from maatwerk.zaken.views import _post, _verwerk

    @_post
    def verwerk(request, zaak: Zaak):
        """Compute the Jeugd pgb with the Regelkern and store it on the zaak (artikel 5:6)."""
        form = JeugdPgbFormulier(request.POST)

        def actie(d):
            jeugd.bereken_pgb(zaak, request.user, maand=d["maand"], hulpverlener=d["hulpverlener"],
                              natura_kostprijs=d["natura_kostprijs"], begroting=d["begroting"],
                              sociaal_netwerk=d["sociaal_netwerk"])

        return _verwerk(request, zaak, form, SLEUTEL, actie, "Het pgb is berekend en vastgelegd.", "jeugd_pgb")

    return verwerk(request, pk)
