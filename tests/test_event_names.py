"""Event names (SCHEMA.md "Name"): the shortest stretch of the text that says which event it is."""
from __future__ import annotations

import pytest

import accordwatch
from accordwatch import Document, extract_document


def names(text: str, etype: str | None = None) -> list[str | None]:
    record = extract_document(Document(text=text, published="2024-05-20"))
    return [e["name"] for e in record["events"] if etype is None or e["type"] == etype]


@pytest.mark.parametrize("text, etype, name", [
    # a document's title in capitals, with the trigger as its last word
    ("Kazakhstan and the EU signed the Enhanced Partnership and Cooperation Agreement in Brussels on Monday.",
     "agreement", "Enhanced Partnership and Cooperation Agreement"),
    # a document's subject after the trigger, a list with commas included
    ("Uzbekistan and Korea signed a memorandum of understanding on rare metals, graphite, and battery "
     "recycling in Tashkent on Monday.",
     "agreement", "memorandum of understanding on rare metals, graphite, and battery recycling"),
    # a lower-case modifier in front of the trigger
    ("Tajikistan and Qatar signed a loan agreement in Doha on Monday.", "agreement", "loan agreement"),
    # a body's remit
    ("The parties agreed to establish a working group on cooperation in water management.",
     "working_group", "working group on cooperation in water management"),
    ("The ministers agreed to set up a joint working group to prepare a free trade agreement.",
     "working_group", "joint working group to prepare a free trade agreement"),
    # a meeting's full name in title case, with a list of subjects
    ("The 9th meeting of the Kazakh-Omani Intergovernmental Commission on Trade, Economic and Technical "
     "Cooperation was held in Muscat on Monday.",
     "meeting", "9th meeting of the Kazakh-Omani Intergovernmental Commission on Trade, Economic and Technical "
                "Cooperation"),
    ("Kazakh and Mongolian officials discussed transit at the Steppe Logistics Forum in Ulaanbaatar on Monday.",
     "meeting", "Steppe Logistics Forum"),
    # a short form spelt out in brackets inside the name
    ("Russian and Chinese leaders talked trade at the SCO (Shanghai Cooperation Organisation) summit in Astana.",
     "meeting", "SCO (Shanghai Cooperation Organisation) summit"),
    ("Egypt and India took part in the online I2U2 (India, Israel, the UAE and the US) forum in July.",
     "meeting", "online I2U2 (India, Israel, the UAE and the US) forum"),
    # a project's object
    ("Kazakhstan and Oman agreed on the construction of a nitrogen fertilizer plant near Aktau.",
     "project", "construction of a nitrogen fertilizer plant near Aktau"),
    ("Azerbaijan and Georgia agreed to build a solar power plant in Kakheti.",
     "project", "solar power plant in Kakheti"),
    # an -ed word that is an adjective of the name does not end it
    ("The 5th meeting of the Peruvian-Chilean mixed economic committee was held in Lima on Monday.", "meeting",
     "5th meeting of the Peruvian-Chilean mixed economic committee"),
    # a name in title case goes on over "on" to its remit
    ("Peru and Chile signed the protocol after the meeting of the Joint Intergovernmental Commission on Economic "
     "Cooperation between the two countries.", "meeting",
     "meeting of the Joint Intergovernmental Commission on Economic Cooperation"),
    # a short form closes the name where a new clause follows it
    ("Peru and Chile discussed the Agreement between Peru and Chile on Port Services (APCPS) and Chile would "
     "publish its rules in May.", "agreement", "Agreement between Peru and Chile on Port Services (APCPS)"),
    # a tunnel is built: its name is the project's
    ("Chile and Argentina discussed the Cristo Redentor tunnel, a $600 million project.", "project",
     "Cristo Redentor tunnel"),
    # a compound joined by en dashes is one word of the name
    ("Kazakhstan and Turkmenistan agreed to speed up the construction of the Bereket–Etrek railway line.",
     "project", "construction of the Bereket–Etrek railway line"),
    # a word that counts the documents is no word of their name
    ("Multiple trade facilitation agreements were signed by Peru and Chile.", "agreement",
     "trade facilitation agreements"),
    ("Peru and Chile signed numerous trade facilitation agreements.", "agreement", "trade facilitation agreements"),
    # who took part is no partner of the cooperation
    ("Peru's minister spoke at the fifth meeting of the Joint Commission on Cooperation with the participation of "
     "the Chilean foreign minister.", "meeting", "fifth meeting of the Joint Commission on Cooperation"),
])
def test_event_name(text, etype, name):
    assert name in names(text, etype)


