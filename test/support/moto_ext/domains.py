"""User pool domains as Cognito keeps them: one prefix domain and one custom domain per pool.

moto 5.2 stores domains but forgets their CustomDomainConfig and ManagedLoginVersion, names only one of
them in DescribeUserPool (always as `Domain`, never `CustomDomain`), and lets a pool take any number of
domains. These wrap moto's domain operations and DescribeUserPool, modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolDomain.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html
- A domain with CustomDomainConfig is a custom domain (a fully-qualified name); without, a prefix.
- A pool has at most one of each kind; a domain name belongs to one pool.
- ManagedLoginVersion is 1 (hosted UI, classic) unless 2 (managed login) is asked for; version 2 needs a
  tier other than Lite (FeatureUnavailableInTierException).
- DescribeUserPool names the prefix domain in `Domain` and the custom one in `CustomDomain`.
"""

import datetime
import re

from moto.cognitoidp.exceptions import InvalidParameterException, ResourceNotFoundError

from api_model import validate_input
from mfa_config import FeatureUnavailableInTierException
from registry import operation, pool_state

# The model's DomainType pattern is the prefix form; a custom domain is a fully-qualified name of labels.
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def _validate(name, params):
    domain = params.get("Domain")
    if isinstance(domain, str) and "." in domain:
        if len(domain) > 63 or not all(LABEL.match(label) for label in domain.split(".")):
            raise InvalidParameterException(f"Domain {domain} is not a valid domain name.")
        params = {**params, "Domain": "custom"}
    validate_input(name, params)


def _versions(backend, pool_id):
    return pool_state(backend, pool_id).setdefault("managed_login_versions", {})


def _check_version(backend, pool_id, version):
    if version is None:
        return
    if version not in (1, 2):
        raise InvalidParameterException("ManagedLoginVersion must be 1 or 2.")
    tier = backend.describe_user_pool(pool_id).extended_config.get("UserPoolTier") or "ESSENTIALS"
    if version == 2 and tier == "LITE":
        raise FeatureUnavailableInTierException("Managed login is not available in the LITE feature plan.")


def _pool_domains(backend, pool_id):
    return [d for d in backend.user_pool_domains.values() if d.user_pool_id == pool_id]


def _is_custom(domain):
    return bool(domain.custom_domain_config)


@operation("CreateUserPoolDomain", validate=_validate)
def create_user_pool_domain(backend, params):
    pool_id, name = params["UserPoolId"], params["Domain"]
    backend.describe_user_pool(pool_id)
    custom = params.get("CustomDomainConfig")
    if name in backend.user_pool_domains:
        raise InvalidParameterException("Domain already associated with another user pool.")
    if custom is None and "." in name:
        raise InvalidParameterException("A custom domain needs CustomDomainConfig with an ACM certificate.")
    if custom is not None and "." not in name:
        raise InvalidParameterException("CustomDomainConfig is only for a custom domain (a fully-qualified domain name).")
    kind = "custom" if custom else "prefix"
    if any(_is_custom(d) == bool(custom) for d in _pool_domains(backend, pool_id)):
        raise InvalidParameterException(f"The user pool already has a {kind} domain.")
    version = params.get("ManagedLoginVersion")
    _check_version(backend, pool_id, version)
    created = backend.create_user_pool_domain(pool_id, name, custom)
    _versions(backend, pool_id)[name] = version or 1
    return {**created.to_json(extended=False), "ManagedLoginVersion": version or 1}


@operation("DescribeUserPoolDomain", validate=_validate)
def describe_user_pool_domain(backend, params):
    domain = backend.describe_user_pool_domain(params["Domain"])
    if domain is None:
        return {"DomainDescription": {}}
    description = domain.to_json()
    description = {key: value for key, value in description.items() if value is not None}
    if domain.custom_domain_config:
        description["CustomDomainConfig"] = domain.custom_domain_config
    description["ManagedLoginVersion"] = _versions(backend, domain.user_pool_id).get(domain.domain, 1)
    return {"DomainDescription": description}


@operation("UpdateUserPoolDomain", validate=_validate)
def update_user_pool_domain(backend, params):
    name, pool_id = params["Domain"], params["UserPoolId"]
    domain = backend.user_pool_domains.get(name)
    if domain is None or domain.user_pool_id != pool_id:
        raise ResourceNotFoundError(name)
    custom = params.get("CustomDomainConfig")
    if custom is not None:
        if not _is_custom(domain):
            raise InvalidParameterException("CustomDomainConfig is only for a custom domain.")
        domain.custom_domain_config = custom
    version = params.get("ManagedLoginVersion")
    _check_version(backend, pool_id, version)
    versions = _versions(backend, pool_id)
    if version is not None:
        versions[name] = version
    return {**domain.to_json(extended=False), "ManagedLoginVersion": versions.get(name, 1)}


@operation("DeleteUserPoolDomain", validate=_validate)
def delete_user_pool_domain(backend, params):
    name, pool_id = params["Domain"], params["UserPoolId"]
    domain = backend.user_pool_domains.get(name)
    if domain is None or domain.user_pool_id != pool_id:
        raise ResourceNotFoundError(name)
    backend.delete_user_pool_domain(name)
    _versions(backend, pool_id).pop(name, None)
    return {}


@operation("DescribeUserPool")
def describe_user_pool(backend, params):
    pool = backend.describe_user_pool(params["UserPoolId"])
    answer = _epoch_seconds(pool.to_json(extended=True))
    answer.pop("Domain", None)
    for domain in _pool_domains(backend, pool.id):
        answer["CustomDomain" if _is_custom(domain) else "Domain"] = domain.domain
    return {"UserPool": answer}


def _epoch_seconds(value):
    """Timestamps as the JSON protocol sends them (seconds since the epoch), as moto's own answer does."""
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {key: _epoch_seconds(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_epoch_seconds(item) for item in value]
    return value
