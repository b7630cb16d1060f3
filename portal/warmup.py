"""Work a web process would otherwise do on its first requests, done once in gunicorn's master.

Workers fork from the master (`preload_app`) and are recycled every few thousand requests; each new
one inherits what the master holds. Without this, every new worker spent its first readers' time
loading jieba's dictionary, compiling the site's templates, importing the views behind the URLs,
building the URL lookup tables, loading the translation catalogues and building the archive index
(0.4-0.8 s at 100k articles): 100+ ms on its first request, and the slowest requests of a loaded
server were those.
"""

import contextlib
import logging
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Load jieba, the templates, the URLs and translations, and build the archive index, then
    close the database connections and pools, which a forked worker must not share with its
    parent (a pool's threads do not survive the fork)."""
    from articles.facets import facet_index
    from articles.search import segment

    segment("政协委员")
    for template_dir in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(template_dir).rglob("*.html")):
            get_template(path.relative_to(template_dir).as_posix())
    _load_urls()
    translation.activate(settings.LANGUAGE_CODE)
    translation.deactivate()
    try:
        facet_index()
    except DatabaseError as error:  # the database may be down or unmigrated; workers build it later
        logger.warning("archive index not built before forking: %s", error)
    finally:
        _close_connections()


def _load_urls() -> None:
    """Import every view module and build the URL resolvers' reverse lookup tables, the root's
    and each namespace's (`reverse("articles:detail")` builds its own resolver on first use)."""
    resolver = get_resolver()
    for namespace, (_prefix, namespaced) in resolver.namespace_dict.items():
        name = next((key for key in namespaced.reverse_dict if isinstance(key, str)), None)
        # A name that wants arguments does not reverse; its resolver is built all the same.
        with contextlib.suppress(NoReverseMatch):
            reverse(f"{namespace}:{name}")


def _close_connections() -> None:
    for connection in connections.all():
        connection.close()
        if hasattr(connection, "close_pool"):  # PostgreSQL: a pool made in the master
            connection.close_pool()
