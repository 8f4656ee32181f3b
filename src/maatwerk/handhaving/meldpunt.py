"""The meldpunt (issue 11, point 3; seed 003 "Meldpunt – pagina 20"): anyone reports a suspicion of misuse or
of poor quality of care, anonymously if he wants; the melder gets a receipt (kenmerk, date) and a secret code
with which he can look up the feedback. Feedback is only what the AVG allows: "in behandeling" or
"afgehandeld", never findings about another person (seed 003: "binnen de strenge wet- en regelgeving (AVG)").
Reports go to the casustafel queue, client and provider reports apart.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from maatwerk.handhaving import toegang
from maatwerk.handhaving.models import Melder, Melding, MeldingStatus
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import SoortGrond

# Letters and digits without look-alikes (0/O, 1/I/l): the melder copies the code from paper.
_TEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTE = 10  # 32^10 ≈ 10^15 combinations: not guessable by trying


@dataclass(frozen=True)
class Ontvangstbewijs:
    melding: Melding
    code: str  # shown once, on the receipt; only its hash is stored


def _hash(zout: str, code: str) -> str:
    return hashlib.sha256((zout + code.strip().upper()).encode()).hexdigest()


def _nieuw_kenmerk(jaar: int) -> str:
    laatste = Melding.objects.filter(kenmerk__startswith=f"HM-{jaar}-").order_by("-kenmerk").values_list("kenmerk", flat=True).first()
    volgnummer = int(laatste.rsplit("-", 1)[1]) + 1 if laatste else 1
    return f"HM-{jaar}-{volgnummer:05d}"


def meld(gegevens: dict, *, door=None) -> Ontvangstbewijs:
    """Register a melding. `gegevens` are the validated fields of `forms.MeldingFormulier`. `door` is the
    staff member who registers it (a professional's report or one received by phone), None on the loket."""
    code = "".join(secrets.choice(_TEKENS) for _ in range(CODE_LENGTE))
    zout = secrets.token_hex(16)
    anoniem = not (gegevens.get("melder_naam") or gegevens.get("melder_contact"))
    with transaction.atomic():
        nu = timezone.now()
        melding = Melding.objects.create(
            kenmerk=_nieuw_kenmerk(timezone.localdate(nu).year), code_hash=_hash(zout, code), code_zout=zout,
            richting=gegevens["richting"], melder=gegevens.get("melder") or Melder.INWONER, domein=gegevens["domein"],
            anoniem=anoniem, melder_naam=gegevens.get("melder_naam", ""), melder_contact=gegevens.get("melder_contact", ""),
            betreft=gegevens["betreft"], omschrijving=gegevens["omschrijving"], ontvangen_op=nu,
            geregistreerd_door=door if door is not None and door.is_authenticated else None,
        )
        audit.log(door, toegang.CREATE, Grond(True, SoortGrond.ROL, "Meldpunt: iedereen kan melden (seed 003)"),
                  onderwerp="melding handhaving", toelichting=f"melding {melding.kenmerk} ontvangen")
    return Ontvangstbewijs(melding, code)


def terugkoppeling(kenmerk: str, code: str) -> Melding | None:
    """The melding with this kenmerk when the code matches, else None. A wrong code and an unknown kenmerk
    answer the same, so nobody learns whether a kenmerk exists. The caller shows only the status."""
    melding = Melding.objects.filter(kenmerk=kenmerk.strip().upper()).first()
    if melding is None or not hmac.compare_digest(melding.code_hash, _hash(melding.code_zout, code)):
        audit.log(None, toegang.VIEW, Grond(False, SoortGrond.GEEN, "Meldpunt: kenmerk of code onjuist"),
                  onderwerp="terugkoppeling melding", toelichting=f"kenmerk {kenmerk[:20]}")
        return None
    audit.log(None, toegang.VIEW, Grond(True, SoortGrond.ROL, "Meldpunt: de melder met kenmerk en code"),
              onderwerp="terugkoppeling melding", toelichting=f"melding {melding.kenmerk}: status")
    return melding


def wachtrij(user, richting: str):
    """The casustafel queue of one direction (client or provider), oldest open reports first."""
    toegang.vereis(user, rechten.HANDHAVING_MELDINGEN, toegang.VIEW, onderwerp="meldingen handhaving (lijst)",
                   toelichting=f"wachtrij {richting}")
    return Melding.objects.filter(richting=richting).order_by("status", "ontvangen_op", "id")


def bekijk(user, melding: Melding) -> Melding:
    toegang.vereis(user, rechten.HANDHAVING_MELDINGEN, toegang.VIEW, domein=melding.domein, onderwerp="melding handhaving",
                   toelichting=f"melding {melding.kenmerk}")
    return melding


def handel_af(melding: Melding) -> None:
    """Called by the casustafel that closes the report: the melder then sees 'afgehandeld'."""
    melding.status = MeldingStatus.AFGEHANDELD
    melding.afgehandeld_op = timezone.localdate()
    melding.save(update_fields=["status", "afgehandeld_op"])
