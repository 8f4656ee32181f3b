"""The 5:7 page of a granted Jeugd besluit: choose herziening or intrekking and the ground (each with its
ordinance text), give the months of pgb (or the amount) wrongly received for a terugvordering, and go to the new
besluit. The rules live in `besluiten.jeugd_herziening`; access: the besluit's domain only (404 otherwise)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from maatwerk.besluiten import jeugd_herziening
from maatwerk.besluiten.models import Besluit
from maatwerk.besluiten.views import _besluit_url, _probeer
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.forms import NLFormulier
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formvelden import BedragVeld


class HerzieningFormulier(NLFormulier, forms.Form):
    soort = forms.ChoiceField(label="Wat wilt u doen?", widget=forms.RadioSelect,
                              choices=list(jeugd_herziening.SOORTEN.items()),
                              error_messages={"required": "Kies herziening of intrekking.",
                                              "invalid_choice": "Kies herziening of intrekking."})
    grond = forms.ChoiceField(label="Grond (artikel 5:7 van de verordening)", widget=forms.RadioSelect, choices=[],
                              error_messages={"required": "Kies een grond van artikel 5:7.",
                                              "invalid_choice": "Kies een grond van artikel 5:7."})
    opzet = forms.BooleanField(label="De onjuiste of onvolledige gegevens zijn met opzet gegeven (artikel 5:7, derde lid)",
                               required=False)
    maanden = forms.IntegerField(label="Aantal maanden pgb dat ten onrechte is ontvangen", required=False, min_value=1,
                                 max_value=jeugd_herziening.MAX_MAANDEN,
                                 widget=forms.NumberInput(attrs={"class": "nl-text-input nl-text-input--short"}),
                                 help_text="Voor een pgb: wij rekenen het bedrag uit.",
                                 error_messages={"invalid": "Vul het aantal maanden in als een heel getal, bijvoorbeeld 3.",
                                                 "min_value": "Vul een aantal maanden in van ten minste 1.",
                                                 "max_value": f"Vul een aantal maanden in van ten hoogste {jeugd_herziening.MAX_MAANDEN}."})
    ten_onrechte_genoten = BedragVeld(label="Of: geldswaarde van wat ten onrechte is ontvangen", required=False, min_value=0,
                                      error_messages={"min_value": "Het bedrag kan niet negatief zijn."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grond"].choices = [(g["code"], f"{g['zin']} — {g['bron']}") for g in jeugd_herziening.gronden()]


def _toon(request, besluit: Besluit, form=None, status: int = 200):
    mag = beleid.grond_zaak(request.user, besluit.zaak, beleid.CHANGE, handeling=rechten.BESLUIT_OPSTELLEN).toegestaan
    return render(request, "besluiten/jeugd_herziening.html", {
        **ui_context(request, "werkvoorraad"), "besluit": besluit, "zaak": besluit.zaak,
        "kan": jeugd_herziening.kan_herzien(besluit), "form": (form or HerzieningFormulier()) if mag else None,
    }, status=status)


@inlog_vereist
def herziening(request, pk: int):
    besluit = get_object_or_404(Besluit.objects.select_related("zaak", "zaak__hoofdpersoon"), pk=pk)
    beleid.vereis_zaak(request.user, besluit.zaak, beleid.VIEW, onderwerp="besluit", toelichting=request.path[:200])
    if besluit.zaak.regeling != "jeugdhulp":
        return redirect(_besluit_url(besluit))
    if request.method != "POST":
        return _toon(request, besluit)
    form = HerzieningFormulier(request.POST)

    def actie(d):
        uitkomst = jeugd_herziening.herzie(besluit, request.user, soort=d["soort"], grond=d["grond"], opzet=d["opzet"],
                                           maanden=d["maanden"], ten_onrechte_genoten=d["ten_onrechte_genoten"])
        if uitkomst.uitleg:
            messages.info(request, uitkomst.uitleg)
        return _besluit_url(uitkomst.besluit)

    return _probeer(request, form, actie, "Het nieuwe besluit is opgesteld met de grond van artikel 5:7.", "",
                    lambda form_, st: _toon(request, besluit, form_, st))
