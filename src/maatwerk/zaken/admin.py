"""Admin: only configuration (the mandate table). Personal data is deliberately NOT in the admin: the admin
would bypass the purpose-bound access policy and the audit log (maatwerk.toegang.beleid)."""

from django.contrib import admin

from maatwerk.zaken.models import Mandaatregel


@admin.register(Mandaatregel)
class MandaatregelAdmin(admin.ModelAdmin):
    list_display = ("regeling", "rol", "max_bedrag", "toelichting")
    list_filter = ("regeling", "rol")
