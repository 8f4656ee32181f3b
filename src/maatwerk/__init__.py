"""Maatwerk: het sociaal domein van een gemeente, met uitlegbare regels."""

__version__ = "0.1.0"
