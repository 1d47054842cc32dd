"""The top of an article: publication stamp, title, dateline, outlet; and boilerplate that is not body."""
from __future__ import annotations

import pytest

from accordwatch import Document, extract_document


def extract(text: str, published: str | None = None, title: str | None = None) -> dict:
    return extract_document(Document(text=text, published=published, title=title))


def document(text: str, published: str | None = None, title: str | None = None) -> dict:
    return extract(text, published=published, title=title)["document"]


TITLE = "Kazakhstan and Oman agree on fertilizer plant"
BODY = "Kazakh and Omani officials agreed to build a nitrogen plant near Aktau."


# ---- publication stamps ----

@pytest.mark.parametrize("stamp, iso", [
    (" date 2022-08-25", "2022-08-25"),
    ("Updated at 17:53,27-03-2024", "2024-03-27"),
    ("2017-09-09 16:14", "2017-09-09"),
    ("Published: 12 April 2024", "2024-04-12"),
    ("14.06.2023 | 15:30", "2023-06-14"),
    ("October 2, 2023, 09:15", "2023-10-02"),
    # a site's section and its word for its items before the date, the time zone's offset after it
    ("Politics Materials 28 November 2021 15:14 (UTC +04:00)", "2021-11-28"),
    ("Турция Материалы 28 ноября 2021 15:14 (UTC +04:00)", "2021-11-28"),
])
def test_publication_stamp(stamp, iso):
    d = document(f"{stamp}\n\n{TITLE}\n\n{BODY}")
    assert d["published"] == iso
    assert d["title"] == TITLE


def test_a_second_stamp_after_a_stamp_on_one_line_is_no_title():
    d = document(f" date 2024-07-06 6 July 2024 21:48 (UTC+04:00)\n\n{BODY}")
    assert (d["published"], d["title"]) == ("2024-07-06", None)


def test_stamp_below_the_title():
    d = document(f"{TITLE}\n14.06.2023 | 15:30\n{BODY}")
    assert (d["published"], d["title"]) == ("2023-06-14", TITLE)


def test_stamp_with_outlet_byline():
    d = document(f"{TITLE}\n date 2022-08-25 By Azernews\n{BODY}")
    assert (d["published"], d["outlet"]) == ("2022-08-25", "Azernews")


def test_stamp_date_is_not_a_body_date():
    record = extract(f"Published: 12 April 2024\n\n{TITLE}\n\n{BODY}")
    assert record["dates"] == []


def test_given_publication_date_wins_over_stamp():
    d = document(f"{TITLE}\n date 2022-08-25 By Azernews\n{BODY}", published="2023-01-01")
    assert d["published"] == "2023-01-01"


def test_no_published_date_when_none_is_stated():
    text = (f"{TITLE}\n\nThe first train left Kostanay on 12 May 2023.\n"
            "Signed on 12 May 2023.")
    record = extract(text)
    assert record["document"]["published"] is None
    assert [d["value"] for d in record["dates"]] == ["2023-05-12", "2023-05-12"]


def test_stamp_with_section_and_reading_time():
    d = document(f"Published: 25 April 2024, 14:20 | Economy | Reading time: 4 min\n\n{TITLE}\n\n{BODY}")
    assert (d["published"], d["title"]) == ("2024-04-25", TITLE)


@pytest.mark.parametrize("head, iso", [
    (" date 2024-09-12 ASTANA. KAZINFORM – ", "2024-09-12"),
    ("12.09.2024, 14:05 ", "2024-09-12"),
    ("Published: 3 March 2025 ", "2025-03-03"),
    ("2023-11-30 09:40 | ", "2023-11-30"),
])
def test_stamp_at_the_head_of_the_first_line(head, iso):
    """The stamp shares its line with the article's first sentence: the date is read and the
    sentence stays body (its facts are extracted)."""
    record = extract(f"{head}{BODY}\n\nThe plant will cost $1.2 billion.")
    assert record["document"]["published"] == iso
    assert record["dates"] == []
    assert [c for c in record["countries"]] == ["KAZ", "OMN"]


def test_a_sentence_opening_with_a_date_in_words_is_no_stamp():
    record = extract("12 March 2024 saw Kazakh and Omani officials agree to build a nitrogen plant near Aktau.")
    assert record["document"]["published"] is None
    assert [d["value"] for d in record["dates"]] == ["2024-03-12"]


