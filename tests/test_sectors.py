"""The record's "sectors": the fixed labels of SCHEMA.md from sector words in the article body,
the longest match winning, "trade" only for trade promotion, and nothing from names or titles."""
from __future__ import annotations

import pytest

import accordwatch


def sectors(text: str, published: str | None = "2024-04-02") -> list[str]:
    return accordwatch.extract(text, published=published)["sectors"]


# ---- one label per realistic phrase ----

@pytest.mark.parametrize("text, label", [
    ("Kazakhstan and Hungary discussed projects to improve energy efficiency in public buildings.", "energy"),
    ("Azerbaijan and Bulgaria discussed additional volumes of natural gas for the Balkans.", "oil_gas"),
    ("Uzbekistan and Japan discussed the export of uranium and cooperation in nuclear power.", "nuclear"),
    ("Kazakhstan and Oman discussed the production of green hydrogen on the Caspian coast.", "renewables"),
    ("Kazakhstan and the EU discussed supply chains of critical raw materials.", "mining_metallurgy"),
    ("Turkmenistan and Türkiye discussed cooperation in the petrochemical sector.", "chemicals"),
    ("Morocco will build a fertilizer plant in Ethiopia.", "chemicals"),
    ("Kazakhstan and Hungary discussed the transit of cargo through Caspian seaports.", "transport_logistics"),
    ("Kazakhstan and Egypt discussed grain exports and food processing.", "agriculture"),
    ("Kazakhstan and Germany discussed cooperation in artificial intelligence and e-commerce.", "digital"),
    ("Kazakhstan and Saudi Arabia discussed cooperation in banking.", "finance_investment"),
    ("The Asian Development Bank will provide loans to Kyrgyzstan and Tajikistan for the project.",
     "finance_investment"),
    ("Uzbekistan and Korea discussed new financing arrangements.", "finance_investment"),
    ("Японский банк выделит Узбекистану кредит на строительство.", "finance_investment"),
    ("Стороны обсудили финансирование совместных проектов.", "finance_investment"),
    ("Стороны обсудили строительство новой ТЭЦ в Бишкеке.", "energy"),
    ("Russia will build nine new schools in Kyrgyzstan.", "culture_education"),
    ("Россия построит в Кыргызстане девять новых школ.", "culture_education"),
    ("Стороны обсудили организованный набор трудовых мигрантов.", "labor_social"),
    ("Kyrgyzstan and Russia discussed the organised recruitment of migrant workers.", "labor_social"),
    ("Belarus and Uzbekistan discussed cooperation in machine building and the assembly of buses.", "manufacturing"),
    ("Kazakhstan and China discussed the production of construction materials.", "construction"),
    ("Tajikistan and Iran discussed visa-free trips to attract more tourists and develop tourism.", "tourism"),
    ("Tajikistan and Iran discussed direct flights between Dushanbe and Tehran.", "transport_logistics"),
    ("Tajikistan and Iran discussed cooperation in culture, education and science.", "culture_education"),
    ("Officials of Turkmenistan and Qatar discussed labor migration and the employment of citizens.",
     "labor_social"),
    ("Uzbekistan and Pakistan discussed cooperation in healthcare and pharmaceutical production.", "health_pharma"),
    ("Kazakhstan and France discussed military cooperation.", "defense_security"),
    ("Kazakhstan and Hungary discussed joint action on climate change.", "environment_climate"),
    ("Mongolia and Japan signed a memorandum on cooperation in the field of mineral resources.", "mining_metallurgy"),
    ("Монголия и Япония обсудили сотрудничество в сфере недропользования.", "mining_metallurgy"),
    ("Kyrgyzstan and Oman signed an agreement on the avoidance of double taxation.", "finance_investment"),
    ("Стороны подписали соглашение об избежании двойного налогообложения.", "finance_investment"),
    ("Uzbekistan and Egypt discussed veterinary inspection at the border.", "agriculture"),
    ("Стороны обсудили вопросы ветеринарного и фитосанитарного контроля.", "agriculture"),
    ("В Ташкенте откроется сборочный завод белорусских тракторов.", "manufacturing"),
    ("Компании договорились о сборке автобусов в Самарканде.", "manufacturing"),
    ("Стороны обсудили проекты в газохимической отрасли.", "chemicals"),
    ("Стороны договорились о строительстве сталелитейного завода под Ташкентом.", "mining_metallurgy"),
])
def test_phrase_gives_its_label(text, label):
    assert sectors(text) == [label]


