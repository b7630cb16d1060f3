"""Settings shared by every environment, read from the environment.

Everything that differs between a newcomer's laptop and production (database, secret key, debug,
hosts, cache) comes from environment variables, so one settings module serves both; `dev`, `prod`
and `test` only change defaults.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent


class Env(environ.Env):
    # django-environ maps memcached URLs to clients Django no longer ships; PyMemcacheCache is current.
    CACHE_SCHEMES = {
        **environ.Env.CACHE_SCHEMES,
        "memcache": "django.core.cache.backends.memcached.PyMemcacheCache",
        "pymemcache": "django.core.cache.backends.memcached.PyMemcacheCache",
    }


env = Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "organizations",
    "articles",
    "importer",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the middleware that add Vary headers (sessions, locale), so stored pages honour them.
    "portal.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.sections",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Connections outlive a request (a pool replaces them on PostgreSQL): opening one, and on SQLite
# running its PRAGMAs, cost about 1.3 ms of a 7-9 ms listing page.
if not env.bool("DATABASE_POOL", default=False):
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Health checks make a restarted server invisible to readers; the pool keeps connections warm.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.bool("DATABASE_POOL", default=False):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = True
    # Parameters bound by the server, so psycopg prepares the statements a connection runs again and
    # again (the archive's version, a page's rows) and the server plans each once, not per request.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "server_side_binding", env.bool("DATABASE_SERVER_SIDE_BINDING", default=True)
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers browse the site while an import writes, and with synchronous=NORMAL a commit
    # no longer waits for an fsync (the WAL is synced at checkpoints): a power cut may lose the last
    # files imported, never corrupt the database, and rerunning the import restores them.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
    )

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Seconds a reader's page stays cached (portal/cache.py); 0 turns the page cache off. Production turns
# it on; elsewhere an edited template or a fixture loaded in a test should show at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
# A reader asking for a page another request is rendering waits up to this long for it (render_once).
PAGE_CACHE_WAIT_SECONDS = env.float("PAGE_CACHE_WAIT_SECONDS", default=10.0)

# The admin login refuses a username from an address for LOGIN_COOLOFF_SECONDS after this many
# failed attempts (portal/middleware.py).
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_COOLOFF_SECONDS = env.int("LOGIN_COOLOFF_SECONDS", default=15 * 60)
# The request header a trusted reverse proxy puts the client's address in, as it appears in
# request.META (e.g. HTTP_X_REAL_IP); empty means the peer address (REMOTE_ADDR).
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")

# Readers' pages need no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Django's admin templates (and our article form) carry <style> blocks and style attributes; editors
# only, and still no inline script.
CONTENT_SECURITY_POLICY_ADMIN = {**CONTENT_SECURITY_POLICY, "style-src": ["'self'", "'unsafe-inline'"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SEEDS_DIR = BASE_DIR / "seeds"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
