"""Persoon: the facts about a resident that the national norms need, and the ages derived from them."""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Persoon
from maatwerk.regels.regel import regel

# --- inputs ---------------------------------------------------------------------------------------------------


class geboortedatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"
    reference = "https://wetten.overheid.nl/BWBR0033715"  # Wet BRP: the registered date of birth


class netto_maandinkomen(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Netto inkomen per maand, inclusief een eventueel deel vakantiegeld"


class vermogen(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Vermogen (bezittingen min schulden; negatief bij meer schulden dan bezit)"
    reference = "https://wetten.overheid.nl/BWBR0015703#Artikel34"


class ontvangt_studiefinanciering(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Volgt onderwijs met (aanspraak op) studiefinanciering (WSF 2000) of tegemoetkoming (WTOS)"
    reference = "https://wetten.overheid.nl/BWBR0015703#Artikel19a"


class volgt_beroepsbegeleidende_leerweg(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Volgt een beroepsopleiding in de beroepsbegeleidende leerweg (bbl), of vergelijkbaar onderwijs in het buitenland"
    reference = "https://wetten.overheid.nl/BWBR0015703#Artikel19a"


class kamerhuurder(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = (
        "Woont in de woning op basis van een schriftelijke overeenkomst tegen een commerciële prijs "
        "(kamerhuurder, kostganger, onderhuurder), geen bloed- of aanverwant in de eerste of tweede graad"
    )
    reference = "https://wetten.overheid.nl/BWBR0015703#Artikel19a"


class in_inrichting(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Verblijft in een inrichting (verpleging, verzorging of begeleide slaapgelegenheid)"
    reference = "https://wetten.overheid.nl/BWBR0015703#Artikel23"


# --- derived ---------------------------------------------------------------------------------------------------


@regel(
    id="pw.leeftijd",
    bron="Burgerlijk Wetboek: leeftijd in hele jaren op de eerste dag van de maand",
    soort="wet",
    uitleg="U was op de eerste dag van de maand {resultaat} jaar oud.",
)
class leeftijd(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd op de eerste dag van de maand"

    def formula(persoon, period, parameters):
        return datums.leeftijd_op(persoon("geboortedatum", period), np.datetime64(period.start.date, "D"))


def _pensioenschaal(persoon):
    """The AOW scale as currently fixed by law.

    The AOW-leeftijd of a cohort is fixed five years ahead (AOW art. 7a lid 3) and never changes once reached, so
    the latest version of the scale is the right one for every date of birth.
    """
    schaal = persoon.simulation.tax_benefit_system.parameters.wet.aow.pensioenleeftijd
    laatste = max(
        value_at.instant_str
        for bracket in schaal.brackets
        for child in (bracket.threshold, bracket.amount)
        for value_at in child.values_list
    )
    return schaal(laatste)


@regel(
    id="aow.aow_datum",
    bron="Algemene Ouderdomswet, artikel 7a, eerste lid; Participatiewet, artikel 1, onderdeel m",
    soort="wet",
    uitleg="U bereikt de pensioengerechtigde (AOW-)leeftijd op {resultaat}.",
    url="https://wetten.overheid.nl/BWBR0002221#Artikel7a",
)
class aow_datum(Variable):
    value_type = date
    entity = Persoon
    definition_period = ETERNITY
    label = "Datum waarop de persoon de pensioengerechtigde leeftijd bereikt"

    def formula(persoon, period, parameters):
        geboren = persoon("geboortedatum", period)
        return aow_datum_per_geboortedag(persoon, geboren)


def aow_datum_referentie(persoon, geboren) -> np.ndarray:
    """The readable rule: AOW art. 7a lid 1, the pensioenleeftijd of the cohort (months after the date of birth)."""
    maanden = _pensioenschaal(persoon).calc(datums.datumnummer(geboren))
    # SVB practice: a day that does not exist in the target month becomes that month's last day.
    return datums.plus_maanden(geboren, np.round(maanden).astype(np.int64))


# Below this many persons the readable rule is applied directly (a table would cost more than it saves).
_TABEL_VANAF = 20_000
# The table has one row per day between the first and the last date of birth; it is used while it has at most
# this many rows per person (beyond that the readable rule per person is cheaper).
_TABEL_RIJEN_PER_PERSOON = 1.0


def aow_datum_per_geboortedag(persoon, geboren) -> np.ndarray:
    """Fast form of `aow_datum_referentie` for bulk runs (issue 12, point 3; docs/regels/snelheid.md).

    The AOW date depends on the date of birth only, and a million persons are born on at most a few tens of
    thousands of different days. So the readable rule is applied once to every day between the first and the
    last date of birth, and each person's date is looked up in that table: the same function, the same values
    (tests/regels/test_snelheid.py), a single lookup instead of a scale lookup and date arithmetic per person.
    """
    geboren = datums.als_datum(geboren)
    index = datums._tabelindex(geboren)
    if index is None or geboren.size < _TABEL_VANAF:
        return aow_datum_referentie(persoon, geboren)
    eerste = int(index.min())
    dagen = np.arange(eerste, int(index.max()) + 1, dtype=np.int64) + datums._BEGIN.astype(np.int64)
    if dagen.size > _TABEL_RIJEN_PER_PERSOON * geboren.size:  # dates spread wider than there are persons
        return aow_datum_referentie(persoon, geboren)
    tabel = aow_datum_referentie(persoon, dagen.view(datums.DAG))
    return tabel[index - eerste]


@regel(
    id="pw.pensioengerechtigd",
    bron="Participatiewet, artikel 1, onderdeel m, en artikel 22; Algemene Ouderdomswet, artikel 7a",
    soort="wet",
    uitleg="Op de laatste dag van de maand had u de pensioengerechtigde leeftijd bereikt: {resultaat}.",
)
class pensioengerechtigd(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Heeft op de laatste dag van de maand de pensioengerechtigde leeftijd bereikt"

    def formula(persoon, period, parameters):
        laatste_dag = np.datetime64(period.stop.date, "D")
        return persoon("aow_datum", period) <= laatste_dag