def test_stamp_under_a_photo_caption():
    text = (f"{TITLE}\n\nThe ministers after the talks in Muscat on Tuesday (File)\nShort Url\n"
            f"Updated 18 May 2024\nFollow\n\n{BODY}")
    assert document(text)["published"] == "2024-05-18"


def test_head_stamp_then_dateline_and_agency():
    d = document(f" date 2024-09-12 ASTANA. KAZINFORM – {BODY}")
    assert (d["published"], d["dateline"], d["outlet"]) == ("2024-09-12", "Astana", "Kazinform")


# ---- datelines ----

@pytest.mark.parametrize("lead, city, outlet", [
    ("ASTANA –", "Astana", None),
    ("TASHKENT —", "Tashkent", None),
    ("BISHKEK -", "Bishkek", None),
    ("NUR-SULTAN (Kazinform) —", "Astana", "Kazinform"),
    ("NUR-SULTAN (TCA) —", "Astana", "The Times of Central Asia"),
    ("BAKU, Azerbaijan, Sept. 9 -", "Baku", None),
    ("BAKU, Azerbaijan, Sept. 9 (Trend) -", "Baku", "Trend"),
    ("ALMATY, March 3 (Reuters) -", "Almaty", "Reuters"),
    ("DUSHANBE, July 22. /TASS/.", "Dushanbe", "TASS"),
    ("Abu Dhabi, Sep 2 (PTI)", "Abu Dhabi", "PTI"),
    ("Tashkent:", "Tashkent", None),
])
def test_dateline(lead, city, outlet):
    d = document(f"{TITLE}\n\n{lead} {BODY}")
    assert (d["dateline"], d["outlet"]) == (city, outlet)


@pytest.mark.parametrize("lead, city, outlet", [
    ("12 марта, Минск /Корр. БЕЛТА/.", "Минск", "БЕЛТА"),
    ("3 мая 2024 года, Гродно /Ирина Петрова - БЕЛТА/.", "Гродно", "БЕЛТА"),
    ("ТАШКЕНТ, 3 мая /Корр. ТАСС Иван Петров/.", "Ташкент", "ТАСС"),
])
def test_russian_dateline_with_the_date_first_or_a_correspondent(lead, city, outlet):
    d = document(f"Беларусь и Вьетнам обсудили торговлю\n\n{lead} Стороны обсудили поставки тракторов и "
                 "молочной продукции.")
    assert (d["dateline"], d["outlet"]) == (city, outlet)


def test_an_official_of_the_datelines_country_is_no_guess_for_the_other_side():
    people = extract("12 марта, Минск /Корр. БЕЛТА/. Об этом заявил журналистам заместитель премьер-министра "
                     "Петр Иванов по итогам переговоров Президента Беларуси Александра Лукашенко с Президентом "
                     "Вьетнама.")["people"]
    assert {p["name"]: p["country"] for p in people}["Петр Иванов"] is None


def test_dateline_day_resolves_against_publication():
    record = extract(f"{TITLE}\n\nBAKU, Azerbaijan, Sept. 9 - {BODY}", published="2023-09-10")
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("Sept. 9", "2023-09-09")]


def test_no_dateline_when_the_paragraph_starts_with_a_sentence():
    d = document(f"{TITLE}\n\nUAE and Kazakh officials agreed on shipping rates.")
    assert d["dateline"] is None


@pytest.mark.parametrize("lead", ["Kazakhstan: officials", "Energy Minister: the plant", "Trade Talks - officials"])
def test_title_case_word_and_colon_is_no_dateline(lead):
    assert document(f"{TITLE}\n\n{lead} agreed on shipping rates with Oman.")["dateline"] is None


# ---- outlet from attribution ----

def test_outlet_from_attribution_in_the_middle_of_a_sentence():
    d = document(f"{TITLE}\n\nKazakh officials, according to Kazinform, agreed on the plan.")
    assert d["outlet"] == "Kazinform"


def test_outlet_from_reports():
    d = document(f"{TITLE}\n\nKazakh officials agreed on the plan, Trend reports.")
    assert d["outlet"] == "Trend"


@pytest.mark.parametrize("sentence", [
    "According to Kazinform, Kazakh officials agreed on the plan.",
    "Kazakh officials agreed on the plan, according to Kazinform.",
])
def test_outlet_from_according_to_at_sentence_edges(sentence):
    assert document(f"{TITLE}\n\n{sentence}")["outlet"] == "Kazinform"


# ---- title ----

def test_title_from_first_line():
    assert document(f"{TITLE}\n\n{BODY}")["title"] == TITLE