@pytest.mark.parametrize("text, etype", [
    ("Kazakh and Omani ministers held talks in Muscat on Monday.", "meeting"),
    ("Kazakhstan and Oman signed an agreement in Muscat on Monday.", "agreement"),
    ("The two presidents met in Astana on Monday and discussed energy.", "meeting"),
    ("Kazakhstan and Oman signed a similar agreement in Muscat on Monday.", "agreement"),
    ("Kazakhstan and Oman also signed another memorandum on Monday.", "agreement"),
    # a quotation that goes on the sentence is no title
    ("Kazakh and Omani ministers said the talks \"that lasted six hours\" were useful.", "meeting"),
    # a verb in capitals because it opens the sentence is no title word
    ("Signed agreements between Oman and Kazakhstan cover ports and rail.", "agreement"),
    # what a deal is worth, its multiplier glued to the digits, is no name
    ("A $40m deal was signed between Oman and Kazakhstan.", "agreement"),
])
def test_no_name_beyond_the_type(text, etype):
    """'the talks', 'an agreement', 'joint projects': nothing names the event beyond its kind."""
    assert names(text, etype) == [None]


def test_joint_projects_with_nothing_concrete_are_no_event():
    assert names("Kazakhstan and Oman agreed to speed up joint projects.", "project") == []


@pytest.mark.parametrize("text", [
    "Kyrgyzstan and Belarus concentrated on expanding trade and implementing joint projects in different sectors.",
    "They noted that the global projects implemented by Georgia and Azerbaijan serve both nations.",
    "The documents signed by Oman and Uzbekistan will be turned into tangible projects very soon, the minister said.",
])
def test_projects_described_only_by_vague_words_are_no_event(text):
    """"joint projects in different sectors", "global projects", "tangible projects": no object named."""
    assert names(text, "project") == []


def test_name_stops_at_a_new_clause():
    found = names("Kyrgyzstan and Turkey signed a roadmap on textile exports, officials said on Monday.", "agreement")
    assert found == ["roadmap on textile exports"]


def test_an_adverb_of_place_ends_the_name():
    """"the Joint Commission here today": where the reporter is, no part of the meeting's name."""
    found = names("The sixth session of the Kenya-Rwanda Joint Permanent Commission here on Friday reviewed "
                  "border trade.", "meeting")
    assert found == ["sixth session of the Kenya-Rwanda Joint Permanent Commission"]


def test_a_date_or_an_amount_after_the_trigger_is_no_subject():
    assert names("Kazakhstan and Oman signed a framework agreement of $300 million on Monday.", "agreement") == \
        ["framework agreement"]
    assert names("Turkmen and Emirati leaders met at a summit on May 17 in Abu Dhabi.", "meeting") == [None]


def test_a_verb_before_the_trigger_is_not_in_the_name():
    assert names("Turkey and Azerbaijan agreed to expand gas supplies through the new pipeline.", "project") != \
        ["expand gas supplies"]
    found = names("Ministers held wide-ranging talks in Ankara on Monday.", "meeting")
    assert found == [None]
    # the base form of a verb ends the name going left ("to achieve future agreements on energy")
    found = names("Turkmenistan and Azerbaijan held discussions on the Caspian Sea to achieve future agreements on "
                  "energy.", "agreement")
    assert found and all(not (n or "").startswith("achieve") for n in found)


def test_a_later_mention_names_an_event_first_found_unnamed():
    text = ("Kazakhstan and Kyrgyzstan signed a declaration in Bishkek on Monday. "
            "The Bishkek Declaration commits the sides to open three new border crossings.")
    assert names(text, "agreement") == ["Bishkek Declaration"]


def test_name_span_points_at_the_name():
    text = "Kazakhstan and Oman signed a memorandum on fertilizer supplies in Muscat on Monday."
    ev = extract_document(Document(text=text, published="2024-05-20"))["events"][0]
    span = ev["name_span"]
    assert text[span["start"]:span["end"]] == ev["name"] == "memorandum on fertilizer supplies"


def test_every_complement_word_can_open_a_name():
    from accordwatch.extract.event_names import _check_openers
    _check_openers()


def test_a_span_of_years_stays_in_the_name():
    assert names("Kazakhstan and Uzbekistan signed a roadmap on trade and industrial cooperation for 2024–2026 "
                 "on Monday.", "agreement") == ["roadmap on trade and industrial cooperation for 2024–2026"]


def test_a_new_clause_after_and_ends_the_name():
    assert names("Kazakhstan and the EU signed a memorandum on critical raw materials and aim to start joint "
                 "projects.", "agreement") == ["memorandum on critical raw materials"]


