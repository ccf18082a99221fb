"""Figures with their kinds and what they count; dates apart; numbers in names left out."""

import pytest

from newsgist.facts.figures import figures
from newsgist.lang import FactWords, lookup


def _words() -> FactWords:
    words = lookup("en").facts
    assert words is not None
    return words


WORDS = _words()


def found(text):
    counted, dates = figures(text, WORDS)
    return [(f.text, f.kind, f.counts) for f in counted], [d.text for d in dates]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Some 41,000 people who fled to Lumea had no water.",
            ("41,000", "count", "people who fled to Lumea had"),
        ),
        ("Repairs will cost $4.2 million, officials said.", ("$4.2 million", "money", None)),
        ("Repairs will cost 3 million euros in all.", ("3 million euros", "money", "in all")),
        ("Turnout was 71% on Sunday.", ("71%", "percent", "on Sunday")),
        ("Prices rose 6.5 per cent in May.", ("6.5 per cent", "percent", "in May")),
        ("The water rose 2.4 metres overnight.", ("2.4 metres", "measure", "overnight")),
        ("The union said 312 of its members voted.", ("312", "count", "its members voted")),
        (
            "Boats reached a 90-year-old woman on her roof.",
            ("90", "measure", "year-old woman on her roof"),
        ),
        ("It will open a 24-bed ward in May.", ("24", "count", "bed ward in May")),
        (
            "Crews left at dawn, officials said.\n\nAbout 140 firefighters went.",
            ("140", "count", "firefighters went"),
        ),
        ("The group will keep Tolva's 12 factories open.", ("12", "count", "factories open")),
        ("Ankara sent 250 million lira in aid.", ("250 million lira", "money", "in aid")),
        ("Temperatures reached 41.3C in Sevila.", ("41.3C", "measure", "in Sevila")),
    ],
)
def test_a_figure_has_its_kind_and_what_it_counts(text, figure):
    assert found(text)[0] == [figure]


@pytest.mark.parametrize(
    "text",
    [
        "The storm of 1952 was worse.",
        "They meet on March 14 at the hall.",
        "The ferry left at 4:15 on Monday.",
    ],
)
def test_dates_and_times_are_kept_apart(text):
    counted, dates = found(text)
    assert counted == []
    assert len(dates) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The G20 met in Rome.",
        "He lives at No. 10 on the square.",
        "Take Route 66 west.",
        "Covid-19 spread.",
    ],
)
def test_numbers_in_names_are_no_figures(text):
    assert found(text) == ([], [])


def test_without_word_tables_digits_are_still_figures_and_spaced_thousands_one():
    counted, _ = figures("Il y a eu 41 000 morts et 12 blessés.", None)
    assert [f.text for f in counted] == ["41 000", "12"]


def test_a_currency_sign_opens_the_figure_and_no_figure_starts_inside_another():
    counted, _ = found("It cost $4.2 million, US$5 more than the 41,000 and 3.5 in X12 or 7/8.")
    assert [text for text, _, _ in counted] == ["$4.2 million", "US$5", "41,000", "3.5"]


def test_units_joined_to_a_number_scores_and_hours_alone():
    counted, dates = found(
        "Some 92mm of rain fell by 6pm, and at 2 a.m. the shares cost 94p, up 3 cents. City"
        " won 3-1 on Saturday."
    )
    assert [(t, k) for t, k, _ in counted] == [
        ("92mm", "measure"),
        ("94p", "money"),
        ("3 cents", "money"),
        ("3-1", "count"),
    ]
    assert dates == ["6pm", "2 a.m."]


def test_lettered_currencies_and_indian_scales():
    counted, _ = found("It cost A$1.2bn and US$5, Rs 500 crore, Rs. 40 lakh and BAS$7.")
    assert [(t, k) for t, k, _ in counted] == [
        ("A$1.2bn", "money"),
        ("US$5", "money"),
        ("Rs 500 crore", "money"),
        ("Rs. 40 lakh", "money"),
        ("7", "count"),  # "BAS$": no currency inside a word
    ]


def test_a_year_range_is_a_date_not_a_score():
    counted, dates = found("The 2019-20 season ended, and they won 3-1.")
    assert [t for t, _, _ in counted] == ["3-1"]
    assert dates == ["2019"]


def test_regional_money_styles_are_whole_figures():
    text = (
        "Caldwells will pay $180-million, valuing it at $4.1-billion. The bank was fined £45mn. "
        "It spent RM63 billion, at RM2.08 a share, and Sh6.8 billion; the plant cost $US750 "
        "million and the krone was 148.2 crowns."
    )
    counted, _ = found(text)
    assert [(t, kind) for t, kind, _ in counted] == [
        ("$180-million", "money"),
        ("$4.1-billion", "money"),
        ("£45mn", "money"),
        ("RM63 billion", "money"),
        ("RM2.08", "money"),
        ("Sh6.8 billion", "money"),
        ("$US750 million", "money"),
        ("148.2 crowns", "money"),
    ]