def test_no_title_when_first_line_is_a_sentence():
    assert document(f"{BODY}\nThe plant will cost $1 billion.")["title"] is None


def test_no_title_for_a_single_paragraph():
    assert document(BODY)["title"] is None


def test_given_title_is_kept():
    assert document(f"{TITLE}\n\n{BODY}", title="Oman plant deal")["title"] == "Oman plant deal"


def test_byline_is_not_the_title():
    assert document(f"By Daniyar Ospanov\n\n{BODY}")["title"] is None


def test_a_stamp_under_a_sites_menu_is_read():
    """The items of a site's menu ("• Home", "• About us") are no lines of the article: a stamp under a
    long menu is still among the first lines; a bulleted stamp ("• 18 July 2024") is no menu item."""
    menu = "".join(f"  • {item}\n" for item in ("English", "Français", "Home", "About us", "News", "Countries",
                                                 "Our Work", "Publications", "Contacts", "Careers"))
    text = f"Development Agency\n{menu}\nPress Releases\n\nAugust 23, 2010\n\n{TITLE}\n\n{BODY}"
    assert extract(text)["document"]["published"] == "2010-08-23"
    assert extract(f"{TITLE}\n\n• 18 July 2024 at 10:15\n\n{BODY}")["document"]["published"] == "2024-07-18"


# ---- boilerplate ----

def test_author_bio_at_the_end_is_not_body():
    text = (f"{TITLE}\n\n{BODY}\n\n"
            "Aidana Sarsenova\n"
            "Aidana Sarsenova is a staff writer who has worked in Russia and China.")
    record = extract(text)
    assert record["countries"] == ["KAZ", "OMN"]
    assert record["people"] == []


def test_photo_credit_tail_is_not_body():
    text = (f"{TITLE}\n\n{BODY}\n"
            "The ministers at the ceremony. Photo credit: Mongolian Ministry of Energy")
    record = extract(text)
    assert record["countries"] == ["KAZ", "OMN"]
    assert record["organizations"] == []


@pytest.mark.parametrize("footer", [
    "Subscribe to our newsletter for news from Russia and Mongolia",
    "Get the latest stories from Russia in your inbox. Sign up today",
    "Follow us on Telegram for updates from China",
])
def test_subscribe_footer_is_not_body(footer):
    assert extract(f"{TITLE}\n\n{BODY}\n{footer}")["countries"] == ["KAZ", "OMN"]


def test_a_site_menu_run_into_one_line_is_not_body():
    """Many capitalised words with no comma or full stop: the site's sections, not a sentence ("Forum" there is
    no meeting)."""
    menu = ("CLOSE Online Special City News Environment Factcheck Home Front Islamic Forum Life Property Travel & "
            "Leisure Viewpoint Women In Business Art Bookshelf Letters")
    record = extract(f"{menu}\n\n{TITLE}\n\n{BODY}")
    assert record["document"]["title"] == TITLE
    assert [e["type"] for e in record["events"]] == ["project"]


def test_longer_sign_up_footer_is_not_body():
    text = (f"{TITLE}\n\n{BODY}\n"
            "Get the latest stories from Asia and Russia delivered to your inbox. Sign up now")
    assert extract(text)["countries"] == ["KAZ", "OMN"]


@pytest.mark.parametrize("heading", ["Related Articles", "More news", "Read also:", "Читайте также"])
def test_a_list_of_other_articles_under_its_heading_is_not_body(heading):
    """The headlines under "Related Articles" (no colon, a list of lines) are other articles."""
    text = (f"{TITLE}\n\n{BODY}\nThe plant will cost $1 billion.\nIt will open in 2027.\n\n{heading}\n\n"
            "Russia and China sign gas deal\n\nTurkmenistan ships cotton to Iran")
    assert extract(text)["countries"] == ["KAZ", "OMN"]


def test_a_list_heading_at_the_top_is_the_sites_menu_not_the_end():
    text = f"Related articles\n{TITLE}\n\n{BODY}\nThe plant will cost $1 billion."
    assert extract(text)["countries"] == ["KAZ", "OMN"]
    assert extract(text)["events"]


def test_a_video_list_is_not_body():
    """A running time alone on a line ("01:54") and the headline under it: a list of videos."""
    text = f"{TITLE}\n\n{BODY}\n01:54\nSouth Africa and Nigeria sign energy pact\n02:10\nTurkey ships grain"
    assert extract(text)["countries"] == ["KAZ", "OMN"]


