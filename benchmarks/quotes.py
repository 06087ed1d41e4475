"""Quote and attribution benchmark on PolNeAR (political news attribution relations).

usage: python -m benchmarks.quotes --split dev|test [--json] [--limit N]

Reads ``shared/data/quotes/<split>.jsonl`` (see its SOURCES.md). Each article is parsed
with the project model and passed, as in the pipeline, through the entities stage (whose
records name the speakers), the speech stage and the quotes stage, with
``indirect_speakers = "any"``, because PolNeAR annotates the attributions of every kind
of source, not only people's.

Figures, for direct+mixed quotes (gold ``kind`` direct/mixed against predicted
direct/mixed) and for all attributions:

- span P/R/F1 *exact*: spans equal after dropping a leading complementizer "that" and
  edge whitespace, punctuation and quotation marks on both sides;
- span P/R/F1 *overlap*: the spans share at least one character (one-to-one, greedy
  in text order);
- speaker accuracy on overlap-matched quotes. A gold speaker counts as found when the
  gold mention is a case-insensitive substring of the predicted speaker's name or
  mention, or either of those is a substring of the gold mention. This is how a gold
  pronoun ("he") is credited: the prediction's mention is then the same pronoun, or its
  resolved name contains the name the gold annotator wrote. A gold attribution with no
  source counts as found when the prediction has no speaker.
"""

from __future__ import annotations

import time

from benchmarks._common import arg_parser, corpus_file, emit, peak_rss_mb, prf, read_jsonl
from dateline.config import QuoteSettings, Settings
from dateline.records import Article, Quote
from dateline.stages.entities import extract_entities
from dateline.stages.parse import model_for
from dateline.stages.quotes import extract_quotes
from dateline.stages.speech import find_speech_cues, pair_quote_marks

_EDGE = " \t\r\n,.;:!?-\u2014\u2013\"'\u201c\u201d\u2018\u2019`()[]"


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _speaker_ok(gold: str | None, quote: Quote) -> bool:
    if gold is None:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    g = gold.lower().strip()
    for form in (quote.speaker.name, quote.speaker.mention):
        f = form.lower().strip()
        if f and (g in f or f in g):
            return True
    return False


class _Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.exact = self.overlap = self.speaker = 0

    def add(self, text: str, gold: list[dict], pred: list[Quote]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        gold_norm = {_norm(text, g["start"], g["end"]) for g in gold}
        self.exact += sum(1 for q in pred if _norm(text, *q.span) in gold_norm)
        used: set[int] = set()
        for g in gold:
            for i, q in enumerate(pred):
                if i not in used and q.span[0] < g["end"] and g["start"] < q.span[1]:
                    used.add(i)
                    self.overlap += 1
                    self.speaker += _speaker_ok(g.get("speaker"), q)
                    break

    def figures(self, prefix: str) -> dict[str, float | int]:
        ep, er, ef = prf(self.exact, self.pred, self.gold)
        op, orr, of = prf(self.overlap, self.pred, self.gold)
        return {
            f"{prefix}_gold": self.gold,
            f"{prefix}_pred": self.pred,
            f"{prefix}_exact_p": ep,
            f"{prefix}_exact_r": er,
            f"{prefix}_exact_f1": ef,
            f"{prefix}_overlap_p": op,
            f"{prefix}_overlap_r": orr,
            f"{prefix}_overlap_f1": of,
            f"{prefix}_speaker_acc": self.speaker / self.overlap if self.overlap else 0.0,
        }


def main() -> None:
    args = arg_parser(__doc__.splitlines()[0]).parse_args()
    path = corpus_file("quotes", args.split)
    settings = Settings()
    nlp = model_for(settings.parse)
    quote_settings = QuoteSettings(indirect_speakers="any")
    direct, every = _Tally(), _Tally()
    parse_s = stage_s = 0.0
    docs = words = 0
    for row in read_jsonl(path):
        if args.limit is not None and docs >= args.limit:
            break
        docs += 1
        text = row["text"]
        article = Article(text=text, outlet=row.get("publisher"))
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        marks = pair_quote_marks(article=article)
        entities = extract_entities(article=article, doc=doc, settings=settings.entities)
        cues = find_speech_cues(article=article, doc=doc, entities=entities, marks=marks)
        quotes = extract_quotes(article=article, marks=marks, cues=cues, settings=quote_settings)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        stage_s += t2 - t1
        words += len(doc)
        gold = row["quotes"]
        every.add(text, gold, quotes)
        direct.add(
            text,
            [g for g in gold if g["kind"] in ("direct", "mixed")],
            [q for q in quotes if q.kind in ("direct", "mixed")],
        )
    figures: dict[str, float | int | str] = {
        "split": args.split,
        "documents": docs,
        "tokens": words,
    }
    figures.update(direct.figures("direct_mixed"))
    figures.update(every.figures("all"))
    figures["parse_seconds"] = round(parse_s, 2)
    figures["stage_seconds"] = round(stage_s, 2)
    figures["stage_vs_parse"] = round(stage_s / parse_s, 3) if parse_s else 0.0
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    emit(figures, f"PolNeAR quotes ({args.split}, {docs} documents)", args.json)


if __name__ == "__main__":
    main()