def sectors_by_name(text: str) -> dict[str | None, list[str]]:
    record = extract_document(Document(text=text, published="2024-05-20"))
    return {e["name"]: e["sectors"] for e in record["events"] if e["type"] == "agreement"}


@pytest.mark.parametrize("text, expected", [
    ("Turkmenistan and Georgia signed an agreement on the avoidance of double taxation and a memorandum on "
     "veterinary inspection of livestock in Tbilisi on Monday.",
     {"agreement on the avoidance of double taxation": ["finance_investment"],
      "memorandum on veterinary inspection of livestock": ["agriculture"]}),
    # the first names no sector: it takes those the sentence states before the second, none here
    ("Kazakhstan and Hungary signed the Strategic Partnership Treaty and a memorandum on nuclear energy.",
     {"Strategic Partnership Treaty": [], "memorandum on nuclear energy": ["nuclear"]}),
    ("Армения и Иран подписали соглашение о взаимной защите инвестиций и протокол о фитосанитарном "
     "контроле в Ереване.",
     {"соглашение о взаимной защите инвестиций": ["finance_investment"],
      "протокол о фитосанитарном контроле": ["agriculture"]}),
    # a document named by its field ("in the field of", "в сфере"), beside one named by its subject
    ("Kazakhstan and Hungary signed an agreement in the field of education and an agreement on air services.",
     {"agreement in the field of education": ["culture_education"],
      "agreement on air services": ["transport_logistics"]}),
    ("Казахстан и Венгрия подписали соглашение о воздушном сообщении и соглашение в сфере образования.",
     {"соглашение о воздушном сообщении": ["transport_logistics"],
      "соглашение в сфере образования": ["culture_education"]}),
    ("Казахстан и Венгрия подписали программу культурного сотрудничества и меморандум о сотрудничестве в "
     "сфере туризма.",
     {"программу культурного сотрудничества": ["culture_education"],
      "меморандум о сотрудничестве в сфере туризма": ["tourism"]}),
])
def test_two_documents_joined_in_one_sentence_have_their_own_names_and_sectors(text, expected):
    """"signed X and Y": each document is an event of its own, its name ends before the other's,
    and its sectors are those of its own subject, not the other's."""
    assert sectors_by_name(text) == expected


@pytest.mark.parametrize("text, name", [
    ("Kazakhstan and Hungary signed a program of cultural cooperation for 2025-2027.",
     "program of cultural cooperation"),
    ("Kazakhstan and Hungary signed a cultural cooperation programme.", "cultural cooperation programme"),
    ("Казахстан и Венгрия подписали программу культурного сотрудничества на 2025-2027 годы.",
     "программу культурного сотрудничества"),
    # a programme of cooperation says no more than its type
    ("Kazakhstan and Hungary signed a cooperation programme.", None),
])
def test_a_programme_whose_own_words_say_its_subject_is_named_by_them(text, name):
    assert names(text, "agreement") == [name]


def test_a_russian_memorandum_of_understanding_and_cooperation_is_named_whole():
    """After a trigger of several words ("меморандум о взаимопонимании"), "и" joins its complement."""
    text = ("В Бишкеке подписан меморандум о взаимопонимании и сотрудничестве между Минэнерго Кыргызстана и "
            "китайской компанией TBEA по строительству подстанции.")
    assert names(text, "agreement") == ["меморандум о взаимопонимании и сотрудничестве между Минэнерго "
                                        "Кыргызстана и китайской компанией TBEA по строительству подстанции"]


@pytest.mark.parametrize("text, name", [
    ("Казахстан и Китай подписали два межведомственных документа.", None),
    ("Казахстан и Китай подписали пять межправительственных документов.", None),
    ("Казахстан и Китай подписали межправительственное соглашение о поставках нефти.",
     "межправительственное соглашение о поставках нефти"),
])
def test_the_level_of_russian_documents_names_none_of_them(text, name):
    """"межведомственных документа" says at what level documents were signed, not which; with a subject the
    level stays in the name."""
    assert names(text, "agreement") == [name]


def test_a_headlines_verb_is_no_word_of_the_name():
    """A headline in the present tense ("Mongolia inks 4 energy agreements with Japan"): the verb ends the name."""
    text = ("Mongolia inks 4 energy agreements with Japan\n\nThe deals cover coal, power grids and solar plants, "
            "officials in Ulaanbaatar said.")
    assert not [n for n in names(text, "agreement") if n and "inks" in n]


def test_a_short_form_in_brackets_closes_the_name_it_spells():
    """"... Cooperation (FOCAC), Kenya and China ...": after the short form, the comma opens a new clause."""
    text = ("Within the Forum on China-Africa Cooperation (FOCAC), Kenya and China trade grew and the two countries "
            "met in Nairobi for talks.")
    assert names(text, "meeting")[0] == "Forum on China-Africa Cooperation (FOCAC)"


