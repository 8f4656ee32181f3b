"""Letters cannot carry script (issue 7, point 5): a beheerder's template with script, an event handler or a
javascript: link is refused; a letter that would contain one is never made; letter HTML is served under a
Content-Security-Policy without any script."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from maatwerk.besluiten import sjabloonbeheer
from maatwerk.besluiten.models import BriefSjabloonVersie
from maatwerk.brieven import sjablonen

pytestmark = pytest.mark.django_db

GOED = "<p>Wilt u hulp? Bel ons. U mag ook mailen naar <a href=\"mailto:info@example.nl\">ons</a>.</p>"


@pytest.mark.parametrize("kwaad, gevonden", [
    ("<p>Wilt u hulp?</p><script>fetch('/api/v1/inwoners/')</script>", "<script>"),
    ("<p onclick=\"alert(1)\">Wilt u hulp?</p>", "onclick="),
    ("<p>Wilt u hulp? <a href=\"javascript:alert(1)\">Klik</a></p>", "javascript:alert(1)"),
    ("<p>Wilt u hulp? <a href=\"JaVa&#x09;ScRiPt:alert(1)\">Klik</a></p>", "de link"),
    ("<p>Wilt u hulp?</p><img src=\"x\" onerror=\"alert(1)\">", "<img>"),
    ("<p>Wilt u hulp?</p><iframe src=\"https://example.org\"></iframe>", "<iframe>"),
    ("<p>Wilt u hulp?</p><svg><script>alert(1)</script></svg>", "<svg>"),
    ("<p {% if gemeente.naam %}onmouseover=\"alert(1)\"{% endif %}>Wilt u hulp?</p>", "onmouseover="),
    ("<p>Wilt u hulp?</p><scr{% if gemeente.naam %}{% endif %}ipt>alert(1)</script>", "<script>"),
    ("<p>Wilt u hulp?</p><meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">", "<meta>"),
    ("<p style=\"background:url(https://example.org/spoor.png)\">Wilt u hulp?</p>", "url()"),
])
def test_sjabloon_met_script_wordt_geweigerd(beheerder, kwaad, gevonden):
    voor = BriefSjabloonVersie.objects.count()
    with pytest.raises(ValidationError) as fout:
        sjabloonbeheer.sla_op("clientondersteuning", kwaad, beheerder)
    bericht = " ".join(fout.value.message_dict["inhoud"])
    assert "bevat wat in een brief niet mag" in bericht and gevonden in bericht, bericht
    assert BriefSjabloonVersie.objects.count() == voor


def test_de_pagina_weigert_een_kwaadaardig_sjabloon_in_het_nederlands(beheerder):
    c = Client()
    c.force_login(beheerder)
    fout = c.post("/besluiten/sjablonen/clientondersteuning/", {"inhoud": "<p onclick=\"alert(1)\">Wilt u hulp?</p>"})
    assert fout.status_code == 400
    assert "onclick=" in fout.content.decode() and "nooit scripts" in fout.content.decode()


def test_een_gerenderde_brief_met_script_wordt_niet_gemaakt():
    """Data the consulent typed cannot turn into script either: a template that puts a value into a link
    passes the source check, but a value like javascript:… stops the letter."""
    bron = {"t": "<p>Zie <a href=\"{{ link }}\">de website</a>.</p>"}
    html, _ = sjablonen.render(bron, "t", {"link": "https://www.lansingerland.nl"})
    assert "https://www.lansingerland.nl" in html
    with pytest.raises(sjablonen.SjabloonFout, match="de link 'javascript:alert"):
        sjablonen.render(bron, "t", {"link": "javascript:alert(document.cookie)"})
    # Escaped text stays text: no element, so no refusal.
    html, _ = sjablonen.render({"t": "<p>{{ x }}</p>"}, "t", {"x": "<script>alert(1)</script>"})
    assert "&lt;script&gt;" in html


def test_gewone_opmaak_en_links_blijven_toegestaan(beheerder):
    sjablonen.controleer_bron("clientondersteuning", GOED)


def test_brief_als_html_onder_csp_zonder_script(zaak_klaar, wmo, api):
    c = api(wmo)
    besluit = c.post("/api/v1/besluiten/", {"zaak": zaak_klaar.pk}, format="json").json()
    antwoord = c.get(f"/api/v1/besluiten/{besluit['id']}/brief/")
    assert antwoord.status_code == 200
    csp = antwoord["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "no-store" in antwoord["Cache-Control"]
    ui = Client()
    ui.force_login(wmo)
    pagina = ui.get(f"/besluiten/{besluit['id']}/brief/")
    assert pagina.status_code == 200 and "default-src 'none'" in pagina["Content-Security-Policy"]
