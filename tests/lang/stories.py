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
