"""A local mock of a DigiD OpenID Connect broker, shipped for the demo and the tests (issue 9, point 2), like
Open Formulieren's DigiD mock. Mounted at /digid-mock/ only when MAATWERK_DIGID_MOCK is on: on by default
outside production, off with MAATWERK_PRODUCTIE=1 unless explicitly enabled. Never a real identity check:
whoever opens the page can be anyone."""