@pytest.mark.parametrize("text, etype, name", [
    ("Georgia and the UAE signed a landmark Comprehensive Economic Partnership Agreement in Tbilisi.",
     "agreement", "Comprehensive Economic Partnership Agreement"),
    ("Azerbaijan and Kazakhstan signed the historic Middle Corridor Connectivity Agreement in Baku.",
     "agreement", "Middle Corridor Connectivity Agreement"),
    # a lower-case word that belongs to a meeting's name stays
    ("The sides held the first Joint Business Council meeting in Baku.", "meeting",
     "first Joint Business Council meeting"),
])
def test_a_title_in_title_case_opens_at_its_first_capital(text, etype, name):
    """"a landmark | Comprehensive Economic Partnership Agreement": praise before a title is no word of it."""
    assert names(text, etype) == [name]


@pytest.mark.parametrize("text, etype, name", [
    ("В Ереване прошло заседание межправительственной комиссии по экономическому сотрудничеству между "
     "Республикой Армения и Грузией.", "meeting",
     "заседание межправительственной комиссии по экономическому сотрудничеству между Республикой Армения и "
     "Грузией"),
    ("Подписано соглашение о поощрении инвестиций между Республикой Узбекистан и Королевством Саудовская "
     "Аравия.", "agreement",
     "соглашение о поощрении инвестиций между Республикой Узбекистан и Королевством Саудовская Аравия"),
    # the state's name whole, the next capitalised word opens a new clause
    ("Заседание комиссии по сотрудничеству между Грузией и Республикой Армения Пашинян назвал успешным.",
     "meeting", "Заседание комиссии по сотрудничеству между Грузией и Республикой Армения"),
])
def test_a_states_name_after_the_word_for_its_form_is_the_names(text, etype, name):
    """"Республикой Армения": the state's name stands in the nominative after "Республикой", and is no new clause."""
    assert names(text, etype) == [name]


def test_a_company_form_with_a_full_stop_ends_no_russian_sentence():
    """"Co. Ltd." in a Russian text: the sentence, and the document's name, go on past it."""
    text = ("В Астане подписан меморандум о взаимопонимании между Минтрансом Казахстана и компанией "
            "Lianyungang Port Co. Ltd. по развитию терминала в Хоргосе.")
    doc = Document(text=text, published="2024-05-20")
    record = extract_document(doc)
    assert len(doc.sentences) == 1
    assert record["events"][0]["name"].endswith("Lianyungang Port Co. Ltd. по развитию терминала")


def test_a_capitalised_verb_word_opens_a_title():
    """"will open direct flights": the verb ends the name; the "Open Skies Agreement" is a title."""
    assert names("Kazakhstan and the US signed an Open Skies Agreement in Washington.", "agreement") == [
        "Open Skies Agreement"]


@pytest.mark.parametrize("text, etype, name", [
    ("Kazakhstan and Turkey agreed to build a bus assembly plant in Kostanay.", "project",
     "bus assembly plant in Kostanay"),
    ("Kazakhstan and Turkey signed a memorandum on gas supply to Ankara.", "agreement", "memorandum on gas supply"),
    ("Kazakhstan and Turkey signed a water supply agreement.", "agreement", "water supply agreement"),
    ("Kazakhstan and Turkey recently signed a trade agreement.", "agreement", "trade agreement"),   # an adverb
])
def test_a_noun_ending_in_ly_stays_in_the_name(text, etype, name):
    assert names(text, etype) == [name]


def test_a_russian_meeting_named_by_the_list_of_its_members():
    """"саммите Казахстана, | Киргизии и Таджикистана": the comma goes on over the list to its last member."""
    assert names("Лидеры приняли участие в консультативной встрече глав государств Казахстана, Киргизии и "
                 "Таджикистана в Чолпон-Ате.", "meeting") == [
        "консультативной встрече глав государств Казахстана, Киргизии и Таджикистана"]


def test_a_russian_subject_after_the_trigger_is_no_part_of_the_name():
    """"в ходе встречи лидеры обсудили": a word only ever nominative opens a new clause; a word that
    depends on the trigger ("заседания комиссии") is in another case."""
    text = ("Президенты Казахстана и Грузии провели переговоры в Тбилиси. "
            "В ходе встречи министры двух стран обсудили транзит грузов.")
    assert names(text, "meeting") == [None]
    text = "В Тбилиси прошло заседание межправительственной комиссии Казахстана и Грузии."
    assert names(text, "meeting") == ["заседание межправительственной комиссии Казахстана и Грузии"]


