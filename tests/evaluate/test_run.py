import json

import pytest

from newsgist.errors import InvalidOptionError, UnknownNameError
from newsgist.evaluate import (
    HeadlineSystem,
    MethodSystem,
    evaluate,
    parse_method_spec,
    read_records,
)
from newsgist.evaluate.records import Record
from newsgist.options import SummarizeOptions
from tests.conftest import DATA


@pytest.fixture
def records():
    return read_records(DATA / "eval_records.jsonl")


def test_method_specs():
    three = SummarizeOptions(sentences=3, headline=None)
    label, system = parse_method_spec("lead", settings=three)
    assert (label, system.settings.method, system.settings.sentences) == ("lead", "lead", 3)
    label, system = parse_method_spec("lead:1", settings=SummarizeOptions(words=50))
    assert (label, system.settings.sentences, system.settings.words) == ("lead:1", 1, None)
    assert system.settings.headline is None
    label, system = parse_method_spec(
        "lexrank", settings=SummarizeOptions(method="lexrank", method_options={"threshold": 0.1})
    )
    assert system.settings.method_options == {"threshold": 0.1}
    with pytest.raises(UnknownNameError):
        parse_method_spec("nope")
    with pytest.raises(InvalidOptionError):
        parse_method_spec("lead:x")
    with pytest.raises(InvalidOptionError):
        parse_method_spec("lead:0")
    bogus = SummarizeOptions(method="lexrank", method_options={"threshold": 0.1})
    with pytest.raises(InvalidOptionError, match="has no option 'threshold'"):
        parse_method_spec("textrank", settings=bogus)


def test_model_goes_only_to_methods_that_declare_it(tmp_path):
    from newsgist.methods.learned.model import load_model

    path = tmp_path / "m.npz"
    load_model().save(path)
    _, learned = parse_method_spec("learned", model=path)
    _, lead = parse_method_spec("lead", model=path)
    assert learned.settings.method_options == {"model": path}
    assert lead.settings.method_options == {}


def test_side_by_side_report(records):
    found, skipped = records
    systems = dict(parse_method_spec(s) for s in ("lead", "lead:1"))
    report = evaluate(found, systems, bootstrap=200, seed=1, skipped=skipped, source="stories")
    assert [r.label for r in report.systems] == ["lead", "lead:1"]
    # the letterless record fails for every method, so it is skipped for all of them
    assert report.evaluated == 5
    assert [s.line for s in report.skipped] == [3, 4, 8, 9, 11]
    assert "no sentence with a letter or digit" in report.skipped[-1].reason
    lead, lead1 = report.systems
    assert lead.sentences == 3.0
    assert lead1.sentences == 1.0
    assert lead1.words < lead.words
    assert report.reference_sentences == pytest.approx(14 / 5)
    for result in report.systems:
        for variant in result.rouge.values():
            for figure in variant.values():
                assert 0 <= figure.low <= figure.mean <= figure.high <= 1
        assert result.articles_per_s > 0
    assert lead.versus_baseline == {}
    assert set(lead1.versus_baseline) == {"rouge1", "rouge2", "rougeLsum"}


