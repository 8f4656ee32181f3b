"""Toegang: roles, the purpose-bound access policy, the consent/legal-ground register and the audit log."""