@pytest.mark.parametrize("text", [
    "Korea is the fifth-largest investor in Kazakhstan.",
    "«Россия – крупнейший инвестор в экономику Таджикистана», – сказал министр.",
])
def test_a_country_ranked_as_an_investor_is_no_subject_of_cooperation(text):
    assert "finance_investment" not in sectors(text)


def test_a_school_in_an_organizations_name_is_no_sector():
    assert sectors("Kazakhstan and Korea signed a memorandum with the Higher School of Economics.") == []


def test_several_sectors_in_one_sentence_are_sorted_and_deduplicated():
    assert sectors("Kazakhstan and Italy discussed supplies of wheat, meat and dairy products, as well as "
                   "cooperation in light industry and furniture production.") == ["agriculture", "manufacturing"]


# ---- the longest match wins ----

@pytest.mark.parametrize("text, expected", [
    ("The ministers discussed a favourable business environment for Kazakh exporters.", []),
    ("Exporters asked for a stable legal and regulatory environment.", []),
    ("The sides agreed to protect the environment of the Caspian Sea.", ["environment_climate"]),
])
def test_an_environment_for_business_is_no_sector(text, expected):
    """"business environment", "regulatory environment": the word names no sector there."""
    assert sectors(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The president was welcomed with full military honours at the palace before talks on energy.", ["energy"]),
    ("The ministers agreed to expand military cooperation.", ["defense_security"]),
])
def test_military_honours_are_a_ceremony_not_a_sector(text, expected):
    assert sectors(text) == expected


def test_chambers_of_commerce_and_industry_name_no_sector_and_alternative_energy_is_renewable():
    assert sectors("The chambers of commerce and industry of Oman and Kazakhstan signed a memorandum on "
                   "alternative energy.") == ["renewables"]


def test_the_mining_industry_is_mining_not_manufacturing_and_chemistry_is_chemicals():
    assert sectors("They discussed the mining industry, chemistry and petrochemistry.") == [
        "chemicals", "mining_metallurgy"]


def test_oil_and_gas_industry_is_oil_gas_not_manufacturing():
    assert sectors("Kazakhstan and Romania discussed cooperation in the oil and gas industry.") == ["oil_gas"]


def test_gas_chemical_industry_is_chemicals_only():
    assert sectors("Uzbekistan and Russia discussed new projects in the gas chemical industry.") == ["chemicals"]


def test_gas_transportation_industry_is_transport_not_oil_gas():
    assert sectors("Turkmenistan and Azerbaijan discussed cooperation in the gas transportation industry.") \
        == ["transport_logistics"]


def test_food_processing_is_agriculture_not_manufacturing():
    assert sectors("Kazakhstan and Lithuania discussed investments in food processing.") == [
        "agriculture", "finance_investment"]


def test_industry_alone_is_manufacturing():
    assert sectors("Uzbekistan and Slovakia discussed cooperation in industry.") == ["manufacturing"]


# ---- trade only where trade promotion is the subject ----

def test_boost_trade_is_trade():
    assert sectors("The ministers of Kazakhstan and Türkiye agreed to boost trade between the two countries.") \
        == ["trade"]


def test_cooperation_in_trade_among_other_fields():
    assert sectors("The presidents of Kyrgyzstan and Uzbekistan discussed cooperation in trade, energy and "
                   "transport.") == ["energy", "trade", "transport_logistics"]


@pytest.mark.parametrize("text", [
    "The ministers set the goal of USD 20 billion of bilateral trade by 2030 at their meeting in Cairo.",
    "The prime ministers of Kazakhstan and Kyrgyzstan agreed to increase the Kazakh-Kyrgyz trade to $2 billion.",
])
def test_a_trade_goal_is_trade(text):
    assert sectors(text) == ["trade"]


@pytest.mark.parametrize("text", [
    "Kazakh and Omani officials met at the first session of a trade cooperation working group in Muscat.",
    "The leaders agreed to deepen ties in a number of areas, including logistics, trade and tourism.",
    "The Saudi minister called for establishing direct trade links with Uzbekistan.",
])
def test_trade_as_a_field_of_cooperation_is_trade(text):
    assert "trade" in sectors(text)