def test_an_exchange_rate_ticker_above_the_article_is_not_body():
    """A site's ticker ("Exchange rates as of 02.03.2025", "$1 – 12,850.10", "RUB – -0.4%") is no figure."""
    ticker = ("Exchange rates as of 02.03.2025\n$1 – 12,850.10\nUZS – +0.03%\n€1 – 13 402.55\nRUB – -0.4%\n"
              "• $ 94.42 +0.67")
    text = f"{ticker}\n{TITLE}\n\n{BODY}"
    record = extract(text)
    assert record["figures"] == extract(f"{TITLE}\n\n{BODY}")["figures"]
    assert record["countries"] == ["KAZ", "OMN"]


def test_copyright_footer_is_not_body():
    text = f"{TITLE}\n\n{BODY}\n© 2024 Georgian Media Group. All rights reserved"
    assert extract(text)["countries"] == ["KAZ", "OMN"]


@pytest.mark.parametrize("text", [
    " date 2023-08 Armenia and Qatar sign deals\n\nArmenia and Qatar signed agreements worth $1 billion at a "
    "business forum in Doha.",
    "Published: 2023-08\n\nАрмения и Катар подписали соглашения на сумму более 1 млрд долларов в рамках "
    "бизнес-форума в Дохе.",
])
def test_a_stamp_with_only_a_month_dates_what_was_held_in_that_month_but_publishes_on_no_day(text):
    record = extract(text)
    assert record["document"]["published"] is None
    assert {e["type"]: e["date"] for e in record["events"]} == {"agreement": "2023-08", "meeting": "2023-08"}


def test_a_month_stamp_is_no_fact_of_the_body():
    record = extract(" date 2023-08 Armenia and Qatar sign deals\n\nArmenia and Qatar plan to sign a trade "
                     "agreement in 2025.")
    assert [(e["status"], e["date"]) for e in record["events"]] == [("planned", "2025")]


@pytest.mark.parametrize("top", [
    "Newsdesk.example « Back to article   Print this article\n\n",
    "Skip to main content\n\n",
    "You are here\n\n",
    "Minister Aigerim Bekova. Photo: Kazinform\n\n",
    "Source: Example Wire Russian Language News\n\n",
    "Click Here To Listen To Example Radio Live\n\n",
    "",
])
def test_a_stamp_with_its_time_zone_below_the_title_under_page_navigation(top):
    """Navigation left above the article is no title; "March 03, 2011 14:25 IST" (a time zone after the time)
    is the stamp."""
    text = (top + "Kazakhstan, Oman sign transit pact\n\nMarch 03, 2011 14:25 IST\n\n"
            "Kazakhstan and Oman on Thursday signed an agreement on transit shipping.")
    doc = document(text)
    assert doc["title"] == "Kazakhstan, Oman sign transit pact"
    assert doc["published"] == "2011-03-03"


def test_a_stamp_beside_an_unfilled_page_template_placeholder():
    text = ("Oman, Kazakhstan sign transit pact\n\nTuesday, 12 March 2019 09:40 -   - {{views.count}}\n\n"
            "Kazakhstan and Oman on Monday signed an agreement on transit shipping.")
    assert document(text)["published"] == "2019-03-12"


def test_a_stamp_with_no_space_after_the_comma():
    text = "Oman, Kazakhstan sign transit pact\n\nDecember 11,2025\n\nKazakhstan and Oman signed a transit deal."
    assert document(text)["published"] == "2025-12-11"


@pytest.mark.parametrize("line, outlet", [
    ("Tashkent, Uzbekistan (UzDaily.com) -- Kyrgyz and Uzbek officials agreed to build a road.", "UzDaily"),
    ("Tashkent, Uzbekistan ( -- Kyrgyz and Uzbek officials agreed to build a road.", None),
])
def test_a_dateline_with_the_citys_country_and_the_outlet_in_brackets(line, outlet):
    """"Tashkent, Uzbekistan (UzDaily.com) --": the city, its country, and the outlet (or brackets a page lost)."""
    doc = extract(line)["document"]
    assert (doc["dateline"], doc["outlet"]) == ("Tashkent", outlet)


def test_a_dateline_with_the_country_in_square_brackets():
    """"New Delhi [India], December 6 :": the report's place and day, not an event's."""
    text = ("Islamabad [Pakistan], March 3 : Pakistan and the Islamic Development Bank signed a financing "
            "agreement for a wheat import facility on Monday, the finance ministry said.")
    record = extract(text, published="2025-03-03")
    assert record["document"]["dateline"] == "Islamabad"
    [agreement] = [e for e in record["events"] if e["type"] == "agreement"]
    assert agreement["date"] == "2025-03-03"