def test_markdown_and_json_render(records, tmp_path):
    found, skipped = records
    systems = dict(parse_method_spec(s) for s in ("lead", "lead:2"))
    report = evaluate(found, systems, bootstrap=100, skipped=skipped, source="stories")
    markdown = report.to_markdown()
    assert "| lead (baseline) |" in markdown
    assert "| lead:2 |" in markdown
    assert "| references |" in markdown
    assert "line 3: not JSON" in markdown
    data = json.loads(json.dumps(report.to_dict()))
    assert data["baseline"] == "lead"
    assert data["evaluated"] == 5
    assert data["systems"][1]["rouge"]["rouge1"]["f1"]["mean"] == pytest.approx(
        report.systems[1].rouge["rouge1"]["f1"].mean
    )
    report.plot(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_seeded_and_worker_count_independent(records):
    found, _ = records
    systems = dict(parse_method_spec(s) for s in ("lead", "lead:1"))
    one = evaluate(found, systems, bootstrap=100, seed=5, workers=1)
    two = evaluate(found, systems, bootstrap=100, seed=5, workers=2)
    for a, b in zip(one.systems, two.systems, strict=True):
        assert a.rouge == b.rouge
        assert a.versus_baseline == b.versus_baseline


def test_any_callable_is_a_system_and_crashes_score_as_empty(records):
    found, _ = records

    def echo_reference(record):
        return list(record.highlights)

    def crashes(record):
        raise RuntimeError("peer bug")

    report = evaluate(found[:5], {"oracle": echo_reference, "broken": crashes}, bootstrap=50)
    oracle, broken = report.systems
    assert oracle.rouge["rouge1"]["f1"].mean == pytest.approx(1.0)
    assert broken.failures == 5
    assert broken.rouge["rouge1"]["f1"].mean == 0.0
    assert broken.versus_baseline["rouge1"].significant


def test_nothing_to_evaluate_is_an_error():
    with pytest.raises(InvalidOptionError, match="no records left"):
        evaluate([], {"lead": MethodSystem(SummarizeOptions(method="lead", headline=None))})
    with pytest.raises(InvalidOptionError, match="at least one"):
        evaluate([], {})


def test_headlines_are_scored_against_titles(records):
    found, _ = records
    systems = {n: HeadlineSystem(SummarizeOptions(headline=n)) for n in ("first-words", "compress")}
    report = evaluate(found, systems, bootstrap=100, reference="title")
    titled = [r for r in found if r.title]
    assert report.reference == "title"
    assert report.evaluated + len(report.skipped) == len(found)
    assert 0 < report.evaluated <= len(titled)
    assert "no title" in {s.reason for s in report.skipped}
    for result in report.systems:
        assert result.sentences == 1.0
        assert 0 < result.words <= 12
        assert 0 < result.rouge["rouge1"]["f1"].mean <= 1
    markdown = report.to_markdown()
    assert "against the records' titles" in markdown
    assert "| system | ROUGE-1 | ROUGE-2 | ROUGE-L |" in markdown
    assert "| titles |" in markdown
    assert report.to_dict()["reference"] == "title"


def test_headline_system_honours_the_budget(records):
    found, _ = records
    article = next(r for r in found if r.title)
    system = HeadlineSystem(SummarizeOptions(headline="first-words", headline_words=3))
    assert len(system(article)[0].split()) == 3


def test_each_record_is_scored_in_its_language(tmp_path):
    story = (
        "Власти Новоозёрска закрыли старый мост. Инспекторы нашли трещины в опорах."
        " Ремонт продлится до октября. Жители недовольны объездом."
    )
    lines = [
        {"id": "ru", "article": story, "highlights": ["Власти Новоозёрска закрыли старый мост."]},
        {
            "id": "declared",
            "language": "ru",
            "article": story,
            "highlights": ["Власти Новоозёрска закрыли старый мост."],
        },
    ]
    path = tmp_path / "ru.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n")
    records, _ = read_records(path)
    assert [r.language for r in records] == [None, "ru"]
    systems = {"lead:1": parse_method_spec("lead:1")[1]}
    report = evaluate(records, systems, bootstrap=10)
    assert report.systems[0].rouge["rouge1"]["f1"].mean == pytest.approx(1.0)


def test_an_english_record_taken_for_another_language_keeps_the_english_scorer():
    from newsgist.evaluate.run import _rouge, _start
    from newsgist.lang import detect

    _start([], "highlights")
    pidgin = Record(
        id="x",
        article="Police free 77 people from confinement in a church in south-western Nigeria.",
        highlights=("x",),
    )
    greek = Record(id="y", article="Η γέφυρα έκλεισε τη Δευτέρα για επισκευές.", highlights=("y",))
    assert detect(pidgin.article) == "pcm"  # the detector's mistake this guards against
    assert _rouge(pidgin) is _rouge(Record(id="z", article="The bridge shut.", highlights=("z",)))
    assert _rouge(greek).score(["Η γέφυρα έκλεισε"], ["Η γέφυρα έκλεισε"])[0, 2] == 1.0
