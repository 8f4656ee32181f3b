"""A plain numpy version of the norm and draagkracht rules, for the bulk benchmark (issue 12, point 3).

The same rules as the Regelkern, written directly on the arrays of a synthetic population
(`maatwerk.beleid.synthetisch`): no OpenFisca, no entities, no caching. It reads the same parameter values
(law and municipal policy are data, not rules). It covers what the synthetic population contains: partners of
21 years or older (or AOW), children under 18, no medebewoners (so no kostendelersnorm), nobody crossing an age
threshold within the month. Within that domain its results must equal the Regelkern's to the cent
(tests/regels/test_bulk.py).

Rules (Participatiewet):
- norm without kostendelersnorm, with vakantietoeslag (art. 21 and 22; the alleenstaande ouder has the
  alleenstaande norm since 2015): single 21+ -> art21.alleenstaande; couple 21+ -> art21.gehuwden; single AOW ->
  art22.alleenstaande; couple both AOW -> art22.gehuwden_beiden_pensioengerechtigd; couple one AOW ->
  art22.gehuwden_een_pensioengerechtigd;
- draagkracht (art. 35 lid 1; Divosa werkwijzer §1.5): income limit = round(norm x percentage, 2); draagkracht
  from income = max(0, partners' income - limit) x percentage above the limit x period in months; from vermogen =
  max(0, vermogen of partners and children - vermogensgrens (art. 34 lid 3, by leefvorm)) x percentage;
  total = round(max(0, sum), 2).
"""

from __future__ import annotations

import numpy as np


def _aow_bereikt(geboortedatum: np.ndarray, peil: np.datetime64) -> np.ndarray:
    """AOW reached on the first day of the month. In the synthetic population partners are at most 64 or at least
    70 years old, and the AOW age (wet.aow.pensioenleeftijd) is between 65 and 67 for everyone born before 1960
    and 67 after: "67 years or older" decides it for this domain."""
    dagen = (peil - geboortedatum.astype("datetime64[D]")).astype(np.int64)
    return dagen >= int(67 * 365.25)


def norm_en_draagkracht(tbs, huishouden_van, rol, geboortedatum, inkomen, vermogen, maand: str):
    """(norm, draagkracht) per household, float32 as the engine stores them, in cents."""
    peil = np.datetime64(f"{maand}-01")
    n = int(huishouden_van[-1]) + 1
    partner = rol == 0
    aow = _aow_bereikt(geboortedatum, peil) & partner
    partners = np.bincount(huishouden_van, weights=partner, minlength=n)
    aow_partners = np.bincount(huishouden_van, weights=aow, minlength=n)

    p = tbs.parameters(f"{maand}-01")
    normen = p.wet.participatiewet.normen
    tabel = np.array([
        normen.art21.alleenstaande.inclusief_vakantietoeslag,  # 0: single, no AOW
        normen.art22.alleenstaande.inclusief_vakantietoeslag,  # 1: single, AOW
        normen.art21.gehuwden.inclusief_vakantietoeslag,  # 2: couple, none AOW
        normen.art22.gehuwden_een_pensioengerechtigd.inclusief_vakantietoeslag,  # 3: couple, one AOW
        normen.art22.gehuwden_beiden_pensioengerechtigd.inclusief_vakantietoeslag,  # 4: couple, both AOW
    ], dtype=np.float64)
    categorie = np.where(partners == 1, aow_partners, 2 + aow_partners).astype(np.int64)
    norm = tabel[categorie]

    # The engine stores every variable as float32 (OpenFisca `value_type = float`); the reference rounds to float32
    # at the same steps, so both give the same cents (with float64 a rare cent differs).
    f32 = np.float32
    norm = norm.astype(f32)
    dk = p.gemeente.bijzondere_bijstand.draagkracht
    grens = np.round(norm * dk.inkomensgrens_percentage, 2).astype(f32)
    inkomen = inkomen.astype(f32)
    inkomen_partners = np.bincount(huishouden_van[partner], weights=inkomen[partner], minlength=n).astype(f32)
    uit_inkomen = (np.maximum(f32(0.0), inkomen_partners - grens) * dk.percentage_inkomen_boven_grens
                   * dk.draagkrachtperiode_maanden).astype(f32)

    kinderen = np.bincount(huishouden_van, weights=rol == 1, minlength=n)
    grenzen = p.wet.participatiewet.vermogensgrenzen
    vermogensgrens = np.where(partners == 2, grenzen.gehuwden,
                              np.where(kinderen > 0, grenzen.alleenstaande_ouder, grenzen.alleenstaande)).astype(f32)
    gezinsvermogen = np.bincount(huishouden_van, weights=vermogen.astype(f32), minlength=n).astype(f32)
    boven = np.maximum(f32(0.0), gezinsvermogen - vermogensgrens).astype(f32)
    uit_vermogen = (boven * dk.percentage_vermogen_boven_grens).astype(f32)
    return norm, np.round(np.maximum(f32(0.0), uit_inkomen + uit_vermogen), 2).astype(f32)
