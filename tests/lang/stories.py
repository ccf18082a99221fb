"""Stories the team wrote for the language tests (no text from the data sets)."""

from __future__ import annotations

FRENCH = (
    "Le conseil municipal de Villeneuve a voté mardi soir la fermeture du vieux pont du port."
    " La structure, construite en 1932, présente des fissures inquiétantes selon les"
    " ingénieurs de la ville. Les travaux de réparation dureront au moins dix-huit mois et"
    " coûteront près de quatre millions d'euros. Pendant la fermeture, une navette fluviale"
    " gratuite reliera les deux rives toutes les vingt minutes. Les commerçants du quartier"
    " du port craignent une baisse de la fréquentation pendant tout l'été. Le maire a promis"
    " une aide exceptionnelle aux boutiques les plus touchées par la fermeture du pont."
)
"""A French news story: detected as ``fr`` and summarized language-neutral."""

ENGLISH = (
    "The city council voted on Tuesday night to close the old harbour bridge for repairs."
    " Engineers found deep cracks in the 1932 structure during a routine inspection last"
    " month. The work will take at least eighteen months and cost almost four million pounds."
    " A free river shuttle will link the two banks every twenty minutes while the bridge is"
    " shut. Shop owners near the harbour fear they will lose trade all summer. The mayor has"
    " promised emergency grants to the businesses hit hardest by the closure."
)
"""The same story in English."""

ENGLISH_TOKENISED = (
    "the city council voted on tuesday night to close the old harbour bridge for repairs ."
    " engineers found deep cracks in the 1932 structure during a routine inspection ."
    " the work will take at least eighteen months , officials said ."
)
"""English as the ``cnndm_toklower`` files write it: lower case, tokens split by spaces."""


SHARED_FUNCTION_WORDS = {
    "da": (
        "Regeringen har i dag fremlagt et forslag til en ny lov om boliger, og det skal efter"
        " planen vedtages inden sommerferien. Ministeren siger til avisen, at der er brug for"
        " flere billige boliger i de store byer, og at kommunerne skal have mere frihed til at"
        " bygge. Oppositionen kalder forslaget for et valgflæsk, men vil se på det."
    ),
    "no": (
        "Regjeringen la i dag fram et forslag om en ny lov for boliger, og det skal etter planen"
        " vedtas før sommeren. Statsråden sier til avisen at det er behov for flere rimelige"
        " boliger i de store byene, og at kommunene skal få mer frihet til å bygge. Opposisjonen"
        " kaller forslaget for valgflesk, men vil se på det."
    ),
    "de": (
        "Die Regierung hat heute einen Vorschlag für ein neues Gesetz über Wohnungen vorgelegt,"
        " das nach dem Plan noch vor dem Sommer beschlossen werden soll. Der Minister sagte der"
        " Zeitung, es brauche mehr bezahlbare Wohnungen in den großen Städten, und die Gemeinden"
        " sollten mehr Freiheit beim Bauen bekommen. Die Opposition will ihn aber prüfen."
    ),
    "nl": (
        "De regering heeft vandaag een voorstel gedaan voor een nieuwe wet over woningen, en die"
        " moet volgens plan voor de zomer worden aangenomen. De minister zegt tegen de krant dat"
        " er meer betaalbare woningen nodig zijn in de grote steden en dat gemeenten meer"
        " vrijheid krijgen om te bouwen. De oppositie wil er naar kijken, zegt ze."
    ),
    "tl": (
        "Inihain ngayong araw ng pamahalaan ang isang panukalang batas tungkol sa pabahay, at"
        " inaasahang maipapasa ito bago ang tag-init. Sinabi ng kalihim sa pahayagan na kailangan"
        " ng mas maraming abot-kayang bahay sa malalaking lungsod at dapat bigyan ng higit na"
        " kalayaan ang mga lokal na pamahalaan na magtayo."
    ),
}
"""Stories in languages that use some English function words ("for", "to", "at", "of") too:
none is taken for English by the marker-word shortcut."""

FRENCH_QUOTING_ENGLISH = (
    'Le chanteur britannique a déclaré au Guardian: "I think that the band will be back on the'
    " road next year, and that is what the fans want.\" Sa maison de disques n'a pas confirmé"
    " l'information, mais une tournée européenne serait en préparation pour le printemps."
)
"""A French story half of whose words are an English quotation: a fifth of its words are
English function words, all in its first half."""

RESULTS_FIRST = (
    "Bayern Munich 3 Borussia Dortmund 1; Inter Milan 2 Napoli 2; Paris Saint-Germain 4 "
    "Olympique Lyonnais 0; Real Madrid 1 Atletico Madrid 1. Harry Kane, Jamal Musiala and "
    "Leroy Sane scored for Bayern, Ousmane Dembele twice for PSG, Lautaro Martinez and "
    "Khvicha Kvaratskhelia in Milan. Champions League holders Real Madrid drew at the "
    "Bernabeu, Antoine Griezmann cancelling out Vinicius Junior's penalty. "
    "It was the first time in three seasons that the champions had failed to win a home "
    "game in the group stage, and the result leaves them needing a point in their final "
    "match to be sure of a place in the last 16. Their coach said afterwards that he was "
    "not worried, because the team had played well for most of the game and had been "
    'unlucky not to score a second goal. "We will be there in the spring," he told '
    'reporters. "It is not the first time that people have written us off, and it will '
    'not be the last." His counterpart was more cautious about what the draw meant for '
    "his side, who are still to win away from home this season and who face a long trip "
    "to the east of the continent next month."
)
"""An English round-up that opens with scores and names: too few function words in its first
400 characters, plenty in its first 1,000."""
