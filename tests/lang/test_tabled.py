"""The languages read from word tables: detected, segmented with their tables, summarized."""

from __future__ import annotations

import pytest

import newsgist
from newsgist.features import stem
from newsgist.lang import LANGUAGES, lookup
from newsgist.lang.tabled import TABLED
from newsgist.segment import segment

STORIES = {
    "de": (
        "Die Stadt Lindenau hat am Montag die alte Hafenbrücke gesperrt. Prüfer hatten Risse"
        " in zwei Pfeilern gefunden, z. B. am Ostufer. Die Sanierung soll bis zum 15. Oktober"
        " dauern und 2,4 Millionen Euro kosten. Pendler müssen einen Umweg von acht Kilometern"
        " fahren. „Wir hatten keine Wahl“, sagte Bürgermeisterin Dr. Anke Roth."
    ),
    "fr": (
        "La mairie de Villeneuve a fermé lundi le vieux pont du port. Des inspecteurs y ont"
        " trouvé des fissures dans deux piliers. Les travaux dureront jusqu'en octobre et"
        " coûteront 2,4 millions d'euros. Les habitants devront faire un détour de huit"
        " kilomètres. « Nous n'avions pas le choix », a déclaré M. Roux, le maire."
    ),
    "es": (
        "El ayuntamiento de Villanueva cerró el lunes el viejo puente del puerto. Los"
        " inspectores encontraron grietas en dos pilares. Las obras durarán hasta octubre y"
        " costarán 2,4 millones de euros. Los vecinos tendrán que dar un rodeo de ocho"
        " kilómetros. «No teníamos otra opción», dijo la Sra. Ruiz, la alcaldesa."
    ),
    "it": (
        "Il comune di Villanova ha chiuso lunedì il vecchio ponte del porto. Gli ispettori"
        " hanno trovato crepe in due piloni. I lavori dureranno fino a ottobre e costeranno"
        " 2,4 milioni di euro. I residenti dovranno fare una deviazione di otto chilometri."
        " «Non avevamo scelta», ha detto il sindaco, il Dott. Rossi."
    ),
    "pt": (
        "A câmara de Vila Nova fechou na segunda-feira a velha ponte do porto. Os inspetores"
        " encontraram fissuras em dois pilares. As obras vão durar até outubro e custar 2,4"
        " milhões de euros. Os moradores terão de fazer um desvio de oito quilómetros."
        " «Não tínhamos escolha», disse o Sr. Costa, o presidente da câmara."
    ),
    "nl": (
        "De gemeente Nieuwdorp heeft maandag de oude havenbrug gesloten. Inspecteurs vonden"
        " scheuren in twee pijlers. De werken duren tot oktober en kosten 2,4 miljoen euro."
        " Bewoners moeten een omweg van acht kilometer maken. 'We hadden geen keus', zei"
        " burgemeester dhr. De Wit."
    ),
    "da": (
        "Kommunen i Nyby lukkede mandag den gamle havnebro. Inspektører fandt revner i to"
        " bropiller. Arbejdet varer til den 15. oktober og koster 2,4 millioner kroner."
        " Beboerne skal køre en omvej på otte kilometer. »Vi havde intet valg«, sagde"
        " borgmester Anne Holm."
    ),
    "sv": (
        "Kommunen i Nyby stängde på måndagen den gamla hamnbron. Inspektörer hittade"
        " sprickor i två brofästen. Arbetet pågår till oktober och kostar 2,4 miljoner"
        " kronor. De boende måste köra en omväg på åtta kilometer. – Vi hade inget val, sade"
        " kommunalrådet Anna Berg."
    ),
    "no": (
        "Kommunen i Nyby stengte mandag den gamle havnebrua. Inspektører fant sprekker i to"
        " brupilarer. Arbeidet varer til 15. oktober og koster 2,4 millioner kroner."
        " Innbyggerne må kjøre en omvei på åtte kilometer. – Vi hadde ikke noe valg, sa"
        " ordfører Kari Lund."
    ),
    "fi": (
        "Uudenkylän kaupunki sulki maanantaina vanhan satamasillan. Tarkastajat löysivät"
        " halkeamia kahdesta sillan pilarista. Korjaus kestää 15. lokakuuta asti ja maksaa"
        " 2,4 miljoonaa euroa. Asukkaat joutuvat ajamaan kahdeksan kilometrin kiertotien."
        " Meillä ei ollut vaihtoehtoa, sanoi pormestari Liisa Virtanen."
    ),
    "ru": (
        "Власти города Новоозёрска в понедельник закрыли старый портовый мост. Инспекторы"
        " нашли трещины в двух опорах. Ремонт продлится до октября и обойдётся в 2,4 млн"
        " руб. Это больше, чем город тратит на дороги за год. «У нас не было выбора», —"
        " сказал мэр Андрей Соколов."
    ),
    "tr": (
        "Yenikent belediyesi pazartesi günü eski liman köprüsünü kapattı. Müfettişler iki"
        " ayakta çatlaklar buldu. Onarım ekim ayına kadar sürecek ve 2,4 milyon liraya mal"
        " olacak. Sakinler sekiz kilometrelik bir yol kullanmak zorunda kalacak. Belediye"
        " başkanı Dr. Ayşe Demir, başka seçeneğimiz yoktu dedi."
    ),
    "id": (
        "Pemerintah Kota Sukamaju pada Senin menutup jembatan pelabuhan yang sudah tua."
        " Petugas menemukan retakan pada dua tiang penyangga jembatan tersebut. Perbaikan"
        " akan berlangsung hingga Oktober dan menelan biaya Rp 2,4 miliar. Warga harus"
        " memutar sejauh delapan kilometer setiap hari. Kami tidak punya pilihan lain, kata"
        " Wali Kota Dr. Budi Santoso kepada wartawan."
    ),
    "sk": (
        "Mesto Nová Ves v pondelok uzavrelo starý prístavný most. Inšpektori našli trhliny"
        " v dvoch pilieroch, napr. na východnom brehu. Oprava potrvá do 15. októbra a bude"
        " stáť 2,4 milióna eur. Obyvatelia musia jazdiť osem kilometrov obchádzkou. Nemali"
        " sme na výber, povedal primátor Ing. Peter Kováč."
    ),
    "bg": (
        "Общината на Ново село затвори в понеделник стария пристанищен мост. Инспектори"
        " откриха пукнатини в две от опорите му. Ремонтът ще продължи до октомври и ще"
        " струва 2,4 млн. лв. Жителите трябва да карат осем километра по обходен път."
        " Нямахме избор, каза кметът проф. Иван Петров."
    ),
}


