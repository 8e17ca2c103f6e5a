"""chain_rule returns f'(g(x)), forgetting to multiply by the inner derivative g'(x)."""
# fails: test_chain_rule_visible, test_chain_rule_hidden
# %% chain_rule
def chain_rule(f, df, g, dg, x):
    return df(g(x))
