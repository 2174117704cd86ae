"""Property tests: whatever bytes or text arrive, reading and extraction never raise."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract.article import extract_article
from ingest.read.decode import Decoded, Undecodable, decode_bytes
from ingest.read.discover import Candidate
from ingest.read.reader import read_candidate

PIECES = [
    *"0123456789 ,.$%-–—’“”\n",
    "Kia",
    " sold ",
    " cars ",
    " in ",
    "2024",
    " million ",
    " tenge",
    " up to ",
    " more than ",
    " plant",
    " Kostanay",
    " from ",
    " to ",
    "January",
    "mid-",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_to_text_or_a_reason(raw):
    result = decode_bytes(raw)
    assert isinstance(result, Decoded | Undecodable)
    if isinstance(result, Decoded):
        assert result.text.strip()


@given(st.one_of(st.text(max_size=600), NEWSY))
@settings(max_examples=300, deadline=None)
def test_any_text_extracts_without_error_and_offsets_hold(text):
    extraction = extract_article("any", text, None)
    for fact in extraction.facts:
        assert text[fact.char_start : fact.char_end] == fact.evidence


@given(st.binary(max_size=1024))
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_file_becomes_an_article_or_a_rejection(tmp_path, raw):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    outcome = read_candidate(Candidate(path, tmp_path, None), limit=10_000)
    assert (outcome.article is None) != (outcome.rejection is None)