def test_every_tabled_language_has_a_story_here():
    assert sorted(STORIES) == sorted(language.code for language in TABLED)


@pytest.mark.parametrize("code", sorted(STORIES))
def test_a_story_is_detected_and_summarized_with_its_languages_resources(code):
    summary = newsgist.summarize(STORIES[code], sentences=2)
    assert (summary.article.language, summary.language_resources) == (code, code)
    assert len(summary.highlights) == 2
    assert summary.headline


@pytest.mark.parametrize("code", sorted(STORIES))
def test_a_story_splits_into_its_five_sentences(code):
    sentences = segment(STORIES[code], language=lookup(code))
    assert len(sentences) == 5, [s.text for s in sentences]


@pytest.mark.parametrize("language", TABLED, ids=[language.code for language in TABLED])
def test_each_table_is_filled_and_stop_words_leave_content_words(language):
    assert len(language.stop_words) >= 60
    assert language.stemmer is not None or language.code in ("sk", "bg")
    assert language.segmentation.abbreviations
    assert language.segmentation.starters >= language.segmentation.strong_starters
    assert language.segmentation.titles <= language.segmentation.abbreviations
    assert language.attribution_verbs
    assert language.leaning_words
    assert LANGUAGES[language.code] is language


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("fr", ["inspecteurs", "inspecteur"]),
        ("de", ["Brücken", "Brücke"]),
        ("ru", ["мостом", "мосту"]),
        ("tr", ["köprüler", "köprü"]),
        ("id", ["perbaikan", "baik"]),
    ],
)
def test_word_forms_share_a_stem_in_their_language(code, forms):
    stems = stem([form.lower() for form in forms], language=lookup(code))
    assert len(set(stems)) == 1