def test_a_peso_sign_needs_a_scale_and_kilogrammes_measure():
    counted, _ = found(
        "Manila released P1.2 billion and ₱500 million in aid. Staff filed a P45 form. "
        "Exports reached 291 million kilogrammes."
    )
    assert ("P1.2 billion", "money", None) in counted
    assert ("₱500 million", "money", "in aid") in counted
    assert not any("45" in text for text, _, _ in counted)  # a form's name, not pesos
    assert ("291 million kilogrammes", "measure", None) in counted


def test_rand_with_a_scale_and_degrees_with_their_scale():
    counted, _ = found(
        "The city owes R2.3 billion to the utility. The R2 road was shut. It was 38 degrees "
        "Celsius and the water rose 60 centimetres."
    )
    texts = [text for text, _, _ in counted]
    assert texts == ["R2.3 billion", "38 degrees Celsius", "60 centimetres"]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Fees rose to Dh12,000 a term.", "Dh12,000"),
        ("The plant cost NT$48 billion to build.", "NT$48 billion"),
        ("Nurses earn Shs85,000 a week.", "Shs85,000"),
        ("The bank lost SKr4.1bn last year.", "SKr4.1bn"),
        ("The state paid N15m for the road.", "N15m"),
        ("Fines of R18,500 were handed down.", "R18,500"),
        ("The tender was worth R31.5-million in all.", "R31.5-million"),
        ("Jakarta set aside Rp 3 trillion for it.", "Rp 3 trillion"),
        ("The board approved Tk 12 crore for it.", "Tk 12 crore"),
        ("Prices rose 6.2pc in March.", "6.2pc"),
        ("The grid needs 13,000MW more.", "13,000MW"),
        ("The phone has 64GB of storage.", "64GB"),
        ("Winds reached 90km/h on the coast.", "90km/h"),
        ("The farm makes 32 megawatts at peak.", "32 megawatts"),
        ("The studio raised J$45 million for it.", "J$45 million"),
        ("Riyadh set aside SR4.2 billion for it.", "SR4.2 billion"),
        ("Muscat will spend RO 12 million on it.", "RO 12 million"),
        ("Port Moresby owes K1.2 million to it.", "K1.2 million"),
        ("Hanoi approved VND 25 billion for it.", "VND 25 billion"),
        ("The dam holds 11 million cubic metres now.", "11 million cubic metres"),
        ("It was 1 degree Celsius at dawn.", "1 degree Celsius"),
        ("The port moved 9,800 TEU last week.", "9,800 TEU"),
        ("Shares closed at R38.15 on Friday.", "R38.15"),
        ("Shares rose 6 sen on Friday.", "6 sen"),
        ("Kelp covered 148ha of the bay.", "148ha"),
        ("The basin holds 4.86 million acre-feet now.", "4.86 million acre-feet"),
    ],
)
def test_lettered_currencies_joined_units_and_power(text, figure):
    assert [t for t, _, _ in found(text)[0]] == [figure]


def test_a_lettered_currency_alone_needs_a_scale_or_thousands():
    counted, _ = found("Take the N2 and R600 to Exit 9, then pay R18,500 or N4m.")
    assert [t for t, _, _ in counted] == ["R18,500", "N4m"]  # roads' names, then money


def test_a_currency_code_needs_an_amount_not_a_bare_number():
    counted, _ = found("At COP 28 delegates pledged USD 5 million and PHP 8,000 each.")
    assert [t for t, _, _ in counted] == ["USD 5 million", "PHP 8,000"]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Crews rebuilt a 2.8-mile stretch of road.", ("2.8-mile", "measure", "stretch of road")),
        ("It is a 45-minute drive to Lumea.", ("45-minute", "measure", "drive to Lumea")),
        ("A 180,000-square-foot hub opens.", ("180,000-square-foot", "measure", "hub opens")),
        ("At least 1 200 head of cattle died.", ("1 200", "count", "head of cattle died")),
        ("Farmers were paid N$2 500 each.", ("N$2 500", "money", "each")),
        ("She shaved 0.07sec off the mark.", ("0.07sec", "measure", "off the mark")),
        ("The wind was 0.4m/s at the start.", ("0.4m/s", "measure", "at the start")),
        ("He won the stage in 4hr 31min 07sec.", ("4hr 31min 07sec", "measure", None)),
    ],
)
def test_a_measures_hyphened_unit_spaced_thousands_and_times_in_units_are_one_figure(text, figure):
    counted, _ = found(text)
    assert counted == [figure]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("The toll rose to 23 000.", ["23 000"]),
        ("They paid N$2 500, and more.", ["N$2 500"]),
        ("Interstate 225 reopened after 3 crashes.", ["3"]),
        ("The ministry released sh1.6b; one trader lost sh3m.", ["sh1.6b", "sh3m"]),
        ("Fines of up to JD10,000 apply to 200,000 riel deals.", ["JD10,000", "200,000 riel"]),
        ("Ferries at 35 knots push3m cash4bn.", ["35 knots"]),
    ],
)
def test_spaced_thousands_roads_lettered_currencies_and_knots(text, texts):
    counted, _ = found(text)
    assert [figure for figure, _, _ in counted] == texts
