"""Principle 1 as a test: no rule without a source, no number without a dated, sourced parameter."""

import re

from openfisca_core.parameters import ParameterNode

from maatwerk.regels import beschikbare_gemeenten, systeem
from maatwerk.regels.regel import REGELS, SoortBron


def _bladeren(node, ketting=()):
    ketting = (*ketting, node)
    if isinstance(node, ParameterNode):
        for kind in node.children.values():
            yield from _bladeren(kind, ketting)
    else:
        yield node, ketting


def _meta(ketting, sleutel):
    for n in reversed(ketting):
        waarde = (getattr(n, "metadata", None) or {}).get(sleutel)
        if waarde:
            return waarde
    return None


def test_every_computed_variable_names_its_rule_and_source():
    tbs = systeem()
    zonder = [naam for naam, var in tbs.variables.items() if var.formulas and naam not in REGELS]
    assert not zonder, f"variables without @regel: {zonder}"
    for naam, info in REGELS.items():
        assert info.bron.strip(), naam
        assert info.uitleg.strip(), naam
        assert isinstance(info.soort, SoortBron)


def test_every_parameter_has_a_source_and_a_kind_of_source():
    for gemeente in beschikbare_gemeenten():
        tbs = systeem(gemeente)
        for blad, ketting in _bladeren(tbs.parameters):
            naam = blad.name
            assert _meta(ketting, "bron") or _meta(ketting, "reference"), f"{naam} has no source"
            # statistiek: official figures (CBS) that an ordinance article refers to, e.g. CPI indexation
            assert _meta(ketting, "soort_bron") in {"wet", "verordening", "beleidsregel", "statistiek"}, naam


# Issue 11: algemene bijstand and afstemming. Every new figure has a dated value with its own public source, so a
# jurist can check each number against the publication it came from.
NIEUWE_PARAMETERS = (
    "wet.participatiewet.art_31_vrijlating_arbeidsinkomen",
    "wet.participatiewet.art_44_ingangsdatum",
    "gemeenten.lansingerland.afstemming",
)


def test_new_parameters_of_issue_11_have_a_dated_value_with_a_source():
    tbs = systeem()
    gevonden = set()
    for blad, ketting in _bladeren(tbs.parameters):
        if not blad.name.startswith(NIEUWE_PARAMETERS):
            continue
        gevonden.add(blad.name)  # the municipal overlay holds the same leaves a second time
        assert _meta(ketting, "bron"), f"{blad.name} names no article"
        assert _meta(ketting, "soort_bron") in {"wet", "verordening"}, blad.name
        assert blad.values_list, f"{blad.name} has no dated value"
        for waarde in blad.values_list:
            assert waarde.instant_str >= "2015-01-01", (blad.name, waarde.instant_str)
            referentie = (waarde.metadata or {}).get("reference")
            assert referentie and referentie.strip(), f"{blad.name} on {waarde.instant_str} has no source"
    # 3 (vrijlating) + 2 (art. 44) + 26 (ordinance ch. 7 part 3): a file that is not loaded fails here.
    assert len(gevonden) == 31


def test_ordinance_figures_of_afstemming_cite_their_article():
    tbs = systeem()
    for blad, ketting in _bladeren(tbs.parameters):
        if blad.name.startswith("gemeenten.lansingerland.afstemming"):
            assert re.search(r"artikel(en)? 7:\d+", _meta(ketting, "bron")), blad.name
            assert _meta(ketting, "soort_bron") == "verordening", blad.name


def test_every_gedraging_has_an_article_and_a_percentage():
    from maatwerk.regels.variables.afstemming import GEDRAGINGEN, Gedraging

    afstemming = systeem().parameters.gemeente.afstemming
    for gedraging in Gedraging:
        artikel, pad = GEDRAGINGEN[gedraging.name]
        if gedraging is Gedraging.geen:
            continue
        assert "artikel 7:" in artikel, gedraging
        assert "artikel 7:" in gedraging.value, gedraging  # the label a person reads names the article too
        if pad is not None:
            node = afstemming
            for deel in pad.split("."):
                node = getattr(node, deel)
            assert 0 < node("2026-01-01") <= 1, gedraging
