"""A person's mentions, with their articles, in an index: a committee page counts its people's
mentions there (`CommitteeDetailView.leaders`) instead of reading 7,000 mention rows at 100k
articles. An index only, so SQLite's FTS5 triggers of 0002 stay."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_newest_by_committee"),
        ("organizations", "0003_role_ordering_tiebreak"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="mention",
            index=models.Index(fields=["person", "article"], name="mention_by_person"),
        ),
    ]
