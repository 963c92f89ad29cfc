"""SetRiskConfiguration and DescribeRiskConfiguration, which moto 5.2 lacks.

Modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeRiskConfiguration.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskConfigurationType.html
- A Set replaces the whole configuration of the pool (no ClientId) or of one app client (ClientId): a part not
  sent is back to its default. A Set with only UserPoolId sets the pool's configuration to defaults; with only
  UserPoolId and ClientId the client goes back to inheriting the pool's.
- "When you include both ClientId and UserPoolId, Amazon Cognito maps the configuration to the app client only."
- Describe with a ClientId answers the client's own configuration; a client without one answers the pool's, whose
  ClientId is absent ("When this parameter isn't present, the risk configuration applies to all user pool app
  clients that don't have client-level settings", RiskConfigurationType.ClientId).
- "To activate this setting, your user pool must be on the Plus tier": a Set that carries settings on another
  plan is refused (tiers.py).
"""

import time

from moto.cognitoidp.exceptions import ResourceNotFoundError

from registry import operation, pool_state
from tiers import require_plus

PARTS = ("CompromisedCredentialsRiskConfiguration", "AccountTakeoverRiskConfiguration", "RiskExceptionConfiguration")


def _client_or_fail(backend, user_pool_id, client_id):
    if client_id not in backend.user_pools[user_pool_id].clients:
        raise ResourceNotFoundError(f"Client {client_id} does not exist in user pool {user_pool_id}.")


@operation("SetRiskConfiguration")
def set_risk_configuration(backend, params):
    user_pool_id = params["UserPoolId"]
    state = pool_state(backend, user_pool_id).setdefault("risk", {"pool": None, "clients": {}})
    client_id = params.get("ClientId")
    if client_id is not None:
        _client_or_fail(backend, user_pool_id, client_id)
    parts = {key: params[key] for key in PARTS if params.get(key) is not None}
    if parts:
        require_plus(backend, user_pool_id, "Threat protection")
    stored = {**parts, "LastModifiedDate": time.time()}
    if client_id is None:
        state["pool"] = stored
    elif parts:
        state["clients"][client_id] = stored
    else:
        state["clients"].pop(client_id, None)
    return {"RiskConfiguration": _answer(user_pool_id, client_id if client_id in state["clients"] else None, stored)}


@operation("DescribeRiskConfiguration")
def describe_risk_configuration(backend, params):
    user_pool_id = params["UserPoolId"]
    state = pool_state(backend, user_pool_id).get("risk", {"pool": None, "clients": {}})
    client_id = params.get("ClientId")
    if client_id is not None:
        _client_or_fail(backend, user_pool_id, client_id)
        own = state["clients"].get(client_id)
        if own is not None:
            return {"RiskConfiguration": _answer(user_pool_id, client_id, own)}
    return {"RiskConfiguration": _answer(user_pool_id, None, state["pool"] or {})}


def _answer(user_pool_id, client_id, stored):
    answer = {"UserPoolId": user_pool_id, **stored}
    if client_id is not None:
        answer["ClientId"] = client_id
    return answer
