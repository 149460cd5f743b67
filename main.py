"""Start the credit workstation: ``python main.py --help`` lists the commands."""

import sys

from workstation.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
