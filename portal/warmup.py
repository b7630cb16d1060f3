"""Work a web process would otherwise do on its first requests, done once in gunicorn's master.

Workers fork from the master (`preload_app`) and are recycled every few thousand requests; each new
one inherits what the master holds. Without this, every new worker spent its first readers' time
loading jieba's dictionary, compiling the site's templates and building the archive index
(0.4-0.8 s at 100k articles): the slowest requests of a loaded server were those.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections
from django.template.loader import get_template

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Load jieba, compile the project's templates and build the archive index, then close the
    database connections, which a forked worker must not share with its parent."""
    from articles.facets import facet_index
    from articles.search import segment

    segment("政协委员")
    for template_dir in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(template_dir).rglob("*.html")):
            get_template(path.relative_to(template_dir).as_posix())
    try:
        facet_index()
    except DatabaseError as error:  # the database may be down or unmigrated; workers build it later
        logger.warning("archive index not built before forking: %s", error)
    finally:
        connections.close_all()
