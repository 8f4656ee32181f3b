"""Dutch formats and no internal codes on every main page (issue 8, point 6): for a realistic world (the demo
data plus a besluit sent and a bezwaar registered, all through the services) each page's visible text has no
English amount (`€ 2500.00`), no ISO date (`2026-02-02`) and none of the codes of the choices, regelingen,
criteria or roles (`klaar_voor_besluit`, `voorliggende_voorziening`, `consulent_inkomen`)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from maatwerk import formaat

pytestmark = pytest.mark.django_db

ENGELS_BEDRAG = re.compile(r"€\s?-?\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)|€\s?-?\d+\.\d{2}(?!\d)")
ISO_DATUM = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


class _ZichtbareTekst(HTMLParser):
    """Text nodes a person reads (not scripts, styles or attribute values such as a date input's ISO value)."""

    VERBORGEN = {"script", "style", "template", "textarea"}  # a textarea holds what the user typed

    def __init__(self):
        super().__init__()
        self.delen: list[str] = []
        self._diepte = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VERBORGEN:
            self._diepte += 1

    def handle_endtag(self, tag):
        if tag in self.VERBORGEN and self._diepte:
            self._diepte -= 1

    def handle_data(self, data):
        if not self._diepte and data.strip():
            self.delen.append(data.strip())


def zichtbare_tekst(html: str) -> str:
    p = _ZichtbareTekst()
    p.feed(html)
    return "\n".join(p.delen)


def interne_codes() -> set[str]:
    """Every code a person must not read: choice values with an underscore (single words like 'melding' are
    also the Dutch word), the regelingen, the criteria and the roles."""
    from maatwerk.toegang.rollen import ROLLEN
    from maatwerk.zaken.regelingen import REGELING_KEUZES, regeling

    codes = set(ROLLEN)
    for model in apps.get_models():
        if not model.__module__.startswith("maatwerk."):
            continue
        for veld in model._meta.get_fields():
            for waarde, _ in getattr(veld, "flatchoices", None) or []:
                if isinstance(waarde, str) and "_" in waarde:
                    codes.add(waarde)
    for code, _ in REGELING_KEUZES:
        codes.add(code)
        codes.update(c.code for c in regeling(code).criteria if "_" in c.code)
    return codes


@pytest.fixture
def wereld(db):
    from maatwerk.besluiten import bezwaar, services
    from maatwerk.demo.gegevens import laad_demogegevens
    from maatwerk.zaken.models import Status, Zaak

    laad_demogegevens()
    User = get_user_model()
    inkomen, wmo = User.objects.get(username="consulent_inkomen"), User.objects.get(username="consulent_wmo")
    # Sent Wmo besluit with a bezwaar: the Wmo case of the demo (Floris) is taken to a besluit.
    floris = Zaak.objects.get(hoofdpersoon__voornamen="Floris")
    bart = Zaak.objects.get(hoofdpersoon__voornamen="Bart", status=Status.KLAAR_VOOR_BESLUIT)
    concept = services.opstellen(bart, inkomen)
    services.wijzigen(concept, inkomen, voorziening="herstel van uw gebit", bedrag=Decimal("1850.00"), bedrag_periode="eenmalig",
                      ingangsdatum=timezone.localdate(), vorm="geld", financiering="om_niet",
                      vervolg="Wij maken het geld binnen twee weken over.")
    kwaliteit = User.objects.get(username="kwaliteitsmedewerker")
    services.goedkeuren(concept, kwaliteit, akkoord=True)
    vandaag = timezone.localdate()  # the demo's dates are relative to today
    gisteren = vandaag - dt.timedelta(days=1)  # the demo zaak became klaar voor besluit two days ago
    services.vaststellen(concept, inkomen, datum=gisteren)
    services.bekendmaken(concept, inkomen, datum=gisteren)
    bz = bezwaar.registreer(concept, inkomen, ontvangen_op=vandaag, gronden="Het bedrag is te laag.")
    pedro = Zaak.objects.get(hoofdpersoon__voornamen="Pedro")
    tweede = services.opstellen(pedro, inkomen) if pedro.status == Status.KLAAR_VOOR_BESLUIT else None
    # The demo accounts are named after their role; a person's name must not look like a code in this test.
    for n, user in enumerate(User.objects.filter(username__in=["consulent_inkomen", "consulent_wmo",
                                                                "kwaliteitsmedewerker", "beheerder", "handhaver"]), 1):
        user.username = f"medewerker{n}"
        user.save(update_fields=["username"])
    return {"bart": bart, "floris": floris, "pedro": pedro, "besluit": concept, "bezwaar": bz, "tweede": tweede,
            "inkomen": inkomen, "wmo": wmo, "kwaliteit": kwaliteit, "beheerder": User.objects.get(groups__name="beheerder")}


def _controleer(client: Client, url: str, codes: set[str]) -> str:
    antwoord = client.get(url)
    assert antwoord.status_code == 200, f"{url}: {antwoord.status_code}"
    tekst = zichtbare_tekst(antwoord.content.decode())
    assert not ENGELS_BEDRAG.findall(tekst), f"{url}: Engelse bedragen {ENGELS_BEDRAG.findall(tekst)}"
    assert not ISO_DATUM.findall(tekst), f"{url}: ISO-datums {ISO_DATUM.findall(tekst)}"
    gevonden = sorted(c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", tekst))
    context = [tekst[max(0, m.start() - 80):m.end() + 40] for c in gevonden for m in [re.search(re.escape(c), tekst)]]
    assert not gevonden, f"{url}: interne codes in de tekst: {gevonden}; {context}"
    return tekst


def test_hulpjes_herkennen_wat_ze_moeten_herkennen():
    assert ENGELS_BEDRAG.findall("€ 2500.00 en € 1,234.50") == ["€ 2500.00", "€ 1,234.50"]
    assert not ENGELS_BEDRAG.findall("€ 2.500,00 en € 2.500 en € 12,50")
    assert ISO_DATUM.findall("op 2026-02-02.") == ["2026-02-02"]
    assert zichtbare_tekst('<p title="2026-01-01">Hallo <input value="2026-01-01"><script>x=1</script></p>') == "Hallo"
    assert {"klaar_voor_besluit", "voorliggende_voorziening", "consulent_inkomen", "bijzondere_bijstand"} <= interne_codes()


def test_hoofdpaginas_tonen_nederlandse_bedragen_en_datums_en_geen_codes(wereld):
    codes = interne_codes()
    consulent = Client()
    consulent.force_login(wereld["inkomen"])
    bart, besluit = wereld["bart"], wereld["besluit"]
    paginas = [
        "/werkvoorraad/", f"/huishoudens/{bart.huishouden_id}/", f"/huishoudens/{bart.huishouden_id}/inkomen/",
        f"/zaken/{bart.pk}/", f"/zaken/{bart.pk}/rapportage/", f"/zaken/{wereld['pedro'].pk}/",
        f"/besluiten/zaak/{bart.pk}/", f"/besluiten/{besluit.pk}/", f"/besluiten/bezwaren/{wereld['bezwaar'].pk}/",
        f"/zaken/{bart.pk}/onderzoek/versies/{bart.onderzoekversies.first().pk}/",
    ]
    teksten = {url: _controleer(consulent, url, codes) for url in paginas}
    # The pages do show amounts and dates, in the Dutch way.
    assert "€ 1.850,00" in teksten[f"/besluiten/{besluit.pk}/"]
    assert formaat.datum(timezone.localdate() - dt.timedelta(days=1)) in teksten[f"/besluiten/{besluit.pk}/"]
    assert "Consulent Inkomen" in teksten["/werkvoorraad/"]

    wmo = Client()
    wmo.force_login(wereld["wmo"])
    _controleer(wmo, f"/zaken/{wereld['floris'].pk}/", codes)
    kwaliteit = Client()
    kwaliteit.force_login(wereld["kwaliteit"])
    _controleer(kwaliteit, "/werkvoorraad/", codes)
    beheerder = Client()
    beheerder.force_login(wereld["beheerder"])
    _controleer(beheerder, "/besluiten/sjablonen/", codes)
