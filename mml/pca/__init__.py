"""Helpers of the PCA labs: statistics figures (weeks 1-2) and sign-invariant checks (week 4)."""
