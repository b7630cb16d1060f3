"""SQLite: the FTS5 index keyed by date, so a word's newest matches are the first it lists.

A search lists its newest matches first. With 0002's FTS5 rows keyed by article id, SQLite had to
take every match of a common word (100k at 100k articles) and sort them by date to find the newest
thousand: 20-70 ms. Each row's key is now the article's event date and id,
`date.toordinal() << 32 | id` (an undated article: its id alone, sorting last as the listing puts
it), so `ORDER BY rowid DESC LIMIT n` over the matches reads just the newest n
(`articles.search.FTS5_KEY`). The table becomes contentless (it can no longer share the article
table's ids), and its triggers write the key and follow changes of the date as well as the text.

PostgreSQL is unchanged: its GIN index has no order to give.
"""

import importlib

from django.db import migrations

SEARCH_0002 = importlib.import_module("articles.migrations.0002_search_index")

FTS = "articles_article_fts"
ID_BITS = 32


def key(row: str) -> str:
    """The SQL of the key of the article row `row` (`new` or `old`): ordinal days, then the id."""
    ordinal = f"CAST(julianday({row}.event_date) - 1721424.5 AS INTEGER)"
    return f"(CASE WHEN {row}.event_date IS NULL THEN {row}.id ELSE ({ordinal} << {ID_BITS}) | {row}.id END)"


DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
]
DATED = [
    *DROP_TRIGGERS,
    f"DROP TABLE IF EXISTS {FTS}",
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='')",
    f"INSERT INTO {FTS}(rowid, search_text) "
    f"SELECT {key('articles_article')}, search_text FROM articles_article",
    f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO {FTS}(rowid, search_text) VALUES ({key("new")}, new.search_text);
    END""",
    f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', {key("old")}, old.search_text);
    END""",
    f"""CREATE TRIGGER {FTS}_update AFTER UPDATE OF search_text, event_date ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', {key("old")}, old.search_text);
        INSERT INTO {FTS}(rowid, search_text) VALUES ({key("new")}, new.search_text);
    END""",
]
# Back to 0002's table, keyed by id and reading its text from the article table.
BY_ID = [
    *DROP_TRIGGERS,
    f"DROP TABLE IF EXISTS {FTS}",
    *SEARCH_0002.CREATE_SQLITE_TABLE,
    *SEARCH_0002.CREATE_SQLITE_TRIGGERS,
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_archive_version"),
    ]

    operations = [
        migrations.RunPython(SEARCH_0002.run({"sqlite": DATED}), SEARCH_0002.run({"sqlite": BY_ID}))
    ]
