"""product_rule returns f'(x) g'(x), the tempting but wrong 'derivative of a product'."""
# fails: test_product_rule_visible, test_product_rule_hidden
# %% product_rule
def product_rule(f, df, g, dg, x):
    return df(x) * dg(x)
