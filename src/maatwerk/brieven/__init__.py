"""Letters to residents: a restricted template engine, readability measure (B1) and HTML → PDF.

Django-free except for `django.template` (used stand-alone, without settings). The decision app
(`maatwerk.besluiten`) builds the context and stores the result; this package only renders and measures.
"""
