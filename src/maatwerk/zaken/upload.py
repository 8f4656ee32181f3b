"""Receiving a document upload without holding it in memory and without a 500 when it is too large.

Django counts only the non-file fields against DATA_UPLOAD_MAX_MEMORY_SIZE (1 MB), so a multipart upload of a
document passes the API's and the forms' 1 MB limit deliberately; the document limit is enforced here:
1. `te_groot_verzoek`: a request body (Content-Length) above the document limit + 1 MB (room for the form's
   other fields and the multipart framing) is refused before anything is read: 413 with a Dutch message.
2. `GrensHandler`, first in the request's upload handlers: counts the bytes of each file as they stream in
   and, past the limit, drops that file (`SkipFile`: Django reads on to the end of the part but keeps nothing)
   and remembers it, so the service answers "Bestand: ... groter dan 10 MB" with the other fields kept.
Everything below FILE_UPLOAD_MAX_MEMORY_SIZE stays in memory, everything above goes to a temporary file.
Install the handler before the request body is parsed (pages: before the CSRF check reads request.POST,
hence `csrf_exempt` + `csrf_protect` around the page view, as Django's documentation describes).
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from maatwerk.zaken.documenten import max_bytes

MARGE = 1024 * 1024  # the other fields (at most DATA_UPLOAD_MAX_MEMORY_SIZE) and the multipart framing


class GrensHandler(FileUploadHandler):
    """Passes chunks on to the next handler until a file exceeds the document limit; then skips that file."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limiet = max_bytes()
        self.te_groot: set[str] = set()
        self._ontvangen = 0

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self._ontvangen = 0

    def receive_data_chunk(self, raw_data, start):
        self._ontvangen += len(raw_data)
        if self._ontvangen > self.limiet:
            self.te_groot.add(self.field_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


def installeer(django_request) -> GrensHandler:
    """Put the limit first among the upload handlers of `django_request` (before its body is read)."""
    handler = GrensHandler(django_request)
    django_request.upload_handlers.insert(0, handler)
    return handler


def te_groot_verzoek(django_request) -> bool:
    try:
        lengte = int(django_request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return lengte > max_bytes() + MARGE
