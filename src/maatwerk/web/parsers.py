"""The API's JSON parser, with the input limits of the Regelkern (issue 7, "bad input everywhere").

Python's json module raises RecursionError on deeply nested input (DRF's parser lets that through: a 500).
This parser refuses nesting deeper than MAX_INVOER_DIEPTE and, should it get a stream that Django has not
already limited to DATA_UPLOAD_MAX_MEMORY_SIZE, reads at most 1 MB + 1 byte and refuses more: a Dutch 400 that
names the field `invoer`, through the exception handler (maatwerk.web.fouten). Text that is not JSON keeps
the handler's parse error ("De invoer is geen geldige JSON.").
"""

from __future__ import annotations

from rest_framework import exceptions, parsers

from maatwerk.regels.invoer import MAX_INVOER_BYTES, OngeldigeJSON, lees_json


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = stream.read(MAX_INVOER_BYTES + 1) if stream is not None else b""
        try:
            return lees_json(data, "invoer")
        except OngeldigeJSON as fout:
            raise exceptions.ParseError(fout.bericht) from None  # "De invoer is geen geldige JSON." (fouten.py)