def test_the_sides_after_a_russian_trigger_open_a_new_clause():
    """"на заседании комиссии стороны обсудили": "стороны" is the subject, not part of the name."""
    text = ("Президенты Армении и Ирана провели переговоры в Тегеране. В ходе встречи стороны обсудили "
            "поставки газа.")
    assert all("стороны" not in (n or "") for n in names(text))


@pytest.mark.parametrize("text, etype, name", [
    ("Last year ACWA Power signed a similar agreement with the Uzbek government in Tashkent to develop three "
     "wind farms in the Karakalpakstan region.", "agreement", "three wind farms in the Karakalpakstan region"),
    ("A second agreement was signed by the Kuwait Fund and the Uzbek finance ministry to establish a joint "
     "leasing company in Tashkent.", "agreement", "joint leasing company in Tashkent"),
    ("The first memorandum was signed between Uzbekistan Railways and a Chinese operator, under which both sides "
     "will cooperate in the field of container shipping and warehousing.", "agreement",
     "container shipping and warehousing"),
    ("A contract was signed to build a copper smelter with a capacity of 300,000 tonnes a year.", "agreement",
     "copper smelter"),
])
def test_a_document_left_unnamed_is_named_by_what_it_is_for(text, etype, name):
    found = [e for e in accordwatch.extract(text, published="2024-04-02")["events"] if e["type"] == etype]
    assert [e["name"] for e in found] == [name]


def test_what_the_sides_agreed_to_do_does_not_name_the_document_signed():
    text = ("The ministers signed a protocol and agreed to set up a working group on customs to speed up "
            "shipments.")
    (agreement,) = [e for e in accordwatch.extract(text, published="2024-04-02")["events"] if e["type"] == "agreement"]
    assert agreement["name"] is None


def test_a_deal_for_a_project_is_named_by_the_project_and_the_project_is_an_event():
    text = ("Masdar said it will sign a $1.1 billion deal with the government of Kyrgyzstan for a 400 MW solar "
            "power plant.")
    found = accordwatch.extract(text, published="2024-04-02")["events"]
    assert sorted((e["type"], e["status"], e["name"]) for e in found) == [
        ("agreement", "planned", "400 MW solar power plant"), ("project", "planned", "400 MW solar power plant")]


def test_what_a_deal_is_worth_is_no_name():
    text = "Kazakhstan and Oman signed a $300 million deal in Muscat on Monday."
    (deal,) = accordwatch.extract(text, published="2024-04-02")["events"]
    assert deal["type"] == "agreement" and deal["name"] is None


def test_a_name_ends_before_and_with_a_verb_of_a_new_clause():
    """"a joint committee on science and technology and start training courses": "and start" opens a clause."""
    import accordwatch

    text = ("The two countries agreed to establish a joint committee on science and technology and start "
            "short-term training courses in various fields.")
    assert [e["name"] for e in accordwatch.extract(text)["events"]] == ["joint committee on science and technology"]


@pytest.mark.parametrize("text, name", [
    # who met tells the meeting, a name does not: the name stops before the people and their titles
    ("Oman and Kazakhstan signed two memoranda during the visit of Omani Foreign Minister Badr Albusaidi "
     "to Astana on Monday.", None),
    ("The ministers reviewed transit at the talks between Kazakh Transport Minister Marat Karabayev and "
     "Chinese Vice Minister Li Yang in Beijing on Monday.", None),
    ("Kazakhstan and Korea opened a new chapter with the first state visit of the President of Korea "
     "Lee Jae-myung to Astana on Monday.", "first state visit"),
    ("Соглашения подписаны в ходе встречи министра энергетики Казахстана Ерлана Аккенженова и министра "
     "энергетики Узбекистана Журабека Мирзамахмудова в Ташкенте.", None),
])
def test_a_meeting_of_people_is_named_only_by_what_precedes_them(text, name):
    assert names(text, "meeting") == [name]


@pytest.mark.parametrize("text", [
    "Kazakhstan and Uzbekistan held a meeting of their intergovernmental commission in Tashkent.",
    "Saudi Arabia and the UAE held a session of their coordination council in Jeddah on Wednesday.",
])
def test_a_name_never_ends_with_a_preposition(text):
    assert names(text, "meeting") == [None]


def test_a_meeting_named_by_its_day_is_the_one_told():
    text = ("Saudi Arabia and the UAE held a meeting of their coordination council in Jeddah on Wednesday. "
            "The council is a model for the Gulf Cooperation Council, said a statement issued after "
            "yesterday's meeting.")
    found = accordwatch.extract(text, published="2024-05-10")["events"]
    assert [(e["type"], e["parties"]) for e in found] == [("meeting", ["ARE", "SAU"])]