def test_a_dateline_with_the_day_before_the_month():
    d = document("Addis Ababa, 13 September 2014 (WIC) – The African Development Bank approved a loan to "
                 "Ethiopia for a road to Djibouti.")
    assert (d["dateline"], d["outlet"]) == ("Addis Ababa", "WIC")


@pytest.mark.parametrize("line", ["Читайте также: Азербайджан и Узбекистан запускают совместную компанию",
                                  "Новости по теме: Кыргызстан и Казахстан обсудили водный баланс"])
def test_a_related_headline_after_its_russian_label_is_no_body(line):
    record = extract("Кыргызстан и Китай обсудили строительство железной дороги в Бишкеке.\n\n" + line)
    assert record["countries"] == ["CHN", "KGZ"]


@pytest.mark.parametrize(("lead", "city", "outlet", "published"), [
    # the month in capitals and the agency after it, with a comma
    ("TBILISI, MARCH 4, GEORGIAPRESS. Georgia and Armenia agreed to build a new bridge.", "Tbilisi", "GEORGIAPRESS",
     None),
    # the agencies and their full date in brackets, the text right after a colon
    ("ASTANA,(Newswire / Central Asia Daily - 5th Mar, 2021):The Kazakh government approved the loan.",
     "Astana", "Newswire", "2021-03-05"),
    # a Russian dateline with a date in figures and a year of two digits
    ("Душанбе, 05.03.21 /Ховар/. Таджикистан и Китай подписали соглашение о строительстве дороги.",
     "Душанбе", "Ховар", "2021-03-05"),
])
def test_datelines_that_carry_their_agency_or_their_date(lead, city, outlet, published):
    d = document(lead)
    assert (d["dateline"], d["outlet"], d["published"]) == (city, outlet, published)


def test_a_writer_after_by_is_no_outlet_but_an_outlet_is():
    text = " date 2021-05-04 By Nigora Alieva\n\nUzbekistan and Turkey signed ten documents."
    assert document(text)["outlet"] is None
    assert document(" date 2021-05-04 By Trend\n\nUzbekistan and Turkey signed ten documents.")["outlet"] == "Trend"
    # a country after the city is no agency
    assert document("TASHKENT, UZBEKISTAN. Uzbekistan and Turkey signed ten documents.")["outlet"] is None


def test_a_byline_before_a_title_case_dateline():
    doc = Document(text="Maria Lopez, Lima – A copper smelter run by Chile's Andina Metals will open in Peru in "
                        "August, according to Trade Minister Jose Perez.")
    record = extract_document(doc)
    assert doc.dateline == "Lima"
    assert doc.text[slice(*doc.meta["dateline_span"])] == "Maria Lopez, Lima – "
    assert "Maria Lopez" not in [p["name"] for p in record["people"]]


@pytest.mark.parametrize("text, title", [
    ("All news\n\nPeru and Chile sign 12 agreements in Lima\n\nLIMA, May 26. Peru and Chile signed twelve agreements "
     "on Saturday.", "Peru and Chile sign 12 agreements in Lima"),
    ("Войти в почту\n\nПеру и Чили подписали 12 соглашений\n\nПеру и Чили в субботу подписали двенадцать соглашений "
     "в Лиме.", "Перу и Чили подписали 12 соглашений"),
])
def test_a_sites_link_line_is_no_title(text, title):
    assert document(text)["title"] == title


def test_a_page_templates_placeholders_are_no_body():
    text = ("Peru and Chile signed twelve agreements in Lima on Thursday.\nComments {{getCommentCount()}}\n"
            "Be the first to comment\n{{comment.DisplayName}} {{comment.ElapsedTime}}\n"
            "Found a typo? Select it and press Ctrl + Enter")
    assert extract(text)["organizations"] == []


def test_a_stamp_with_its_month_in_lower_case():
    text = "22 november 2024\n\nПеру и Чили подписали соглашение\n\nПеру и Чили подписали соглашение о торговле в Лиме."
    assert document(text)["published"] == "2024-11-22"


def test_a_numbered_breadcrumb_is_no_title():
    text = ("1. Home\n  2. West Africa\n  3. Senegal\n\nAfrican bank approves US $15 million loan\n\n"
            "The African Development Fund has approved a loan for a road project in Senegal, the bank said.")
    assert document(text)["title"] == "African bank approves US $15 million loan"
