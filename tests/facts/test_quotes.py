"""Quotations and their speakers, each attribution pattern on its own."""

import pytest

import newsgist


def quotes(text):
    facts = newsgist.summarize(text, headline=None).facts
    assert facts is not None
    return [(q.text, q.speaker, q.partial) for q in facts.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Rain fell all week in Tolva. "The river is rising fast," said Mayor Ines Varga.',
            ("The river is rising fast", "Ines Varga", False),
        ),
        (
            'Ines Varga runs Tolva. "The river is rising fast," Varga told reporters.',
            ("The river is rising fast", "Ines Varga", False),
        ),
        (
            'Ines Varga spoke in Tolva. "The river is rising fast," she said.',
            ("The river is rising fast", "Ines Varga", False),
        ),
        (
            'Ines Varga spoke on Monday. She said: "The river is rising fast."',
            ("The river is rising fast.", "Ines Varga", False),
        ),
        (
            'The dam held overnight. According to engineer Paul Osei, "the walls will hold."',
            ("the walls will hold.", "Paul Osei", True),
        ),
        (
            'The dam held. "We are watching every hour," said a police spokeswoman.',
            ("We are watching every hour", "a police spokeswoman", False),
        ),
        (
            'The dam held. "We are watching every hour," said union secretary Nadia Holm.',
            ("We are watching every hour", "Nadia Holm", False),
        ),
        (
            'Ines Varga told a meeting in Tolva that the levee was "far too weak" to last.',
            ("far too weak", "Ines Varga", True),
        ),
        ('The sign read "No entry for lorries" all week.', ("No entry for lorries", None, True)),
        (
            'Its chairman, Omar Lind, said the bid was "the best outcome for the town".',
            ("the best outcome for the town", "Omar Lind", True),
        ),
    ],
)
def test_an_attribution_names_the_speaker(text, expected):
    assert quotes(text) == [expected]


def test_a_quotation_that_goes_on_keeps_its_speaker():
    text = (
        'Ines Varga spoke in Tolva. "We will rebuild every house," she said. "Nobody will be'
        ' left behind."\n\nThe Harbour Board said the water had fallen.'
    )
    assert [speaker for _, speaker, _ in quotes(text)] == ["Ines Varga", "Ines Varga"]


def test_a_single_quoted_word_is_not_a_quotation():
    assert quotes('The so-called "cleanup" began on Monday in Tolva.') == []


def test_a_speaker_is_never_read_from_inside_a_word():
    # "an" at the end of "Dylan" once read as a role: "an did not wait and"
    (quote,) = quotes('Bob Dylan did not wait and said it was "a fine day for it".')
    assert quote[0] == "a fine day for it"
    assert quote[1] in (None, "Bob Dylan")
