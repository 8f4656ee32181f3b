"""What the API and the pages show of enforcement records, as plain dicts (one place, so both show the same).
Labels, not codes, wherever a person reads them; amounts and dates in the API stay machine-readable."""

from __future__ import annotations

from maatwerk.handhaving import indicatoren
from maatwerk.handhaving.models import Casustafel, Huisbezoek, Indicator, Melding, Signaal, Vergelijking


def melding(m: Melding) -> dict:
    return {"id": m.pk, "kenmerk": m.kenmerk, "richting": m.richting, "melder": m.melder, "domein": m.domein,
            "anoniem": m.anoniem, "melder_naam": m.melder_naam, "melder_contact": m.melder_contact,
            "betreft": m.betreft, "omschrijving": m.omschrijving, "ontvangen_op": m.ontvangen_op.isoformat(),
            "status": m.status}


def signaal(s: Signaal) -> dict:
    return {"id": s.pk, "vergelijking": s.vergelijking_id, "regel": s.regel, "bsn": s.inwoner.bsn,
            "naam": s.inwoner.naam, "soort": s.soort, "bron": s.bron,
            "bedrag": str(s.bedrag) if s.bedrag is not None else None,
            "begindatum": s.begindatum.isoformat() if s.begindatum else None,
            "einddatum": s.einddatum.isoformat() if s.einddatum else None, "omschrijving": s.omschrijving,
            "indicator": s.indicator.code, "status": s.status}


def vergelijking(v: Vergelijking) -> dict:
    return {"id": v.pk, "maand": v.maand.strftime("%Y-%m"), "bestandsnaam": v.bestandsnaam,
            "ingelezen_op": v.ingelezen_op.isoformat(), "aantal_regels": v.aantal_regels,
            "aantal_geweigerd": v.aantal_geweigerd, "aantal_zonder_uitkering": v.aantal_zonder_uitkering,
            "aantal_niet_goedgekeurd": v.aantal_niet_goedgekeurd, "aantal_gecontroleerd": v.aantal_gecontroleerd,
            "aantal_signalen": v.aantal_signalen, "fouten": v.fouten}


def casustafel(c: Casustafel) -> dict:
    return {"id": c.pk, "richting": c.richting, "melding": c.melding.kenmerk if c.melding else None,
            "signaal": c.signaal_id, "datum": c.datum.isoformat(), "interventie": c.interventie,
            "motivering": c.motivering, "uitkomst": c.uitkomst, "afgerond": c.afgerond,
            "feiten": [{"feit": f.feit, "bron": f.bron} for f in c.feiten.all()],
            "deelnemers": [{"naam": d.naam, "discipline": d.discipline, "akkoord": d.akkoord} for d in c.deelnemers.all()]}


def huisbezoek(h: Huisbezoek) -> dict:
    return {"id": h.pk, "bsn": h.inwoner.bsn, "datum": h.datum.isoformat(), "reden": h.reden, "grond": h.grond,
            "toelichting_grond": h.toelichting_grond, "toestemming_gegeven": h.toestemming_gegeven,
            "aangekondigd": h.aangekondigd, "reden_niet_aangekondigd": h.reden_niet_aangekondigd,
            "medewerkers": h.medewerkers, "bevindingen": h.bevindingen, "reactie_inwoner": h.reactie_inwoner,
            "uitkomst": h.uitkomst}


def indicator(i: Indicator) -> dict:
    return {"id": i.pk, "code": i.code, "naam": i.naam, "omschrijving": i.omschrijving, "doel": i.doel,
            "wettelijke_grondslag": i.wettelijke_grondslag, "criteria": i.criteria, "gegevens": i.gegevens,
            "eigenaar": i.eigenaar, "signaalsoort": i.signaalsoort, "menselijke_tussenkomst": i.menselijke_tussenkomst,
            "status": indicatoren.status_tekst(i), "aantal_goedkeuringen": len({g.door_id for g in indicatoren.goedkeurders(i)}),
            "versie": i.versie, "vervangt": i.vorige_id,
            "buiten_gebruik_op": i.buiten_gebruik_op.isoformat() if i.buiten_gebruik_op else None,
            "buiten_gebruik_reden": i.buiten_gebruik_reden}
