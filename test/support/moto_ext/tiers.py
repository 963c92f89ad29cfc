"""The pool's feature plan, as the operations gated by it read it.

CreateUserPool / UpdateUserPool keep `UserPoolTier` in moto's extended config; a pool that never set one is on
AWS's default, ESSENTIALS (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html).
A feature of a higher plan is refused with FeatureUnavailableInTierException, the error the API reference lists
for tier-gated operations.
"""

from moto.core.exceptions import JsonRESTError


class FeatureUnavailableInTierException(JsonRESTError):
    def __init__(self, message):
        super().__init__(error_type="FeatureUnavailableInTierException", message=message)


def pool_tier(backend, user_pool_id):
    pool = backend.user_pools[user_pool_id]
    return pool.extended_config.get("UserPoolTier") or "ESSENTIALS"


def require_plus(backend, user_pool_id, feature):
    if pool_tier(backend, user_pool_id) != "PLUS":
        raise FeatureUnavailableInTierException(f"{feature} requires the PLUS feature plan.")