def test_an_ordinal_after_the_trigger_opens_its_object():
    text = "The ministers signed the protocol of the 7th session of the Joint Committee for Economic Cooperation."
    assert names(text, "agreement") == ["protocol of the 7th session of the Joint Committee for Economic Cooperation"]


@pytest.mark.parametrize("text", [
    # the person met, in another case than where they were named: who met, no name
    "В ходе визита президента Таджикистана Эмомали Рахмона в Китай подписаны документы. Подписанию "
    "предшествовала встреча Рахмона с председателем КНР Си Цзиньпином.",
    # a long title before the holder's name, past a comma
    "Решение было принято на переговорах заместителя премьер-министра, министра инвестиций и внешней торговли "
    "Узбекистана Сардора Умурзакова с делегацией США.",
    # what the briefing followed
    "На брифинге по итогам встречи президент Казахстана сказал, что отношения с Индией выходят на новый уровень.",
])
def test_a_russian_meeting_told_by_who_met_or_what_it_followed_has_no_name(text):
    assert names(text, "meeting") == [None]


def test_a_caption_glued_to_the_sentence_is_no_part_of_the_name():
    text = ("Cabrisas Rusia acuerdosThe 15th Session of the Intergovernmental Commission between Cuba and Russia "
            "was held in Moscow on Thursday.")
    assert names(text, "meeting") == ["15th Session of the Intergovernmental Commission"]


@pytest.mark.parametrize("text", [
    "The UAE and Egypt launched a giant $20 billion joint investment programme on Thursday.",
    "Mexico and a US firm agreed on a new factory in Sonora. The $15 million plant will create around 500 jobs.",
])
def test_a_projects_worth_is_no_part_of_its_name(text):
    assert not any(n and ("billion" in n or "million" in n) for n in names(text, "project"))


def test_a_dash_set_apart_between_two_countries_joins_them_in_a_name():
    text = "The 42nd meeting of the Vietnam – Laos Inter-Governmental Committee was held in Hanoi on Saturday."
    assert names(text, "meeting") == ["42nd meeting of the Vietnam – Laos Inter-Governmental Committee"]


def test_other_documents_are_named_elsewhere():
    text = "Стороны подписали меморандум об инвестициях, работа над другими соглашениями продолжается."
    assert not any(n and "други" in n for n in names(text))


@pytest.mark.parametrize(("text", "etype"), [
    # adjectives that say what the event was like, not which it was
    ("По итогам официальных переговоров министры Беларуси и Кубы подписали протокол.", "meeting"),
    ("В Минске министры Беларуси и Кубы подписали четыре новых документа.", "agreement"),
    ("Министр Грузии сказал, что у него с коллегой из Армении состоялась очень хорошая встреча.", "meeting"),
    ("Ministers of Chile and Peru signed bilateral documents in Lima on Friday.", "agreement"),
])
def test_vague_adjectives_before_a_kind_of_event_make_no_name(text, etype):
    assert names(text, etype) == [None]


@pytest.mark.parametrize(("text", "name"), [
    # an adjective of the subject names it
    ("В Минске министры Беларуси и Кубы подписали кредитное соглашение.", "кредитное соглашение"),
    ("Ministers of Chile and Peru signed a joint development agreement in Lima.", "joint development agreement"),
])
def test_an_adjective_of_the_subject_names_the_document(text, name):
    assert names(text, "agreement") == [name]


@pytest.mark.parametrize(("text", "name"), [
    # the document a supplement or a protocol amends is part of its name, one document
    ("Стороны подписали дополнительное соглашение №2 к контракту на поставку электроэнергии.",
     "дополнительное соглашение №2 к контракту на поставку электроэнергии"),
    ("Министры подписали протокол о внесении изменений в соглашение о взаимных поездках граждан.",
     "протокол о внесении изменений в соглашение о взаимных поездках граждан"),
])
def test_a_document_that_amends_another_is_one_named_with_it(text, name):
    assert names(text, "agreement") == [name]


def test_how_long_a_visit_lasted_is_no_name():
    assert names("В ходе двухдневного визита президент Узбекистана провел переговоры с президентом Турции.",
                 "meeting") == [None]


@pytest.mark.parametrize("text", [
    "The Prime Minister of Nepal is on a four-day official visit to India.",
    "The President of Ghana arrived in Nairobi on a three-day state visit to Kenya.",
])
def test_how_long_and_what_kind_a_visit_is_is_no_name(text):
    assert names(text, "meeting") == [None]


def test_where_a_document_was_signed_is_no_part_of_its_name():
    assert names("Chile and Peru signed an MoU on the sidelines of the fifth Joint Economic Committee meeting.",
                 "agreement") == [None]


