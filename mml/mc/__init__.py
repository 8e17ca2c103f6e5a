"""Helpers of the Multivariate Calculus labs: the sandpit (weeks 2 and 5), backpropagation (week 3),
Taylor series (week 4)."""
