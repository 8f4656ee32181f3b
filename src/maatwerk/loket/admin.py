from django.contrib import admin

from maatwerk.loket.models import ZelftestTelling


@admin.register(ZelftestTelling)
class ZelftestTellingAdmin(admin.ModelAdmin):
    """The non-take-up monitor: anonymous counts of the self-check per day, scheme and outcome (read only)."""

    list_display = ("datum", "regeling", "uitkomst", "aantal")
    list_filter = ("regeling", "uitkomst")
    date_hierarchy = "datum"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
