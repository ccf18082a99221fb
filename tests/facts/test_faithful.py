"""The faithfulness check: names and numbers a summary states must be the article's."""

from newsgist.facts.faithful import unsupported

BODY = "Mayor Irene Castellano said three bridges and 41,000 homes were at risk in Lumea."


def test_names_and_numbers_of_the_article_pass():
    assert (
        unsupported(
            ["Castellano says 3 bridges at risk", "41000 homes in Lumea"], BODY, {"three": "3"}
        )
        == []
    )


def test_a_name_or_number_the_article_lacks_is_reported_once():
    texts = ["Castellano warns Geneva of 50,000 losses", "Geneva again"]
    assert unsupported(texts, BODY, {"three": "3"}) == ["Geneva", "50,000"]


def test_a_text_of_many_names_is_checked_against_the_body_words():
    names = [f"Name{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(200)]
    body = "Lead " + " ".join(names) + "."
    text = "Lead " + " ".join([*names, "Stranger"]) + "."
    assert unsupported([text], body, {}) == ["Stranger"]
