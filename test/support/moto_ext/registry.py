"""How an operation moto lacks is added to its Cognito server.

`operation("SetLogDeliveryConfiguration")` turns `handler(backend, params) -> dict` into a method of
moto's CognitoIdpResponse named as moto names its own (set_log_delivery_configuration), so the real
SDK reaches it over HTTP like any other call. The request is first checked against the API model
(api_model.py). State an operation keeps per user pool lives in `pool_state`, keyed by moto's own
pool object: it goes when the pool is deleted or moto is reset.
"""

import json
import re
import weakref

from moto.cognitoidp.exceptions import ResourceNotFoundError
from moto.cognitoidp.responses import CognitoIdpResponse

from api_model import validate_input

_POOL_STATE = weakref.WeakKeyDictionary()
ADDED = []


def operation(name, validate=validate_input):
    """`validate(name, params)` checks the request first; a module whose operation the vendored model
    describes only in part (a member added later) passes its own check that covers the rest."""

    def register(handler):
        def method(self):
            params = json.loads(self.body or "{}")
            validate(name, params)
            return json.dumps(handler(self.backend, params) or {})

        setattr(CognitoIdpResponse, _snake_case(name), method)
        ADDED.append(name)
        return handler

    return register


def pool_state(backend, user_pool_id):
    """The extension's state of one user pool (a dict); ResourceNotFoundException when there is no such pool."""
    pool = backend.user_pools.get(user_pool_id)
    if pool is None:
        raise ResourceNotFoundError(f"User pool {user_pool_id} does not exist.")
    return _POOL_STATE.setdefault(pool, {})


def _snake_case(name):
    return re.sub(r"(?<!^)(?=[A-Z][a-z])|(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
