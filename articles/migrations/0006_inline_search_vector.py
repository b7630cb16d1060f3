"""PostgreSQL: the search vector without positions, kept in the article's row instead of TOAST.

A search lists its newest matches by walking the date index and testing each row's vector (the GIN
index has no order to give). With 0003's vector, 3.3 kB compressed on average, every test fetched
the value from the TOAST table (an index lookup and two chunks): 5-13 ms for the newest 1,001
matches of a word in every one of 100k articles. Stored MAIN, the compressed vector stays in the
row (PostgreSQL moves it out only when the row would not fit a page; the body and texts still go
to TOAST first), and the same walk reads one heap page per row: about 1 ms. Positions were never
read (matching ANDs words; relevance counts them in `search_text`), and without them the vector is
a third smaller (2.1 kB), so the rows the listing reads grow less.

SQLite is unchanged.
"""

import importlib

from django.db import migrations

SEARCH_0002 = importlib.import_module("articles.migrations.0002_search_index")


def vector_column(expression: str, storage: str) -> list[str]:
    """Statements that replace `search_vector` by `expression` stored `storage`, and its GIN index."""
    return [
        "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
        # One statement: the table is rewritten once, its rows written with the new storage.
        "ALTER TABLE articles_article "
        f"ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED, "
        f"ALTER COLUMN search_vector SET STORAGE {storage}",
        "CREATE INDEX article_search_vector_gin ON articles_article USING GIN (search_vector)",
    ]


INLINE = vector_column("strip(to_tsvector('simple'::regconfig, search_text))", "MAIN")
# Back to 0003's column.
TOASTED = vector_column("to_tsvector('simple'::regconfig, search_text)", "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_dated_search_keys"),
    ]

    operations = [
        migrations.RunPython(
            SEARCH_0002.run({"postgresql": INLINE}), SEARCH_0002.run({"postgresql": TOASTED})
        )
    ]
