"""Admin: read-only views of besluiten, letters and objections (changes go through the services, which
enforce the rules); letter templates can get a new version here too, validated like on the beheer page."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from maatwerk.besluiten import sjabloonbeheer
from maatwerk.besluiten.models import Besluit, BezwaarBrief, Bezwaarschrift, Brief, BriefSjabloon, Gemeentegegevens, Overweging


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OverwegingInline(admin.TabularInline):
    model = Overweging
    extra = 0
    fields = ["volgorde", "zin", "bron", "soort", "herkomst"]
    readonly_fields = fields
    can_delete = False


@admin.register(Besluit)
class BesluitAdmin(AlleenLezen):
    list_display = ["kenmerk", "zaak", "soort", "status", "bekendgemaakt_op", "vervangt"]
    list_filter = ["soort", "status"]
    inlines = [OverwegingInline]


@admin.register(Brief)
class BriefAdmin(AlleenLezen):
    list_display = ["besluit", "gemaakt_op", "pdf_sha256"]
    exclude = ["pdf"]


@admin.register(BezwaarBrief)
class BezwaarBriefAdmin(AlleenLezen):
    list_display = ["bezwaar", "bekendgemaakt_op", "beroepstermijn_einde", "pdf_sha256"]
    exclude = ["pdf"]


@admin.register(Bezwaarschrift)
class BezwaarAdmin(AlleenLezen):
    list_display = ["pk", "besluit", "ontvangen_op", "tijdig", "uitkomst", "beslistermijn_einde"]


@admin.register(Gemeentegegevens)
class GemeentegegevensAdmin(admin.ModelAdmin):
    list_display = ["naam", "telefoon", "gewijzigd_op"]

    def has_delete_permission(self, request, obj=None):
        return False


class SjabloonFormulier(forms.ModelForm):
    inhoud = forms.CharField(widget=forms.Textarea(attrs={"rows": 30, "cols": 120}), strip=False,
                             help_text="Opslaan maakt een nieuwe versie; een sjabloon dat een brief breekt of onder B1 brengt, wordt geweigerd.")
    toelichting = forms.CharField(required=False, max_length=300)

    class Meta:
        model = BriefSjabloon
        fields = ["naam", "omschrijving"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        huidige = self.instance.huidige_versie() if self.instance.pk else None
        self.fields["inhoud"].initial = huidige.inhoud if huidige else ""

    def clean(self):
        data = super().clean()
        huidige = self.instance.huidige_versie() if self.instance.pk else None
        if self.instance.pk and data.get("inhoud") and (huidige is None or huidige.inhoud != data["inhoud"]):
            try:
                sjabloonbeheer.controleer(self.instance.code, data["inhoud"])
            except ValidationError as fout:
                self.add_error("inhoud", fout.message_dict.get("inhoud", fout.messages))
        return data


@admin.register(BriefSjabloon)
class BriefSjabloonAdmin(admin.ModelAdmin):
    form = SjabloonFormulier
    list_display = ["code", "naam"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        from maatwerk.besluiten.models import BriefSjabloonVersie

        super().save_model(request, obj, form, change)
        huidige = obj.huidige_versie()
        inhoud = form.cleaned_data["inhoud"]
        if huidige is None or huidige.inhoud != inhoud:
            BriefSjabloonVersie.objects.create(sjabloon=obj, nummer=(huidige.nummer if huidige else 0) + 1, inhoud=inhoud,
                                               toelichting=form.cleaned_data.get("toelichting", ""), opgeslagen_door=request.user)
