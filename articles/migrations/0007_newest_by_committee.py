"""Indexes for a committee's newest articles and newest meetings, read in a few index steps.

An article page lists the newest other articles of its committee, and a committee page the
committee's newest reported meetings. Without these, each found all of the committee's rows
through the foreign-key index and sorted them for the first five or twenty: at 100k articles
3-11 ms for the articles and 4-9 ms for the meetings (grouping them to count articles too), a
cost growing with the archive. Walking an index in date order stops after those few rows.

Both lists order newest first with undated rows last (`DESC NULLS LAST`, then the id down).
SQLite cannot declare NULLS LAST in an index, but an ascending index walked backwards gives just
that order (NULL is its smallest value, and the rowid ends every index); PostgreSQL's own
`DESC NULLS LAST` index does, where walking its ascending one backwards would put NULLs first.
"""

import importlib

from django.db import migrations

SEARCH_0002 = importlib.import_module("articles.migrations.0002_search_index")

CREATE = {
    "sqlite": [
        "CREATE INDEX article_committee_newest ON articles_article (committee_id, status, event_date)",
        "CREATE INDEX meeting_newest_by_organization ON articles_meeting (organization_id, date)",
    ],
    "postgresql": [
        "CREATE INDEX article_committee_newest ON articles_article "
        "(committee_id, status, event_date DESC NULLS LAST, id DESC)",
        "CREATE INDEX meeting_newest_by_organization ON articles_meeting "
        "(organization_id, date DESC NULLS LAST, id DESC)",
    ],
}
DROP = [
    "DROP INDEX IF EXISTS article_committee_newest",
    "DROP INDEX IF EXISTS meeting_newest_by_organization",
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_inline_search_vector"),
    ]

    operations = [
        migrations.RunPython(SEARCH_0002.run(CREATE), SEARCH_0002.run({"sqlite": DROP, "postgresql": DROP})),
    ]
