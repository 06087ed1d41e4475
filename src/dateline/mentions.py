"""Flatten one article's extraction into the event mentions that linking and timelines read."""

from __future__ import annotations

from dateline.records import EventMention, Extraction


def mentions_from_extraction(extraction: Extraction) -> list[EventMention]:
    """Return one EventMention per event of ``extraction``, in the article's event order.

    Args:
        extraction: one article with its events (and its article metadata).

    Returns:
        Mentions carrying the article's outlet, title and publication date beside each
        event's own fields; ``cluster`` is left unset for the linker to fill.
    """
    article = extraction.article
    return [
        EventMention(
            mention_id=f"{article.id}/{event.id}",
            article_id=article.id,
            event_id=event.id,
            group=event.group,
            outlet=article.outlet,
            published=article.published,
            title=article.title,
            type=event.type,
            alt_type=event.alt_type,
            mode=event.mode,
            context=list(event.context),
            trigger=event.trigger,
            text=event.text,
            span=event.span,
            date=event.date.value if event.date else None,
            date_source=event.date.source if event.date else "none",
            actors=list(event.actors),
            targets=list(event.targets),
            location=event.location,
            quantities=list(event.quantities),
            attribution=event.attribution,
            modality=event.modality,
            polarity=event.polarity,
        )
        for event in extraction.events
    ]
