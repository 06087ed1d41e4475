"""Names the tokenizer cut at a glued hyphen, joined once inside the parse (not stable API).

spaCy's English tokenizer splits "Emilia-Romagna" into three tokens, and the small model
then often tags "Emilia" alone, or "Emilia" and "-Romagna" as two names. The parse runs
``join_hyphenated_names`` right after the entity recogniser and writes the joined names
once onto the Doc, in the span group ``doc.spans["names"]`` (spaCy's own place for an
alternative set of spans; ``doc.ents`` stays the model's). Stages read them through
``names_of``. A hyphenated place ("Guinea-Bissau") is told from a pair of countries
("Russia-Ukraine") by ``_toponyms.KnownPlaces``, the one owner of that test.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.stages import _names
from dateline.stages._toponyms import DEFAULT_KNOWN_PLACES, KnownPlaces

_HYPHENS = ("-", "\u2010", "\u2011")
# Entity labels that name someone or somewhere: the spans a hyphen or a particle may join.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
NAMES_KEY = "names"


def join_hyphenated_names(doc: Doc, known: KnownPlaces) -> Doc:
    """Write ``doc.spans[NAMES_KEY]``: the model's entities, names cut at a glued hyphen
    joined into one span.

    1. "Emilia" + "-Romagna" (two tagged spans) is one span; so is "Emilia" + "-" +
       untagged "Romagna";
    2. not a pair of countries or peoples ("Russia-Ukraine war"), unless the whole is a
       country or a known place ("Guinea-Bissau");
    3. a joined span with a GPE part is a GPE, else it keeps its first label.
    """
    spans = _model_names(doc, known)
    doc.spans[NAMES_KEY] = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def names_of(doc: Doc) -> list[tuple[int, int, str]]:
    """The joined entity names of ``doc`` as (start, end, label) token ranges: those the
    parse wrote, else (a Doc built by hand) joined now."""
    if NAMES_KEY in doc.spans:
        return [(span.start, span.end, span.label_) for span in doc.spans[NAMES_KEY]]
    return _model_names(doc, DEFAULT_KNOWN_PLACES)


def _model_names(doc: Doc, known: KnownPlaces) -> list[tuple[int, int, str]]:
    return _joined_spans(doc, [(e.start, e.end, e.label_) for e in doc.ents], known)


def _joined_spans(
    doc: Doc, ents: list[tuple[int, int, str]], known: KnownPlaces
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ents):
        start, end, label = ents[i]
        labels = [label]
        while label in NAME_LABELS and glued(doc, end):
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            joined = _across_hyphen(doc, start, end, nxt, known)
            if joined is None:
                break
            end, took_next = joined
            if took_next and nxt is not None:
                i += 1
                labels.append(nxt[2])
        if len(labels) > 1 and "GPE" in labels:
            label = "GPE"
        out.append((start, end, label))
        i += 1
    return out


def glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written without spaces between two words ("Emilia-Romagna")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in _HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _hyphen_name(doc: Doc, start: int, hyphen: int, end: int, known: KnownPlaces) -> bool:
    """``doc[start:end]``, cut at the hyphen ``hyphen``, is one name: not a pair of
    countries or peoples ("Russia-Ukraine war", "Polish-Ukrainian border"), unless the
    whole is itself a country or a known place ("Guinea-Bissau")."""
    right_start = hyphen + 1 if doc[hyphen].text in _HYPHENS else hyphen
    left = doc[start:hyphen].text
    right = doc[right_start:end].text.lstrip("-\u2010\u2011")
    if _names.country_of(left) or _names.country_of(right):
        whole = doc[start:end].text
        return bool(_names.country_of(whole)) or known(whole)
    return True


def _across_hyphen(
    doc: Doc, start: int, end: int, nxt: tuple[int, int, str] | None, known: KnownPlaces
) -> tuple[int, bool] | None:
    """New end of the name ``doc[start:end]`` across the glued hyphen at ``end``, and
    whether it took in the next entity span: "Emilia" + "-Romagna" (next span), "Emilia-"
    + untagged "Romagna"; None if the name stops there."""
    if (
        nxt is not None
        and nxt[0] in (end, end + 1)
        and nxt[2] in NAME_LABELS
        and _hyphen_name(doc, start, end, nxt[1], known)
    ):
        return nxt[1], True
    if (
        doc[end + 1].text[:1].isupper()
        and not doc[end + 1].ent_type_
        and not _name_goes_on(doc, end + 2)
        and _hyphen_name(doc, start, end, end + 2, known)
    ):
        return end + 2, False
    return None


def _name_goes_on(doc: Doc, i: int) -> bool:
    """Token ``i`` carries on a capitalised name ("Montreal-Pierre Elliott Trudeau
    Airport"): the word after the hyphen opens another name, not the end of this one."""
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()
