"""SetUICustomization and GetUICustomization (the classic hosted UI's CSS and logo), which moto 5.2 lacks.

Modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html
"Your user pool must have a domain." A ClientId of ALL (or none) sets the pool's default, which applies to
every client without its own. A Set replaces both the CSS and the logo ("You can't set CSS and logo
customization separately": https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html).
Get for a client without its own answers the ALL customization (its ClientId says ALL); with none at all, an
empty shape. The logo comes back as an ImageUrl, never as bytes.
"""

import datetime
import hashlib

from moto.cognitoidp.exceptions import InvalidParameterException, ResourceNotFoundError

from registry import operation, pool_state

ALL = "ALL"


def _customizations(backend, user_pool_id):
    return pool_state(backend, user_pool_id).setdefault("ui_customization", {})


def _client_key(backend, user_pool_id, client_id):
    if client_id in (None, "", ALL):
        return ALL
    if client_id not in backend.user_pools[user_pool_id].clients:
        raise ResourceNotFoundError(f"App client {client_id} does not exist.")
    return client_id


@operation("SetUICustomization")
def set_ui_customization(backend, params):
    user_pool_id = params["UserPoolId"]
    customizations = _customizations(backend, user_pool_id)
    key = _client_key(backend, user_pool_id, params.get("ClientId"))
    if not any(domain.user_pool_id == user_pool_id for domain in backend.user_pool_domains.values()):
        raise InvalidParameterException("A domain must be associated with this user pool.")
    now = datetime.datetime.now(datetime.timezone.utc).timestamp()
    entry = {"CSS": params.get("CSS"), "ImageFile": params.get("ImageFile"), "LastModifiedDate": now}
    entry["CreationDate"] = customizations.get(key, {}).get("CreationDate", now)
    customizations[key] = entry
    return {"UICustomization": _answer(user_pool_id, key, entry)}


@operation("GetUICustomization")
def get_ui_customization(backend, params):
    user_pool_id = params["UserPoolId"]
    customizations = _customizations(backend, user_pool_id)
    key = _client_key(backend, user_pool_id, params.get("ClientId"))
    for candidate in (key, ALL):
        if candidate in customizations:
            return {"UICustomization": _answer(user_pool_id, candidate, customizations[candidate])}
    return {"UICustomization": {"UserPoolId": user_pool_id, "ClientId": key}}


def _answer(user_pool_id, key, entry):
    answer = {
        "UserPoolId": user_pool_id,
        "ClientId": key,
        "CreationDate": entry["CreationDate"],
        "LastModifiedDate": entry["LastModifiedDate"],
    }
    if entry["CSS"] is not None:
        answer["CSS"] = entry["CSS"]
        answer["CSSVersion"] = hashlib.sha256(entry["CSS"].encode()).hexdigest()[:16]
    if entry["ImageFile"]:
        digest = hashlib.sha256(entry["ImageFile"].encode()).hexdigest()[:16]
        answer["ImageUrl"] = f"https://cognito-ui.example/{user_pool_id}/{key}/{digest}/logo"
    return answer
