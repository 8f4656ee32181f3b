"""The casustafel (issue 11, point 4; seed 003 "Meldpunt": reports are discussed at casustafels that decide
whether a (voor)onderzoek on rechtmatigheid or kwaliteit follows). The form (`forms.CasustafelFormulier`)
has checked the facts (each with its source), at least two participants and at least two who agreed."""

from __future__ import annotations

from maatwerk.handhaving import meldpunt, toegang
from maatwerk.handhaving.models import Casustafel, Deelnemer, Feit, Melding, Richting, Signaal, SignaalStatus
from maatwerk.toegang import rechten
from maatwerk.zaken.regelingen import INKOMEN


def onderwerp(melding: Melding | None, signaal: Signaal | None) -> tuple[str, str]:
    """(richting, domein) of what is discussed: a signal of the comparison is always client/Inkomen."""
    if melding is not None:
        return melding.richting, melding.domein
    return Richting.CLIENT, INKOMEN


def leg_vast(user, gegevens: dict, *, melding: Melding | None = None, signaal: Signaal | None = None) -> Casustafel:
    richting, domein = onderwerp(melding, signaal)
    toegang.vereis(user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.CREATE, domein=domein, onderwerp="casustafel",
                   inwoner=signaal.inwoner if signaal else None,
                   toelichting=f"melding {melding.kenmerk}" if melding else f"signaal {signaal.pk}")
    tafel = Casustafel.objects.create(
        richting=richting, melding=melding, signaal=signaal, datum=gegevens["datum"], interventie=gegevens["interventie"],
        motivering=gegevens["motivering"], uitkomst=gegevens["uitkomst"], afgerond=bool(gegevens.get("afgerond")),
        vastgelegd_door=user)
    Feit.objects.bulk_create([Feit(casustafel=tafel, **f) for f in gegevens["feiten"]])
    Deelnemer.objects.bulk_create([Deelnemer(casustafel=tafel, **d) for d in gegevens["deelnemers"]])
    if signaal is not None:
        signaal.status = SignaalStatus.BESPROKEN
        signaal.save(update_fields=["status"])
    if melding is not None and tafel.afgerond:
        meldpunt.handel_af(melding)
    return tafel


def bekijk(user, tafel: Casustafel) -> Casustafel:
    _, domein = onderwerp(tafel.melding, tafel.signaal)
    toegang.vereis(user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.VIEW, domein=domein, onderwerp="casustafel",
                   inwoner=tafel.signaal.inwoner if tafel.signaal else None, toelichting=f"casustafel {tafel.pk}")
    return tafel
