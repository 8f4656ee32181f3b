"""Ambtshalve individuele inkomenstoeslag and the non-take-up list (issue 12, point 4; seed 002 §8.2)."""
