"""Individuele inkomenstoeslag: artikel 36 Participatiewet with the municipal ordinance.

Lansingerland: Verordening Sociaal Domein 2018, onderdeel 7.1 (art. 7:1-7:5). The period asked for is the
month of the application: the peildatum (art. 7:1 onder b) lies in that month. The toeslag is a single
payment in that month; every other month is 0.

Art. 36 lid 1 Pw: "Op een daartoe strekkend verzoek van een persoon van 21 jaar of ouder doch jonger dan
de pensioengerechtigde leeftijd, die langdurig een laag inkomen en geen in aanmerking te nemen vermogen
als bedoeld in artikel 34 heeft en geen uitzicht heeft op inkomensverbetering, kan het college, gelet op
de omstandigheden van die persoon, een individuele inkomenstoeslag verlenen". Art. 36 also allows it at
most once per twelve months; which lid says so is not verified against the consolidated text.

Choices (see docs/regels/inkomenstoeslag_studietoeslag.md):
- Referteperiode = the `referteperiode` calendar months before the month of the peildatum (art. 7:1 onder c:
  "periode van drie jaar voorafgaand aan de peildatum"); the month of the peildatum itself is not in it.
- Inkomen per month (art. 7:1 onder a) = the partners' netto_maandinkomen (art. 32 Pw) + algemene_bijstand.
  Net income includes vakantiegeld as it is paid, so it is compared with the bijstandsnorm INCLUDING
  vakantietoeslag (the norm as paid), never the norm without it.
- A monthly excess below `marginale_overschrijding` (€ 5,00) is ignored; >= € 5,00 means no langdurig laag
  inkomen (beleidsregel from the toelichting on art. 7:3 and CRvB case law; not in the ordinance text).
- Gehuwden: the right belongs to both; both must meet art. 36 lid 1 (toelichting 7:4, CRvB 13-07-2010).
  Exception art. 7:4 lid 2: a partner excluded under art. 11 or 13 lid 1 Pw is left out, and the other gets
  the amount of an alleenstaande (ouder). The situation on the peildatum decides (art. 7:4 lid 3).
- `datum_laatste_individuele_inkomenstoeslag` left at OpenFisca's date default (1970-01-01) means "never".
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Huishouden, Persoon
from maatwerk.regels.indexatie import geindexeerd_op
from maatwerk.regels.regel import regel
from maatwerk.regels.variables.bijstandsnorm import rollen

BRON_VERORDENING = "Verordening Sociaal Domein 2018"


def _maandnummer(jaar, maand):
    """Months since year 0: a month difference is then a plain subtraction."""
    return jaar * 12 + (maand - 1)


def maanden_sinds(datums: np.ndarray, period) -> np.ndarray:
    """Whole calendar months from the month of `datums` to the month of `period` (vectorised)."""
    maanden_1970 = np.asarray(datums).astype("datetime64[M]").astype(np.int64)
    peil = _maandnummer(period.start.year, period.start.month) - _maandnummer(1970, 1)
    return peil - maanden_1970


def invoer(population, naam: str, period, nul_als_leeg: bool = False) -> np.ndarray | None:
    """Value of a pure input variable, read from its holder without the engine's per-call overhead.

    The referteperiode loop reads two inputs for 36 months; through `population(naam, period)` that is 72
    engine calls (and 72 trace nodes in an uitleg). Should the variable ever get a formula, this falls back
    to the normal calculation, so no computed value is skipped. With `nul_als_leeg`, a value that is not set and
    defaults to 0 is returned as None (no array of zeros to allocate and add).
    """
    holder = population.get_holder(naam)
    if holder.variable.formulas:
        return population(naam, period)
    waarde = holder.get_array(period)
    if waarde is None and nul_als_leeg and not holder.variable.default_value:
        return None
    return holder.default_array() if waarde is None else waarde


NORM = "bijstandsnorm_inclusief_vakantietoeslag"


def norm_in_referteperiode(huishouden, maand) -> np.ndarray:
    """The norm of one month of the referteperiode, through the engine (a norm given as input for that month wins).

    Without a trace the value is dropped from the simulation's cache after use, unless it was there already: the
    look-back needs each month once, and keeping 36 monthly arrays (8 MB each per million households) means fresh
    memory every month, which costs more than computing the norm. With a trace (uitleg) everything stays as it is.
    """
    holder = huishouden.get_holder(NORM)
    bewaren = huishouden.simulation.trace or holder.get_array(maand) is not None
    norm = huishouden(NORM, maand)
    if not bewaren:
        holder.delete_arrays(maand)
    return norm


def hoogste_overschrijding(huishouden, period, maanden: int, grens: float, volgen=None, zolang=None) -> np.ndarray:
    """Highest monthly excess of the income over grens x norm in the `maanden` months before `period` (at least 0).

    Per month: the partners' netto_maandinkomen summed per household plus algemene_bijstand, minus grens times
    bijstandsnorm_inclusief_vakantietoeslag. Without `volgen`: every household. With `volgen` (household indices):
    only those, and with `zolang` (a test on the excess so far) a household is no longer followed once the test
    fails, since only whether it passes matters then; the excess of such a household is where it failed, and 0 for
    households not followed.
    """
    personen = huishouden.members
    lid_van, n = huishouden.members_entity_id, huishouden.count
    alle_partners = np.flatnonzero(rollen(huishouden)["partner"])
    alle = volgen is None
    if alle:
        volgen, partners, van = np.arange(n), alle_partners, lid_van[alle_partners]
    else:  # the partners of the followed households, and the position of their household among those
        positie = np.full(n, -1)
        positie[volgen] = np.arange(volgen.size)
        van = positie[lid_van[alle_partners]]
        partners, van = alle_partners[van >= 0], van[van >= 0]
    uitkomst = np.zeros(n)
    hoogste = np.zeros(volgen.size)
    overschrijding = np.empty(volgen.size)  # one buffer for all months: no fresh memory per month
    for maand in _maanden_met_inkomen(huishouden, period, maanden):
        if not volgen.size:
            break
        netto = invoer(personen, "netto_maandinkomen", maand)
        bijstand = invoer(huishouden, "algemene_bijstand", maand, nul_als_leeg=True)
        inkomen = np.bincount(van, weights=netto[partners], minlength=volgen.size)
        if bijstand is not None:  # adding 0 changes nothing (a bincount sum is never -0.0)
            inkomen += bijstand if alle else bijstand[volgen]
        # The result is clipped at 0 and the norm is never negative: a month without any income in any household
        # cannot raise `hoogste`, so its norm need not be computed. (Checking every household when the followed
        # ones have none keeps even an invalid norm given as input counting in exactly the same months.)
        if not inkomen.any() and (alle or not _enig_inkomen(huishouden, alle_partners, netto, bijstand)):
            continue
        norm = norm_in_referteperiode(huishouden, maand)
        if not alle:
            norm = norm[volgen]
        # grens * norm in the norm's own dtype (float32, as stored), exactly as the plain expression would
        np.multiply(grens, norm, out=overschrijding, dtype=norm.dtype)
        np.subtract(inkomen, overschrijding, out=overschrijding)
        np.maximum(hoogste, overschrijding, out=hoogste)
        if zolang is not None:
            blijft = zolang(hoogste)
            if not blijft.all():
                uitkomst[volgen[~blijft]] = hoogste[~blijft]
                van_nieuw = np.cumsum(blijft) - 1
                houden = blijft[van]
                partners, van = partners[houden], van_nieuw[van[houden]]
                volgen, hoogste, overschrijding = volgen[blijft], hoogste[blijft], overschrijding[blijft]
    if alle:
        return hoogste
    uitkomst[volgen] = hoogste
    return uitkomst


def _enig_inkomen(huishouden, partners: np.ndarray, netto: np.ndarray, bijstand: np.ndarray | None) -> bool:
    """Whether any household has income this month (partners' netto plus algemene bijstand), as the full look-back
    checks it."""
    inkomen = np.bincount(huishouden.members_entity_id[partners], weights=netto[partners], minlength=huishouden.count)
    return bool((inkomen if bijstand is None else inkomen + bijstand).any())


def _maanden_met_inkomen(huishouden, period, maanden: int) -> list:
    """The months of the referteperiode, newest first, leaving out months in which no income is stored at all.

    Such a month has no income in any household, so it is skipped anyway (see hoogste_overschrijding); knowing it
    from the stored periods saves reading 2 x 36 empty months for a single situation. Only for plain inputs.
    """
    holders = [huishouden.members.get_holder("netto_maandinkomen"), huishouden.get_holder("algemene_bijstand")]
    bekend = [p for h in holders for p in h.get_known_periods()]
    if any(h.variable.formulas or h.variable.default_value for h in holders) or any(
        p.unit != DateUnit.MONTH or p.size != 1 for p in bekend
    ):
        terug = range(1, maanden + 1)
    else:
        peil = _maandnummer(period.start.year, period.start.month)
        terug = sorted({peil - _maandnummer(p.start.year, p.start.month) for p in bekend} & set(range(1, maanden + 1)))
    return [period.first_month.offset(-k, DateUnit.MONTH) for k in terug]


def langdurig_laag_inkomen_van(huishouden, period, parameters, voorlopig: np.ndarray) -> np.ndarray:
    """`iit_langdurig_laag_inkomen`, needed only for the households in `voorlopig` (they meet the other conditions).

    With a trace (uitleg), or when either criterion variable already has a value or is not this module's own, it is
    calculated as the variable, so the uitleg names it. Otherwise the 36-month comparison (most of the work for a
    large population) follows only the households in `voorlopig`, each until its income exceeds the limit; the
    comparison is the one of `iit_langdurig_laag_inkomen` on the stored (float32) excess. The other households get
    False. tests/regels/test_referteperiode_equivalentie.py checks both ways give the same toeslag.
    """
    namen = {"iit_langdurig_laag_inkomen": iit_langdurig_laag_inkomen,
             "iit_hoogste_overschrijding_referteperiode": iit_hoogste_overschrijding_referteperiode}
    holders = {naam: huishouden.get_holder(naam) for naam in namen}
    if huishouden.simulation.trace or any(
        h.get_array(period) is not None or type(h.variable) is not namen[naam] for naam, h in holders.items()
    ):
        return huishouden("iit_langdurig_laag_inkomen", period)
    p = parameters(period).gemeente.individuele_inkomenstoeslag
    opgeslagen = holders["iit_hoogste_overschrijding_referteperiode"].variable.dtype
    marginaal = p.marginale_overschrijding

    def laag(hoogste):
        return np.round(hoogste, 2).astype(opgeslagen) < marginaal

    wie = np.flatnonzero(voorlopig)
    hoogste = hoogste_overschrijding(huishouden, period, int(p.referteperiode), float(p.inkomensgrens), wie, laag)
    return laag(hoogste) & voorlopig


# ---------------------------------------------------------------- inputs

class algemene_bijstand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Algemene bijstand die het huishouden in deze maand ontving"
    documentation = (
        "Telt voor de individuele inkomenstoeslag mee als inkomen (art. 7:1 onder a Verordening Sociaal "
        "Domein 2018). Bijzondere bijstand, een eerdere inkomenstoeslag of langdurigheidstoeslag tellen niet mee."
    )


class zicht_op_inkomensverbetering(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Vastgesteld dat de aanvrager (of zijn partner) zicht heeft op inkomensverbetering"
    documentation = (
        "Bevinding van de consulent (art. 36 lid 1 en 2 Pw): gelet op krachten en bekwaamheden en de "
        "verrichte inspanningen. Standaard nee (geen zicht), zoals afgesproken; de consulent legt 'ja' vast."
    )


class datum_laatste_individuele_inkomenstoeslag(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Peildatum van de laatst verleende individuele inkomenstoeslag"
    documentation = "Niet ingevuld = de standaarddatum 1970-01-01 = nooit eerder een individuele inkomenstoeslag."


class uitgesloten_van_bijstand(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Persoon is uitgesloten van bijstand (art. 11 of 13 lid 1 Pw)"
    documentation = "Bijvoorbeeld geen Nederlander of gelijkgestelde (art. 11), of gedetineerd (art. 13 lid 1)."


# ---------------------------------------------------------------- criteria

@regel(
    id="iit.hoogste_overschrijding",
    bron="Verordening Sociaal Domein 2018, artikelen 7:1 onder a en c en 7:3",
    soort="verordening",
    uitleg=(
        "In de {referteperiode} maanden vóór uw aanvraag was uw inkomen in de hoogste maand {resultaat} "
        "hoger dan de bijstandsnorm (€ 0,00 betekent: nooit hoger)."
    ),
)
class iit_hoogste_overschrijding_referteperiode(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Hoogste maandelijkse overschrijding van de inkomensgrens in de referteperiode"

    def formula(huishouden, period, parameters):
        p = parameters(period).gemeente.individuele_inkomenstoeslag
        hoogste = hoogste_overschrijding(huishouden, period, int(p.referteperiode), float(p.inkomensgrens))
        # Cents: 1234.56 - 1229.57 must be exactly 4.99, not 4.98999999.
        return np.round(hoogste, 2)


@regel(
    id="iit.langdurig_laag_inkomen",
    bron="Participatiewet, artikel 36, eerste lid; Verordening Sociaal Domein 2018, artikel 7:3 en toelichting",
    soort="verordening",
    uitleg=(
        "U hebt een langdurig laag inkomen als uw inkomen in de {referteperiode} maanden vóór uw aanvraag in "
        "geen enkele maand {marginale_overschrijding} of meer boven de bijstandsnorm lag: {resultaat}."
    ),
)
class iit_langdurig_laag_inkomen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Langdurig laag inkomen (art. 36 lid 1 Pw, art. 7:3 verordening)"

    def formula(huishouden, period, parameters):
        p = parameters(period).gemeente.individuele_inkomenstoeslag
        # Toelichting 7:3: an excess of "ongeveer € 5,- of meer" is not marginal; below it is ignored.
        p.referteperiode  # read for the uitleg sentence
        return huishouden("iit_hoogste_overschrijding_referteperiode", period) < p.marginale_overschrijding


@regel(
    id="iit.vermogen",
    bron="Participatiewet, artikel 36, eerste lid, met artikel 34",
    soort="wet",
    uitleg="U hebt geen vermogen boven de vermogensgrens: {resultaat}.",
)
class iit_geen_vermogen_boven_grens(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Geen in aanmerking te nemen vermogen boven de vermogensgrens op de peildatum"

    def formula(huishouden, period, parameters):
        return np.logical_not(huishouden("vermogen_boven_vermogensgrens", period))


@regel(
    id="iit.zicht_op_inkomensverbetering",
    bron="Participatiewet, artikel 36, eerste en tweede lid",
    soort="discretie",
    uitleg="De consulent heeft vastgesteld dat u geen zicht hebt op een hoger inkomen: {resultaat}.",
)
class iit_geen_zicht_op_inkomensverbetering(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Geen zicht op inkomensverbetering (bevinding consulent)"

    def formula(huishouden, period, parameters):
        return np.logical_not(huishouden("zicht_op_inkomensverbetering", period))


@regel(
    id="iit.herhalingstermijn",
    bron="Participatiewet, artikel 36 (ten hoogste eenmaal per twaalf maanden; het lid is niet geverifieerd)",
    soort="wet",
    uitleg=(
        "Uw vorige individuele inkomenstoeslag is minstens {herhalingstermijn_maanden} maanden geleden (of u kreeg er "
        "nooit een): {resultaat}."
    ),
)
class iit_buiten_herhalingstermijn(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "De vorige individuele inkomenstoeslag ligt ten minste twaalf maanden terug"

    def formula(huishouden, period, parameters):
        termijn = parameters(period).wet.participatiewet.art_36_inkomenstoeslag.herhalingstermijn_maanden
        laatste = huishouden("datum_laatste_individuele_inkomenstoeslag", period)
        return maanden_sinds(laatste, period) >= termijn


@regel(
    id="iit.leeftijd",
    bron="Participatiewet, artikel 36, eerste lid (21 jaar of ouder, jonger dan de pensioengerechtigde leeftijd)",
    soort="wet",
    uitleg=(
        "U (en uw partner) bent {minimumleeftijd} jaar of ouder en hebt de AOW-leeftijd nog niet bereikt: "
        "{resultaat}."
    ),
)
class iit_leeftijd_voorwaarde(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Elke rechthebbende partner is 21 jaar of ouder en jonger dan de pensioengerechtigde leeftijd"

    def formula(huishouden, period, parameters):
        minimum = parameters(period).wet.participatiewet.art_36_inkomenstoeslag.minimumleeftijd
        personen = huishouden.members
        partner = rollen(huishouden)["partner"]
        # Gehuwden both have to meet art. 36 lid 1, except a partner excluded under art. 11/13 (7:4 lid 2).
        telt_mee = partner & np.logical_not(personen("uitgesloten_van_bijstand", period))
        voldoet = (personen("leeftijd", period) >= minimum) & np.logical_not(personen("pensioengerechtigd", period))
        # "All members meet it or do not count": no member that counts and fails (one bincount; huishouden.all
        # loops over the member positions).
        faalt = telt_mee & np.logical_not(voldoet)
        return np.bincount(huishouden.members_entity_id, weights=faalt, minlength=huishouden.count) == 0


@regel(
    id="iit.niet_uitgesloten",
    bron="Verordening Sociaal Domein 2018, artikel 7:4, tweede en derde lid; Participatiewet, artikelen 11 en 13",
    soort="verordening",
    uitleg="Ten minste één van u (aanvrager of partner) is niet uitgesloten van bijstand: {resultaat}.",
)
class iit_rechthebbende_partner(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Op de peildatum is ten minste één partner niet uitgesloten van bijstand"

    def formula(huishouden, period, parameters):
        uitgesloten = huishouden.members("uitgesloten_van_bijstand", period)
        # "any partner not excluded", counted with one bincount (huishouden.any(role=...) compares role objects)
        telt = np.logical_not(uitgesloten) & rollen(huishouden)["partner"]
        return np.bincount(huishouden.members_entity_id, weights=telt, minlength=huishouden.count) > 0


@regel(
    id="iit.bedrag",
    bron="Verordening Sociaal Domein 2018, artikel 7:4, eerste tot en met vierde lid",
    soort="verordening",
    uitleg=(
        "De individuele inkomenstoeslag voor uw leefvorm ({leefvorm}) is in dit jaar {resultaat} "
        "(jaarlijks aangepast aan de prijsstijging volgens het CBS en naar boven afgerond op hele euro's)."
    ),
)
class iit_bedrag_volgens_verordening(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Bedrag van de individuele inkomenstoeslag voor de leefvorm op de peildatum, geïndexeerd"

    def formula(huishouden, period, parameters):
        p = parameters(period).gemeente.individuele_inkomenstoeslag
        basis = np.array([p.bedrag.alleenstaande, p.bedrag.alleenstaande_ouder, p.bedrag.gehuwden], dtype=float)
        alleenstaande, ouder, gehuwden = geindexeerd_op(parameters, period.start.year, basis, p.indexatie)

        leefvorm = huishouden("leefvorm", period)
        soorten = leefvorm.possible_values
        uitgesloten = huishouden.members("uitgesloten_van_bijstand", period)
        rol = rollen(huishouden)
        lid_van, n = huishouden.members_entity_id, huishouden.count
        n_uitgesloten = np.bincount(lid_van, weights=uitgesloten & rol["partner"], minlength=n)
        heeft_kinderen = np.bincount(lid_van, weights=rol["kind"], minlength=n) > 0
        # 7:4 lid 2: one spouse excluded -> the other gets the amount of an alleenstaande (ouder).
        als_alleen = np.where(heeft_kinderen, ouder, alleenstaande)
        return np.select(
            [
                (leefvorm == soorten.gehuwden) & (n_uitgesloten == 1),
                leefvorm == soorten.gehuwden,
                leefvorm == soorten.alleenstaande_ouder,
            ],
            [als_alleen, gehuwden, ouder],
            default=alleenstaande,
        )


@regel(
    id="iit.toekenning",
    bron="Participatiewet, artikel 36; Verordening Sociaal Domein 2018, artikelen 7:1 tot en met 7:4",
    soort="verordening",
    uitleg="Uw individuele inkomenstoeslag is {resultaat}, eenmalig uitbetaald in de maand van uw aanvraag.",
)
class individuele_inkomenstoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Individuele inkomenstoeslag (eenmalig, in de maand van de aanvraag)"
    reference = "https://wetten.overheid.nl/BWBR0015703"

    def formula(huishouden, period, parameters):
        # Cheap conditions first: when no household meets them, the 36-month income test is not needed
        # (the refusal is then fully explained by the conditions that failed).
        voorlopig = (
            huishouden("iit_rechthebbende_partner", period)
            & huishouden("iit_leeftijd_voorwaarde", period)
            & huishouden("iit_geen_vermogen_boven_grens", period)
            & huishouden("iit_geen_zicht_op_inkomensverbetering", period)
            & huishouden("iit_buiten_herhalingstermijn", period)
        )
        if not voorlopig.any():
            return np.zeros(huishouden.count)
        # Without uitleg the 36-month test only follows the households that passed the conditions above.
        recht = voorlopig & langdurig_laag_inkomen_van(huishouden, period, parameters, voorlopig)
        return np.where(recht, huishouden("iit_bedrag_volgens_verordening", period), 0.0)
