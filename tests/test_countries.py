"""Countries and blocs in the record's "countries" list (SCHEMA.md: ISO alpha-3 codes and bloc codes)."""
from __future__ import annotations

import pytest

from accordwatch import Document, extract_document


def extract(text: str, published: str | None = None, title: str | None = None) -> dict:
    return extract_document(Document(text=text, published=published, title=title))


def countries(text: str) -> list[str]:
    return extract(text)["countries"]


# ---- names, official forms, short forms ----

def test_official_long_form():
    assert countries("Envoys of the Republic of Kazakhstan arrived for the consultations.") == ["KAZ"]


def test_short_form_with_periods():
    assert countries("Negotiators from the U.S. landed in Tashkent on Monday evening.") == ["USA"]


@pytest.mark.parametrize("text, codes", [
    ("The Cambodia- Thailand commission met on Monday.", ["KHM", "THA"]),
    ("Kazakhstan -Kyrgyzstan trade grew by 8 percent.", ["KAZ", "KGZ"]),
    ("Переговоры Россия- Китай прошли в Пекине.", ["CHN", "RUS"]),
])
def test_a_dash_with_a_space_on_one_side_leaves_the_country_whole(text, codes):
    """spaCy keeps such a dash on the word ("Cambodia-"), which no gazetteer entry matches."""
    assert countries(text) == codes


def test_acronym_forms_uae_and_us():
    assert countries("Bankers from the US and the UAE reviewed the loan terms.") == ["ARE", "USA"]


def test_official_forms_of_two_states():
    text = "The Kyrgyz Republic and the Russian Federation extended the customs accord."
    assert countries(text) == ["KGZ", "RUS"]


def test_peoples_republic_of_china():
    text = "A delegation of the People's Republic of China met bankers from the United States of America."
    assert countries(text) == ["CHN", "USA"]


def test_a_name_with_a_typographic_apostrophe():
    """"People’s Republic of China" as typeset is China, not "Republic of China" (Taiwan)."""
    assert countries("The People’s Republic of China and Kenya signed a loan agreement in Nairobi.") == ["CHN", "KEN"]
    assert countries("Côte d’Ivoire and Ghana signed a cocoa agreement.") == ["CIV", "GHA"]


def test_list_of_plain_names():
    text = "Mongolia, Pakistan and Oman sent observers to the grain exchange."
    assert countries(text) == ["MNG", "OMN", "PAK"]


def test_result_is_sorted_and_unique():
    text = "Uzbekistan will ship cotton to Belarus. Belarus will send tractors to Uzbekistan and Armenia."
    assert countries(text) == ["ARM", "BLR", "UZB"]


# ---- demonyms ----

@pytest.mark.parametrize("sentence, code", [
    ("The Kazakh side proposed a new freight schedule.", "KAZ"),
    ("A Belarusian delegation toured the assembly line.", "BLR"),
    ("Emirati investors showed interest in solar parks.", "ARE"),
    ("Turkmen gas keeps flowing through the line.", "TKM"),
    ("Kyrgyz farmers expect a larger harvest.", "KGZ"),
])
def test_demonym_adds_its_country(sentence, code):
    assert countries(sentence) == [code]


def test_possessive_country_name():
    assert countries("Tajikistan's hydropower exports keep growing.") == ["TJK"]


# ---- former names ----

@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"])
def test_former_and_current_names_of_turkiye(name):
    assert countries(f"Trade between {name} and Azerbaijan expanded again.") == ["AZE", "TUR"]


def test_former_name_of_belarus():
    assert countries("Old maps still label Belorussia next to Poland.") == ["BLR", "POL"]


# ---- blocs ----

def test_bloc_acronyms():
    text = "The EU and the EAEU compared tariff schedules on the sidelines of the SCO meeting."
    assert countries(text) == ["EAEU", "EU", "SCO"]


def test_bloc_full_names():
    text = "The European Union opened a dialogue with the Eurasian Economic Union."
    assert countries(text) == ["EAEU", "EU"]


def test_bloc_defined_with_acronym_in_brackets():
    text = "Members of the Organization of Turkic States (OTS) and the Commonwealth of Independent States met."
    assert countries(text) == ["CIS", "OTS"]


def test_former_name_of_turkic_bloc():
    assert countries("The Turkic Council gathered its economy ministers.") == ["OTS"]


# ---- Central Asia: a side, not a region ----

def test_central_asia_as_side_of_a_summit():
    assert countries("The second EU-Central Asia summit will take place next spring.") == ["C5", "EU"]


