"""Demo of regie (issue 12, point 7): the household Croes (seed 004, case 14: a young mother with two children,
bijzondere bijstand and jeugdhulp) gets a plan with the consulent Jeugd as regisseur; the referrals between the
domains are illustrative demo data. The stall detector runs at loading, so the plan shows an escalation to the
demo account `teamleider` (the teamleider role of the team monitor; of the plans he sees only those that escalate to
him, the person with doorzettingsmacht).
Idempotent: looked up by the household's unique demo name."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from maatwerk.personen.models import Huishouden
from maatwerk.regie import services
from maatwerk.regie.models import Huishoudplan

TEAMLEIDER = "teamleider"  # the same account as the teamleider role of demo/gebruikers.py


def laad(users: dict, vandaag: dt.date, wachtwoord: str) -> None:
    hh = Huishouden.objects.filter(naam="Huishouden Croes").order_by("id").first()
    if hh is None or Huishoudplan.objects.filter(huishouden=hh).exists():
        return
    User = get_user_model()
    baas, nieuw = User.objects.get_or_create(username=TEAMLEIDER, defaults={"first_name": "Demo",
                                                                             "last_name": "teamleider"})
    if nieuw:
        baas.set_password(wachtwoord)
        baas.save()
    regisseur = users["consulent_jeugd"]
    plan = services.maak_plan(
        regisseur, huishouden=hh, regisseur=regisseur, escalatie_naar=baas,
        escalatie_functie="teamleider sociaal domein (doorzettingsmacht)",
        doelen="Het gezin woont veilig en de woning is ingericht.\nJayden krijgt de hulp die hij op school nodig heeft.",
        toestemming_op=vandaag - dt.timedelta(days=20), toestemming_kenmerk="TST-REGIE-CROES",
        stilstand_dagen=14)
    for i, (van, naar, reden) in enumerate((
            ("inkomen", "wmo", "Inrichting zou een woonvoorziening zijn"),
            ("wmo", "inkomen", "Geen beperking: terug naar bijzondere bijstand"),
            ("inkomen", "jeugd", "Eerst de jeugdhulp rond"))):
        services.verwijs_door(regisseur, plan, van_domein=van, naar_domein=naar,
                              datum=vandaag - dt.timedelta(days=18 - 3 * i), reden=reden)
    services.signaleer(vandaag)
