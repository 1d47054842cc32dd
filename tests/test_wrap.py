"""Hard-wrapped text (wire copy, pasted text): line breaks inside sentences do not end them."""
from __future__ import annotations

from accordwatch import Document, extract_document
from accordwatch.extract.wrap import wrap_breaks

WRAPPED = """Kazakhstan and Oman agree on fertilizer plant

ASTANA – Kazakhstan's Energy Minister Almasadam Satkaliyev and Omani
officials signed a memorandum of understanding on a nitrogen fertilizer
plant near Aktau on Monday. The plant will cost $1.2 billion, said Prime
Minister Olzhas Bektenov, who chaired the talks. Trade between Kazakhstan
and Oman reached $250 million in 2023, up 14.5% on the year before, the
ministry said.
"""


def extract(text: str) -> dict:
    return extract_document(Document(text=text, published="2024-05-20"))


def test_wrapped_sentences_keep_names_titles_and_figures():
    record = extract(WRAPPED)
    people = {p["name"]: p["title"] for p in record["people"]}
    assert people.get("Olzhas Bektenov") == "Prime Minister"
    [agreement] = [e for e in record["events"] if e["type"] == "agreement"]
    assert agreement["name"] == "memorandum of understanding on a nitrogen fertilizer plant near Aktau"
    assert agreement["date"] == "2024-05-20"
    trade = [f for f in record["figures"] if f["indicator"] == "trade_turnover"]
    assert [(f["value"], f["period"], f["parties"], f["change_pct"]) for f in trade] == \
        [(250_000_000, "2023", ["KAZ", "OMN"], 14.5)]


def test_the_title_and_short_lines_are_not_wrapped_into_the_text():
    text = WRAPPED.replace("\n\nASTANA", "\nASTANA")
    breaks = wrap_breaks(text)
    assert text.index("\n") not in breaks           # after the title
    assert extract(text)["document"]["title"] == "Kazakhstan and Oman agree on fertilizer plant"


def test_a_page_of_long_paragraphs_is_not_hard_wrapped():
    para = ("Kazakhstan and Oman signed a memorandum on fertilizers in Muscat on Monday, and the ministers "
            "agreed to meet again in the autumn to review the plant's progress.")
    text = "\n".join(["Kazakhstan and Oman agree on a fertilizer plant", para,
                      "Follow the ministry's channel for the latest news", para,
                      "Kazakhstan and Oman agree on a fertilizer plant", para])
    assert wrap_breaks(text) == []


def test_a_line_going_on_in_lower_case_continues_the_sentence():
    text = "Kazakh and Omani ministers signed a roadmap on\nfertilizer exports in Muscat on Monday."
    assert wrap_breaks(text) == [text.index("\n")]
    [event] = extract(text)["events"]
    assert event["name"] == "roadmap on fertilizer exports"


def test_list_lines_stay_apart():
    text = ("The sides signed documents on:\n- fertilizer supplies\n- a joint logistics company\n"
            "- customs cooperation")
    assert wrap_breaks(text) == []


def test_a_line_stopping_on_an_article_or_preposition_continues_the_sentence():
    """"The next session of the\\nKazakh-Omani commission ...": a short line, the next in capitals, but
    no title or stamp stops on "the"."""
    text = ("Kazakhstan and Oman signed a roadmap in Muscat on Monday.\n\nThe next session of the\n"
            "Kazakh-Omani intergovernmental commission is due in Astana in\nOctober.")
    assert wrap_breaks(text) == [text.index("the\n") + 3, text.index("in\nOctober") + 2]
    planned = [e for e in extract(text)["events"] if e["status"] == "planned"]
    assert [(e["type"], e["date"]) for e in planned] == [("meeting", "2024-10")]


def test_a_russian_line_stopping_on_a_preposition_continues_the_sentence():
    text = "Казахстан и Оман подписали дорожную карту по поставкам удобрений в\nМаскате в понедельник."
    assert wrap_breaks(text) == [text.index("в\nМаскате") + 1]
