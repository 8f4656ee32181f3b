"""docs/toegang.md shows the rights table of `maatwerk.toegang.rechten`; this test fails when they differ
(regenerate the section with `python -m maatwerk.toegang.rechten`)."""

from __future__ import annotations

from pathlib import Path

from maatwerk.toegang import rechten
from maatwerk.toegang.rollen import ROLLEN
from maatwerk.zaken.regelingen import DOMEINEN

DOCS = Path(__file__).resolve().parents[2] / "docs" / "toegang.md"


def test_docs_tonen_de_rechtentabel_uit_de_code():
    tekst = DOCS.read_text(encoding="utf-8")
    assert rechten.BEGIN in tekst and rechten.EINDE in tekst
    sectie = tekst.split(rechten.BEGIN, 1)[1].split(rechten.EINDE, 1)[0].strip()
    assert sectie == rechten.als_markdown().strip(), (
        "docs/toegang.md wijkt af van maatwerk.toegang.rechten; genereer de sectie opnieuw met "
        "`python -m maatwerk.toegang.rechten`."
    )


def test_tabel_is_volledig():
    for rol in ROLLEN:
        for handeling in rechten.HANDELINGEN:
            assert set(rechten.TABEL[rol][handeling]) == set(DOMEINEN), (rol, handeling)


def test_kwaliteitsmedewerker_stelt_geen_besluit_op_en_beslist_niet():
    """Issue 7: he cannot draft, decide or send a besluit; his approval is the second pair of eyes only."""
    for handeling in (rechten.BESLUIT_OPSTELLEN, rechten.BESLUIT_VASTSTELLEN, rechten.BESLUIT_BEKENDMAKEN,
                      rechten.ZAAK_WIJZIGEN, rechten.AUDITLOG_INWONER):
        assert not rechten.ooit_toegestaan({"kwaliteitsmedewerker"}, handeling)
    for domein in DOMEINEN:
        goedkeuren = rechten.recht("kwaliteitsmedewerker", rechten.VIER_OGEN_GOEDKEUREN, domein)
        assert rechten.Voorwaarde.NIET_EIGEN_WERK in goedkeuren.voorwaarden
        assert rechten.Voorwaarde.VIER_OGEN_NODIG in goedkeuren.voorwaarden
