"""The monitor (issue 12, point 5): figures on how the ordinance works in practice, without personal data."""