def test_a_trade_figure_in_a_list_of_areas_is_still_no_subject():
    assert sectors("In areas such as trade turnover, Kazakhstan and Poland grew by 12 percent.") == []


def test_goods_in_the_make_up_of_trade_are_no_subjects():
    """What a country's exports are made of, share by share, is a statistic, not a subject of cooperation."""
    assert sectors("Machinery made up 30 percent of Kazakhstan's imports from Germany, followed by chemical "
                   "products at 12 percent and clothing at 5 percent.") == []
    assert sectors("Kazakhstan and Germany agreed to cooperate in machinery and chemicals.") \
        == ["chemicals", "manufacturing"]


def test_trade_mission_is_trade():
    assert sectors("Kazakhstan will send a trade mission to Kenya in May.") == ["trade"]


def test_trade_turnover_reached_is_not_trade():
    assert sectors("Trade turnover between Kazakhstan and Poland reached $1.2 billion in 2023.") == []


def test_increasing_trade_turnover_is_not_trade():
    assert sectors("Kazakhstan and Uzbekistan discussed increasing mutual trade turnover.") == []


def test_export_contracts_are_trade():
    assert sectors("Belarusian producers signed export contracts with Kyrgyz buyers worth $30 million.") \
        == ["trade"]


def test_roadmap_for_the_development_of_trade_is_trade():
    assert sectors("Kazakhstan and Türkiye agreed on a roadmap for the development of trade.") == ["trade"]


# ---- words inside names and titles do not count ----

def test_sector_word_in_a_ministers_title_does_not_count():
    assert sectors("Kazakh Energy Minister Almasadam Satkaliyev met with the Ambassador of Japan.") == []


def test_sector_words_in_long_titles_do_not_count():
    assert sectors("Uzbek Minister of Investment, Industry and Trade Laziz Kudratov held talks with the "
                   "Ambassador of France.") == []


def test_sector_words_in_organization_names_do_not_count():
    assert sectors("The Asian Infrastructure Investment Bank opened an office in Kyrgyzstan.") == []
    assert sectors("Officials from the Agency for Tourism Development of Kyrgyzstan visited Almaty.") == []


def test_ministries_named_as_signatories_add_no_sectors():
    assert sectors("The Ministry of Energy of Kazakhstan and the Ministry of Industry and Trade of Vietnam "
                   "signed a memorandum of understanding.") == []


def test_pronoun_it_is_not_information_technology():
    assert sectors("Kazakhstan and Hungary signed a memorandum. It was signed in Astana, and the ministers "
                   "praised it.") == []


def test_same_word_outside_the_name_still_counts():
    assert sectors("The Asian Infrastructure Investment Bank will support tourism in Kyrgyzstan.") == ["tourism"]


# ---- the article's sectors ----

def test_article_sectors_include_stated_subjects_outside_events():
    text = ("Kazakhstan and Egypt discussed grain supplies. "
            "They also agreed to expand cooperation in tourism.")
    record = accordwatch.extract(text, published="2024-04-02")
    assert record["sectors"] == ["agriculture", "tourism"]
    assert [ev["sectors"] for ev in record["events"]] == [["agriculture"]]


# ---- names cut short by the title/org layers, body names, owners, lines being built ----

@pytest.mark.parametrize("text, absent", [
    ("Mongolia's Minister of Transport, Tourism and Energy Batbold Erdene met Kyrgyz officials on "
     "railway freight.", {"energy", "tourism"}),
    ("Kyrgyz Finance, Tourism and Transport Minister Almaz Osmonov discussed railway freight with "
     "Mongolia.", {"finance_investment", "tourism"}),
    ("The Estonian Ministry for Climate Affairs and Energy Policy said Estonia and Georgia discussed "
     "seaports.", {"environment_climate", "energy"}),
    ("The next session of the Georgian-Latvian Commission on Trade and Economic Cooperation will "
     "discuss seaports.", {"trade"}),
    ("Latvia and Georgia agreed that the joint working group on trade and economic cooperation will "
     "meet in Riga to discuss seaports.", {"trade"}),
    ("Latvian industry is ready to invest in Georgian seaports.", {"manufacturing"}),
    ("Mongolia and Kyrgyzstan started the construction of a gas pipeline through the mountains.",
     {"construction"}),
])
def test_names_owners_and_lines_give_no_sector(text, absent):
    assert not absent & set(sectors(text))