@pytest.mark.parametrize("text, name", [
    ("After signing an MoU on expansion of economic cooperation, Bakhtiyor Saidov voiced satisfaction with "
     "the talks between Uzbekistan and Latvia.", "MoU on expansion of economic cooperation"),
    ("Uzbekistan and Latvia adopted a joint declaration on deepening the strategic partnership covering "
     "the areas of trade and transport.", "joint declaration on deepening the strategic partnership"),
])
def test_a_name_ends_where_a_clause_or_a_participle_starts(text, name):
    [ev] = [e for e in accordwatch.extract(text, published="2024-04-02")["events"] if e["type"] == "agreement"]
    assert ev["name"] == name


@pytest.mark.parametrize("text, name", [
    ("Узбекистан и Латвия подписали меморандум о сотрудничестве в энергетике.",
     "меморандум о сотрудничестве в энергетике"),
    ("Узбекистан и Латвия подписали соглашение о сотрудничестве в сельском хозяйстве и рыболовстве.",
     "соглашение о сотрудничестве в сельском хозяйстве и рыболовстве"),
    # a place or a time after the cooperation is no field of it
    ("Узбекистан и Латвия подписали соглашение о сотрудничестве в Риге.", "соглашение о сотрудничестве"),
    ("Узбекистан и Латвия подписали соглашение о сотрудничестве в прошлом году.", "соглашение о сотрудничестве"),
])
def test_the_field_of_a_russian_cooperation_belongs_to_the_name(text, name):
    [ev] = accordwatch.extract(text, published="2024-04-02")["events"]
    assert ev["name"] == name


def test_a_numbered_meeting_keeps_its_number_however_long_its_name():
    text = "The 12th Peru-Chile Inter-Governmental Joint Economic and Trade Commission meeting was held in Lima."
    assert names(text, "meeting") == ["12th Peru-Chile Inter-Governmental Joint Economic and Trade Commission meeting"]


def test_a_russian_name_opens_after_the_relative_word_of_its_clause():
    record = extract_document(Document(text="Делегации Перу и Чили подписали ряд документов, среди которых "
                                            "соглашения между компанией «Андина» и двумя чилийскими портами.",
                                       published="2024-05-20"))
    assert [e["name"] for e in record["events"] if e["name"]] == \
        ["соглашения между компанией «Андина» и двумя чилийскими портами"]


