"""The reasons (overwegingen) of a besluit edited as one list in one POST (issue 8): change text and source,
remove, reorder by place number or by the Omhoog/Omlaag buttons (no JavaScript), add one; errors name the row
and the field and keep what was typed; a Regelkern source cannot be changed; other roles are refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from maatwerk.besluiten import services
from maatwerk.besluiten.models import Herkomst, Overweging

pytestmark = pytest.mark.django_db
VO = "Verordening Sociaal Domein Lansingerland 2018"


def _ingelogd(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def besluit(zaak_klaar, wmo):
    b = services.opstellen(zaak_klaar, wmo)
    b.overwegingen.all().delete()  # the ones drafted from the findings: a known list of three is easier to follow
    for zin in ("Eerste reden.", "Tweede reden.", "Derde reden."):
        services.overweging_toevoegen(b, wmo, zin=zin, bron=f"{VO}, artikel 4:3", soort="verordening")
    return b


def _lijst(b) -> list[Overweging]:
    return list(b.overwegingen.order_by("volgorde", "id"))


def _post_van(b, **over) -> dict:
    """What the page posts: every row with its fields, in the order shown, plus the empty new row."""
    data: dict[str, object] = {"rij": [str(o.pk) for o in _lijst(b)] + ["nieuw"]}
    for i, o in enumerate(_lijst(b), start=1):
        data[f"reden-{o.pk}-zin"] = o.zin
        data[f"reden-{o.pk}-plaats"] = str(i)
        if o.herkomst != Herkomst.REGELKERN:
            data[f"reden-{o.pk}-bron"] = o.bron
    data.update({"reden-nieuw-zin": "", "reden-nieuw-bron": "", "reden-nieuw-soort": "", "reden-nieuw-plaats": str(len(_lijst(b)) + 1)})
    data.update(over)
    return data


def test_pagina_toont_alle_redenen_in_een_formulier(besluit, wmo):
    pagina = _ingelogd(wmo).get(f"/besluiten/{besluit.pk}/").content.decode()
    assert pagina.count('action="/besluiten/%d/redenen/"' % besluit.pk) == 1
    for o in _lijst(besluit):
        assert f'name="reden-{o.pk}-zin"' in pagina and f'name="reden-{o.pk}-plaats"' in pagina
    assert "Redenen opslaan" in pagina and 'name="reden-nieuw-zin"' in pagina and "Omhoog" in pagina


def test_wijzigen_verwijderen_toevoegen_en_herordenen_in_een_post(besluit, wmo):
    een, twee, drie = _lijst(besluit)
    c = _ingelogd(wmo)
    antwoord = c.post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, **{
        f"reden-{een.pk}-zin": "Eerste reden, herschreven.",
        f"reden-{twee.pk}-verwijderen": "1",
        f"reden-{drie.pk}-plaats": "0",  # to the top
        "reden-nieuw-zin": "U woont alleen.", "reden-nieuw-bron": f"{VO}, artikel 7", "reden-nieuw-soort": "verordening",
    }))
    assert antwoord.status_code == 302 and antwoord["Location"].endswith("#redenen")
    lijst = _lijst(besluit)
    assert [o.zin for o in lijst] == ["Derde reden.", "Eerste reden, herschreven.", "U woont alleen."]
    assert [o.volgorde for o in lijst] == [1, 2, 3]
    assert not Overweging.objects.filter(pk=twee.pk).exists()


def test_plaatsnummer_zet_reden_op_die_plaats(besluit, wmo):
    een, twee, drie = _lijst(besluit)
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, **{f"reden-{drie.pk}-plaats": "1"}))
    assert antwoord.status_code == 302
    assert [o.pk for o in _lijst(besluit)] == [drie.pk, een.pk, twee.pk]
    # Nonsense in a place field keeps the row where it was.
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, **{f"reden-{een.pk}-plaats": "nan"}))
    assert antwoord.status_code == 302 and [o.pk for o in _lijst(besluit)] == [drie.pk, een.pk, twee.pk]


@pytest.mark.parametrize("richting, verwacht", [("op", ["Tweede reden.", "Eerste reden.", "Derde reden."]),
                                                ("neer", ["Eerste reden.", "Derde reden.", "Tweede reden."])])
def test_omhoog_en_omlaag_zonder_javascript(besluit, wmo, richting, verwacht):
    twee = _lijst(besluit)[1]
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, verplaats=f"{twee.pk}:{richting}"))
    assert antwoord.status_code == 302
    assert [o.zin for o in _lijst(besluit)] == verwacht


def test_bovenste_kan_niet_verder_omhoog(besluit, wmo):
    een = _lijst(besluit)[0]
    assert _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, verplaats=f"{een.pk}:op")).status_code == 302
    assert [o.zin for o in _lijst(besluit)] == ["Eerste reden.", "Tweede reden.", "Derde reden."]


def test_fouten_noemen_rij_en_veld_en_niets_gaat_verloren(besluit, wmo):
    een, twee, drie = _lijst(besluit)
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, **{
        f"reden-{een.pk}-zin": "Nieuw getypt, goed.",
        f"reden-{twee.pk}-zin": "Een. Twee. Drie.",
        f"reden-{drie.pk}-bron": "  ",
        "reden-nieuw-zin": "Een nieuwe reden zonder bron.",
    }))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Reden 2, tekst: Een overweging heeft hoogstens 2 zinnen" in tekst
    assert "Reden 3, bron: Noem de bron" in tekst
    assert "Nieuwe reden, bron: Noem de bron" in tekst and "Nieuwe reden, soort bron: Kies de soort bron" in tekst
    # What was typed is still there, nothing was saved.
    assert "Nieuw getypt, goed." in tekst and "Een nieuwe reden zonder bron." in tekst
    assert [o.zin for o in _lijst(besluit)] == ["Eerste reden.", "Tweede reden.", "Derde reden."]
    assert f'href="#reden-{twee.pk}-zin"' in tekst and 'aria-invalid="true"' in tekst


def test_lege_tekst_wordt_geweigerd(besluit, wmo):
    een = _lijst(besluit)[0]
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit, **{f"reden-{een.pk}-zin": ""}))
    assert antwoord.status_code == 400 and "Reden 1, tekst: Schrijf de overweging" in antwoord.content.decode()


def test_bron_van_de_regelkern_blijft(besluit, wmo):
    een = _lijst(besluit)[0]
    Overweging.objects.filter(pk=een.pk).update(herkomst=Herkomst.REGELKERN, bron="Participatiewet, artikel 35")
    pagina = _ingelogd(wmo).get(f"/besluiten/{besluit.pk}/").content.decode()
    assert f'name="reden-{een.pk}-bron"' not in pagina and "Participatiewet, artikel 35" in pagina
    # A forged source for a Regelkern row is ignored: the form does not pass it on.
    data = _post_van(besluit, **{f"reden-{een.pk}-bron": "verzonnen", f"reden-{een.pk}-zin": "Anders gezegd."})
    assert _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", data).status_code == 302
    een.refresh_from_db()
    assert een.bron == "Participatiewet, artikel 35" and een.zin == "Anders gezegd."


def test_verouderde_lijst_wordt_geweigerd(besluit, wmo):
    data = _post_van(besluit)
    services.overweging_toevoegen(besluit, wmo, zin="Intussen toegevoegd.", bron="x", soort="discretie")
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", data)
    assert antwoord.status_code == 400 and "Laad de pagina opnieuw" in antwoord.content.decode()
    assert len(_lijst(besluit)) == 4


def test_service_ordenen_vraagt_elke_overweging_een_keer(besluit, wmo):
    een, twee, drie = _lijst(besluit)
    with pytest.raises(ValidationError):
        services.overwegingen_ordenen(besluit, wmo, [een.pk, twee.pk])
    with pytest.raises(ValidationError):
        services.overwegingen_ordenen(besluit, wmo, [een.pk, een.pk, drie.pk])
    services.overwegingen_ordenen(besluit, wmo, [drie.pk, een.pk, twee.pk])
    assert [o.pk for o in _lijst(besluit)] == [drie.pk, een.pk, twee.pk]


def test_andere_rollen_worden_geweigerd(besluit, jeugd, kwaliteit, beheerder):
    data = _post_van(besluit, **{f"reden-{_lijst(besluit)[0].pk}-zin": "Gewijzigd door een ander."})
    for user in (jeugd, kwaliteit, beheerder):
        antwoord = _ingelogd(user).post(f"/besluiten/{besluit.pk}/redenen/", data)
        assert antwoord.status_code in (403, 404), user
    assert _lijst(besluit)[0].zin == "Eerste reden."


def test_vastgesteld_besluit_verandert_niet(besluit, wmo, wmo_natura):
    services.wijzigen(besluit, wmo, **wmo_natura)
    import datetime as dt
    services.vaststellen(besluit, wmo, datum=dt.date(2026, 2, 2))
    antwoord = _ingelogd(wmo).post(f"/besluiten/{besluit.pk}/redenen/", _post_van(besluit))
    assert antwoord.status_code in (400, 409)
    assert "Redenen opslaan" not in _ingelogd(wmo).get(f"/besluiten/{besluit.pk}/").content.decode()
