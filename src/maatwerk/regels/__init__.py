"""Law and municipal policy as code (OpenFisca country-package layout).

- `parameters/wet/`        national law, by law and article (Participatiewet, AOW)
- `parameters/statistiek/` official statistics used by the rules (CBS CPI)
- `parameters/gemeenten/`  municipal ordinance and policy rules, one overlay per municipality
- `variables/`             one file per scheme
- `tests/`                 OpenFisca YAML tests, per scheme
"""

from maatwerk.regels.systeem import DEFAULT_GEMEENTE, MaatwerkSysteem, beschikbare_gemeenten, systeem

__all__ = ["DEFAULT_GEMEENTE", "MaatwerkSysteem", "beschikbare_gemeenten", "systeem"]
