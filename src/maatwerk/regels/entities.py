"""Entities of the rules: a persoon and the huishouden they live in.

Roles follow the Participatiewet: the applicant and spouse or partner (art. 3 Pw) are `partners`
(first listed = the applicant, the belanghebbende), minor children are `kinderen` (art. 4 lid 1 onder b),
other adults sharing the home are `medebewoners` (potential kostendelers, art. 22a Pw).
"""

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon",
    doc="Een inwoner.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    doc="De personen die in één woning hun hoofdverblijf hebben.",
    roles=[
        {
            "key": "partner",
            "plural": "partners",
            "label": "Aanvrager en echtgenoot of partner",
            "max": 2,
            "doc": "De eerst genoemde is de aanvrager (belanghebbende); de tweede de echtgenoot of partner.",
        },
        {"key": "kind", "plural": "kinderen", "label": "Minderjarig kind"},
        {"key": "medebewoner", "plural": "medebewoners", "label": "Andere volwassene in dezelfde woning"},
    ],
)

entities = [Persoon, Huishouden]
