"""The stages share one token list per Doc, dropped once the stages are done."""

from __future__ import annotations

from dateline.config import Settings
from dateline.pipeline import run_stages
from dateline.records import Article
from dateline.stages._tokens import release_tokens, tokens_of


def test_pipeline_token_list_is_the_docs_tokens_built_once(nlp):
    doc = nlp("Officials in Lviv said on Monday that two bridges had been repaired.")
    tokens = tokens_of(doc)
    assert [t.i for t in tokens] == list(range(len(doc)))
    assert [t.text for t in tokens] == [t.text for t in doc]
    assert tokens_of(doc) is tokens
    release_tokens(doc)
    assert tokens_of(doc) is not tokens


def test_pipeline_token_list_released_after_the_stages(nlp):
    text = "The mayor of Lviv said on Monday that two bridges had been repaired."
    doc = nlp(text)
    result = run_stages(Article(text=text, published="2024-05-06"), doc, Settings())
    assert result.events
    assert "dateline.tokens" not in doc.user_data
