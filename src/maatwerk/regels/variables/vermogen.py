"""Vermogenstoets van de Participatiewet (artikel 34): het vermogen van het gezin tegenover de vermogensgrens."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Huishouden
from maatwerk.regels.regel import regel
from maatwerk.regels.variables.bijstandsnorm import Leefvorm, rollen

PW = "https://wetten.overheid.nl/BWBR0015703"


@regel(
    id="pw.vermogen_huishouden",
    bron="Participatiewet, artikel 34, eerste lid, met artikel 31, eerste lid (middelen van de alleenstaande of het gezin) en artikel 4, eerste lid, onderdeel c (gezin)",
    soort="wet",
    uitleg="Het vermogen van u, uw partner en uw minderjarige kinderen samen is {resultaat}.",
    url=f"{PW}#Artikel34",
)
class vermogen_huishouden(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen van het gezin: partners en kinderen samen (medebewoners tellen niet mee)"

    def formula(huishouden, period, parameters):
        # Hot rule of the bulk runs (issue 12, point 3): the role masks are computed once per simulation
        # (`bijstandsnorm.rollen`); `vermogen_huishouden_referentie` is the readable form, tested equal.
        r = rollen(huishouden)
        gezin = r["partner"] | r["kind"]
        return huishouden.sum(np.where(gezin, huishouden.members("vermogen", period), 0.0))


def vermogen_huishouden_referentie(huishouden, period):
    """Readable form of `vermogen_huishouden`: partners and children, with OpenFisca's role test."""
    leden = huishouden.members
    gezin = leden.has_role(Huishouden.PARTNER) | leden.has_role(Huishouden.KIND)
    return huishouden.sum(np.where(gezin, leden("vermogen", period), 0.0))


@regel(
    id="pw.vermogensgrens",
    bron="Participatiewet, artikel 34, derde lid",
    soort="wet",
    uitleg="Uw vermogensgrens als {leefvorm} is {resultaat}.",
    url=f"{PW}#Artikel34",
)
class vermogensgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogensgrens volgens artikel 34, derde lid, naar leefvorm"

    def formula(huishouden, period, parameters):
        grenzen = parameters(period.start).wet.participatiewet.vermogensgrenzen
        leefvorm = huishouden("leefvorm", period)
        return np.select(
            [leefvorm == Leefvorm.alleenstaande, leefvorm == Leefvorm.alleenstaande_ouder],
            [grenzen.alleenstaande, grenzen.alleenstaande_ouder],
            grenzen.gehuwden,
        )


@regel(
    id="pw.vermogen_boven_vermogensgrens",
    bron="Participatiewet, artikel 34, eerste en derde lid, en artikel 19, eerste lid, onderdeel b",
    soort="wet",
    uitleg="Uw vermogen ({vermogen_huishouden}) is hoger dan de grens ({vermogensgrens}): {resultaat}.",
    url=f"{PW}#Artikel34",
)
class vermogen_boven_vermogensgrens(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen is hoger dan de vermogensgrens (precies gelijk aan de grens is niet hoger)"

    def formula(huishouden, period, parameters):
        return huishouden("vermogen_huishouden", period) > huishouden("vermogensgrens", period)


@regel(
    id="pw.vermogen_boven_vermogensgrens_bedrag",
    bron="Participatiewet, artikel 34, eerste en derde lid",
    soort="wet",
    uitleg="Uw vermogen is {resultaat} hoger dan de vermogensgrens.",
    url=f"{PW}#Artikel34",
)
class vermogen_boven_vermogensgrens_bedrag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bedrag waarmee het vermogen de vermogensgrens overschrijdt (0 als het niet hoger is)"

    def formula(huishouden, period, parameters):
        return np.maximum(0.0, huishouden("vermogen_huishouden", period) - huishouden("vermogensgrens", period))
