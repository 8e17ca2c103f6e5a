# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Puts HTML and JavaScript into its outputs so that they run in the feedback page of whoever
opens it (the student, the instructor in the formgrader)."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
from IPython.display import HTML, SVG, Javascript, display

display(HTML("<script>document.title = 'mml-owned-html'</script><img src=x onerror=\"document.title='mml-owned-img'\">"))
display(Javascript("document.title = 'mml-owned-js'"))
display(SVG("<svg xmlns='http://www.w3.org/2000/svg'><script>document.title = 'mml-owned-svg'</script></svg>"))


def fixRowTwo(A):
    return A
