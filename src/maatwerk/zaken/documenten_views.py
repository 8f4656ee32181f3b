"""Pages for documents on a zaak (issue 8, point 7): the "Documenten" section of the zaak page, the upload,
the download and the withdrawal. The rules (type, size, access, audit) are in `maatwerk.zaken.documenten`.

The upload view installs the size limit before the body is read (`zaken/upload.py`); Django's CSRF check
reads the body, so the view is `csrf_exempt` outside and `csrf_protect` inside (the order Django's
documentation gives for custom upload handlers) — the CSRF token is still required.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from maatwerk.toegang.forms import NLFormulier
from maatwerk.toegang.views import inlog_vereist
from maatwerk.zaken import documenten, upload
from maatwerk.zaken.documenten_api import download
from maatwerk.zaken.forms import fouten_overnemen
from maatwerk.zaken.fouten import ProcedureFout

SLEUTEL = "document"  # key of the upload form among the zaak page's bound forms
TE_GROOT = 413


class DocumentFormulier(NLFormulier, forms.Form):
    bestand = forms.FileField(
        label="Bestand", required=False,
        help_text="PDF, JPEG of PNG, ten hoogste 10 MB. Het soort bestand wordt uit de inhoud vastgesteld.",
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        error_messages={"empty": "Bestand: dit bestand is leeg (0 bytes); kies het bestand opnieuw.",
                        "invalid": "Bestand: er is geen bestand ontvangen; kies het bestand opnieuw.",
                        "missing": "Bestand: er is geen bestand ontvangen; kies het bestand opnieuw."})
    soort = forms.ChoiceField(label="Soort document", required=False, choices=[("", "— kies —")])
    omschrijving = forms.CharField(label="Omschrijving", required=False, max_length=documenten.MAX_OMSCHRIJVING,
                                   widget=forms.Textarea(attrs={"rows": 2}),
                                   error_messages={"max_length": "Omschrijving: ten hoogste 500 tekens."})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "document")
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "— kies —"), *documenten.soortkeuzes()]
        self.fields["bestand"].help_text = (f"PDF, JPEG of PNG, ten hoogste {documenten.bestandsgrootte(documenten.max_bytes())}. "
                                            "Het soort bestand wordt uit de inhoud vastgesteld.")

    def clean_soort(self):
        return self.data.get(self.add_prefix("soort"), "")  # the service names a wrong choice in Dutch


class IntrekkenFormulier(NLFormulier, forms.Form):
    reden = forms.CharField(label="Reden", required=True, max_length=documenten.MAX_OMSCHRIJVING,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": "Reden: schrijf op waarom het document wordt ingetrokken.",
                                            "max_length": "Reden: ten hoogste 500 tekens."})


def _fouten_overnemen(form: forms.Form, fout: ValidationError) -> None:
    """The service's messages start with the field's label ("Bestand: ...", as the API needs); on the page the
    label is already next to the message, so it is not repeated."""
    if hasattr(fout, "error_dict"):
        for veld, berichten in fout.message_dict.items():
            if veld in form.fields:
                label = f"{form.fields[veld].label}: "
                form.add_error(veld, [b.removeprefix(label) if b.startswith(label) else b for b in berichten])
                continue
            fouten_overnemen(form, ValidationError({veld: berichten}))
    else:
        fouten_overnemen(form, fout)


def sectie(request, zaak, formulieren: dict) -> dict:
    """What the zaak page's Documenten section shows; an audit line for the list when it is shown."""
    if not documenten.mag_inzien(request.user, zaak):
        return {"toon_documenten": False}
    lijst = list(documenten.documenten_van(request.user, zaak, toelichting="zaakpagina"))
    mag_toevoegen = documenten.mag_toevoegen(request.user, zaak)
    rijen = [{"document": d, "intrekken_form": (formulieren.get(f"intrekken-{d.pk}")
                                                or IntrekkenFormulier(prefix=f"intrekken-{d.pk}"))
              if mag_toevoegen and not d.ingetrokken else None} for d in lijst]
    return {"toon_documenten": True, "documenten": rijen,
            "document_form": (formulieren.get(SLEUTEL) or DocumentFormulier()) if mag_toevoegen else None}


def _toon_met_fout(request, zaak, formulieren: dict, status: int):
    from maatwerk.zaken.views import _toon_zaak

    return _toon_zaak(request, zaak, formulieren, status=status)


@csrf_protect
def _upload(request, zaak, grens):
    documenten.vereis_toevoegen(request.user, zaak, "document toevoegen")  # a stranger learns nothing from a 400
    form = DocumentFormulier(request.POST, request.FILES)
    if form.is_valid():
        try:
            if form.add_prefix(documenten.BESTAND) in grens.te_groot:
                raise ValidationError({documenten.BESTAND: [documenten.te_groot_bericht()]})
            d = form.cleaned_data
            document = documenten.voeg_toe(request.user, zaak, d["bestand"], soort=d["soort"],
                                           omschrijving=d["omschrijving"])
        except ValidationError as fout:
            _fouten_overnemen(form, fout)
        else:
            messages.success(request, f"Het document ‘{document.bestandsnaam}’ is opgeslagen bij de zaak.",
                             extra_tags="sectie-documenten")
            return redirect(_naar_documenten(zaak))
    return _toon_met_fout(request, zaak, {SLEUTEL: form}, status=400)


def _naar_documenten(zaak) -> str:
    from maatwerk.zaken.views import _naar_zaak

    return _naar_zaak(zaak, "documenten")


@csrf_exempt
@inlog_vereist
def zaak_documenten(request, pk: int):
    """POST: attach a document to the zaak (the form on the zaak page)."""
    from maatwerk.zaken.views import _zaak_of_404

    if request.method != "POST":
        if request.method in ("GET", "HEAD"):
            return redirect("ui:zaak", pk=pk)
        return HttpResponseNotAllowed(["POST"])
    zaak = _zaak_of_404(pk)
    if upload.te_groot_verzoek(request):
        # Not read at all: the other fields are lost with it, but they are a choice and a line of text.
        documenten.vereis_toevoegen(request.user, zaak, "document toevoegen")
        form = DocumentFormulier()
        form.add_error("bestand", documenten.te_groot_bericht())
        return _toon_met_fout(request, zaak, {SLEUTEL: form}, status=TE_GROOT)
    return _upload(request, zaak, upload.installeer(request))


@inlog_vereist
def document_inhoud(request, pk: int):
    """The document itself, as an attachment (never shown inline: it came from outside)."""
    return download(documenten.document_voor(request.user, pk, wat="download"))


@inlog_vereist
def document_intrekken(request, pk: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    document = documenten.document_of_404(pk)
    form = IntrekkenFormulier(request.POST, prefix=f"intrekken-{document.pk}")
    if form.is_valid():
        try:
            documenten.trek_in(request.user, document, form.cleaned_data["reden"])
        except ValidationError as fout:
            _fouten_overnemen(form, fout)
        except ProcedureFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, f"Het document ‘{document.bestandsnaam}’ is ingetrokken; het blijft in het "
                                      "dossier zichtbaar.", extra_tags="sectie-documenten")
            return redirect(_naar_documenten(document.zaak))
    else:
        documenten.vereis_toevoegen(request.user, document.zaak, f"document {document.pk} intrekken")
    return _toon_met_fout(request, document.zaak, {f"intrekken-{document.pk}": form}, status=400)
