"""The word lists: given names (first words of names in person contexts), common words."""

import json

from newsgist.facts.gazetteer import (
    COMMON_RATIO,
    GENDER_RATIO,
    GENDER_VOTES,
    MIN_COMMON,
    MIN_VOTES,
    learn,
    main,
)


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
    names = learn([(data, None)], listed=False).given
    assert "Zoltan" in names  # said after it, three times
    assert "Quill" not in names  # once only
    assert "Harbour" not in names


def test_a_word_written_mostly_in_lower_case_is_no_given_name(tmp_path):
    data = tmp_path / "news.jsonl"
    person = "Reporters Desk said the count was fair. Zoltan Brask said so too."
    common = "The reporters left. " * (COMMON_RATIO * MIN_VOTES + 1)
    _write(data, [person] * MIN_VOTES + [common])
    names = learn([(data, None)], listed=False).given
    assert "Zoltan" in names
    assert "Reporters" not in names


def test_main_writes_the_list(tmp_path, capsys):
    data = tmp_path / "news.jsonl"
    _write(data, ["Zoltan Brask said yes. More later."] * MIN_VOTES)
    out, common, places = (tmp_path / f"{n}.txt" for n in ("names", "common", "places"))
    main(
        [str(data), "-o", str(out), "--common-output", str(common), "--places-output", str(places)]
    )
    assert "Zoltan" in out.read_text(encoding="utf-8")
    assert "given names" in capsys.readouterr().out
    assert "[female]" in out.read_text(encoding="utf-8")
    assert common.exists()
    assert "Dar_es_Salaam" in places.read_text(encoding="utf-8").split()  # spaces as "_"


def test_a_word_mostly_in_lower_case_inside_sentences_is_common(tmp_path):
    data = tmp_path / "news.jsonl"
    lower = "Critics said the critics were loud. " * MIN_COMMON
    named = "Pass the word to Mark today and to Mark tomorrow, said mark. " * MIN_COMMON
    _write(data, [lower, named])
    common = learn([(data, None)], listed=False).common
    assert "critics" in common  # lower case inside sentences, capitalised only at their start
    assert "mark" not in common  # a name inside sentences as often as a word


def test_a_given_name_is_a_mans_or_a_womans_where_the_stories_say_so(tmp_path):
    data = tmp_path / "news.jsonl"
    stories = [
        "Her mother, Ilsa Varnow, said the count was fair. Mr Oakes agreed, and Bram Oakes"
        " said so too. His son Robin Pell said no. Her daughter Robin Ames said yes.",
    ] * max(GENDER_VOTES, MIN_VOTES)
    _write(data, stories)
    found = learn([(data, None)], listed=False)
    assert "Ilsa" in found.female  # "Her mother," before her name
    assert "Bram" in found.male  # "Mr" before his surname in the same story
    assert "Ilsa" not in found.male
    assert "Robin" in found.given  # a son's and a daughter's name: neither one way enough
    assert GENDER_RATIO > 1
    assert "Robin" not in found.male
    assert "Robin" not in found.female


def test_a_name_right_after_an_honorific_votes_for_no_gender(tmp_path):
    data = tmp_path / "news.jsonl"
    _write(data, ["Mrs Parker Bowles said the count was fair. Mrs Parker Bowles left."] * 4)
    found = learn([(data, None)], listed=False)
    assert "Parker" not in found.female  # "Parker" is no given name there


def test_faker_lists_add_given_names_with_genders_unless_the_data_writes_them_in_lower_case(
    tmp_path,
):
    data = tmp_path / "news.jsonl"
    _write(data, ["The will of the people was clear, said Ines Varga. " * 10])
    found = learn([(data, None)])
    assert {"Greta", "Kwame"} <= set(found.given)  # in Faker's lists, never voted for here
    assert "Greta" in found.female
    assert "Kwame" in found.male
    assert "Will" not in found.given  # a given name in the lists, a common word here


def test_listed_places_are_towns_less_given_names_words_and_names_the_data_types_otherwise(
    tmp_path,
):
    data = tmp_path / "news.jsonl"
    stories = [
        "Police said Paula Larkana was questioned. Larkana said she had done nothing.",
        "The fleet sailed at dawn, and the reading room opened.",
    ]
    _write(data, stories)
    places = set(learn([(data, None)]).places)
    assert {"Tabora", "Sukkur", "Dar es Salaam", "Key West"} <= places  # towns nobody typed
    assert "Larkana" not in places  # the data calls it a person's name
    assert "Fleet" not in places
    assert "Reading" not in places
    assert "Victoria" not in places  # a given name
    assert "London" not in places  # the hand-made table has it already
