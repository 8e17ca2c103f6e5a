"""Authoring tools: the notebooks' text form, answer files, demo course directories, ``mml demo``.

They may import the grading engine; the engine never imports them."""
