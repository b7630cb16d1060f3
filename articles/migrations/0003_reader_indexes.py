"""Indexes for the reader's pages at 100k articles, and a stored search vector on PostgreSQL.

- `article_status_date` gains `committee` and `kind`, so newest-first lists, the home page's
  prefectures, the charts and the kind facet are answered from the index alone.
- Committee and meeting links get (target, article) indexes: a region's or a meeting type's
  articles come from the links without reading them.
- PostgreSQL: the newest-first order puts undated articles last (`DESC NULLS LAST`), which the
  index above (NULLS FIRST there) cannot give and SQLite cannot declare; a PostgreSQL-only index
  does, with the committee and kind alongside for index-only scans.
- PostgreSQL: `search_vector`, a stored generated column `to_tsvector('simple', search_text)`, with
  a GIN index in place of 0002's expression index, so matching rows are checked without parsing
  their text again (`articles.search.VectorMatch`).

No operation here rebuilds articles_article on SQLite (indexes only), so 0002's FTS5 triggers stay.
"""

from django.db import migrations, models

ADD_POSTGRESQL_VECTOR = [
    "CREATE INDEX article_published_newest ON articles_article "
    "(status, event_date DESC NULLS LAST, id DESC) INCLUDE (committee_id, kind)",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX article_search_vector_gin ON articles_article USING GIN (search_vector)",
    "DROP INDEX IF EXISTS article_search_text_gin",
]
DROP_POSTGRESQL_VECTOR = [
    "CREATE INDEX article_search_text_gin ON articles_article "
    "USING GIN (to_tsvector('simple'::regconfig, search_text))",
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS article_published_newest",
]


def on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_search_index"),
        ("organizations", "0003_role_ordering_tiebreak"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_status_date"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "-event_date", "committee", "kind"], name="article_status_date"
            ),
        ),
        migrations.AddIndex(
            model_name="articlecommittee",
            index=models.Index(fields=["organization", "article"], name="article_committee_by_org"),
        ),
        migrations.AddIndex(
            model_name="articlemeeting",
            index=models.Index(fields=["meeting", "article"], name="article_meeting_by_meeting"),
        ),
        migrations.RunPython(on_postgresql(ADD_POSTGRESQL_VECTOR), on_postgresql(DROP_POSTGRESQL_VECTOR)),
    ]
