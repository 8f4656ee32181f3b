"""Jeugdhulp: herziening, intrekking and terugvordering. Verordening Sociaal Domein Lansingerland 2018, artikel 5:7,
with artikel 8.1.4 of the Jeugdwet.

- 5:7 lid 2: the college "kan een beslissing aangaande een individuele voorziening in natura of PGB herzien dan wel
  intrekken als het college vaststelt dat" a. incorrect or incomplete data were given and correct data would have
  led to another decision; b. they no longer need the voorziening; c. it is no longer adequate; d. they do not meet
  its conditions; e. they do not use it, or use it for another purpose.
- 5:7 lid 4: a pgb "kan worden ingetrokken als blijkt dat het PGB binnen drie maanden na toekenning niet is
  aangewend".
- 5:7 lid 3: only after an intrekking on ground a, and only when the incorrect data were given on purpose
  ("opzettelijk"), the college "kan [...] geheel of gedeeltelijk de geldswaarde vorderen van de ten onrechte
  genoten individuele voorziening in natura of het ten onrechte genoten PGB". The rule computes the most that may
  be recovered; whether to recover all or part is the college's discretion, recorded on the besluit.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Persoon
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.variables.jeugd_toegang import VSD


class JeugdHerzieningsgrond(Enum):
    geen = "Geen grond voor herziening of intrekking"
    onjuiste_gegevens = "Onjuiste of onvolledige gegevens die tot een andere beslissing zouden hebben geleid (art. 5:7 lid 2 onder a)"
    niet_langer_aangewezen = "Niet langer aangewezen op de voorziening of het pgb (art. 5:7 lid 2 onder b)"
    niet_toereikend = "De voorziening of het pgb is niet meer toereikend (art. 5:7 lid 2 onder c)"
    voorwaarden_niet_voldaan = "Niet voldaan aan de voorwaarden van de voorziening of het pgb (art. 5:7 lid 2 onder d)"
    niet_of_ander_doel_gebruikt = "De voorziening of het pgb niet of voor een ander doel gebruikt (art. 5:7 lid 2 onder e)"
    pgb_niet_binnen_termijn_aangewend = "Het pgb is niet binnen drie maanden na toekenning aangewend (art. 5:7 lid 4)"


class jeugd_herzieningsgrond(Variable):
    value_type = Enum
    possible_values = JeugdHerzieningsgrond
    default_value = JeugdHerzieningsgrond.geen
    entity = Persoon
    definition_period = MONTH
    label = "Grond voor herziening of intrekking (artikel 5:7, tweede en vierde lid)"


class jeugd_gegevens_opzettelijk_onjuist(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de onjuiste of onvolledige gegevens zijn opzettelijk verstrekt (art. 5:7 lid 3)"


class jeugd_ten_onrechte_genoten_waarde(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Geldswaarde van de ten onrechte genoten voorziening in natura of het ten onrechte genoten pgb"


@regel(
    id="jeugd.terugvordering.mogelijk",
    bron=f"{VSD}, artikel 5:7, derde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Terugvorderen kan alleen na intrekking omdat onjuiste of onvolledige gegevens zijn verstrekt "
        "({jeugd_herzieningsgrond}), en alleen als dat opzettelijk was ({jeugd_gegevens_opzettelijk_onjuist}): {resultaat}."
    ),
)
class jeugd_terugvordering_mogelijk(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "De geldswaarde mag worden teruggevorderd (art. 5:7 lid 3)"

    def formula(persoon, period, parameters):
        grond_a = persoon("jeugd_herzieningsgrond", period) == JeugdHerzieningsgrond.onjuiste_gegevens
        return grond_a & persoon("jeugd_gegevens_opzettelijk_onjuist", period)


@regel(
    id="jeugd.terugvordering.maximum",
    bron=f"{VSD}, artikel 5:7, derde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Wij kunnen ten hoogste de geldswaarde van wat u ten onrechte kreeg ({jeugd_ten_onrechte_genoten_waarde}) "
        "terugvorderen, geheel of gedeeltelijk: ten hoogste {resultaat}."
    ),
)
class jeugd_terugvordering_maximum(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Hoogste bedrag dat kan worden teruggevorderd (art. 5:7 lid 3)"

    def formula(persoon, period, parameters):
        waarde = np.maximum(persoon("jeugd_ten_onrechte_genoten_waarde", period), 0.0)
        return np.where(persoon("jeugd_terugvordering_mogelijk", period), np.round(waarde, 2), 0.0)
