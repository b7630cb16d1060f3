"""gunicorn's master warms up before forking (`portal.warmup`): what it leaves for the workers."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.template import engines
from django.urls import URLResolver, clear_url_caches, reverse

from articles import facets
from articles.models import ArchiveVersion
from articles.tests.factories import make_article
from portal.warmup import warm_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold_process():
    facets._built.clear()
    engine = engines["django"].engine
    for loader in engine.template_loaders:
        loader.reset()
    yield engine
    facets._built.clear()


def test_warm_up_builds_the_index_compiles_templates_and_closes_connections(cold_process):
    call_command("loaddata", "organizations", verbosity=0)
    article = make_article("兰州市政协召开常委会议", region="620100")
    version = ArchiveVersion.current("default")
    assert version is not None

    with mock.patch.object(connection, "close", wraps=connection.close) as close:
        warm_up()

    index = facets._built["default"]
    assert index.version == version
    assert index.ids_at(index.everything, 0, 10) == [article.pk]
    assert close.called
    cached = cold_process.template_loaders[0].get_template_cache
    assert "articles/article_list.html" in cached
    assert "partials/article_item.html" in cached


def test_warm_up_survives_a_database_that_is_not_there(cold_process, caplog):
    with mock.patch.object(facets.FacetIndex, "build", side_effect=OperationalError("no such table")):
        warm_up()
    assert "archive index not built" in caplog.text
    assert "default" not in facets._built


def test_after_warm_up_a_namespaced_reverse_builds_no_resolver(cold_process):
    clear_url_caches()
    warm_up()
    with mock.patch.object(URLResolver, "_populate", autospec=True) as populate:
        reverse("articles:list")
        reverse("admin:index")
    assert not populate.called
