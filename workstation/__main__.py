"""``python -m workstation`` and ``main.py``: a headless command, or the window."""

from __future__ import annotations

import sys

from workstation import cli


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command not in cli.GUI_COMMANDS:
        return cli.run_command(args)
    from workstation.ui.app import run_gui  # Qt only when the window is wanted

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
