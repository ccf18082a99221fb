"""The given-name list: first words of names that appear in person contexts often enough."""

import json

from newsgist.facts.gazetteer import COMMON_RATIO, MIN_VOTES, first_names, main


def _write(path, stories):
    path.write_text(
        "\n".join(json.dumps({"article": s, "highlights": ["x"]}) for s in stories) + "\n",
        encoding="utf-8",
    )


def test_a_first_word_with_enough_person_votes_is_a_given_name(tmp_path):
    data = tmp_path / "news.jsonl"
    stories = [
        f"The vote was close. Zoltan Brask said the count was fair. Officials agreed. {n}."
        for n in range(MIN_VOTES)
    ] + ["Ships left Harbour Bay. Mayor Quill Ardent said nothing."]
    _write(data, stories)
    names = first_names([(data, None)])
    assert "Zoltan" in names  # said after it, three times
    assert "Quill" not in names  # once only
    assert "Harbour" not in names


def test_a_word_written_mostly_in_lower_case_is_no_given_name(tmp_path):
    data = tmp_path / "news.jsonl"
    person = "Reporters Desk said the count was fair. Zoltan Brask said so too."
    common = "The reporters left. " * (COMMON_RATIO * MIN_VOTES + 1)
    _write(data, [person] * MIN_VOTES + [common])
    names = first_names([(data, None)])
    assert "Zoltan" in names
    assert "Reporters" not in names


def test_main_writes_the_list(tmp_path, capsys):
    data = tmp_path / "news.jsonl"
    _write(data, ["Zoltan Brask said yes. More later."] * MIN_VOTES)
    out = tmp_path / "names.txt"
    main([str(data), "-o", str(out)])
    assert "Zoltan" in out.read_text(encoding="utf-8")
    assert "1 given names" in capsys.readouterr().out
