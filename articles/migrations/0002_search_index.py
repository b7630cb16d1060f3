"""The full-text index over Article.search_text, maintained by the database itself.

Loading code only writes `search_text`; the index follows inserts, updates and deletes without it.
SQLite: an external-content FTS5 table plus triggers. PostgreSQL: a GIN expression index whose
expression is exactly the one `articles.search.SimpleVector` builds.

Caution: on SQLite Django rebuilds a table for most ALTERs and that drops its triggers; a later
migration that alters articles_article must run CREATE_SQLITE_TRIGGERS again (the search tests
catch a stale index).
"""

from django.db import migrations

FTS = "articles_article_fts"

CREATE_SQLITE_TABLE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='articles_article', content_rowid='id')",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
CREATE_SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER {FTS}_update AFTER UPDATE OF search_text ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]
DROP_SQLITE = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]
CREATE_POSTGRESQL = [
    "CREATE INDEX article_search_text_gin ON articles_article "
    "USING GIN (to_tsvector('simple'::regconfig, search_text))",
]
DROP_POSTGRESQL = ["DROP INDEX IF EXISTS article_search_text_gin"]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            run({"sqlite": CREATE_SQLITE_TABLE + CREATE_SQLITE_TRIGGERS, "postgresql": CREATE_POSTGRESQL}),
            run({"sqlite": DROP_SQLITE, "postgresql": DROP_POSTGRESQL}),
        ),
    ]
