"""The resident's session: who logged in (DigiD) and for whom he acts (DigiD Machtigen).

A resident is a Django user with an InwonerAccount (linked by BSN), no role, no password. The session holds
`loket` = {"bsn": the person who logged in, "namens_bsn": the represented person or None, "dienst": the
service of the machtiging}. Later parts of issue 9 (aanvraag, Mijn zaken) act for `betreft_bsn`: the
represented person when there is one, else the resident himself.

Every resident action goes into the audit log with both BSNs (common brief; toegang/audit.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from maatwerk.toegang import audit
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import SoortGrond

SESSIE_SLEUTEL = "loket"


@dataclass(frozen=True)
class Handelend:
    bsn: str
    namens_bsn: str | None = None
    dienst: str = ""

    @property
    def betreft_bsn(self) -> str:
        """The person the action is about: the represented person, or the resident himself."""
        return self.namens_bsn or self.bsn

    @property
    def gemachtigd(self) -> bool:
        return bool(self.namens_bsn)

    def als_dict(self) -> dict:
        return {"bsn": self.bsn, "namens_bsn": self.namens_bsn, "dienst": self.dienst}


def is_inwoner(user) -> bool:
    """A resident: logged in through the loket (has an InwonerAccount). Never a staff member."""
    if not getattr(user, "is_authenticated", False):
        return False
    from maatwerk.loket.models import InwonerAccount

    cached = getattr(user, "_loket_is_inwoner", None)
    if cached is None:
        cached = InwonerAccount.objects.filter(gebruiker_id=user.pk).exists()
        user._loket_is_inwoner = cached
    return cached


def zet_handelend(request, handelend: Handelend) -> None:
    request.session[SESSIE_SLEUTEL] = handelend.als_dict()
    # DigiD norm: a resident's session ends after 15 minutes without activity (MAATWERK_LOKET_SESSIE_MINUTEN);
    # an integer expiry is idle time, renewed by maatwerk.web.beveiliging.SessieVerloopMiddleware.
    request.session.set_expiry(settings.LOKET_SESSIE_SECONDEN)


def handelend(request) -> Handelend | None:
    gegevens = request.session.get(SESSIE_SLEUTEL) if hasattr(request, "session") else None
    if not gegevens or not is_inwoner(request.user):
        return None
    return Handelend(gegevens["bsn"], gegevens.get("namens_bsn"), gegevens.get("dienst", ""))


def grond(h: Handelend) -> Grond:
    """The ground of a resident's own action: he acts for himself, or on a machtiging (DigiD Machtigen)."""
    if h.gemachtigd:
        return Grond(True, SoortGrond.TOESTEMMING,
                     f"Gemachtigde (DigiD Machtigen, dienst '{h.dienst or 'onbekend'}') handelt namens de inwoner")
    return Grond(True, SoortGrond.ROL, "De inwoner handelt zelf (ingelogd met DigiD)")


def wie(h: Handelend) -> str:
    """Both BSNs, for the audit log (staff only; never shown to the resident)."""
    return f"ingelogd BSN {h.bsn}" + (f", namens BSN {h.namens_bsn}" if h.gemachtigd else ", voor zichzelf")


def naam(bsn: str | None) -> str:
    """The name of the person with this BSN as the municipality knows it (personen), or "" when unknown. The
    banner shows a name, never the BSN (a BSN on screen is read over the shoulder and copied)."""
    if not bsn:
        return ""
    from maatwerk.personen.models import Inwoner

    inwoner = Inwoner.objects.filter(bsn=bsn).only("voornamen", "tussenvoegsel", "achternaam").first()
    return inwoner.naam if inwoner else ""


def log(request, actie: str, onderwerp: str, toelichting: str = "", inwoner=None, h: Handelend | None = None):
    """Audit line of a resident action with both BSNs."""
    h = h or handelend(request)
    if h is None:
        return None
    tekst = f"{wie(h)}. {toelichting}".strip()
    return audit.log(request.user, actie, grond(h), inwoner=inwoner, onderwerp=onderwerp, toelichting=tekst)
