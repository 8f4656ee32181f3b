"""Loket for residents (issue 9): the anonymous self-check "Waar heb ik recht op?", the guide for Wmo and Jeugd,
resident login through OpenID Connect (DigiD, with machtigen) and "Ik wil een gesprek". Everything lives under
/loket/; a resident (a user linked to a BSN, without any role) can open nothing else (middleware.py)."""
