"""Helpers of the Linear Algebra labs: the bear (week 4), PageRank and the eigen
explorer (week 5)."""
