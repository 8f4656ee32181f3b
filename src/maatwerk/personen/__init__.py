"""Personen: inwoners, huishoudens and the monthly income/vermogen records the Regelkern reads."""
