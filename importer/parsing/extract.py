"""One article's facts: from its printed parts (a Segment) to an ArticleDraft. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from importer.parsing.committees import LEADING_DATELINE, article_committees, lead_sentence
from importer.parsing.dates import event_date
from importer.parsing.directory import Directory
from importer.parsing.drafts import ArticleDraft, MeetingDraft, Segment, YearGuess
from importer.parsing.meetings import meeting_reported_before, reported_meetings
from importer.parsing.persons import find_persons


def extract_article(
    segment: Segment,
    position: int,
    year_guess: YearGuess,
    directory: Directory,
    source_text: str,
    issue_month: int | None = None,
    reported_earlier: Sequence[MeetingDraft] = (),
) -> ArticleDraft:
    """Combine the extractors; every doubt becomes a short review reason for the editors.

    `reported_earlier` are the meetings the stories printed before this one on the page report.
    """
    paragraphs = paragraphs_without_dateline(segment.paragraphs)
    lead = paragraphs[0] if paragraphs else ""
    committees = article_committees(
        segment.headline, segment.subtitle, paragraphs, segment.dateline, directory
    )
    # A continuation's first paragraph is not its lead: the day was printed on the first page.
    day = None if segment.continuation else event_date(lead, year_guess.year, issue_month)
    # A feature's meetings, and a continuation's, are told in its body, not in a lead.
    body = paragraphs[1:] if segment.kind == "feature" or segment.continuation else []
    meetings = reported_meetings(segment.headline, lead, directory, committees.primary, day, body)
    titles = [segment.headline or "", segment.subtitle or "", lead_sentence(lead)]
    shared = (
        None if meetings else meeting_reported_before(titles, reported_earlier, directory, committees.primary)
    )
    if shared:
        meetings = [shared]
        if committees.primary is None:
            committees = article_committees(
                segment.headline,
                segment.subtitle,
                paragraphs,
                segment.dateline,
                directory,
                shared.region_code,
            )
    found = find_persons("\n".join(paragraphs), directory, committees.primary, committees.local)
    reasons = list(segment.review_reasons)
    if committees.primary is None:
        reasons.append("未识别到政协组织")
    elif committees.inferred_from_body:
        reasons.append("政协组织据正文推断")
    if not year_guess.certain:
        reasons.append("年份不确定")
    if segment.kind == "news" and day is None and not segment.continuation:
        reasons.append("消息无事件日期")
    reasons += [f"人名待核：{text}" for text in found.doubtful]
    return ArticleDraft(
        position=position,
        headline=segment.headline,
        kicker=segment.kicker,
        subtitle=segment.subtitle,
        column=segment.column,
        kind=segment.kind,
        body=segment.body,
        dateline=segment.dateline,
        event_date=day,
        region_codes=committees.regions,
        meetings=meetings,
        persons=found.persons,
        correspondents=list(segment.correspondents),
        photographers=list(segment.photographers),
        source_text=source_text,
        review_reasons=list(dict.fromkeys(reasons)),
        held=committees.primary is None or not year_guess.certain,
    )


def paragraphs_without_dateline(paragraphs: list[str]) -> list[str]:
    """The segmenter normally strips "本报X讯(通讯员…)"; strip it here too if it did not."""
    if not paragraphs:
        return []
    return [LEADING_DATELINE.sub("", paragraphs[0]), *paragraphs[1:]]
