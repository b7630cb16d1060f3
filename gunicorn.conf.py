"""Gunicorn settings for the portal: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every number can be overridden from the environment (GUNICORN_*), so one file serves a small VM and
a large one. Threads let a worker serve other readers while one waits on the database; each thread
may hold a database connection, so workers x threads must stay below PostgreSQL's max_connections.

Why 2 x cores + 1 gthread workers of 2 threads, though an uncached page is CPU-bound Python: on the
2-core VM, alternating configurations in one session (bench/http_bench.py's wrk at 16 connections,
the uncached filtered listing, SQLite, 1k articles, four rounds, load 3-5), 5 x 2 served the
listing at 244 req/s for 6.7 ms of server CPU each (p50 58 ms, p99 188 ms), /healthz at 1913.
Fewer processes cost more CPU per page (likely their threads taking turns at one interpreter lock):
2 x 2 gthread 170 req/s and 8.2 ms, 2 x 4 141 and 9.3 ms, 3 x 2 201 and 8.3 ms; 2 sync workers
168 req/s and 8.1 ms, with no keep-alive and a worker held for the whole of a slow reader's
transfer (harmless behind the proxy's buffering, but nothing is gained). A cached page costs about
what /healthz does, so the choice is made for the uncached ones.
"""

import gc
import os


def cores() -> int:
    """CPUs this process may run on (a container's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = env_int("GUNICORN_WORKERS", 2 * cores() + 1)
threads = env_int("GUNICORN_THREADS", min(4, max(2, cores())))

# A worker silent this long is killed and replaced; a restart lets requests in flight finish first.
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, staggered, so a slow leak never takes the site down.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Load Django once in the master; workers fork from it and share its memory.
preload_app = True
# X-Forwarded-* are believed from these addresses only: the reverse proxy on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The usual combined format plus the time taken in seconds (%(L)s).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(L)s'


def when_ready(server) -> None:
    """Warm the master (jieba, templates, the archive index: `portal.warmup`), then freeze what
    it has loaded.

    The modules, Django's and jieba's objects and the index live as long as the workers: frozen,
    the collector no longer walks them, so a full collection does not stall the request it falls
    in (the slowest of 60 listing requests in one process: 74 ms before, 20 ms after), and the
    memory the workers share with the master stays shared.
    """
    from portal.warmup import warm_up

    warm_up()
    gc.collect()
    gc.freeze()
