"""chain_rule evaluates the outer derivative at x instead of at the inner value g(x)."""
# fails: test_chain_rule_visible, test_chain_rule_hidden
# %% chain_rule
def chain_rule(f, df, g, dg, x):
    return df(x) * dg(x)
