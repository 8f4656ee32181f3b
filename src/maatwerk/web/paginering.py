"""Paginated lists, in the API and in the pages (issue 7: "lists in the API and pages are paginated").

API: every list answers `{"count", "next", "previous", "results"}` (DRF's PageNumberPagination, `?page=N`,
PAGE_SIZE in settings), also the lists under a zaak or inwoner (`@action`s), so no answer grows without
bound. Pages: `pagineer` cuts a list into pages of `PER_PAGINA` with `?pagina=N` (Django's Paginator).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PER_PAGINA = 50


def gepagineerd(view, rijen, serializer_class, **kwargs):
    """The paginated answer of a list-like action of a GenericViewSet (`rijen`: a queryset or a list)."""
    pagina = view.paginate_queryset(rijen)
    return view.get_paginated_response(serializer_class(pagina, many=True, **kwargs).data)


def pagineer(request, rijen, *, parameter: str = "pagina", per_pagina: int | None = None) -> Page:
    """Page `?<parameter>=N` of `rijen` (an invalid or too high number gives the nearest page). The page
    carries `vorige_url`/`volgende_url` that keep the other query parameters."""
    pagina = Paginator(rijen, per_pagina or PER_PAGINA).get_page(request.GET.get(parameter))
    overige = request.GET.copy()
    overige.pop(parameter, None)

    def url(nummer: int) -> str:
        overige[parameter] = nummer
        return "?" + overige.urlencode()

    pagina.vorige_url = url(pagina.previous_page_number()) if pagina.has_previous() else ""
    pagina.volgende_url = url(pagina.next_page_number()) if pagina.has_next() else ""
    return pagina