def test_central_asia_side_with_en_dash_before_partner():
    assert countries("Leaders gathered for the Central Asia–Japan dialogue.") == ["C5", "JPN"]


def test_central_asia_plus_format():
    assert countries("The Central Asia + Korea format was launched in Seoul.") == ["C5", "KOR"]


def test_central_asia_as_region_gets_no_code():
    assert countries("Water scarcity is becoming acute in Central Asia.") == []


def test_central_asian_adjective_gets_no_code():
    assert countries("Central Asian exporters want faster border crossings.") == []


def test_central_asia_in_pipeline_name_is_no_side():
    assert countries("The Central Asia–China gas pipeline carries Turkmen gas.") == ["CHN", "TKM"]


# ---- what does not add a country ----

def test_cities_alone_do_not_add_their_countries():
    assert countries("Officials from Almaty, Tashkent and Bishkek met in Samarkand.") == []


def test_capital_cities_alone_do_not_add_countries():
    assert countries("The memorandum was initialled in Ankara and Baku.") == []


@pytest.mark.parametrize("money", ["30 million U.S. dollars", "30 million US dollars", "30 million U.S. dollar"])
def test_us_dollars_is_a_currency_not_usa(money):
    assert countries(f"The Kazakh buyer paid {money} for the turbines.") == ["KAZ"]


@pytest.mark.parametrize("money", ["U.S. $12.5 million", "US$12.5 million", "US $12.5 million"])
def test_us_before_a_dollar_sign_is_the_currency(money):
    """"U.S. $12.5 million", "US$12.5 million": the dollar's country mark, not a party."""
    assert countries(f"The Asian Development Bank approved a loan of {money} for Tajikistan's roads.") == ["TJK"]


def test_us_as_country_still_counts_next_to_dollars():
    text = "The U.S. lender paid 5 million U.S. dollars."
    assert countries(text) == ["USA"]


def test_person_named_jordan_is_not_jordan():
    assert countries("Jordan Whitfield said the grain terminal would open soon.") == []


def test_country_jordan_after_preposition():
    assert countries("Kazakhstan signed a memorandum with Jordan.") == ["JOR", "KAZ"]


def test_person_named_georgia_is_not_georgia():
    assert countries("Georgia Fairbanks said the freight rates would fall.") == []


def test_person_named_jordan_after_according_to():
    assert countries("According to Jordan Whitfield, wheat prices will stabilise.") == []


def test_ambiguous_country_before_a_title():
    assert "GEO" in countries("Georgia Prime Minister Levan Gorgadze inaugurated the new Black Sea terminal.")


def test_byline_and_author_bio_add_nothing():
    text = ("Uzbekistan and Kyrgyzstan agreed on water releases.\n\n"
            "By Timur Alimov\n"
            "Timur Alimov is a correspondent who has written about Russia, China and Iran for ten years.")
    assert countries(text) == ["KGZ", "UZB"]


def test_subscribe_footer_adds_nothing():
    text = ("Uzbekistan and Kyrgyzstan agreed on water releases.\n"
            "Subscribe to our Telegram channel for news from Russia and Mongolia")
    assert countries(text) == ["KGZ", "UZB"]


def test_related_and_tags_lines_add_nothing():
    text = ("Kazakhstan and Uzbekistan opened a new border post.\n"
            "Related: Georgia raises port fees\n"
            "Tags: Russia, China, Iran")
    assert countries(text) == ["KAZ", "UZB"]


def test_photo_credit_tail_adds_nothing():
    text = "Kazakhstan and Oman launched the project. Photo credit: Turkmen Foreign Ministry"
    assert countries(text) == ["KAZ", "OMN"]


def test_latin_america_is_not_usa():
    assert countries("Kazakh grain exporters are looking for buyers in Latin America.") == ["KAZ"]


def test_indian_ocean_is_not_india():
    assert countries("Uzbekistan wants rail access to ports on the Indian Ocean.") == ["UZB"]


@pytest.mark.parametrize("text, expected", [
    # a news outlet whose name opens with a country is no mention of that country
    ("ADDIS ABABA (Kenya Daily News / WAM) – The UAE and Ethiopia signed a solar deal.", ["ARE", "ETH"]),
    ("Kazakhstan Today said the deal was signed with Uzbekistan.", ["UZB"]),
    ("Georgia Today reports that Georgia and China signed a memorandum.", ["CHN", "GEO"]),
    # a sentence that ends with a country, then "News ..." opens the next one
    ("Trade between Pakistan and China grew. News of the deal spread fast.", ["CHN", "PAK"]),
])
def test_an_outlet_named_after_a_country(text, expected):
    assert countries(text) == expected


