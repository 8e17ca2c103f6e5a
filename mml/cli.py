"""The ``mml`` console command: instructor and author tools of the course.

Each sub-command lives in the module named after what it does; that module provides
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only when used.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# sub-command -> (module, one-line help)
COMMANDS = {
    "demo": ("mml.authoring.demo", "build, grade and report a demo class (make demo)"),
    "grade": ("mml.grading.command", "autograde submissions safely in a sandbox"),
    "notebook": ("mml.authoring.notebooks", "convert a notebook to/from its editable text form"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="mml", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    chosen = next((a for a in argv if a in COMMANDS), None)
    module = None
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text)
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(command_parser)
    args = parser.parse_args(argv)
    return module.run(args) if module is not None else 2


if __name__ == "__main__":
    sys.exit(main())
