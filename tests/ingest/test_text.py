import io

import pytest

from newsgist.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    NewsgistError,
)
from newsgist.ingest.text import CHROME_LINES, IngestOptions, decode, load_text, read_limited

STORY = "The council met on Monday. It voted to close the library. Residents protested."


def test_example_page_is_split_into_parts(example_page):
    article = load_text(example_page)
    assert article.title == "Levee breach floods Marlow Bend, thousands flee"
    assert article.reference_highlights == (
        "Boat crews rescue 62 people as river pours through broken levee",
        "Governor declares emergency; 2019 report warned the levee could fail",
        "Farmers fear for winter wheat as water keeps rising",
    )
    assert article.credit == "Harlan Valley Press"
    assert article.body.startswith("Floodwater poured")
    assert article.body.endswith("from its ground floor.")
    for leaked in ("Credit", "Load more", "Share this", "•", article.title):
        assert leaked not in article.body


@pytest.mark.parametrize(
    "line",
    [
        "Load more...",
        "Show more",
        "Advertisement",
        "Share this article",
        "Share on Facebook",
        "Facebook | Twitter | Email",
        "Read more: Ten things to know about the levee",
        "Subscribe to our morning newsletter",
        "We use cookies to improve your experience. Accept all cookies",
        "Story continues below advertisement",
        "Scroll down for video",
        "Click here to sign up",
        "Related articles",
        "Comments (12)",
        "Skip to main content",
        "© 2026 Harlan Valley Press. All rights reserved.",
        "Image caption Boats on Front Street",
    ],
)
def test_chrome_lines_are_dropped(line):
    article = load_text(f"{STORY}\n{line}\nThe mayor left early.")
    assert line not in article.body
    assert "The mayor left early." in article.body


def test_chrome_table_has_named_rows():
    names = [name for name, _ in CHROME_LINES]
    assert len(names) == len(set(names))


def test_story_lines_that_mention_chrome_words_are_kept():
    text = f"{STORY}\nThe share price fell after the advertisement aired on Monday night across the state."
    assert "share price" in load_text(text).body


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Credit: Reuters", "credit", "Reuters"),
        ("Photo credit: Ana Lutz/AP", "credit", "Ana Lutz/AP"),
        ("Image copyright Getty Images", "credit", "Getty Images"),
        ("Photograph: Tom Hale", "credit", "Tom Hale"),
        ("By Maria Keane", "byline", "Maria Keane"),
        ("By Maria Keane and Tom Hale, CNN", "byline", "Maria Keane and Tom Hale, CNN"),
        (
            "Reporting by Ana Lutz; Editing by Tom Hale",
            "byline",
            "Reporting by Ana Lutz; Editing by Tom Hale",
        ),
    ],
)
def test_metadata_lines_become_fields(line, field, value):
    article = load_text(f"{line}\n{STORY}")
    assert getattr(article, field) == value
    assert line not in article.body


@pytest.mark.parametrize(
    "line",
    [
        "This story was produced in partnership with the Valley Education Lab.",
        "This article originally appeared in the Harbour Gazette.",
        "This report was funded by a grant from the Coastal Trust.",
    ],
)
def test_production_notes_become_metadata(line):
    article = load_text(f"{STORY}\n\n{line}")
    assert article.body == STORY
    assert article.metadata["note"] == line.rstrip(".")


def test_a_story_sentence_about_a_story_is_kept():
    text = f"{STORY} This story was first told by her grandmother in 1962, she said."
    assert load_text(text).body == text


def test_published_and_updated_lines_become_metadata():
    article = load_text(f"Published: 12 March 2026\nUpdated: 13 March 2026\n{STORY}")
    assert article.published == "12 March 2026"
    assert article.metadata["updated"] == "13 March 2026"


@pytest.mark.parametrize(
    ("text", "body_start", "source", "dateline"),
    [
        ("(CNN)The ferry sank. All were saved.", "The ferry sank.", "CNN", None),
        ("London (CNN)The ferry sank. All were saved.", "The ferry sank.", "CNN", "London"),
        (
            "LONDON, England (Reuters) -- The pound fell. It recovered.",
            "The pound fell.",
            "Reuters",
            "LONDON, England",
        ),
        (
            "LUBUMBASHI, Democratic Republic of Congo, March 4 (Reuters) - A dam burst. It held.",
            "A dam burst.",
            "Reuters",
            "LUBUMBASHI, Democratic Republic of Congo",
        ),
        (
            "LONDON, May 4 (Reuters) - The pound fell. It recovered.",
            "The pound fell.",
            "Reuters",
            "LONDON",
        ),
        (
            "WASHINGTON (AP) — The Senate voted. It adjourned.",
            "The Senate voted.",
            "AP",
            "WASHINGTON",
        ),
        (
            "Sanaa, Yemen (CNN)The port closed. Ships waited.",
            "The port closed.",
            "CNN",
            "Sanaa, Yemen",
        ),
        ("PARIS, France -- The talks ended. No deal.", "The talks ended.", None, "PARIS, France"),
        ("BRUSSELS – Ministers failed to agree. It stalled.", "Ministers failed", None, "BRUSSELS"),
        ("-lrb- cnn -rrb- the ferry sank . all were saved .", "the ferry sank .", "cnn", None),
        (
            "paris , france -- the talks ended . no deal .",
            "the talks ended .",
            None,
            "paris , france",
        ),
        ("Police said (on Monday) that it ended. Fine.", "Police said (on Monday)", None, None),
        ("The man -- who was tall -- left. Then he returned.", "The man -- who", None, None),
        ("The Food Agency (Fsa) will appeal. It said so.", "The Food Agency (Fsa)", None, None),
        ("The Food Agency (FSA) will appeal. It said so.", "The Food Agency (FSA)", None, None),
        ("Lerato Mahlangu (DA) said no. It ended.", "Lerato Mahlangu (DA)", None, None),
        (
            "Cardiff (Wales Online) -- The bridge shut. Traffic built.",
            "The bridge",
            "Wales Online",
            "Cardiff",
        ),
    ],
)
def test_datelines_are_stripped(text, body_start, source, dateline):
    article = load_text(text)
    assert article.body.startswith(body_start)
    assert article.source == source
    assert article.metadata.get("dateline") == dateline


