"""The story benchmark's command line: a story that does not exist is a message, not a run."""

from __future__ import annotations

from benchmarks.stories import main


def test_stories_cli_unknown_story_exits_2_with_a_message(capsys):
    assert main(["--split", "dev", "--story", "no-such-story"]) == 2
    assert "no story set found for split 'dev' and story 'no-such-story'" in capsys.readouterr().err
