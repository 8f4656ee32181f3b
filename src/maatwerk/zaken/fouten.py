"""Domain errors of the case system. The API turns them into 409 Conflict with the Dutch message."""


class ProcedureFout(Exception):
    """A step the procedure (the ordinance, the Awb or local policy) does not allow now. The message names
    the rule (article and lid) and, where possible, what has to happen first."""

    def __init__(self, bericht: str, *, code: str = "procedure"):
        super().__init__(bericht)
        self.bericht = bericht
        self.code = code

    def __str__(self) -> str:
        return self.bericht


class VierOgenFout(ProcedureFout):
    """The four-eyes principle blocks the step (mandate, deviation, same person)."""


class OnveranderlijkFout(ProcedureFout):
    """An attempt to change or delete something that is fixed (a version, a bekendgemaakt besluit, a sent letter)."""

    def __init__(self, bericht: str):
        super().__init__(bericht, code="onveranderlijk")
