"""The "editors" group: exactly what an editor needs to review, correct and publish imported
articles, and nothing on users, groups, permissions, content types, sessions or the admin log.

Permissions are normally created after `migrate` finishes (post_migrate), so this migration creates
the two apps' permissions itself before granting them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "editors"

PERMISSIONS = {
    "articles": {
        "article": ["view", "change"],
        "articlecommittee": ["view", "add", "change", "delete"],
        "articlemeeting": ["view", "add", "change", "delete"],
        "mention": ["view", "add", "change", "delete"],
        "byline": ["view", "add", "change", "delete"],
        "meeting": ["view", "add", "change"],
        "sourcepage": ["view"],
    },
    "organizations": {
        "person": ["view", "add", "change"],
        "role": ["view", "add", "change"],
        "organization": ["view"],
    },
}


def create_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_label in PERMISSIONS:
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    wanted = [
        Permission.objects.using(using).get(
            content_type__app_label=app_label, content_type__model=model, codename=f"{action}_{model}"
        )
        for app_label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    group.permissions.set(wanted)


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organizations", "0001_initial"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
