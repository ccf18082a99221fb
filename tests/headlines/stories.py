"""Stories the team wrote, each with headlines an editor would accept (any of them)."""

from __future__ import annotations

STORIES: dict[str, tuple[str, set[str]]] = {
    "dateline and attribution": (
        "WELLINGTON, New Zealand (Reuters) -- The central bank raised its main interest rate to"
        " 5.5% on Wednesday, officials said. Economists had expected the move. Mortgage rates"
        " are likely to follow within weeks.",
        {
            "Central bank raised main interest rate to 5.5%",
            "Central bank raises interest rate to 5.5%",
        },
    ),
    "leading clause": (
        "After three days of talks in Geneva, negotiators agreed a ceasefire in the northern"
        " province. The truce takes effect at midnight. Aid convoys are expected to move on"
        " Friday.",
        {"Negotiators agreed ceasefire in northern province", "Negotiators agreed ceasefire"},
    ),
    "appositive": (
        "Marta Quintero, the 34-year-old marathon runner from Valencia, has won the Berlin"
        " marathon in a course record. Quintero finished in two hours 17 minutes. She said the"
        " cool weather helped.",
        {
            "Quintero won Berlin marathon in course record",
            "Marta Quintero won Berlin marathon in course record",
        },
    ),
    "relative clause": (
        "The museum, which reopened in May after a two-year refit, has been sold to a private"
        " trust for £12m. The trust said it would keep the museum free. Staff were told on"
        " Monday.",
        {"Museum sold to private trust for £12m", "Museum sold to private trust"},
    ),
    "passive": (
        "A 47-year-old man has been arrested after a lorry crashed into a school wall in"
        " Dunmore. No children were hurt. Police said the driver had been taken to hospital.",
        {"47-year-old man arrested", "Man arrested after lorry crashed into school wall"},
    ),
    "is to": (
        "The carmaker is to cut 1,200 jobs at its plant in Sunderland as demand for diesel"
        " engines falls. Unions called the decision a betrayal. The company said it had no"
        " choice.",
        {"Carmaker to cut 1,200 jobs at plant in Sunderland", "Carmaker to cut 1,200 jobs"},
    ),
    "role and name": (
        "Rovers manager Tom Ellery has been sacked after a run of eight defeats in ten games."
        " Ellery joined the club two years ago. The board will name a caretaker on Monday.",
        {"Ellery sacked", "Rovers manager Ellery sacked", "Rovers sack manager Tom Ellery"},
    ),
    "according to": (
        "Sales of electric bikes rose by a third last year, according to a report by the"
        " cycling industry association. Retailers said supply had finally caught up. Prices"
        " fell slightly.",
        {"Sales of electric bikes rose by a third", "Electric bike sales rose by a third"},
    ),
    "said that": (
        "The health minister said on Tuesday that the new hospital in Carrow will open two"
        " years late because of rising building costs. The hospital was due to open in 2027."
        " Opposition parties called for an inquiry.",
        {"New hospital in Carrow will open 2 years late", "Carrow hospital will open 2 years late"},
    ),
    "parenthetical": (
        "The World Weather Agency (WWA) has warned that this summer could be the hottest on"
        " record in southern Europe. Temperatures in Seville reached 46C last week. Farmers"
        " fear for the olive harvest.",
        {
            "World Weather Agency warned this summer could be hottest on record",
            "Summer could be hottest on record in southern Europe",
        },
    ),
    "dash aside": (
        "The river ferry -- the last hand-cranked crossing in England -- will close in October"
        " after the council withdrew its funding. Villagers have started a petition. The ferry"
        " has run since 1872.",
        {"River ferry will close", "River ferry to close after council withdrew funding"},
    ),
    "number words": (
        "Rescue teams have found three climbers who spent two nights in a snow hole on Ben"
        " Alder. All were said to be in good health. The climbers had been reported missing"
        " on Friday.",
        {"Rescue teams found 3 climbers", "Rescue teams found 3 climbers in snow hole"},
    ),
}

EDGE_CASES: dict[str, str] = {
    "no verb in the lead": (
        "Chaos on the coast road. Storm winds tore the roofs off 40 homes in Brackley"
        " overnight, forcing families into the village hall. The council opened a relief fund."
    ),
    "quote as the lead": (
        '"We lost everything in ten minutes," said Ana Ruiz, whose bakery flooded. Flash floods'
        " swept through the centre of Tolva on Saturday, damaging 200 shops. The mayor asked"
        " for army help."
    ),
    "one sentence": "Police have closed the M8 between junctions 12 and 14 after a fuel spill.",
    "all caps": (
        "POLICE HAVE CLOSED THE M8 AFTER A FUEL SPILL NEAR GLASGOW. DRIVERS ARE ADVISED TO"
        " AVOID THE AREA UNTIL THE EVENING."
    ),
    "question lead": (
        "Why do so many bridges fail? Engineers in Porto say the answer is salt. The city will"
        " test a new coating on three bridges this spring."
    ),
    "lower case": "the council has voted to close the library . residents protested outside .",
}
