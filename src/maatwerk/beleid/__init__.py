"""Municipal policy as dated, approved versions, and the impact of a proposed change (issue 12, points 1-3)."""
