from ingest.extract.sentences import split_sentences
from ingest.read.layout import layout


def sentences(text: str) -> list[tuple[str, str]]:
    return [(s.block_kind, text[s.start : s.end]) for s in split_sentences(text, layout(text))]


def test_offsets_point_into_the_text():
    text = "Title here\nAs of Feb. 1, sales rose. Mr. Song said 70,000 units a year."
    assert sentences(text) == [
        ("title", "Title here"),
        ("paragraph", "As of Feb. 1, sales rose."),
        ("paragraph", "Mr. Song said 70,000 units a year."),
    ]


def test_a_sub_heading_glued_to_a_sentence_is_split_off():
    text = (
        "It was agreed. Kazakhstan’s Growing Automotive Sector Minister Nagaspayev highlighted "
        "that more than 134,000 passenger cars were produced."
    )
    assert sentences(text)[1:] == [
        ("heading", "Kazakhstan’s Growing Automotive Sector"),
        (
            "paragraph",
            "Minister Nagaspayev highlighted that more than 134,000 passenger cars were produced.",
        ),
    ]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We will build it.” The plant opened."
    assert [s for _, s in sentences(text)] == ["“We will build it.”", "The plant opened."]
