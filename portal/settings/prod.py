"""Production: everything secure by default; the environment must supply the secret and hosts."""

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN, env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Browsers fetch any http:// reference on our https pages over https instead.
CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY, "upgrade-insecure-requests": []}
CONTENT_SECURITY_POLICY_ADMIN = {**CONTENT_SECURITY_POLICY_ADMIN, "upgrade-insecure-requests": []}

# Readers' pages are cached; every change an editor or an import makes invalidates them at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
