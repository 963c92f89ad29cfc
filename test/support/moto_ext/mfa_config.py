"""SetUserPoolMfaConfig and GetUserPoolMfaConfig with the factors moto 5.2 drops.

moto keeps only SMS and TOTP: it answers 200 to EmailMfaConfiguration and WebAuthnConfiguration, then
forgets them, and refuses MFA ON when email is the only factor. These replace moto's two operations and
are modelled from the API reference:
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolMfaConfig.html
https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
- A Set replaces the MFA factors: SMS, TOTP or email left out is off afterwards. A Set without
  WebAuthnConfiguration keeps the passkey settings (they also serve passkey sign-in, not only MFA).
- MfaConfiguration ON or OPTIONAL needs a factor: SMS, TOTP or email.
- SmsMfaConfiguration carries its SmsConfiguration (moto's own rule, kept).
- Email MFA and passkeys as MFA (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION) need the
  Essentials tier or higher (FeatureUnavailableInTierException); email MFA also needs the pool to send
  email with Amazon SES, EmailSendingAccount DEVELOPER
  (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html).
- WebAuthnConfiguration answers with its defaults filled in: UserVerification "preferred" and
  FactorConfiguration "SINGLE_FACTOR".
"""

from moto.cognitoidp.exceptions import InvalidParameterException
from moto.core.exceptions import JsonRESTError

from api_model import validate_input
from registry import operation, pool_state

# Newer than the vendored API model, which lacks WebAuthnConfigurationType.FactorConfiguration.
FACTOR_CONFIGURATIONS = ("SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION")
TIERS_WITH_EMAIL_MFA = ("ESSENTIALS", "PLUS")


class FeatureUnavailableInTierException(JsonRESTError):
    def __init__(self, message):
        super().__init__("FeatureUnavailableInTierException", message)


def _validate(name, params):
    web_authn = params.get("WebAuthnConfiguration")
    factor = web_authn.get("FactorConfiguration") if isinstance(web_authn, dict) else None
    if factor is not None and factor not in FACTOR_CONFIGURATIONS:
        raise InvalidParameterException(
            "1 validation error detected: Value at 'webAuthnConfiguration.factorConfiguration' failed to satisfy "
            f"constraint: Member must satisfy enum value set: [{', '.join(FACTOR_CONFIGURATIONS)}]"
        )
    rest = dict(params)
    if isinstance(web_authn, dict):
        rest["WebAuthnConfiguration"] = {k: v for k, v in web_authn.items() if k != "FactorConfiguration"}
    validate_input(name, rest)


@operation("SetUserPoolMfaConfig", validate=_validate)
def set_user_pool_mfa_config(backend, params):
    pool_id = params["UserPoolId"]
    pool = backend.describe_user_pool(pool_id)
    state = pool_state(backend, pool_id)
    mfa = params.get("MfaConfiguration") or pool.mfa_config or "OFF"
    sms = params.get("SmsMfaConfiguration")
    totp = params.get("SoftwareTokenMfaConfiguration")
    email = params.get("EmailMfaConfiguration")
    web_authn = params.get("WebAuthnConfiguration")
    if sms is not None and "SmsConfiguration" not in sms:
        raise InvalidParameterException("[SmsConfiguration] is a required member of [SmsMfaConfiguration].")
    if mfa in ("ON", "OPTIONAL") and sms is None and not (totp or {}).get("Enabled") and email is None:
        raise InvalidParameterException(
            "At least one of [SmsMfaConfiguration], [SoftwareTokenMfaConfiguration] or [EmailMfaConfiguration] must be provided."
        )
    tier = pool.extended_config.get("UserPoolTier") or "ESSENTIALS"
    if email is not None:
        if tier not in TIERS_WITH_EMAIL_MFA:
            raise FeatureUnavailableInTierException("Email MFA is not available in the LITE feature plan.")
        sending = (pool.extended_config.get("EmailConfiguration") or {}).get("EmailSendingAccount")
        if sending != "DEVELOPER":
            raise InvalidParameterException("Email MFA requires the user pool to send email with Amazon SES (EmailSendingAccount DEVELOPER).")
    if web_authn and web_authn.get("FactorConfiguration") == "MULTI_FACTOR_WITH_USER_VERIFICATION" and tier not in TIERS_WITH_EMAIL_MFA:
        raise FeatureUnavailableInTierException("Passkeys as MFA are not available in the LITE feature plan.")
    pool.mfa_config = mfa
    pool.sms_mfa_config = sms
    pool.token_mfa_config = totp
    state["email_mfa"] = email
    if web_authn is not None:
        state["web_authn"] = {"UserVerification": "preferred", "FactorConfiguration": "SINGLE_FACTOR", **web_authn}
    return _answer(pool, state)


@operation("GetUserPoolMfaConfig")
def get_user_pool_mfa_config(backend, params):
    pool = backend.describe_user_pool(params["UserPoolId"])
    return _answer(pool, pool_state(backend, params["UserPoolId"]))


def _answer(pool, state):
    answer = {
        "SmsMfaConfiguration": pool.sms_mfa_config,
        "SoftwareTokenMfaConfiguration": pool.token_mfa_config,
        "EmailMfaConfiguration": state.get("email_mfa"),
        "MfaConfiguration": pool.mfa_config,
        "WebAuthnConfiguration": state.get("web_authn"),
    }
    return {key: value for key, value in answer.items() if value is not None}
