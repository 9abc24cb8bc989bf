import sys

from ogp_monitor.cli import main

sys.exit(main())
