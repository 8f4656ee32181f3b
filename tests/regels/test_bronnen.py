"""Principle 1 as a test: no rule without a source, no number without a dated, sourced parameter."""

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
