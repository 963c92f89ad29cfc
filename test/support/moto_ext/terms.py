"""Terms documents (CreateTerms, UpdateTerms, DescribeTerms, ListTerms, DeleteTerms), which moto 5.2 lacks.

Modelled from the API reference, not observed on AWS:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateTerms.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeTerms.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListTerms.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteTerms.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TermsType.html

- Terms belong to an app client of the pool: an unknown client is ResourceNotFoundException (CreateTerms
  "ClientId: Must be an app client in the requested user pool").
- A terms name is unique per app client: a second one is TermsExistsException, on create and on a rename
  ("Terms document names must be unique to the app client", TermsExistsException).
- At most 40 terms documents per user pool (LimitExceededException; "Managed login terms documents per user
  pool", https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
- UpdateTerms changes only the members it is sent (each is optional there); the client never changes.
- ListTerms answers TermsDescriptionType (no client, no links), MaxResults 1-60 a page, with NextToken.
- A deleted app client takes its terms with it (a terms document cannot outlive the client it is assigned to).
"""

import time
import uuid

from moto.cognitoidp.exceptions import JsonRESTError, ResourceNotFoundError

from registry import operation, pool_state

QUOTA_PER_POOL = 40
DEFAULT_PAGE = 60


class TermsExistsException(JsonRESTError):
    def __init__(self, message):
        super().__init__("TermsExistsException", message)


class LimitExceededException(JsonRESTError):
    def __init__(self, message):
        super().__init__("LimitExceededException", message)


def _terms(backend, user_pool_id):
    """The pool's terms by id, dropping those whose client is gone."""
    state = pool_state(backend, user_pool_id).setdefault("terms", {})
    clients = backend.user_pools[user_pool_id].clients
    for terms_id in [t for t, item in state.items() if item["ClientId"] not in clients]:
        del state[terms_id]
    return state


def _find(backend, params):
    terms = _terms(backend, params["UserPoolId"]).get(params["TermsId"])
    if terms is None:
        raise ResourceNotFoundError(f"Terms {params['TermsId']} does not exist.")
    return terms


def _name_taken(state, client_id, name, except_id=None):
    return any(t["ClientId"] == client_id and t["TermsName"] == name and t["TermsId"] != except_id for t in state.values())


@operation("CreateTerms")
def create_terms(backend, params):
    state = _terms(backend, params["UserPoolId"])
    client_id = params["ClientId"]
    if client_id not in backend.user_pools[params["UserPoolId"]].clients:
        raise ResourceNotFoundError(f"Client {client_id} does not exist in the user pool.")
    if _name_taken(state, client_id, params["TermsName"]):
        raise TermsExistsException(f"Terms {params['TermsName']} already exist for this app client.")
    if len(state) >= QUOTA_PER_POOL:
        raise LimitExceededException(f"A user pool can have at most {QUOTA_PER_POOL} terms documents.")
    now = time.time()
    terms = {
        "TermsId": str(uuid.uuid4()),
        "UserPoolId": params["UserPoolId"],
        "ClientId": client_id,
        "TermsName": params["TermsName"],
        "TermsSource": params["TermsSource"],
        "Enforcement": params["Enforcement"],
        "Links": dict(params.get("Links") or {}),
        "CreationDate": now,
        "LastModifiedDate": now,
    }
    state[terms["TermsId"]] = terms
    return {"Terms": terms}


@operation("UpdateTerms")
def update_terms(backend, params):
    terms = _find(backend, params)
    state = _terms(backend, params["UserPoolId"])
    name = params.get("TermsName", terms["TermsName"])
    if _name_taken(state, terms["ClientId"], name, except_id=terms["TermsId"]):
        raise TermsExistsException(f"Terms {name} already exist for this app client.")
    for member in ("TermsName", "TermsSource", "Enforcement", "Links"):
        if member in params:
            terms[member] = dict(params[member]) if member == "Links" else params[member]
    terms["LastModifiedDate"] = time.time()
    return {"Terms": terms}


@operation("DescribeTerms")
def describe_terms(backend, params):
    return {"Terms": _find(backend, params)}


@operation("DeleteTerms")
def delete_terms(backend, params):
    terms = _find(backend, params)
    del _terms(backend, params["UserPoolId"])[terms["TermsId"]]
    return {}


@operation("ListTerms")
def list_terms(backend, params):
    items = sorted(_terms(backend, params["UserPoolId"]).values(), key=lambda t: (t["CreationDate"], t["TermsId"]))
    start = int(params.get("NextToken") or 0)
    size = params.get("MaxResults", DEFAULT_PAGE)
    page = items[start : start + size]
    answer = {
        "Terms": [
            {key: t[key] for key in ("TermsId", "TermsName", "Enforcement", "CreationDate", "LastModifiedDate")}
            for t in page
        ]
    }
    if start + size < len(items):
        answer["NextToken"] = str(start + size)
    return answer
