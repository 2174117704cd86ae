from ingest.read.layout import layout, title_of


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in layout(text)]


def test_a_headline_first_line_is_the_title():
    text = "Proton Plans to Launch EV Production in Kazakhstan\nProton is exploring production."
    assert kinds(text)[0] == ("title", "Proton Plans to Launch EV Production in Kazakhstan")
    assert title_of(text, layout(text)) == "Proton Plans to Launch EV Production in Kazakhstan"


def test_a_first_line_that_is_a_sentence_is_body():
    text = "Kia has opened a plant in Kostanay.\nIt has 68 robots."
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_a_trailing_teaser_for_another_story_is_furniture():
    text = (
        "Kia opens a plant\nThe plant has 68 robots.\n"
        "EV WORLD | Volvo to Offer One Year of Free Home Charging for Swedish Buyers"
    )
    assert kinds(text)[-1][0] == "furniture"


def test_read_more_lines_and_captions_are_not_article_text():
    text = (
        "Title of the story\nThe plant spans 5 hectares.\n"
        "Workers at the plant in Kostanay, October 2025. — Picture by A. Photographer\n"
        "The plant has 68 robots.\nRead more: other news"
    )
    found = kinds(text)
    assert found[2][0] == "caption"
    assert found[-1][0] == "furniture"


def test_a_short_line_between_paragraphs_is_a_heading():
    text = "Title\nFirst paragraph ends here.\nSedan on the road at the end of 2024\nMore text."
    assert kinds(text)[2] == ("heading", "Sedan on the road at the end of 2024")


def test_items_of_a_list_are_not_headings():
    text = (
        "Title\nRegional breakdown:\n• Almaty: 15,870\nAstana: 7,120\nShymkent – 1,940 units\n"
        "More text."
    )
    assert [kind for kind, _ in kinds(text)[2:5]] == ["paragraph", "paragraph", "paragraph"]


def test_rows_of_a_table_are_statements_and_a_menu_is_furniture():
    text = "Title\nSales by brand:\n| Hyundai | 3,240 | +12% |\nHome | News | Sport\nMore text."
    assert [kind for kind, _ in kinds(text)[2:4]] == ["paragraph", "furniture"]