@pytest.mark.parametrize("text, codes", [
    ("Rwanda and Congo-Brazzaville signed eight agreements. Congo will export timber to Rwanda.", ["COG", "RWA"]),
    ("Rwanda and the Democratic Republic of the Congo signed a deal. Congo will export cobalt.", ["COD", "RWA"]),
    ("Rwanda and Congo signed a trade deal in Kinshasa.", ["COD", "RWA"]),
])
def test_a_short_name_two_countries_share_is_the_one_the_article_names_in_full(text, codes):
    assert extract_document(Document(text=text))["countries"] == codes


@pytest.mark.parametrize("text, codes", [
    ("Kazakh grain traders are looking for buyers in Latin America and North America.", ["KAZ"]),
    ("Казахстанские экспортеры ищут покупателей в Латинской Америке и Южной Америке.", ["KAZ"]),
    ("Мир на Корейском полуострове важен для Монголии.", ["MNG"]),
    ("Mongolia called for peace on the Korean Peninsula.", ["MNG"]),
    # the country alone is still the country
    ("Kazakhstan and America signed a memorandum on critical minerals.", ["KAZ", "USA"]),
])
def test_a_country_name_inside_a_region_name_is_no_country(text, codes):
    assert countries(text) == codes


@pytest.mark.parametrize("text, codes", [
    ("Россия и Венесуэла согласовали план сотрудничества до 2030 года.", ["RUS", "VEN"]),
    ("Товарооборот Беларуси с Кубой и Чили вырос на треть.", ["BLR", "CHL", "CUB"]),
    ("Казахстанская делегация посетила Шри-Ланку, Непал и Лаос.", ["KAZ", "LAO", "LKA", "NPL"]),
    ("Кенийская и танзанийская компании подписали контракт с узбекской стороной.", ["KEN", "TZA", "UZB"]),
    ("Президент Мали встретился с послом Хорватии в Бамако.", ["HRV", "MLI"]),
])
def test_russian_names_and_adjectives_of_states_beyond_the_region(text, codes):
    assert countries(text) == codes


@pytest.mark.parametrize(("text", "codes"), [
    # a country's name or adjective inside a longer place name is the place's
    ("The plant will be built in the northern province of Thai Binh, Vietnam.", ["VNM"]),
    # Antarctica is a continent, not a country
    ("Chile and Norway will expand scientific work in Antarctica.", ["CHL", "NOR"]),
    # the Malaysian press writes the bloc in title case
    ("Malaysia was Thailand's largest trading partner in Asean last year.", ["ASEAN", "MYS", "THA"]),
])
def test_places_that_hold_a_country_word_and_a_bloc_in_title_case(text, codes):
    assert extract(text)["countries"] == codes


@pytest.mark.parametrize(("text", "codes"), [
    ("The New Jersey-based company will build a plant in Mexico.", ["MEX"]),
    ("A delegation from New Mexico visited Kazakhstan.", ["KAZ"]),
    ("The firm moved from New South Wales to Papua New Guinea.", ["PNG"]),
])
def test_states_whose_names_hold_a_country_name_name_no_country(text, codes):
    assert extract(text)["countries"] == codes


@pytest.mark.parametrize(("text", "codes"), [
    # the first part of an English compound adjective is a country before a hyphen and another country
    ("Sino-Brazilian trade rose sharply last year.", ["BRA", "CHN"]),
    ("Indo-Japanese talks on rail links resumed in Tokyo.", ["IND", "JPN"]),
    ("The Franco-Italian summit opened in Turin.", ["FRA", "ITA"]),
    # ... and nothing else: an ocean's region, an ethnic or language name
    ("Japan presented its Indo-Pacific strategy in Tokyo.", ["JPN"]),
    ("The Anglo-Saxon legal tradition shapes contracts in Singapore.", ["SGP"]),
])
def test_combining_forms_of_countries_before_a_hyphen(text, codes):
    assert countries(text) == codes


def test_the_peoples_republic_written_without_its_apostrophe_is_china():
    """"the Peoples Republic of China": China, not the Republic of China (Taiwan) inside it."""
    assert extract("South Africa will deepen trade with the Peoples Republic of China.")["countries"] == ["CHN", "ZAF"]
