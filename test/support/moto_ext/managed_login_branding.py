"""Create/Update/Describe(ByClient)/DeleteManagedLoginBranding, which moto 5.2 lacks.

Modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateManagedLoginBranding.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBranding.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBrandingByClient.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteManagedLoginBranding.html
A style belongs to one app client ("Each style is linked to an app client until you delete it"); a second
Create for the same client answers ManagedLoginBrandingExistsException. UseCognitoProvidedValues must come
without Settings and Assets. Update "preserves existing style settings that you don't specify". A pool has
at most 20 styles (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
"""

import datetime
import uuid

from moto.cognitoidp.exceptions import InvalidParameterException, JsonRESTError, ResourceNotFoundError

from registry import operation, pool_state

MAX_STYLES = 20


class ManagedLoginBrandingExistsException(JsonRESTError):
    def __init__(self, message):
        super().__init__(error_type="ManagedLoginBrandingExistsException", message=message)


class LimitExceededException(JsonRESTError):
    def __init__(self, message):
        super().__init__(error_type="LimitExceededException", message=message)


def _styles(backend, user_pool_id):
    return pool_state(backend, user_pool_id).setdefault("managed_login_branding", {})


def _check_defaults_alone(params):
    if params.get("UseCognitoProvidedValues") and (params.get("Settings") is not None or params.get("Assets")):
        raise InvalidParameterException("Settings and Assets must be omitted when UseCognitoProvidedValues is true.")


def _now():
    return datetime.datetime.now(datetime.timezone.utc).timestamp()


@operation("CreateManagedLoginBranding")
def create_managed_login_branding(backend, params):
    user_pool_id = params["UserPoolId"]
    styles = _styles(backend, user_pool_id)
    client_id = params["ClientId"]
    if client_id not in backend.user_pools[user_pool_id].clients:
        raise ResourceNotFoundError(f"App client {client_id} does not exist.")
    _check_defaults_alone(params)
    if any(style["client_id"] == client_id for style in styles.values()):
        raise ManagedLoginBrandingExistsException(f"App client {client_id} already has a managed login branding style.")
    if len(styles) >= MAX_STYLES:
        raise LimitExceededException(f"A user pool has at most {MAX_STYLES} managed login branding styles.")
    style_id = str(uuid.uuid4())
    styles[style_id] = {
        "client_id": client_id,
        "UseCognitoProvidedValues": bool(params.get("UseCognitoProvidedValues")),
        "Settings": params.get("Settings"),
        "Assets": params.get("Assets") or [],
        "CreationDate": _now(),
        "LastModifiedDate": _now(),
    }
    return {"ManagedLoginBranding": _answer(user_pool_id, style_id, styles[style_id])}


@operation("UpdateManagedLoginBranding")
def update_managed_login_branding(backend, params):
    user_pool_id = params.get("UserPoolId")
    if not user_pool_id:
        raise InvalidParameterException("UserPoolId is required.")
    style_id = params.get("ManagedLoginBrandingId")
    style = _styles(backend, user_pool_id).get(style_id)
    if style is None:
        raise ResourceNotFoundError(f"Managed login branding {style_id} does not exist.")
    _check_defaults_alone(params)
    if params.get("UseCognitoProvidedValues"):
        style.update({"UseCognitoProvidedValues": True, "Settings": None, "Assets": []})
    else:
        style["UseCognitoProvidedValues"] = False
        if params.get("Settings") is not None:
            style["Settings"] = params["Settings"]
        if params.get("Assets") is not None:
            style["Assets"] = params["Assets"]
    style["LastModifiedDate"] = _now()
    return {"ManagedLoginBranding": _answer(user_pool_id, style_id, style)}


@operation("DescribeManagedLoginBranding")
def describe_managed_login_branding(backend, params):
    user_pool_id = params["UserPoolId"]
    style_id = params["ManagedLoginBrandingId"]
    style = _styles(backend, user_pool_id).get(style_id)
    if style is None:
        raise ResourceNotFoundError(f"Managed login branding {style_id} does not exist.")
    return {"ManagedLoginBranding": _answer(user_pool_id, style_id, style)}


@operation("DescribeManagedLoginBrandingByClient")
def describe_managed_login_branding_by_client(backend, params):
    user_pool_id = params["UserPoolId"]
    for style_id, style in _styles(backend, user_pool_id).items():
        if style["client_id"] == params["ClientId"]:
            return {"ManagedLoginBranding": _answer(user_pool_id, style_id, style)}
    raise ResourceNotFoundError(f"App client {params['ClientId']} has no managed login branding style.")


@operation("DeleteManagedLoginBranding")
def delete_managed_login_branding(backend, params):
    styles = _styles(backend, params["UserPoolId"])
    if styles.pop(params["ManagedLoginBrandingId"], None) is None:
        raise ResourceNotFoundError(f"Managed login branding {params['ManagedLoginBrandingId']} does not exist.")
    return {}


def _answer(user_pool_id, style_id, style):
    answer = {
        "ManagedLoginBrandingId": style_id,
        "UserPoolId": user_pool_id,
        "UseCognitoProvidedValues": style["UseCognitoProvidedValues"],
        "Assets": style["Assets"],
        "CreationDate": style["CreationDate"],
        "LastModifiedDate": style["LastModifiedDate"],
    }
    if style["Settings"] is not None:
        answer["Settings"] = style["Settings"]
    return answer
