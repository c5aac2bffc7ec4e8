import sys

from fashiondesk.cli.main import main

sys.exit(main())
