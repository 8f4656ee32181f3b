"""The huisbezoek record (issue 11, point 6; seed 003 "Huisbezoek": a protocol so that a visit to check the
living situation happens 'op de juiste wijze en volgens de regels').

Only for a client with a running benefit (the legal ground, Participatiewet art. 53a lid 2, is about the
right to bijstand); any other BSN answers like an unknown one, so the form cannot be used to probe who lives
in the municipality."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.handhaving import lopend, toegang
from maatwerk.handhaving.models import Casustafel, Huisbezoek
from maatwerk.toegang import rechten
from maatwerk.zaken.regelingen import INKOMEN


def leg_vast(user, gegevens: dict, *, casustafel: Casustafel | None = None) -> Huisbezoek:
    toegang.vereis(user, rechten.HUISBEZOEK_VASTLEGGEN, toegang.CREATE, domein=INKOMEN, onderwerp="huisbezoek",
                   toelichting=f"casustafel {casustafel.pk}" if casustafel else "")
    inwoner = lopend.client_op_bsn(gegevens["bsn"], gegevens["datum"])
    if inwoner is None:
        raise ValidationError({"bsn": ["Onder dit BSN is geen inwoner met een lopende uitkering op de datum van het "
                                       "bezoek bekend."]})
    bezoek = Huisbezoek.objects.create(
        inwoner=inwoner, casustafel=casustafel, datum=gegevens["datum"], reden=gegevens["reden"],
        grond=gegevens["grond"], toelichting_grond=gegevens.get("toelichting_grond", ""),
        toestemming_gegeven=gegevens["toestemming_gegeven"] == "ja", aangekondigd=gegevens["aangekondigd"] == "ja",
        reden_niet_aangekondigd=gegevens.get("reden_niet_aangekondigd", ""), medewerkers=gegevens["medewerkers"],
        bevindingen=gegevens["bevindingen"], reactie_inwoner=gegevens["reactie_inwoner"], uitkomst=gegevens["uitkomst"],
        vastgelegd_door=user)
    from maatwerk.toegang import audit
    audit.log(user, toegang.CREATE, toegang.grond(user, rechten.HUISBEZOEK_VASTLEGGEN, INKOMEN), inwoner=inwoner,
              onderwerp="huisbezoek", toelichting=f"huisbezoek {bezoek.pk} op {timezone.localdate()}")
    return bezoek


def bekijk(user, bezoek: Huisbezoek) -> Huisbezoek:
    toegang.vereis(user, rechten.HUISBEZOEK_VASTLEGGEN, toegang.VIEW, domein=INKOMEN, onderwerp="huisbezoek",
                   inwoner=bezoek.inwoner, toelichting=f"huisbezoek {bezoek.pk}")
    return bezoek