@pytest.mark.parametrize(
    "text",
    [
        "By . Daily Mail Reporter . PUBLISHED: . 12:00 EST, 1 May 2014 . | . UPDATED: . 13:30 EST, 1 May 2014 . A man was jailed. He will appeal.",
        "by . daily mail reporter . published : . 12:00 est , 1 may 2014 . | . updated : . 13:30 est , 1 may 2014 . a man was jailed . he will appeal .",
    ],
)
def test_daily_mail_head_is_stripped(text):
    article = load_text(text)
    assert article.body.lower().startswith("a man was jailed")
    assert article.byline is not None
    assert article.byline.lower() == "daily mail reporter"
    assert (article.published or "").lower().startswith("12:00 est")
    assert article.metadata["updated"].lower().endswith("2014")


def test_daily_mail_last_updated_form():
    article = load_text(
        "By . Tom Hale . Last updated at 7:37 AM on 22nd June 2011 . The doctor was cleared. He left."
    )
    assert article.body.startswith("The doctor was cleared.")
    assert article.byline == "Tom Hale"
    assert article.metadata["updated"] == "7:37 AM on 22nd June 2011"


def test_leading_title_line_becomes_title():
    article = load_text(f"Library to close after council vote\n\n{STORY}")
    assert article.title == "Library to close after council vote"
    assert article.body == STORY


def test_hard_wrapped_first_line_is_not_a_title():
    text = "The council met on Monday and voted, after a long\ndebate that ran past midnight, to close it.\n"
    assert load_text(text).title is None


def test_trailing_rights_line_moves_to_metadata():
    article = load_text("The show returns in May. ©2026 Harlan Valley Press. All rights reserved.")
    assert article.body == "The show returns in May."
    assert article.metadata["rights"].startswith("©2026")


def test_crlf_and_bom_are_normalised():
    article = load_text(
        "\ufeffTitle of the piece here\r\n\r\nThe council met. It voted.\r\n".encode()
    )
    assert article.title == "Title of the piece here"
    assert article.body == "The council met. It voted."


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("", EmptyInputError),
        ("   \n\t  ", EmptyInputError),
        ("Load more...\nAdvertisement\n", EmptyInputError),
        (b"\x00\x01binary", BinaryInputError),
        ("text with a NUL\x00 inside.", BinaryInputError),
        ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 control soup.", BinaryInputError),
        (b"caf\xe9 au lait.", EncodingError),
    ],
)
def test_bad_input_raises_typed_errors(source, error):
    with pytest.raises(error) as info:
        load_text(source)
    assert isinstance(info.value, InvalidInputError)
    assert isinstance(info.value, NewsgistError)
    assert isinstance(info.value, ValueError)


def test_size_limit_is_enforced_and_configurable():
    text = "The council met. " * 100
    with pytest.raises(InputTooLargeError, match="1,000-byte limit"):
        load_text(text, options=IngestOptions(max_bytes=1_000))
    assert load_text(text, options=IngestOptions(max_bytes=10_000)).body
    with pytest.raises(InputTooLargeError):
        decode(text.encode(), options=IngestOptions(max_bytes=1_000))


def test_size_limit_counts_bytes_not_characters():
    text = "é" * 600  # 1,200 bytes in UTF-8
    with pytest.raises(InputTooLargeError):
        load_text(text + ".", options=IngestOptions(max_bytes=1_000))


def test_read_limited_stops_at_the_limit():
    with pytest.raises(InputTooLargeError):
        read_limited(io.BytesIO(b"x" * 2_001), options=IngestOptions(max_bytes=2_000))
    assert (
        read_limited(io.BytesIO(b"x" * 2_000), options=IngestOptions(max_bytes=2_000))
        == b"x" * 2_000
    )


def test_options_are_validated():
    with pytest.raises(InvalidOptionError):
        IngestOptions(max_bytes=0)
