"""SetLogDeliveryConfiguration and GetLogDeliveryConfiguration, which moto 5.2 lacks.

Modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetLogDeliveryConfiguration.html
A Set replaces the whole list; a pool that never had one answers with an empty list. Each entry names
exactly one destination (CloudWatch Logs, S3 or Firehose), and one event source appears at most once.
What each event source takes (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html):
user notification logs at ERROR to CloudWatch Logs; user authentication logs at INFO to any of the three, and
only with the Plus feature plan (tiers.py). A delete of the pool takes its settings along (registry.pool_state).
"""

from moto.cognitoidp.exceptions import InvalidParameterException

from registry import operation, pool_state
from tiers import require_plus

DESTINATIONS = ("CloudWatchLogsConfiguration", "S3Configuration", "FirehoseConfiguration")


@operation("SetLogDeliveryConfiguration")
def set_log_delivery_configuration(backend, params):
    configurations = params["LogConfigurations"]
    sources = [entry["EventSource"] for entry in configurations]
    if len(set(sources)) != len(sources):
        raise InvalidParameterException("Each EventSource may have one log configuration.")
    for entry in configurations:
        if sum(1 for key in DESTINATIONS if entry.get(key)) != 1:
            raise InvalidParameterException("A log configuration names exactly one destination.")
        if entry["EventSource"] == "userNotification" and (entry["LogLevel"] != "ERROR" or not entry.get("CloudWatchLogsConfiguration")):
            raise InvalidParameterException("userNotification logs are delivered at LogLevel ERROR to CloudWatchLogsConfiguration.")
        if entry["EventSource"] == "userAuthEvents":
            if entry["LogLevel"] != "INFO":
                raise InvalidParameterException("userAuthEvents logs are delivered at LogLevel INFO.")
            require_plus(backend, params["UserPoolId"], "userAuthEvents log delivery")
    pool_state(backend, params["UserPoolId"])["log_delivery"] = configurations
    return {"LogDeliveryConfiguration": _answer(params["UserPoolId"], configurations)}


@operation("GetLogDeliveryConfiguration")
def get_log_delivery_configuration(backend, params):
    configurations = pool_state(backend, params["UserPoolId"]).get("log_delivery", [])
    return {"LogDeliveryConfiguration": _answer(params["UserPoolId"], configurations)}


def _answer(user_pool_id, configurations):
    return {"UserPoolId": user_pool_id, "LogConfigurations": configurations}
