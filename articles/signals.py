"""Invalidate the cached reader pages whenever the ORM saves or deletes something readers see.

Editors' saves in the admin, inline rows and deletions all arrive here. Bulk writes bypass signals:
the importer invalidates once per imported file itself (`importer.loading`), and the admin's
publish actions are caught by `portal.middleware.PageCacheMiddleware`.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from organizations.models import Organization, Person, Role
from portal.cache import invalidate_pages

from .models import Article, ArticleCommittee, ArticleMeeting, Byline, Meeting, Mention, SourcePage

READER_MODELS = (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    Meeting,
    Mention,
    Organization,
    Person,
    Role,
    SourcePage,
)
# The through models of Article's many-to-many fields, the senders of m2m_changed.
LINK_MODELS = (ArticleCommittee, ArticleMeeting, Mention)
RECEIVERS = ((post_save, READER_MODELS), (post_delete, READER_MODELS), (m2m_changed, LINK_MODELS))
DISPATCH_UID = "invalidate-pages"


def invalidate_on_change(sender, using: str, action: str = "post", **kwargs) -> None:
    """A receiver for post_save, post_delete and m2m_changed (its post_* actions) alike."""
    if action.startswith("post"):
        invalidate_pages(using)


def connect() -> None:
    for signal, senders in (
        (post_save, READER_MODELS),
        (post_delete, READER_MODELS),
        (m2m_changed, LINK_MODELS),
    ):
        for sender in senders:
            signal.connect(invalidate_on_change, sender=sender, dispatch_uid="invalidate-pages")
