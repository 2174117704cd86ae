import re

from ingest.extract import cuewords
from ingest.extract.lang import speaking
from ingest.extract.starts import START_ANCHORS


def test_a_star_stands_for_the_letters_of_any_ending_anywhere_in_a_phrase():
    stems = cuewords.alternation(["введен* в эксплуатацию", "собира*ся"])
    pattern = re.compile(stems)
    assert pattern.fullmatch("введены   в эксплуатацию")
    assert pattern.fullmatch("собираются")


def test_the_start_gate_lets_through_a_sentence_with_a_start_and_turns_down_one_without():
    sentence = "The plant will be launched in the spring of 2026."
    assert cuewords.any_of("production_start", *START_ANCHORS, sentence, 0, len(sentence))
    sentence = "Sales of new cars rose by 12 % in May."
    assert not cuewords.any_of("production_start", *START_ANCHORS, sentence, 0, len(sentence))


def test_the_russian_start_gate_reads_a_participle_written_as_a_stem():
    sentence = "Завод введут в эксплуатацию в 2026 году."
    with speaking("ru"):
        assert cuewords.any_of("production_start", *START_ANCHORS, sentence, 0, len(sentence))
