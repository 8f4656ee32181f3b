"""Zaken: one case per regeling for a huishouden, with its procedure, onderzoek, bevindingen and besluit."""
