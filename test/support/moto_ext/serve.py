"""moto's server with the Cognito operations it lacks (see registry.py), started by test/support/moto.ts.

Usage: python3 serve.py -H 127.0.0.1 -p PORT   (the arguments of `python3 -m moto.server`)
Each module listed in OPERATION_MODULES registers its operations when imported.
"""

import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

OPERATION_MODULES = ["log_delivery", "managed_login_branding", "risk_configuration", "ui_customization", "mfa_config", "domains", "terms"]

for module in OPERATION_MODULES:
    importlib.import_module(module)

from moto.server import main  # noqa: E402  (after the operations are registered)

if __name__ == "__main__":
    main(sys.argv[1:])