@pytest.mark.parametrize(("text", "name"), [
    ("Peru and Chile signed a memorandum on mining in the past.", "memorandum on mining"),
    ("Peru and Chile will sign an agreement on investment in the near future.", "agreement on investment"),
    ("Peru and Chile signed agreements in recent years.", None),
])
def test_a_time_phrase_after_a_document_is_when_not_which(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(("text", "name"), [
    # subjects joined by "and" in lower case are one name
    ("Peru and Chile signed a trade and economic cooperation agreement.", "trade and economic cooperation agreement"),
    ("Peru and Chile signed an updated trade and investment agreement.", "trade and investment agreement"),
    # a document and another kind of document are two
    ("Peru and Chile signed contracts and investment agreements.", "investment agreements"),
    # how long a document runs is no part of its name
    ("Peru and Chile signed a 15-year agreement on copper supplies.", "agreement on copper supplies"),
    ("Peru and Chile signed a 30-year contract.", None),
])
def test_a_lower_case_name_joins_subjects_but_not_a_term(text, name):
    assert names(text, "agreement")[-1] == name


def test_a_list_of_documents_each_with_its_article_is_no_one_name():
    """", and an administrative agreement": the next document of a list, not part of the first's subject."""
    assert names("Peru and Chile signed an agreement on social security, and an administrative agreement "
                 "on its application.", "agreement")[0] == "agreement on social security"


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_a_possessive_before_a_project_ends_its_name_whatever_the_apostrophe(apostrophe):
    text = f"Hungary and Serbia welcomed OTP Bank{apostrophe}s acquisition of a bank in Vojvodina."
    assert names(text, "project") == ["acquisition of a bank in Vojvodina"]


@pytest.mark.parametrize("text, name", [
    ("A meeting of the intergovernmental commission was held in Ulaanbaatar on December 19. The 27th meeting of "
     "the Mongolian-Russian Intergovernmental Commission on Trade reviewed the decisions taken.",
     "27th meeting of the Mongolian-Russian Intergovernmental Commission on Trade"),
    ("19 декабря в Улан-Баторе состоялось заседание межправительственной комиссии. На 27-м заседании "
     "Монголо-российской межправительственной комиссии по торговле рассмотрели итоги.",
     "27-м заседании Монголо-российской межправительственной комиссии по торговле"),
])
def test_a_meeting_is_named_by_the_mention_that_gives_its_number(text, name):
    """"a meeting of the commission" and then "the 27th meeting of ...": one sitting, named by its number."""
    assert names(text, "meeting") == [name]


@pytest.mark.parametrize("text, name", [
    ("25 октября 2018 г. в Москве состоялось XVI заседание межправительственной комиссии.",
     "XVI заседание межправительственной комиссии"),
    ("Первое заседание межправительственной комиссии прошло в Москве.",
     "Первое заседание межправительственной комиссии"),
])
def test_a_russian_sitting_s_number_opens_its_name(text, name):
    """"XVI заседание": a number in Roman numerals is the sitting's, as "16-е" is."""
    assert names(text, "meeting") == [name]


@pytest.mark.parametrize("text, name", [
    ("Между Россией и Саудовской Аравией готовится «дорожная карта» развития торгово-экономического сотрудничества.",
     "«дорожная карта» развития торгово-экономического сотрудничества"),
    ("Стороны подписали «дорожную карту».", None),
])
def test_a_russian_trigger_in_quotes_is_named_by_the_words_after_them(text, name):
    assert names(text, "agreement") == [name]


def test_a_russian_document_being_prepared_is_planned():
    text = "Между Россией и Саудовской Аравией готовится дорожная карта развития торгово-экономического сотрудничества."
    record = extract_document(Document(text=text, published="2024-05-20"))
    assert [(e["type"], e["status"]) for e in record["events"]] == [("agreement", "planned")]


def test_a_headline_verb_in_the_present_ends_a_name_going_left():
    """"Lao PM concludes Vietnam visit": the name is the visit's, not the headline's."""
    text = "Lao PM concludes Vietnam visit\n\nThe Lao Prime Minister left Hanoi on Saturday."
    assert names(text, "meeting") == ["Vietnam visit"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_plural_s_possessive_stays_in_a_meeting_s_name(apostrophe):
    text = f"Khurshid addressed the 11th ASEAN-India Foreign Ministers{apostrophe} Meeting in Brunei on Monday."
    assert names(text, "meeting") == [f"11th ASEAN-India Foreign Ministers{apostrophe} Meeting"]


@pytest.mark.parametrize("text, name", [
    ("Kazakhstan and Pakistan signed the Quadrilateral Agreement for Traffic in Transit in Almaty on Monday.",
     "Quadrilateral Agreement for Traffic in Transit"),
    ("Kazakhstan and Pakistan signed the Agreement on Cooperation in Energy in Almaty.",
     "Agreement on Cooperation in Energy"),
])
def test_a_title_goes_on_over_in_and_a_word_that_names_no_place(text, name):
    """"... in Transit": a word of the title; "in Almaty": where it was signed."""
    assert names(text, "agreement") == [name]


@pytest.mark.parametrize("dash", ["—", "–"])
def test_a_dash_set_apart_joins_two_countries_in_a_russian_name(dash):
    text = f"Документы были подписаны в рамках бизнес-форума Иран {dash} Таджикистан в Душанбе."
    assert names(text, "meeting") == [f"бизнес-форума Иран {dash} Таджикистан"]


@pytest.mark.parametrize("text, name", [
    ("Peru and Chile signed a memorandum at the St. Petersburg International Economic Forum.",
     "St. Petersburg International Economic Forum"),
    ("В ходе второго форума «Пояс и путь» Перу подписало соглашение с Чили.", "второго форума «Пояс и путь»"),
    ('В ходе второго форума "Пояс и путь" Перу подписало соглашение с Чили.', 'второго форума "Пояс и путь"'),
    ("В ходе форума «Россия – Африка» Египет подписал соглашение.", "форума «Россия – Африка»"),
])
def test_meeting_names_end_where_they_end(text, name):
    """An abbreviation before a capital is the name's ("St. Petersburg"); a capital after a quoted title opens a
    new clause ("«...» | Перу подписало")."""
    assert names(text, "meeting") == [name]


@pytest.mark.parametrize("text", [
    "Peru's President spoke during a joint news conference with his Chilean counterpart in Lima.",
    "The presidents of Peru and Chile held a joint press conference in Lima.",
])
def test_a_press_conference_names_no_meeting(text):
    """"a joint news conference": a kind of meeting (SCHEMA.md: null where nothing names it beyond its type)."""
    assert names(text, "meeting") == [None]


def test_a_conference_with_a_title_keeps_it():
    assert names("The Peru-Chile Investment Conference opened in Lima.", "meeting") == [
        "Peru-Chile Investment Conference"]
