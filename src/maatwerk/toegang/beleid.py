"""The access policy: may user U see or change zaak Z / inwoner I / huishouden H, and on which ground?

Rules (doelbinding, AVG art. 5 lid 1 onder b; grondslag, art. 6):
1. A consulent sees and changes the zaken of the domain of his role (consulent_wmo -> Wmo, ...), and the
   persons in the households of those zaken.
2. Outside his domain he may only SEE, and only with a ground recorded for that inwoner, for his domain (or
   for handhaving) and for the domain of the data: the inwoner's consent (`Toestemming`, not withdrawn, valid
   today) or a legal ground (`WettelijkeGrondslag`). The ground is written into the audit log.
3. The kwaliteitsmedewerker is the second pair of eyes only: he sees the zaken the mandate table sends to a
   second person (`tweede_beoordeling_nodig`), not the persons, households or other zaken behind them, and may
   only approve or refuse; drafting, deciding and sending stay with the consulent (separation of duties).
4. A person or household without any zaak yet (intake) is visible to the user who registered it.
5. The jurist (bezwaar) works in every domain but only for a bezwaar: he registers one on a bekendgemaakt besluit
   he names by its kenmerk, and sees a zaak (its besluiten and letters, read-only) only once a bezwaar against
   one of its besluiten is registered; never the persons, households or other zaken behind it.
6. Handhaver, beleidsmedewerker and beheerder see no dossiers without a recorded ground; the beheerder
   reads the audit log.
Every right on a zaak is a cell of the rights table `maatwerk.toegang.rechten` (role x action x domain);
`grond_zaak` evaluates its conditions for the action the caller names (`handeling=`).

Every `vereis_*` call writes an `AuditRegel` (also when refused) and raises `GeenToegang` when refused.
The `grond_*` functions only answer the question (for filtering lists and showing buttons).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from maatwerk.personen.models import Huishouden, Huishoudlid, Inwoner
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.models import Actie, SoortGrond, Toestemming, WettelijkeGrondslag
from maatwerk.toegang.rollen import (
    JURIST,
    KWALITEITSMEDEWERKER,
    domeinen,
    heeft_rol,
    ontvangers,
    rol_naam,
    rollen,
)
from maatwerk.zaken.models import Status, Zaak
from maatwerk.zaken.regelingen import DOMEINEN, INKOMEN, REGELINGEN, regelingen_van_domein

VIEW, CREATE, CHANGE = Actie.VIEW, Actie.CREATE, Actie.CHANGE


class GeenToegang(PermissionDenied):
    """Refused by the access policy; the message says why, in Dutch."""


class NietGevonden(Http404, GeenToegang):
    """Refused on an object the user may not even VIEW: answered exactly like an id that does not exist (404,
    same body), so a guessed id reveals neither existence nor names (issue 7: "a forbidden and a missing
    object answer the same"). Still a GeenToegang, so services and tests that catch refusals keep working;
    the refusal itself is in the audit log."""

    def __init__(self, *args):
        super().__init__("Niet gevonden.")


def _weiger(grond: Grond, zichtbaar: bool):
    """Raise the refusal: 404 when the object is invisible to the user, else 403 with the reason."""
    if not zichtbaar:
        raise NietGevonden()
    raise GeenToegang(grond.omschrijving)


@dataclass(frozen=True)
class Grond:
    toegestaan: bool
    soort: str
    omschrijving: str
    toestemming: Toestemming | None = None
    wettelijke_grondslag: WettelijkeGrondslag | None = None


def _geen(omschrijving: str) -> Grond:
    return Grond(False, SoortGrond.GEEN, omschrijving)


def _rolnamen(user) -> str:
    """The user's roles by name ("Consulent Wmo"): this text is shown on pages and in the audit log."""
    return ", ".join(rol_naam(r) for r in sorted(rollen(user))) or "geen rol"


# ------------------------------------------------------------------ grounds outside one's domain


def _grond_register(user, inwoner_id: int, domein: str) -> Grond | None:
    """A valid consent or legal ground for `inwoner_id`, naming one of the user's recipients and `domein`."""
    ontv = ontvangers(user)
    if not ontv:
        return None
    vandaag = timezone.localdate()
    filt = Q(inwoner_id=inwoner_id, ontvanger__in=ontv, domein=domein)
    toestemming = Toestemming.objects.filter(filt & Toestemming.geldig_op(vandaag)).first()
    if toestemming:
        return Grond(
            True, SoortGrond.TOESTEMMING,
            f"Toestemming van de inwoner (nr. {toestemming.pk}, {toestemming.get_vorm_display()}) voor "
            f"{toestemming.get_ontvanger_display()}; doel: {toestemming.doel}",
            toestemming=toestemming,
        )
    grondslag = WettelijkeGrondslag.objects.filter(filt & WettelijkeGrondslag.geldig_op(vandaag)).first()
    if grondslag:
        return Grond(
            True, SoortGrond.WETTELIJKE_GRONDSLAG,
            f"Wettelijke grondslag (nr. {grondslag.pk}): {grondslag.grondslag}; doel: {grondslag.doel}",
            wettelijke_grondslag=grondslag,
        )
    return None


def _met_grond(user, domein: str) -> tuple[QuerySet, QuerySet]:
    """Subqueries of inwoner ids with a valid consent resp. legal ground for `user` and data of `domein`."""
    vandaag = timezone.localdate()
    ontv = ontvangers(user)
    t = Toestemming.objects.filter(Toestemming.geldig_op(vandaag), ontvanger__in=ontv, domein=domein).values("inwoner_id")
    w = WettelijkeGrondslag.objects.filter(WettelijkeGrondslag.geldig_op(vandaag), ontvanger__in=ontv, domein=domein).values("inwoner_id")
    return t, w


# ------------------------------------------------------------------ zaak


def grond_zaak(user, zaak: Zaak, actie: str, *, handeling: str | None = None) -> Grond:
    """May `user` perform `handeling` (a row of the rights table; default zaak_inzien for VIEW, else
    zaak_wijzigen) on `zaak`? The table (`toegang.rechten`) says which roles may, under which conditions."""
    handeling = handeling or (rechten.ZAAK_INZIEN if actie == VIEW else rechten.ZAAK_WIJZIGEN)
    domein = zaak.domein
    naam = DOMEINEN[domein]
    toegestaan = rechten.rechten(rollen(user), handeling, domein)
    for rol, recht in toegestaan:
        grond = _voldaan(user, zaak, rol, recht)
        if grond is not None:
            return grond
    label = rechten.HANDELINGEN[handeling][0]
    if any(rol == KWALITEITSMEDEWERKER for rol, _ in toegestaan):
        return _geen("Deze zaak vraagt volgens de mandaattabel geen tweede beoordeling. De kwaliteitsmedewerker ziet en "
                     "beoordeelt alleen zaken die dat wel vragen.")
    if any(rol == JURIST for rol, _ in toegestaan):
        return _geen("De jurist ziet alleen zaken waartegen bezwaar is gemaakt, en registreert alleen een bezwaar tegen "
                     "een bekendgemaakt besluit.")
    if heeft_rol(user, JURIST) and not domeinen(user):
        return _geen(f"De jurist registreert en behandelt bezwaren; '{label}' is voorbehouden aan de consulent van het "
                     f"domein {naam}.")
    if heeft_rol(user, KWALITEITSMEDEWERKER) and not domeinen(user):
        return _geen(f"De kwaliteitsmedewerker is alleen het tweede paar ogen; '{label}' is voorbehouden aan de "
                     f"consulent van het domein {naam}.")
    if handeling != rechten.ZAAK_INZIEN:
        return _geen(f"Deze zaak hoort bij het domein {naam}; alleen consulenten van dat domein mogen haar wijzigen "
                     f"({label}).")
    return _geen(
        f"Deze zaak hoort bij het domein {naam}. U heeft daar geen rol (uw rol: {_rolnamen(user)}) en er is geen "
        "geldige toestemming of wettelijke grondslag vastgelegd."
    )


def _voldaan(user, zaak: Zaak, rol: str, recht: rechten.Recht) -> Grond | None:
    """The ground when every condition of `recht` (a cell of `rol`) holds for `zaak`, else None.
    'niet eigen werk' is checked by the service that knows the content (vierogen, besluiten.services)."""
    V = rechten.Voorwaarde
    register = None
    for voorwaarde in recht.voorwaarden:
        if voorwaarde == V.EIGEN_DOMEIN and zaak.domein not in domeinen(user):
            return None
        if voorwaarde == V.MET_GROND:
            register = _grond_register(user, zaak.hoofdpersoon_id, zaak.domein)
            if register is None:
                return None
        if voorwaarde == V.VIER_OGEN_NODIG and not tweede_beoordeling_nodig(zaak):
            return None
        if voorwaarde == V.MET_BEZWAAR and not heeft_bezwaar(zaak):
            return None
        if voorwaarde == V.BEKENDGEMAAKT_BESLUIT and not heeft_bekendgemaakt_besluit(zaak):
            return None
    if register is not None:
        return register
    if V.EIGEN_DOMEIN in recht.voorwaarden:
        return Grond(True, SoortGrond.EIGEN_DOMEIN, f"Eigen domein {DOMEINEN[zaak.domein]} (rol: {_rolnamen(user)})")
    if V.VIER_OGEN_NODIG in recht.voorwaarden:
        return Grond(True, SoortGrond.ROL, "Rol kwaliteitsmedewerker: vier-ogenbeoordeling (de zaak vraagt een tweede "
                                           "beoordeling volgens de mandaattabel)")
    if V.MET_BEZWAAR in recht.voorwaarden:
        return Grond(True, SoortGrond.ROL, "Rol jurist: behandeling van een bezwaar tegen een besluit van deze zaak")
    if V.BEKENDGEMAAKT_BESLUIT in recht.voorwaarden:
        return Grond(True, SoortGrond.ROL, "Rol jurist: registratie van een bezwaarschrift tegen een bekendgemaakt "
                                           "besluit van deze zaak")
    return Grond(True, SoortGrond.ROL, f"Rol {rol}")


def tweede_beoordeling_nodig(zaak: Zaak) -> bool:
    """Whether the mandate table sends this zaak to a second person now: its proposal is klaar_voor_besluit and
    needs four eyes (`vierogen.oordeel`), or a concept besluit needs them (`besluiten.services.vier_ogen`, e.g. a
    herziening above the preparer's mandate). Zaken within the mandate never reach the kwaliteitsmedewerker."""
    from maatwerk.besluiten.models import Status as BesluitStatus
    from maatwerk.besluiten.services import vier_ogen
    from maatwerk.zaken import vierogen

    if zaak.status == Status.KLAAR_VOOR_BESLUIT and vierogen.oordeel(zaak).vereist:
        return True
    return any(vier_ogen(b).vereist for b in zaak.besluiten.filter(status=BesluitStatus.CONCEPT))


def heeft_bezwaar(zaak: Zaak) -> bool:
    """Whether a bezwaar against one of the zaak's besluiten is registered (the jurist's ground to see it)."""
    from maatwerk.besluiten.models import Bezwaarschrift

    return Bezwaarschrift.objects.filter(besluit__zaak=zaak).exists()


def heeft_bekendgemaakt_besluit(zaak: Zaak) -> bool:
    from maatwerk.besluiten.models import Status as BesluitStatus

    return zaak.besluiten.filter(status=BesluitStatus.BEKENDGEMAAKT).exists()


def zaken_met_bezwaar() -> QuerySet:
    """Ids of the zaken with a registered bezwaar (a subquery: the jurist's work list)."""
    from maatwerk.besluiten.models import Bezwaarschrift

    return Bezwaarschrift.objects.values("besluit__zaak_id")


def zaken_voor_tweede_beoordeling() -> list[int]:
    """Ids of the zaken that need a second person now (the kwaliteitsmedewerker's work list)."""
    from maatwerk.besluiten.models import Status as BesluitStatus

    kandidaten = Zaak.objects.filter(
        Q(status=Status.KLAAR_VOOR_BESLUIT) | Q(besluiten__status=BesluitStatus.CONCEPT)).distinct()
    return [z.pk for z in kandidaten if tweede_beoordeling_nodig(z)]


def mag_regeling_behandelen(user, regeling: str) -> bool:
    """Rights table: zaak_aanmaken in the regeling's domain (a consulent of that domain)."""
    return any(rechten.rechten(rollen(user), rechten.ZAAK_AANMAKEN, REGELINGEN[regeling].domein))


def zichtbare_zaken(user) -> QuerySet:
    return _zichtbare_zaken(user, rolgronden=True)


def _zichtbare_zaken(user, *, rolgronden: bool) -> QuerySet:
    qs = Zaak.objects.all()
    filt = Q(regeling__in=[r for d in domeinen(user) for r in regelingen_van_domein(d)])
    if rolgronden and heeft_rol(user, KWALITEITSMEDEWERKER):
        filt |= Q(pk__in=zaken_voor_tweede_beoordeling())
    if rolgronden and heeft_rol(user, JURIST):
        filt |= Q(pk__in=zaken_met_bezwaar())
    if ontvangers(user):
        for domein in DOMEINEN:
            t, w = _met_grond(user, domein)
            filt |= Q(regeling__in=regelingen_van_domein(domein)) & (Q(hoofdpersoon_id__in=t) | Q(hoofdpersoon_id__in=w))
    return qs.filter(filt)


# ------------------------------------------------------------------ inwoner and huishouden


def _zaken_van_inwoner(inwoner: Inwoner) -> QuerySet:
    return Zaak.objects.filter(Q(hoofdpersoon=inwoner) | Q(huishouden__lidmaatschappen__inwoner=inwoner)).distinct()


def grond_inwoner(user, inwoner: Inwoner, actie: str) -> Grond:
    zaken = list(_zaken_van_inwoner(inwoner).only("id", "regeling", "status", "hoofdpersoon_id"))
    eigen = domeinen(user)
    for zaak in zaken:
        if zaak.domein in eigen:
            return Grond(
                True, SoortGrond.EIGEN_DOMEIN,
                f"Eigen domein {DOMEINEN[zaak.domein]}: betrokken bij zaak {zaak.pk} (rol: {_rolnamen(user)})",
            )
    if not zaken and inwoner.aangemaakt_door_id == user.pk and actie in (VIEW, CHANGE):
        return Grond(True, SoortGrond.INTAKE, "Intake: door u geregistreerd, nog geen zaak")
    if actie == VIEW:
        # No role clause for the kwaliteitsmedewerker: his review needs the zaak, not the person's whole file.
        for domein in {z.domein for z in zaken} or set(DOMEINEN):
            grond = _grond_register(user, inwoner.pk, domein)
            if grond:
                return grond
        return _geen(
            "U heeft geen zaak van deze inwoner in uw domein en er is geen geldige toestemming of wettelijke "
            "grondslag vastgelegd."
        )
    return _geen("Alleen consulenten met een zaak van deze inwoner in hun domein mogen zijn gegevens wijzigen.")


def _betrokken_ids(zaken: QuerySet) -> tuple[QuerySet, QuerySet]:
    """Ids of the inwoners involved in `zaken`: hoofdpersonen and (former) members of their households."""
    return (zaken.values("hoofdpersoon_id"),
            Huishoudlid.objects.filter(huishouden__zaken__in=zaken.values("pk")).values("inwoner_id"))


def zichtbare_inwoners(user) -> QuerySet:
    if not rollen(user):
        return Inwoner.objects.none()
    eigen = Zaak.objects.filter(regeling__in=[r for d in domeinen(user) for r in regelingen_van_domein(d)])
    h, l = _betrokken_ids(eigen)
    filt = Q(pk__in=h) | Q(pk__in=l)
    alle_h, alle_l = _betrokken_ids(Zaak.objects.all())
    filt |= Q(aangemaakt_door=user) & ~Q(pk__in=alle_h) & ~Q(pk__in=alle_l)
    if ontvangers(user):
        for domein in DOMEINEN:
            t, w = _met_grond(user, domein)
            filt |= Q(pk__in=t) | Q(pk__in=w)
    return Inwoner.objects.filter(filt)


def grond_huishouden(user, huishouden: Huishouden, actie: str) -> Grond:
    zaken = list(huishouden.zaken.only("id", "regeling", "status", "hoofdpersoon_id"))
    for zaak in zaken:
        if zaak.domein in domeinen(user):
            return Grond(True, SoortGrond.EIGEN_DOMEIN, f"Eigen domein {DOMEINEN[zaak.domein]}: zaak {zaak.pk} van dit huishouden")
    if not zaken and huishouden.aangemaakt_door_id == user.pk:
        return Grond(True, SoortGrond.INTAKE, "Intake: door u geregistreerd, nog geen zaak")
    if actie == VIEW:
        for zaak in zaken:
            grond = grond_zaak(user, zaak, VIEW)
            # A role ground (the kwaliteitsmedewerker's review) covers that zaak, not the household's other data.
            if grond.toegestaan and grond.soort != SoortGrond.ROL:
                return grond
    return _geen("U heeft geen zaak van dit huishouden in uw domein en geen andere vastgelegde grond.")


# ------------------------------------------------------------------ purpose-bound data: income and vermogen


def grond_inkomensgegevens(user, inwoner: Inwoner, actie: str) -> Grond:
    """Monthly income and vermogen are collected for the Participatiewet and are purpose-bound to the domain
    Inkomen (AVG art. 5 lid 1 onder b). A zaak of another domain on the household is no ground to see them
    (issue 7); a consulent Wmo or Jeugd needs a consent or legal ground for the inkomen data of this inwoner."""
    zaken = list(_zaken_van_inwoner(inwoner).only("id", "regeling", "status", "hoofdpersoon_id", "huishouden_id"))
    inkomenszaken = [z for z in zaken if z.domein == INKOMEN]
    if INKOMEN in domeinen(user) and inkomenszaken:
        return Grond(True, SoortGrond.EIGEN_DOMEIN,
                     f"Eigen domein Inkomen: betrokken bij zaak {inkomenszaken[0].pk} (rol: {_rolnamen(user)})")
    if INKOMEN in domeinen(user) and not zaken and inwoner.aangemaakt_door_id == user.pk and actie in (VIEW, CHANGE):
        return Grond(True, SoortGrond.INTAKE, "Intake: door u geregistreerd, nog geen zaak")
    if actie == VIEW:
        for zaak in inkomenszaken:
            grond = grond_zaak(user, zaak, VIEW)
            if grond.toegestaan and grond.soort == SoortGrond.ROL:
                return grond
        grond = _grond_register(user, inwoner.pk, INKOMEN)
        if grond:
            return grond
    return _geen(
        "Inkomen en vermogen zijn gegevens van het domein Inkomen (doelbinding). U heeft daar geen zaak van deze "
        "inwoner en er is geen geldige toestemming of wettelijke grondslag voor deze gegevens."
    )


def vereis_inkomensgegevens(user, inwoner: Inwoner, actie: str, *, onderwerp: str = "maandinkomen",
                            toelichting: str = "") -> Grond:
    grond = grond_inkomensgegevens(user, inwoner, actie)
    audit.log(user, actie, grond, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    if not grond.toegestaan:
        _weiger(grond, grond_inwoner(user, inwoner, VIEW).toegestaan)
    return grond


# ------------------------------------------------------------------ acting for a household


def grond_melden(user, huishouden: Huishouden) -> Grond:
    """May `user` open a zaak, add a member or record a melding for this household (issue 7)? Only when he may
    already act for it in his own domain: a zaak of his domain on it, or he registered it and it has no zaak
    yet. Everyone else goes through the intake route (zaken.intake), which is recorded and signalled."""
    grond = grond_huishouden(user, huishouden, CHANGE)
    if grond.toegestaan and grond.soort in (SoortGrond.EIGEN_DOMEIN, SoortGrond.INTAKE):
        return grond
    return _geen(
        "U kunt voor dit huishouden alleen een melding doen of een lid toevoegen als het een zaak in uw domein "
        "heeft of door u is geregistreerd. Is de inwoner bij u? Start dan een intake voor een bekende inwoner "
        "(BSN, geboortedatum en de reden)."
    )


def vereis_melden(user, huishouden: Huishouden, *, onderwerp: str, toelichting: str = "") -> Grond:
    grond = grond_melden(user, huishouden)
    if not grond.toegestaan:
        _log_per_lid(user, CREATE, grond, huishouden, onderwerp, toelichting)
        _weiger(grond, grond_huishouden(user, huishouden, VIEW).toegestaan)
    return grond


# ------------------------------------------------------------------ objects named in a request


_GRONDEN = {Inwoner: lambda u, o: grond_inwoner(u, o, VIEW), Huishouden: lambda u, o: grond_huishouden(u, o, VIEW),
            Zaak: lambda u, o: grond_zaak(u, o, VIEW)}


def verwijzing(user, model, pk, *, veld: str):
    """The object `model` with id `pk` named in field `veld` of a request. A missing id and one the user may not
    see give the same 400 answer (issue 7); the refusal is logged."""
    obj = model.objects.filter(pk=pk).first() if pk is not None else None
    if obj is not None:
        grond = _GRONDEN[model](user, obj)
        if not grond.toegestaan:
            inwoner = obj if isinstance(obj, Inwoner) else getattr(obj, "hoofdpersoon", None)
            audit.log(user, VIEW, grond, inwoner=inwoner, zaak=obj if isinstance(obj, Zaak) else None,
                      onderwerp=f"{model._meta.model_name} (verwijzing)", toelichting=f"veld {veld}, id {pk}")
            obj = None
    if obj is None:
        from django.core.exceptions import ValidationError

        raise ValidationError({veld: [f"Onbekende {model._meta.verbose_name} ({pk})."]})
    return obj


def zichtbare_signalen(user, huishouden: Huishouden) -> list:
    """The intake signals of a household the user may see: the domain and date only, never the content."""
    from maatwerk.toegang.models import Intakesignaal

    if not grond_huishouden(user, huishouden, VIEW).toegestaan:
        return []
    return list(Intakesignaal.objects.filter(huishouden=huishouden).order_by("-datum", "-id"))


def zichtbare_huishoudens(user) -> QuerySet:
    if not rollen(user):
        return Huishouden.objects.none()
    # The kwaliteitsmedewerker's review covers the zaak, not the household (issue 7: "only what that review needs").
    zaken = _zichtbare_zaken(user, rolgronden=False).values("huishouden_id")
    return Huishouden.objects.filter(
        Q(pk__in=zaken) | (Q(aangemaakt_door=user) & ~Q(pk__in=Zaak.objects.values("huishouden_id")))
    )


# ------------------------------------------------------------------ enforcing + logging


def vereis_zaak(user, zaak: Zaak, actie: str, *, onderwerp: str = "zaak", toelichting: str = "",
                handeling: str | None = None) -> Grond:
    """Check access to `zaak` (for `handeling` of the rights table, see `grond_zaak`), log it (also a refusal)
    and raise GeenToegang if refused."""
    grond = grond_zaak(user, zaak, VIEW if actie == CREATE and handeling is None else actie, handeling=handeling)
    audit.log(user, actie, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp=onderwerp, toelichting=toelichting)
    if not grond.toegestaan:
        _weiger(grond, actie == CHANGE and grond_zaak(user, zaak, VIEW).toegestaan)
    return grond


def vereis_inwoner(user, inwoner: Inwoner, actie: str, *, onderwerp: str = "inwoner", toelichting: str = "") -> Grond:
    grond = grond_inwoner(user, inwoner, actie)
    audit.log(user, actie, grond, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    if not grond.toegestaan:
        _weiger(grond, actie != VIEW and grond_inwoner(user, inwoner, VIEW).toegestaan)
    return grond


def vereis_huishouden(user, huishouden: Huishouden, actie: str, *, onderwerp: str = "huishouden", toelichting: str = "") -> Grond:
    """Household data is personal data of every member: one log line per current member."""
    grond = grond_huishouden(user, huishouden, actie)
    _log_per_lid(user, actie, grond, huishouden, onderwerp, toelichting)
    if not grond.toegestaan:
        _weiger(grond, actie != VIEW and grond_huishouden(user, huishouden, VIEW).toegestaan)
    return grond


def _log_per_lid(user, actie: str, grond: Grond, huishouden: Huishouden, onderwerp: str, toelichting: str) -> None:
    """Household data is personal data of every current member: one audit line per member (or one without)."""
    leden = [lid.inwoner for lid in huishouden.lidmaatschappen.select_related("inwoner")] or [None]
    audit.log_veel([
        audit.nieuwe_regel(user, actie, grond, inwoner=i, onderwerp=onderwerp, toelichting=f"huishouden {huishouden.pk}; {toelichting}")
        for i in leden
    ])


def log_lijst_zaken(user, zaken, toelichting: str = "") -> None:
    """A list shows personal data of every zaak in it: one log line per zaak, with its own ground."""
    audit.log_veel([
        audit.nieuwe_regel(user, VIEW, grond_zaak(user, z, VIEW), zaak=z, inwoner=z.hoofdpersoon, onderwerp="zaak (lijst)", toelichting=toelichting)
        for z in zaken
    ])


def log_lijst_inwoners(user, inwoners, toelichting: str = "") -> None:
    audit.log_veel([
        audit.nieuwe_regel(user, VIEW, grond_inwoner(user, i, VIEW), inwoner=i, onderwerp="inwoner (lijst)", toelichting=toelichting)
        for i in inwoners
    ])


def log_lijst_huishoudens(user, huishoudens, toelichting: str = "") -> None:
    regels = []
    for h in huishoudens:
        grond = grond_huishouden(user, h, VIEW)
        for lid in h.lidmaatschappen.all():
            regels.append(audit.nieuwe_regel(user, VIEW, grond, inwoner=lid.inwoner, onderwerp="huishouden (lijst)",
                                             toelichting=f"huishouden {h.pk}; {toelichting}"))
    audit.log_veel(regels)


def vereis_beheerder(user) -> None:
    """The whole audit log: a role with auditlog_inzien without condition in the rights table (the beheerder)."""
    if not rechten.zonder_voorwaarde(rollen(user), rechten.AUDITLOG_INZIEN):
        raise GeenToegang("Alleen de beheerder mag het volledige auditlog inzien.")


def vereis_eigen_domein_inwoner(user, inwoner: Inwoner, *, onderwerp: str, toelichting: str = "") -> Grond:
    """For the audit log of one inwoner: only with own-domain access (consent is not enough)."""
    grond = grond_inwoner(user, inwoner, VIEW)
    if grond.soort != SoortGrond.EIGEN_DOMEIN:
        grond = _geen("Het auditlog van een inwoner is alleen in te zien door een consulent met een zaak van deze "
                      "inwoner in het eigen domein.")
    audit.log(user, VIEW, grond, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    if not grond.toegestaan:
        _weiger(grond, grond_inwoner(user, inwoner, VIEW).toegestaan)
    return grond


def audit_weigering(user, zaak: Zaak, onderwerp: str, bericht: str) -> None:
    """Log a refusal on a role rule outside `grond_zaak` (e.g. approving without the role) and raise."""
    grond = _geen(bericht)
    audit.log(user, CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp=onderwerp)
    raise GeenToegang(bericht)
