"""Aanbieders, products with tariffs, toewijzingen and the iWmo/iJw 3.2 messages (issue 10, points 6 and 7)."""
