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
