"""The consulent's side of the loket, kept small and purpose-bound: the gespreksverzoeken of his own domain."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from maatwerk.loket.gesprek import verzoeken_voor
from maatwerk.toegang.views import ui_context


@login_required
def gespreksverzoeken(request):
    verzoeken = verzoeken_voor(request.user)
    return render(request, "loket/medewerker/gespreksverzoeken.html",
                  {**ui_context(request, "gespreksverzoeken"), "verzoeken": verzoeken})
