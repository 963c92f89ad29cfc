"""Request validation from the Cognito API model vendored in the repository
(test/fixtures/reference/aws-cognito-identity-provider.smithy.json, the official Smithy model).

The operations this package adds to moto check their input the way the service does: required
members, enums, string and blob lengths, patterns, numeric ranges and list sizes, each refused with
an InvalidParameterException naming the member, as the API reference describes for every operation
(https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html).
"""

import base64
import json
import os

try:  # the model's patterns use \\p{L}-style classes, which only the `regex` package understands
    import regex as _re
except ImportError:  # pragma: no cover - plain `re` skips those patterns
    import re as _re

from moto.cognitoidp.exceptions import InvalidParameterException

PREFIX = "com.amazonaws.cognitoidentityprovider#"
MODEL_PATH = os.path.join(
    os.path.dirname(__file__), "..", "..", "fixtures", "reference", "aws-cognito-identity-provider.smithy.json"
)

with open(MODEL_PATH, encoding="utf-8") as handle:
    SHAPES = json.load(handle)["shapes"]


def shape(name):
    return SHAPES[name if "#" in name else PREFIX + name]


def validate_input(operation, params):
    """Raises InvalidParameterException when `params` breaks the model's rules for `operation`'s input."""
    input_target = shape(operation)["input"]["target"]
    _check_structure(input_target, params, "")


def _fail(path, rule):
    raise InvalidParameterException(f"1 validation error detected: Value at '{path or 'input'}' failed to satisfy constraint: {rule}")


def _check(target, value, path):
    if target.startswith("smithy.api#"):
        return
    definition = SHAPES[target]
    kind = definition["type"]
    traits = definition.get("traits", {})
    if kind == "structure":
        _check_structure(target, value, path)
    elif kind == "list":
        _check_list(definition, value, path)
    elif kind == "map":
        _check_map(definition, value, path)
    elif kind == "enum":
        allowed = [m["traits"]["smithy.api#enumValue"] for m in definition["members"].values()]
        if value not in allowed:
            _fail(path, f"Member must satisfy enum value set: [{', '.join(allowed)}]")
    elif kind == "string":
        _check_string(traits, value, path)
    elif kind == "blob":
        _check_length(traits, len(base64.b64decode(value)) if isinstance(value, str) else 0, path)
    elif kind in ("integer", "long"):
        _check_range(traits, value, path)


def _check_structure(target, value, path):
    if not isinstance(value, dict):
        _fail(path, "Member must be an object")
    members = SHAPES[target].get("members", {})
    for name, member in members.items():
        member_path = f"{path}.{name}" if path else name
        if name not in value or value[name] is None:
            if "smithy.api#required" in member.get("traits", {}):
                _fail(member_path, "Member must not be null")
            continue
        _check(member["target"], value[name], member_path)
    unknown = sorted(set(value) - set(members))
    if unknown:
        _fail(path, f"Unknown member {unknown[0]}")


def _check_list(definition, value, path):
    if not isinstance(value, list):
        _fail(path, "Member must be a list")
    _check_length(definition.get("traits", {}), len(value), path)
    for index, item in enumerate(value):
        _check(definition["member"]["target"], item, f"{path}.{index + 1}.member")


def _check_map(definition, value, path):
    if not isinstance(value, dict):
        _fail(path, "Member must be a map")
    _check_length(definition.get("traits", {}), len(value), path)
    for key, item in value.items():
        _check(definition["key"]["target"], key, f"{path}.key")
        _check(definition["value"]["target"], item, f"{path}.{key}")


def _check_string(traits, value, path):
    if not isinstance(value, str):
        _fail(path, "Member must be a string")
    _check_length(traits, len(value), path)
    pattern = traits.get("smithy.api#pattern")
    if pattern and not (_re.__name__ == "re" and "\\p{" in pattern) and not _re.search(pattern, value):
        _fail(path, f"Member must satisfy regular expression pattern: {pattern}")


def _check_length(traits, size, path):
    length = traits.get("smithy.api#length", {})
    if "min" in length and size < length["min"]:
        _fail(path, f"Member must have length greater than or equal to {length['min']}")
    if "max" in length and size > length["max"]:
        _fail(path, f"Member must have length less than or equal to {length['max']}")


def _check_range(traits, value, path):
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(path, "Member must be a number")
    bounds = traits.get("smithy.api#range", {})
    if "min" in bounds and value < bounds["min"]:
        _fail(path, f"Member must have value greater than or equal to {bounds['min']}")
    if "max" in bounds and value > bounds["max"]:
        _fail(path, f"Member must have value less than or equal to {bounds['max']}")
