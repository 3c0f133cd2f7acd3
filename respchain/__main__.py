import sys

from respchain.cli import main

sys.exit(main())
