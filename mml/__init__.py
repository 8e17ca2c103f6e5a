"""mml — the helper package of the Mathematics for Machine Learning course.

One module per concern, imported by the notebooks (``from mml import checks``) and by the
instructor tools (``mml demo``, ``mml grade``).
"""

__version__ = "0.1.0"