@pytest.mark.parametrize("text, label", [
    ("Georgia and Latvia aim to lift trade to $2 billion within five years.", "trade"),
    ("Estonia and Mongolia intend to bring bilateral trade turnover to $500 million by 2030.", "trade"),
    ("The sides agreed to remove the barriers in their common market for dairy goods.", "trade"),
    ("Latvian exporters want to expand supplies to the Georgian market.", "trade"),
    ("Georgia invited Latvian firms into hospitality projects on the coast.", "tourism"),
    ("Mongolia and Estonia discussed a solar park with battery storage.", "energy"),
    ("Estonia offered to join the reconstruction of the old quarter of Tbilisi.", "construction"),
    ("Estonia and Georgia discussed a waste recycling plant.", "environment_climate"),
    ("Mongolia and Kyrgyzstan discussed the defense industry.", "defense_security"),
    ("Georgia and Latvia discussed water management in the lowlands.", "agriculture"),
    ("Some 900 Mongolian students study in Estonia on government scholarships.", "culture_education"),
    ("Georgia and Latvia discussed projects in mechanical engineering.", "manufacturing"),
    ("Latvian buyers are interested in Georgian fruit and vegetables.", "agriculture"),
])
def test_more_phrases_give_their_label(text, label):
    assert label in sectors(text)


def test_building_roads_is_still_construction():
    assert "construction" in sectors("Mongolia and Kyrgyzstan discussed the construction of roads and "
                                     "a railway bridge.")


def test_offsets_hold_after_a_dotted_capital_i():
    text = "İzmir hosted talks where Georgia and Latvia agreed to boost trade in seaports."
    rec = accordwatch.extract(text, published="2024-04-02")
    assert "trade" in rec["sectors"]


# ---- failure classes of real articles (P8), in our own wording ----

def extract(text: str) -> dict:
    return accordwatch.extract(text, published="2024-04-02")


@pytest.mark.parametrize("text", [
    "Kazakhstan and Vietnam launched talks on a free trade agreement in Hanoi.",
    "Mongolia and Korea signed an economic partnership agreement that removes most tariffs.",
])
def test_trade_agreements_are_trade(text):
    assert "trade" in extract(text)["sectors"]


def test_an_events_sectors_include_trade_promotion():
    record = extract("Kazakh and Omani ministers met in Muscat on Monday to boost trade and discuss energy.")
    [meeting] = [e for e in record["events"] if e["type"] == "meeting"]
    assert meeting["sectors"] == ["energy", "trade"]


def test_a_wind_project_is_renewables():
    assert "renewables" in extract("Oman's OQ will build a 500 MW wind project in Kazakhstan.")["sectors"]


@pytest.mark.parametrize("text, expected", [
    ("Masdar will build two solar power plants in Ethiopia.", ["renewables"]),
    ("Masdar построит в Узбекистане две солнечные электростанции.", ["renewables"]),
    # apart, they are two subjects
    ("The sides discussed solar panels and new power plants.", ["energy", "renewables"]),
])
def test_a_renewable_kind_of_power_plant_is_renewables_only(text, expected):
    assert sectors(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ADB loan will rehabilitate roads and fund archaeological digs in Naryn.",
     {"transport_logistics", "culture_education"}),
    ("Китай выделит 350 млн юаней на реконструкцию автомобильных дорог Бишкека и на археологические раскопки.",
     {"transport_logistics", "culture_education"}),
    ("The sides signed a road map on trade.", set()),
])
def test_roads_and_archaeology_are_sectors_a_road_map_is_not(text, expected):
    found = set(sectors(text))
    assert expected <= found
    if not expected:
        assert "transport_logistics" not in found


@pytest.mark.parametrize("text", [
    "The UAE's non-oil foreign trade with Bahrain reached AED24.5 billion in the first nine months.",
    "Azerbaijan's non oil exports to Italy grew by 15 percent last year.",
])
def test_non_takes_the_sector_out(text):
    assert "oil_gas" not in sectors(text)


@pytest.mark.parametrize("text", [
    "Georgia and Armenia signed new investment and trade agreements worth $300 million.",
    "Грузия и Армения подписали новые инвестиционно-торговые соглашения на сумму 300 млн долларов."])
def test_trade_agreements_are_an_instrument_of_trade(text):
    [ev] = [e for e in accordwatch.extract(text)["events"] if e["type"] == "agreement"]
    assert ev["sectors"] == ["finance_investment", "trade"]

