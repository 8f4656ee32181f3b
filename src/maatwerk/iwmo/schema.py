"""Schema validation of iWmo/iJw 3.2 messages against Maatwerk's own XSDs (`iwmo/xsd/`, see its README).

Every message Maatwerk makes is validated before it is stored or offered for download, and every file a
provider sends is validated before the business rules (TR/CS rules in `xmlbericht`) run: the standard rejects a
message that does not match its XSD as a whole ("bericht is afgekeurd om technische redenen", retourcode 0001
of WJ001). The XSD files hold placeholders for the namespaces and the BerichtCode, so one file serves both
iWmo and iJw; they are filled in here, once per domain and message, from `codelijsten`.

xmlschema (pure Python) does the validation; it never fetches anything: the basisschema is passed in with the
message schema, and the schema files are read from the package.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import xmlschema

from maatwerk.iwmo import codelijsten as cl

_MAP = Path(__file__).parent / "xsd"

# Retourberichten: their own message, the one they answer, and who sends them (gemeente or aanbieder).
_RETOUR = {"302": "aanbieder", "306": "gemeente", "308": "gemeente", "316": "gemeente", "318": "gemeente",
           "320": "aanbieder"}
_TYPE = {"gemeente": "LDT_Gemeente", "aanbieder": "LDT_AgbCode"}


@dataclass(frozen=True)
class Schemafout:
    """One schema error: the element (path without namespace prefixes, below Bericht) and a Dutch text."""

    element: str
    tekst: str

    def __str__(self) -> str:
        return f"{self.element}: {self.tekst}"


def _tekst(naam: str) -> str:
    return (_MAP / naam).read_text(encoding="utf-8")


@functools.cache
def schema(domein: str, soort: str) -> xmlschema.XMLSchema:
    """The XSD of message `soort` ("301", "306", ...) of the domain, with the basisschema."""
    basis_ns = cl.namespace(domein, "basisschema")
    ns = cl.namespace(domein, soort)
    if soort in _RETOUR:
        bron = _tekst("retour.xsd")
        afzender = _RETOUR[soort]
        ontvanger = "gemeente" if afzender == "aanbieder" else "aanbieder"
        bron = bron.replace("@AFZENDER@", _TYPE[afzender]).replace("@ONTVANGER@", _TYPE[ontvanger])
    else:
        bron = _tekst(f"{soort}.xsd")
    bron = bron.replace("@NS@", ns).replace("@BASIS@", basis_ns).replace("@BERICHTCODE@", cl.BERICHTCODE[domein][soort])
    basis = _tekst("basisschema.xsd").replace("@BASIS@", basis_ns)
    # The basisschema is passed in as a source, so the import needs no location (nothing is ever fetched).
    bron = bron.replace(' schemaLocation="basisschema.xsd"', "")
    return xmlschema.XMLSchema([bron, basis], allow="none", defuse="always")


def _pad(fout: xmlschema.XMLSchemaValidationError) -> str:
    pad = re.sub(r"\{[^}]*\}", "", fout.path or "")  # drop the namespaces: '{ns}Header' -> 'Header'
    delen = [d.split(":", 1)[-1] for d in pad.strip("/").split("/") if d]
    delen = [d.split("[", 1)[0] for d in delen]
    if delen and delen[0] == "Bericht":
        delen = delen[1:]
    # A content error is reported on the parent; name the child that is out of place when there is one.
    index, ouder = getattr(fout, "index", None), fout.elem
    if isinstance(index, int) and ouder is not None and 0 <= index < len(ouder):
        delen.append(re.sub(r"\{[^}]*\}", "", ouder[index].tag))
    return "/".join(delen) or "Bericht"


def _reden(fout: xmlschema.XMLSchemaValidationError) -> str:
    """A short Dutch text for the kinds of schema error a provider's file can have."""
    reden = (fout.reason or "").lower()
    waarde = fout.obj if isinstance(fout.obj, str) else getattr(fout.elem, "text", None)
    getoond = f"'{str(waarde).strip()[:30]}' " if waarde not in (None, "") else ""
    if "unexpected child" in reden or "unexpected" in reden and "tag" in reden:
        return "dit element hoort hier niet (onbekend element of verkeerde volgorde volgens het schema)."
    if "missing required" in reden or "not complete" in reden or "expected" in reden and "tag" in reden:
        return "een verplicht onderliggend element ontbreekt volgens het schema."
    if "pattern" in reden or "value doesn't match" in reden:
        return f"de waarde {getoond}heeft niet de vorm die het schema vraagt."
    if "length" in reden:
        return f"de waarde {getoond}is te lang of te kort volgens het schema."
    if "enumeration" in reden or "not in" in reden:
        return f"de waarde {getoond}is niet toegestaan volgens het schema."
    if "date" in reden or "time" in reden or "invalid literal" in reden or "invalid value" in reden:
        return f"de waarde {getoond}is geen geldige datum of tijd volgens het schema."
    if "character data" in reden or "simple content" in reden or "mixed" in reden:
        return "dit element mag geen tekst bevatten volgens het schema."
    return "voldoet niet aan het schema."


def valideer(root, domein: str, soort: str, *, max_fouten: int = 20) -> list[Schemafout]:
    """The schema errors of a parsed message (ElementTree root), at most `max_fouten`, one per element."""
    fouten: list[Schemafout] = []
    gezien: set[str] = set()
    for fout in schema(domein, soort).iter_errors(root):
        element = _pad(fout)
        if element in gezien:
            continue
        gezien.add(element)
        fouten.append(Schemafout(element, _reden(fout)))
        if len(fouten) >= max_fouten:
            break
    return fouten


class OngeldigGemaakt(Exception):
    """A message Maatwerk made does not match its schema: a programming error, never sent."""


def controleer_gemaakt(data: bytes, domein: str, soort: str) -> None:
    """Refuse a message Maatwerk made that does not match its schema (raises OngeldigGemaakt)."""
    import defusedxml.ElementTree as DET

    root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    fouten = valideer(root, domein, soort)
    if fouten:
        raise OngeldigGemaakt(f"{cl.PREFIX[domein]}{soort} voldoet niet aan het schema: " + "; ".join(map(str, fouten)))
