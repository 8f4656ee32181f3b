from django.contrib import admin

from maatwerk.iwmo.models import Aanbieder, Contract, Product

# Providers, contracts and products are entered by the functional administrator in the admin; tariffs go
# through `tarieven.leg_tarief_vast` (overlap check, source, rights table) on the product page or the API.


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ("naam", "agb_code", "kvk_nummer")
    inlines = [ContractInline]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("code", "omschrijving", "domein", "categorie", "eenheid", "frequentie")
