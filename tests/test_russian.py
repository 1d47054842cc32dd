"""Russian-language articles (P10): the same record from Russian text, read with Russian data and
lemmas (our own sentences)."""
from __future__ import annotations

import pytest

from accordwatch import Document, extract_document

PUBLISHED = "2024-03-15"


def extract(text: str, published: str | None = PUBLISHED, language: str | None = None) -> dict:
    return extract_document(Document(text=text, published=published, language=language))


def test_language_is_told_from_the_script_or_given():
    doc = Document(text="Казахстан и Оман подписали меморандум о сотрудничестве в Маскате.")
    extract_document(doc)
    assert doc.language == "ru"
    english = Document(text="Kazakhstan and Oman signed a memorandum in Muscat.")
    extract_document(english)
    assert english.language == "en"


@pytest.mark.parametrize("text, codes", [
    ("Делегация Казахстана прибыла в Маскат по приглашению Омана.", ["KAZ", "OMN"]),
    ("Между Кыргызстаном и Китаем растет товарооборот.", ["CHN", "KGZ"]),
    ("Казахстанско-узбекская комиссия обсудила вопросы транзита.", ["KAZ", "UZB"]),
    ("Представители ЕС и Таджикистана встретились в Брюсселе.", ["EU", "TJK"]),
    ("Белорусские и азербайджанские компании подписали контракты.", ["AZE", "BLR"]),
    # first parts of compound adjectives that are no "-ско" form
    ("Монголо-российская комиссия собралась в Улан-Баторе.", ["MNG", "RUS"]),
    ("Армяно-иранская комиссия обсудила транзит.", ["ARM", "IRN"]),
])
def test_countries_in_every_case_and_as_adjectives(text, codes):
    assert extract(text)["countries"] == codes


@pytest.mark.parametrize("text, value, precision", [
    ("Документ подписан 15 февраля 2024 года в Астане.", "2024-02-15", "day"),
    ("В январе–сентябре 2023 г. экспорт вырос.", "2023-01/2023-09", "span"),
    ("В прошлом году поставки удвоились.", "2023", "year"),
    ("Завод построят до конца 2025 года.", "2025-12", "month"),
    # by the year, not by its end: the year, as "by 2025" is
    ("Завод построят до 2025 года.", "2025", "year"),
    ("Во втором квартале 2024 года начнется строительство.", "2024-04/2024-06", "span"),
    # the year said before the months counted: "в прошлом году за девять месяцев"
    ("В прошлом году за девять месяцев экспорт Перу в Чили вырос.", "2023-01/2023-09", "span"),
    # a span of days is dated by its first
    ("Делегация Чили посетит Перу 14–16 июня 2024 года.", "2024-06-14", "day"),
    # a day written with its ending
    ("Протокол подписан 21-го марта 2024 года в Лиме.", "2024-03-21", "day"),
])
def test_dates(text, value, precision):
    [d] = extract(text)["dates"]
    assert (d["value"], d["precision"]) == (value, precision)


def test_amounts_with_a_decimal_comma_and_russian_multipliers():
    text = ("По итогам 2023 года товарооборот между Казахстаном и Оманом составил 2,9 млрд долларов, "
            "увеличившись на 8,5%.")
    [f] = extract(text)["figures"]
    assert (f["indicator"], f["value"], f["unit"], f["period"], f["parties"], f["change_pct"]) == \
        ("trade_turnover", 2_900_000_000, "USD", "2023", ["KAZ", "OMN"], 8.5)


@pytest.mark.parametrize("text, indicator, value, unit", [
    ("Стороны подписали 12 соглашений на общую сумму свыше 400 млн долларов.", "deal_value", 400_000_000, "USD"),
    # the worth of documents straight after "на", and of projects
    ("Казахстан и Китай подписали 17 соглашений на $629 млн.", "deal_value", 629_000_000, "USD"),
    ("Компании заключили контракты на 45 млн евро.", "deal_value", 45_000_000, "EUR"),
    # the amount in dollars in brackets before the first amount's own currency
    ("Компании заключили контракты на 45 млн ($49 млн) евро.", "deal_value", 45_000_000, "EUR"),
    ("Стороны обсудили реализацию пяти проектов на сумму более $700 млн.", "investment", 700_000_000, "USD"),
    ("Общий размер проекта составит 82 миллиона долларов.", "investment", 82_000_000, "USD"),
    ("В Казахстане работают более 1 500 компаний с оманским капиталом.", "companies", 1500, "count"),
    ("Казахстан экспортировал в Оман 12,5 тыс. тонн пшеницы.", "exports", 12_500, "tonnes"),
    ("Инвестиции Омана в экономику Казахстана достигли 1,2 трлн тенге.", "investment", 1_200_000_000_000, "KZT"),
])
def test_figures(text, indicator, value, unit):
    found = extract(text)["figures"]
    assert [(f["indicator"], f["value"], f["unit"]) for f in found] == [(indicator, value, unit)]


def test_the_same_measure_again_for_another_period():
    text = ("В 2023 году товарооборот между Казахстаном и Оманом достиг 300 млн долларов, "
            "за январь–февраль 2024 года — 60 млн долларов.")
    found = extract(text)["figures"]
    assert [(f["indicator"], f["value"], f["period"]) for f in found] == [
        ("trade_turnover", 300_000_000, "2023"), ("trade_turnover", 60_000_000, "2024-01/2024-02")]


@pytest.mark.parametrize("verb", ["превышает", "составляет"])
def test_the_measure_told_before_a_pronoun(verb):
    text = f"Торговля между Чили и Перу в прошлом году заметно выросла. Сегодня она {verb} 3 миллиарда долларов."
    assert [f["indicator"] for f in extract(text)["figures"]] == ["trade_turnover"]


def test_a_goal_is_a_target():
    [f] = extract("Стороны намерены довести товарооборот между Казахстаном и Оманом до 1 млрд долларов к 2030 году.")[
        "figures"]
    assert (f["kind"], f["period"]) == ("target", "2030")


@pytest.mark.parametrize("text, etype, status", [
    ("Казахстан и Оман подписали меморандум о сотрудничестве в области удобрений.", "agreement", "signed"),
    ("Казахстан и Оман планируют подписать соглашение о транзите в апреле.", "agreement", "planned"),
    ("Казахстан и Оман договорились создать совместную рабочую группу по логистике.", "working_group", "agreed"),
    ("Очередное заседание казахстанско-оманской межправительственной комиссии пройдет в Маскате.",
     "meeting", "planned"),
    ("Очередное заседание казахстанско-оманской межправительственной комиссии состоялось в Маскате.",
     "meeting", "discussed"),
    ("Очередное заседание казахстанско-оманской межправительственной комиссии запланировано на осень.",
     "meeting", "planned"),
    ("Министры Казахстана и Омана обсудили строительство завода по производству удобрений.",
     "project", "discussed"),
    # initialled, not yet signed: the text is agreed
    ("Казахстан и Оман парафировали соглашение о воздушном сообщении.", "agreement", "agreed"),
])
def test_events_and_their_status(text, etype, status):
    found = [(e["type"], e["status"], e["parties"]) for e in extract(text)["events"]]
    assert (etype, status, ["KAZ", "OMN"]) in found


def test_event_date_from_a_russian_date():
    [ev] = [e for e in extract("Соглашение между Казахстаном и Оманом подписано 12 марта 2024 года в Астане.")["events"]
            if e["type"] == "agreement"]
    assert (ev["status"], ev["date"]) == ("signed", "2024-03-12")


def test_sectors():
    record = extract("Казахстан и Оман обсудили сотрудничество в сфере энергетики, сельского хозяйства и логистики.")
    assert record["sectors"] == ["agriculture", "energy", "transport_logistics"]


@pytest.mark.parametrize("text, sectors", [
    ("Китайская компания построит подстанции и линии электропередачи в Таласской области.", ["energy"]),
    ("Завод будет выпускать электротехническое оборудование и подсолнечное масло.", ["agriculture", "manufacturing"]),
    ("Стороны обсудили поставки молочной продукции и мяса.", ["agriculture"]),
    ("Речь шла о вопросах миграции и о геологоразведке.", ["labor_social", "mining_metallurgy"]),
    ("Комбинат будет выпускать аммиак и карбамид.", ["chemicals"]),
    ("Стороны обсудили вопросы зеленого развития и охраны окружающей среды.", ["environment_climate"]),
    # "промышленность" of a kind is that kind, not manufacturing; a chamber of commerce names no sector
    ("Стороны обсудили развитие горнорудной и химической промышленности.", ["chemicals", "mining_metallurgy"]),
    ("Меморандум подписали торгово-промышленные палаты двух стран.", []),
    ("Стороны обсудили развитие альтернативной энергетики.", ["renewables"]),
])
def test_sector_words(text, sectors):
    assert extract(text)["sectors"] == sectors


@pytest.mark.parametrize("text, person", [
    ("Президент Туркменистана Гурбангулы Бердымухамедов принял делегацию.",
     ("Гурбангулы Бердымухамедов", "Президент", "TKM")),
    ("Министр иностранных дел Казахстана Ермек Кошербаев открыл форум.",
     ("Ермек Кошербаев", "Министр иностранных дел", "KAZ")),
    ("Делегация встретилась с министром энергетики Казахстана Алмасадамом Саткалиевым.",
     ("Алмасадам Саткалиев", "министр энергетики", "KAZ")),
    ("Форум открыл вице-премьер Узбекистана Жамшид Ходжаев.", ("Жамшид Ходжаев", "вице-премьер", "UZB")),
    ("В Ереване вице-премьер-министр Республики Армения Тигран Хачатрян встретился с послом.",
     ("Тигран Хачатрян", "вице-премьер-министр", "ARM")),
    ("Министр встретился в Анкаре с вице-президентом Турции Джевдетом Йылмазом.",
     ("Джевдет Йылмаз", "вице-президент", "TUR")),
    ("Заседание прошло под председательством вице-президента Турции Джевдета Йылмаза.",
     ("Джевдет Йылмаз", "вице-президент", "TUR")),
    ("Переговоры с премьером Монголии Лувсаннамсрайном Оюун-Эрдэнэ прошли в Москве.",
     ("Лувсаннамсрайн Оюун-Эрдэнэ", "премьер", "MNG")),
    ("Министр энергетики ИРИ Мохсен Пакнежад посетил Ереван.", ("Мохсен Пакнежад", "Министр энергетики", "IRN")),
    ("Об этом сообщил помощник президента России Максим Орешкин.", ("Максим Орешкин", "помощник президента", "RUS")),
    # "с российской стороны": the side goes with its country word, the office stays
    ("Сопредседатель комиссии с российской стороны Алексей Оверчук открыл заседание.",
     ("Алексей Оверчук", "Сопредседатель комиссии", "RUS")),
    ("Заместитель Председателя Правительства России Алексей Оверчук прибыл в Баку.",
     ("Алексей Оверчук", "Заместитель Председателя Правительства", "RUS")),
    # a country of two words ends the body in the title; a first name the dictionary does not know
    # declines like the noun it looks like ("Даниром" -> "Данир")
    ("Переговоры с Первым заместителем Председателя Кабинета министров Киргизской Республики Даниром "
     "Аманалиевым прошли в Астане.",
     ("Данир Аманалиев", "Первый заместитель Председателя Кабинета министров", "KGZ")),
    ("Переговоры провели Президент Азербайджанской Республики Ильхам Алиев и его гости.",
     ("Ильхам Алиев", "Президент", "AZE")),
    # a name word that opens like a ministry's short form ("Минфин") is a name word
    ("Об этом сообщил посол Вьетнама в Чили Данг Минь Тхань.", ("Данг Минь Тхань", "посол", "VNM")),
    # "этой страны", "страны": the country is named elsewhere, no word of the office
    ("Гостей принял министр энергетики этой страны Хосе Гарсия.", ("Хосе Гарсия", "министр энергетики", None)),
    # a family name first that the dictionary only guesses at (as a short adjective) is the name's
    ("Форум открыл посол Вьетнама Нгуен Минь Тхань.", ("Нгуен Минь Тхань", "посол", "VNM")),
    # a contracted office ("зампредседателя"): the whole office, not the "министров" of its body
    ("Об этом сообщил зампредседателя кабинета министров Кыргызстана Бакыт Торобаев.",
     ("Бакыт Торобаев", "зампредседателя кабинета министров", "KGZ")),
    # "д-р" (Dr.) is an honorific, no word of the office
    ("Встречу провел министр иностранных дел ОАЭ д-р Анвар Гаргаш.",
     ("Анвар Гаргаш", "министр иностранных дел", "ARE")),
    # a title after the name whose remit lists its fields with commas
    ("Заседание прошло под руководством Лазиза Кудратова, министра инвестиций, промышленности и торговли "
     "Узбекистана.", ("Лазиз Кудратов", "министр инвестиций, промышленности и торговли", "UZB")),
])
def test_people_in_the_nominative_with_their_titles(text, person):
    assert person in [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]]


def test_a_known_officeholder_named_in_russian_gets_the_country():
    """The known-people list holds Cyrillic spellings: a bare "вице-премьер" of no stated country is placed."""
    [p] = extract("Как сообщил вице-премьер Роман Скляр, работы завершатся в мае.")["people"]
    assert (p["name"], p["title"], p["country"]) == ("Роман Скляр", "вице-премьер", "KAZ")


@pytest.mark.parametrize("text, person", [
    # a man's first name in the genitive that is also a woman's in the nominative: the title's case
    ("Стороны приветствовали визит министра экономики Азербайджана Микаила Джаббарова в Астану.",
     ("Микаил Джаббаров", "министр экономики", "AZE")),
    # a hyphenated first name inflects in its last part only
    ("Гостей принял глава государства Касым-Жомарт Токаев; позже делегация встретилась с Президентом "
     "Казахстана Касым-Жомартом Токаевым в Акорде.", ("Касым-Жомарт Токаев", "глава государства", "KAZ")),
    # a family name no dictionary knows, written first, is the name's, not the title's
    ("Министр встретился с Премьер-министром Вьетнама Фам Минь Тинем в Ханое.",
     ("Фам Минь Тинь", "Премьер-министр", "VNM")),
    # "бен" as "бин" holds an Arab name together
    ("Президент Беларуси провел переговоры с Эмиром Катара Тамимом бен Хамадом Аль Тани.",
     ("Тамим бен Хамад Аль Тани", "Эмир", "QAT")),
])
def test_the_words_of_a_russian_name_agree_in_gender_and_case(text, person):
    people = extract(text)["people"]
    assert person in [(p["name"], p["title"], p["country"]) for p in people]
    assert not any(p["name"].startswith(("Микаила", "Касым-Жомартом")) for p in people)


@pytest.mark.parametrize("name, title, nominative", [
    ("Ильхама Алиева", None, "Ильхам Алиев"),          # the likelier agreeing reading: a man, genitive
    ("Анны Ивановой", None, "Анна Иванова"),
    ("Алексеем Оверчуком", "вице-премьером", "Алексей Оверчук"),
    ("Микаила Джаббарова", "министра", "Микаил Джаббаров"),
    ("Касым-Жомарта Токаева", "Президента", "Касым-Жомарт Токаев"),
    ("Мурата Нуртлеу", None, "Мурат Нуртлеу"),         # a surname that does not inflect
    # a surname in -ов declined as a noun, after a first name that does not inflect
    ("Гурбангулы Бердымухамедовом", "Председателем", "Гурбангулы Бердымухамедов"),
    # one person's title is singular: "главы" is a genitive here, not the plural nominative
    ("Шавката Мирзиёева", "главы", "Шавкат Мирзиёев"),
    # names the dictionary does not know, read as the nouns they decline like, whatever their gender
    # (a man's name in -а declines like a woman's noun)
    ("Жаиром Мессиасом Болсонару", "президентом", "Жаир Мессиас Болсонару"),
    ("Андресом Мануэлем Лопесом Обрадором", "президентом", "Андрес Мануэль Лопес Обрадор"),
    ("Луисом Инасио Лулой да Силвой", "президентом", "Луис Инасио Лула да Силва"),
    ("Мигеля Диас-Канеля", "президента", "Мигель Диас-Канель"),
    # a man's foreign surname the dictionary reads as a neuter noun too: the reading of his gender
    ("Яношу Шуйоку", "президенту", "Янош Шуйок"),
    ("Тамашем Шуйоком", "президентом", "Тамаш Шуйок"),
    # the office's reading of a title's head ("премьера": "премьер", not "премьера"), and a man's surname
    # the dictionary does not know, declined like a noun
    ("Анатолия Тозика", "вице-премьера", "Анатолий Тозик"),
    ("Сергеем Кобзиком", "министром", "Сергей Кобзик"),
    # a woman whose first name the dictionary reads as a man's: the title's case settles each word
    ("Махабат Жумабаева", "пресс-секретарь", "Махабат Жумабаева"),
    ("Махабат Жумабаевой", "пресс-секретарем", "Махабат Жумабаева"),
    # a title in the nominative: the name beside it is too, whatever the dictionary guesses of a word
    # ("Фелипе" is no dative of a "Фелипа")
    ("Фелипе Сола", "министр", "Фелипе Сола"),
    ("Фелипе Солой", "министром", "Фелипе Сола"),
    # one word with no form in the title's case does not decline ("Моди" is no genitive of a "Модь")
    ("Моди", "премьер-министром Индии", "Моди"),
    ("Токаевым", "президентом", "Токаев"),
])
def test_nominative_of_a_name(name, title, nominative):
    from accordwatch.extract.morph import nominative_name

    assert nominative_name(name, title) == nominative


@pytest.mark.parametrize("text, name", [
    ("Министерство сельского хозяйства Казахстана сообщило о росте экспорта зерна.",
     "Министерство сельского хозяйства Казахстана"),
    ("Итоги подвели на заседании казахстанско-оманской межправительственной комиссии по торговле.",
     "казахстанско-оманская межправительственная комиссия по торговле"),
    ("Об этом сообщили в МИД Омана.", "МИД Омана"),
    ("Соглашение подписали Банк развития Казахстана и Сбербанк.", "Банк развития Казахстана"),
    # a country of two words closes the name: the person after it is no part of it
    ("Решение одобрил Кабинет министров Киргизской Республики Адылбек Касымалиев.",
     "Кабинет министров Киргизской Республики"),
    # a remit that lists its fields with commas ("культуры, спорта, туризма и молодежи") is one name
    ("Меморандум подписали Министерство культуры, спорта, туризма и молодежи Монголии и Росреестр.",
     "Министерство культуры, спорта, туризма и молодежи Монголии"),
    # an adjective keeps its own stem ("Высшего" -> "Высший", not "Высочайший", the other superlative)
    ("Итоги подвели на заседании Высшего межгосударственного совета Казахстана и Киргизии.",
     "Высший межгосударственный совет Казахстана и Киргизии"),
    # a person's name after it, particles and all, is no part of it
    ("Председатель Европейской комиссии Урсула фон дер Ляйен прилетела в Лиму.", "Европейская комиссия"),
    # a country's adjective in another case after "и" starts a new phrase, no second country of the body
    ("Меморандум подписан между Государственным комитетом по инвестициям Перу и чилийскими компаниями.",
     "Государственный комитет по инвестициям Перу"),
])
def test_organizations_in_the_nominative(text, name):
    assert name in [o["name"] for o in extract(text)["organizations"]]


@pytest.mark.parametrize("text, value, unit", [
    ("В 2022 году товарооборот России и Кубы составил 60 миллиардов российских рублей.", 60_000_000_000, "RUB"),
    ("В 2022 году товарооборот Беларуси и России составил 5 млрд белорусских рублей.", 5_000_000_000, "BYN"),
])
def test_a_currency_named_with_its_country_s_adjective(text, value, unit):
    [f] = extract(text)["figures"]
    assert (f["value"], f["unit"]) == (value, unit)


def test_a_change_after_a_dash_is_the_amount_s():
    """"$620 млн — на 15 % больше": the dash sets the change beside the amount, it ends no clause."""
    text = ("В 2023 году объём торговли между Беларусью и Узбекистаном составил $620 млн — на 15 % больше, чем в "
            "2022 году.")
    [f] = extract(text)["figures"]
    assert (f["period"], f["change_pct"]) == ("2023", 15.0)


def test_the_sides_after_a_body_open_a_clause_no_word_of_its_name():
    """"стороны" reads as a genitive too; after a body's name it is the subject of what follows."""
    text = "На 25-м заседании Вьетнамско-российской межправительственной комиссии стороны рассмотрели итоги."
    assert [o["name"] for o in extract(text)["organizations"]] == [
        "Вьетнамско-российская межправительственная комиссия"]


def test_publication_stamp_and_dateline_in_russian():
    text = ("• 14 марта 2024 в 10:05\n  • 0\n\nКазахстан и Оман подписали меморандум\n\n"
            "Маскат, 13 марта /Казинформ/ -- Казахстан и Оман подписали меморандум о сотрудничестве в сфере "
            "удобрений.")
    record = extract(text, published=None)
    doc = record["document"]
    assert (doc["published"], doc["title"], doc["dateline"], doc["outlet"]) == \
        ("2024-03-14", "Казахстан и Оман подписали меморандум", "Маскат", "Казинформ")
    [agreement] = record["events"]
    assert agreement["name"] == "меморандум о сотрудничестве в сфере удобрений"


@pytest.mark.parametrize("text, name", [
    ("Документы подписаны по итогам 9-го заседания казахстанско-оманской межправительственной комиссии по "
     "торговле в Маскате.", "9-го заседания казахстанско-оманской межправительственной комиссии по торговле"),
    ("Казахстан и Оман провели совместный бизнес-форум по развитию инвестиционного сотрудничества.",
     "совместный бизнес-форум по развитию инвестиционного сотрудничества"),
    ("Армения и Иран подписали контракт на поставку автобусов.", "контракт на поставку автобусов"),
    # the occasion it falls within is no word of the name
    ("Армения и Иран обсудят торговлю на заседании совместной комиссии по экономическому сотрудничеству в рамках "
     "визита премьер-министра Армении.", "заседании совместной комиссии по экономическому сотрудничеству"),
])
def test_event_names_by_parts_of_speech(text, name):
    assert name in [e["name"] for e in extract(text)["events"]]


@pytest.mark.parametrize("text", [
    "Армения и Иран подписали аналогичное соглашение в Тегеране.",
    "Армения и Иран подписали соглашения на сумму 100 млн долларов.",
    "Иран и Армения инвестируют в проект 35 млрд долларов.",   # what is put in, not which project
])
def test_no_russian_event_name_beyond_the_type(text):
    assert [e["name"] for e in extract(text)["events"]] == [None]


def test_a_later_mention_through_a_demonstrative_keeps_the_first_name():
    record = extract("Армения и Иран подписали контракт на поставку автобусов. Первые машины по этому контракту "
                     "прибудут в Ереван в мае.")
    assert [e["name"] for e in record["events"]] == ["контракт на поставку автобусов"]


def test_coordinated_people_after_a_plural_title_in_russian():
    text = "Форум открыли вице-премьеры Казахстана и Омана Серик Жумангарин и Саид аль-Маавали."
    people = [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]]
    assert people[0] == ("Серик Жумангарин", "вице-премьер", "KAZ")


@pytest.mark.parametrize("text, people", [
    # each one's country before their name
    ("Саммит прошел с участием президентов Казахстана Касым-Жомарта Токаева и Узбекистана Шавката Мирзиёева.",
     [("Касым-Жомарт Токаев", "президент", "KAZ"), ("Шавкат Мирзиёев", "президент", "UZB")]),
    # one country for both; "экономики" is the office's field, no second plural
    ("На переговорах присутствовали заместители министра экономики Армении Ваге Ованнисян и Нарек Терян.",
     [("Ваге Ованнисян", "заместитель министра экономики", "ARM"),
      ("Нарек Терян", "заместитель министра экономики", "ARM")]),
    # an office in the genitive plural after the head is one person's too
    ("Делегацию возглавили заместители министров финансов и экономики Ваге Ованнисян и Нарек Терян.",
     [("Ваге Ованнисян", "заместитель министра финансов и экономики", None),
      ("Нарек Терян", "заместитель министра финансов и экономики", None)]),
])
def test_people_after_a_russian_plural_title_in_any_case(text, people):
    assert [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]] == people


@pytest.mark.parametrize("text", [
    "Проект был заморожен решением Нурсултана Назарбаева, тогда занимавшего пост президента Казахстана.",
    "Проект был заморожен решением Нурсултана Назарбаева, занимавшего в то время должность президента Казахстана.",
])
def test_the_post_someone_held_is_no_word_of_their_title(text):
    assert [(p["title"], p["country"]) for p in extract(text)["people"]] == [("президент", "KAZ")]


def test_an_office_set_before_the_title_with_a_comma_gives_the_country():
    text = ("Чили и Перу договорились о торговле во время визита в Лиму правителя Чили, наследного принца "
            "Карлоса Рохаса.")
    assert [(p["title"], p["country"]) for p in extract(text)["people"]] == [("наследный принц", "CHL")]


def test_a_country_inside_a_russian_title_is_left_out_of_it():
    text = "Заседание провели министр иностранных дел РК Ермек Кошербаев и Верховный представитель ЕС по " \
           "иностранным делам Кая Каллас."
    people = {p["name"].split()[-1]: (p["title"], p["country"]) for p in extract(text)["people"]}
    assert people["Кошербаев"] == ("министр иностранных дел", "KAZ")
    assert people["Каллас"] == ("Верховный представитель по иностранным делам", "EU")


@pytest.mark.parametrize("country, code", [("Исламской Республики Афганистан", "AFG"),
                                           ("Исламской Республики Пакистан", "PAK")])
def test_an_islamic_republics_full_name_is_its_country_not_part_of_a_title(country, code):
    """"министр торговли Исламской Республики Пакистан": the full name is the country, left out of the title."""
    text = f"В Ташкенте министр торговли {country} Ахмад Карими провел переговоры с узбекской делегацией."
    record = extract(text)
    assert [(p["title"], p["country"]) for p in record["people"]] == [("министр торговли", code)]
    assert code in record["countries"]


def test_json_lines_language_key_and_lang_option(tmp_path):
    from typer.testing import CliRunner

    from accordwatch.cli import app

    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Kazakhstan and Oman signed a memorandum in Muscat."}\n'
                    '{"text": "Казахстан и Оман подписали меморандум в Маскате.", "language": "ru"}\n',
                    encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["extract", str(path), "--json"]).stdout.splitlines()
    import json

    assert [json.loads(line)["document"]["language"] for line in out] == ["en", "ru"]
    forced = runner.invoke(app, ["extract", "--text", "Kazakhstan and Oman met.", "--lang", "ru", "--json"])
    assert json.loads(forced.stdout)["document"]["language"] == "ru"


@pytest.mark.parametrize("text, name", [
    ("Соглашение подписали АО «Самрук-Энерго» и ТОО «СемАЗ».", "АО «Самрук-Энерго»"),
    ("Соглашение подписали АО «Самрук-Энерго» и ТОО «СемАЗ».", "ТОО «СемАЗ»"),
    ("Контракт с АО «НК «Қазақстан темір жолы» подписан в Астане.", "АО «НК «Қазақстан темір жолы»"),
    ("Государственный концерн «Туркменгаз» увеличил поставки газа.", "Государственный концерн «Туркменгаз»"),
    ("Контракт с турецкой компанией «Гюбреташ» заключен в Ташкенте.", "Гюбреташ"),
    ("Министерство инвестиций, промышленности и торговли РУз сообщило о росте экспорта.",
     "Министерство инвестиций, промышленности и торговли РУз"),
    ("Доклад подготовило Национальное агентство по инвестициям при Президенте КР.",
     "Национальное агентство по инвестициям при Президенте КР"),
])
def test_russian_companies_and_bodies(text, name):
    assert name in [o["name"] for o in extract(text)["organizations"]]


def test_a_reporting_agency_and_a_government_are_no_organizations():
    text = ("Об этом сообщает Государственное информационное агентство Туркменистана. Меморандум между "
            "Правительствами Туркменистана и Азербайджана подписан в Ашхабаде.")
    assert extract(text)["organizations"] == []


@pytest.mark.parametrize("text, indicator, value, unit, period", [
    ("За девять месяцев 2024 года Азербайджан импортировал из Туркменистана 12,5 тыс. тонн полиэтилена.",
     "imports", 12_500, "tonnes", "2024-01/2024-09"),
    ("Прямые инвестиции из Китая в экономику Кыргызстана в 2023 году составили 38,6 млрд сомов.",
     "fdi", 38_600_000_000, "KGS", "2023"),
    ("В январе–августе 2024 г. Узбекистан поставил в Кыргызстан 1,24 млрд кВт·ч электроэнергии.",
     "exports", 1_240_000_000, "kWh", "2024-01/2024-08"),
])
def test_more_russian_figures(text, indicator, value, unit, period):
    [f] = extract(text)["figures"]
    assert (f["indicator"], f["value"], f["unit"], f["period"]) == (indicator, value, unit, period)


def test_a_future_volume_in_russian_is_a_target():
    [f] = extract("Поставки российского газа в Казахстан в 2025 году составят до 3,5 млрд кубометров.")["figures"]
    assert f["kind"] == "target"


def test_numbers_with_non_breaking_spaces():
    [f] = extract("В 2023 году Казахстан экспортировал в Оман 1\u00a0500 тонн муки.")["figures"]
    assert (f["value"], f["unit"], f["indicator"]) == (1500, "tonnes", "exports")


def test_rk_stands_for_kazakhstan():
    assert extract("Министр торговли РК провел встречу с делегацией Омана.")["countries"] == ["KAZ", "OMN"]


@pytest.mark.parametrize("text, change", [
    # "проц": the abbreviation of "процентов" some agencies use
    ("За январь-апрель 2024 года товарооборот Армении и Ирана составил 300 млн долларов, увеличившись на "
     "14,5 проц в сравнении с аналогичным периодом прошлого года.", 14.5),
    # a percentage that restates an absolute change
    ("Товарооборот Казахстана и Китая в 2023 году достиг 41 млрд долларов, увеличившись на 9 млрд долларов, "
     "или почти на 28%.", 28.0),
    # a multiple is a change too (it was a crash: the Russian word was looked up among English ones)
    ("Товарооборот между Казахстаном и Монголией удвоился и достиг 2 млрд долларов в 2023 году.", 100.0),
    ("Товарооборот между Казахстаном и Монголией вырос вдвое за пять лет и в 2023 году достиг 2 млрд долларов.",
     None),
    # a multiple in words, after a gerund
    ("В 2023 году товарооборот между Казахстаном и Монголией достиг 2 млрд долларов, увеличившись в два раза.",
     100.0),
    ("В 2023 году товарооборот между Казахстаном и Монголией вырос в три раза и достиг 2 млрд долларов.", 200.0),
    ("В 2023 году товарооборот между Казахстаном и Монголией сократился в два раза, до 2 млрд долларов.", -50.0),
])
def test_changes_of_a_figure(text, change):
    figs = extract(text)["figures"]
    assert len(figs) == 1, figs
    assert figs[0]["change_pct"] == change


def test_a_span_from_one_month_to_another_and_its_growth_said_apart():
    f = extract("С января по август этого года товарооборот Китая и Беларуси составил $5,83 млрд, увеличившись в "
                "годовом исчислении на 97%.", published="2023-09-30")["figures"]
    assert [(x["period"], x["change_pct"]) for x in f] == [("2023-01/2023-08", 97.0)]


@pytest.mark.parametrize("text, person", [
    ("Об этом сообщил посол Китая в Минске Се Сяоюн.", ("Се Сяоюн", "посол в Минске", "CHN")),
    ("Об этом журналистам сообщил директор Агентства по инвестициям Шумкарбек Адылбек уулу.",
     ("Шумкарбек Адылбек уулу", "директор Агентства по инвестициям", None)),
])
def test_a_post_after_v_and_a_patronymic_word_in_russian(text, person):
    assert person in [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]]


def test_a_video_meeting_is_a_meeting():
    events = extract("Президент Казахстана Касым-Жомарт Токаев и Президент Монголии Ухнаагийн Хурэлсух "
                     "провели видеовстречу и обсудили поставки угля.")["events"]
    assert [(e["type"], e["status"], e["parties"], e["sectors"]) for e in events] == \
        [("meeting", "discussed", ["KAZ", "MNG"], ["mining_metallurgy"])]


def test_a_meeting_planned_within_a_quarter_of_this_year():
    events = extract("Очередное заседание казахстанско-российской межправительственной комиссии планируется во "
                     "втором квартале текущего года в Москве.", published="2007-03-16")["events"]
    assert [(e["type"], e["status"], e["date"]) for e in events] == [("meeting", "planned", "2007-06")]


@pytest.mark.parametrize("text, value", [
    ("За шесть месяцев этого года товарооборот вырос.", "2007-01/2007-06"),
    ("В первом полугодии прошлого года товарооборот вырос.", "2006-01/2006-06"),
])
def test_periods_of_a_relative_year(text, value):
    from accordwatch import pipeline

    doc = pipeline()(Document(text=text, published="2007-03-16"))
    assert [d.value for d in doc.layer("date")] == [value]


@pytest.mark.parametrize("text, value", [   # published on Wednesday 2024-03-06
    ("Президенты провели переговоры во вторник.", "2024-03-05"),
    ("Министры встретились в среду.", "2024-03-06"),
    ("Соглашение подписали в прошлый четверг.", "2024-02-29"),
    ("Делегация прибудет в Баку в следующую пятницу.", "2024-03-08"),
    ("Заседание комиссии состоится в понедельник.", "2024-03-11"),
])
def test_days_of_the_week_against_the_publication_date(text, value):
    from accordwatch import pipeline

    doc = pipeline()(Document(text=text, published="2024-03-06"))
    assert [d.value for d in doc.layer("date")] == [value]


def test_talks_held_on_a_day_of_the_week_are_dated_to_it():
    events = extract("Президенты Узбекистана и Азербайджана провели переговоры в Баку во вторник.",
                     published="2024-03-06")["events"]
    assert [(e["type"], e["date"]) for e in events] == [("meeting", "2024-03-05")]


def test_an_exchange_of_visits_is_no_meeting_in_russian():
    assert extract("Это отражает тесную дружбу руководства двух стран и обмен визитами между президентами "
                   "Казахстана и Египта.")["events"] == []


def test_an_agreement_on_a_subject_among_a_batch_signed_is_an_event_of_its_own_in_russian():
    events = extract("Кыргызстан и Китай подписали ряд соглашений на сумму свыше 1 млрд долларов в Урумчи. Кроме "
                     "того, стороны подписали соглашение о сотрудничестве по строительству солнечных "
                     "электростанций.", published="2023-08-20")["events"]
    assert [e["name"] for e in events if e["type"] == "agreement"] == \
        [None, "соглашение о сотрудничестве по строительству солнечных электростанций"]


def test_a_briefing_after_a_named_meeting_is_that_meeting():
    events = extract("Об этом сегодня на брифинге после встречи сопредседателей казахстанско-киргизской "
                     "межправительственной комиссии сообщил министр промышленности и энергетики РФ Виктор "
                     "Христенко.", published="2007-03-16")["events"]
    assert len(events) == 1
    ev = events[0]
    assert ev["name"] == "встречи сопредседателей казахстанско-киргизской межправительственной комиссии"
    # the minister's office names no subject of the meeting
    assert ev["sectors"] == []


def test_the_project_an_agreement_is_signed_for_and_a_bare_project_after_it():
    text = ("Министр напомнил, что в мае между Национальным агентством по инвестициям Кыргызстана и китайской "
            "компанией «Тяньшань Моторс» было подписано соглашение о создании в Чуйской области совместного "
            "предприятия по сборке электромобилей. Объем инвестиций в проект составит 95 млн долларов.")
    events = extract(text, published="2024-06-10")["events"]
    assert [(e["type"], e["status"], e["date"]) for e in events] == [
        ("agreement", "signed", "2024-05"),   # "в мае": May of the publication year
        ("project", "agreed", None)]          # "в проект" in the next sentence is the same project
    assert events[1]["name"] == "совместного предприятия по сборке электромобилей"


def test_an_agreement_in_force_and_its_name_without_the_date():
    ev, = extract("Стороны приветствовали вступление в силу соглашения о свободной торговле между Грузией и Китаем "
                  "1 января 2018 года.")["events"]
    assert (ev["status"], ev["date"], ev["name"]) == \
        ("signed", "2018-01-01", "соглашения о свободной торговле между Грузией и Китаем")


@pytest.mark.parametrize("text, value", [
    ("Соглашение было подписано в мае в Пекине.", "2024-05"),
    ("Следующее заседание пройдет в марте в Бишкеке.", "2025-03"),   # still to come: next year's March
    # a first-person plural turning to the reader is no future tense of the clause
    ("Напомним, в марте стороны договорились о поставках зерна.", "2024-03"),
    ("Отметим, что в марте Казахстан открыл торговый дом в Бишкеке.", "2024-03"),
    ("Мы подпишем в марте соглашение о поставках зерна.", "2025-03"),
])
def test_a_bare_month(text, value):
    from accordwatch import pipeline

    doc = pipeline()(Document(text=text, published="2024-06-10"))
    assert [d.value for d in doc.layer("date")] == [value]


@pytest.mark.parametrize("areas", [
    "Договоренности касаются энергетики, сельского хозяйства и туризма.",
    "Соглашения направлены на развитие энергетики, сельского хозяйства и туризма.",
    "Стороны заключили договоренности в таких сферах, как энергетика, сельское хозяйство и туризм.",
])
def test_what_signed_documents_cover_is_theirs_not_the_forums(areas):
    """A forum that frames a signing: the areas the documents cover, said with no trigger word of their own
    or by "the sides", are the documents' sectors."""
    record = extract("Армения и Катар подписали 12 соглашений на общую сумму около 300 млн долларов в ходе "
                     "делового форума в Дохе. " + areas)
    sectors = {e["type"]: e["sectors"] for e in record["events"]}
    assert sectors == {"agreement": ["agriculture", "energy", "tourism"], "meeting": []}


def test_v_ih_chisle_lists_the_parts_of_the_projects_before():
    record = extract("Казахстан и Корея договорились реализовать 12 совместных проектов на 2 млрд долларов. В их "
                     "числе – медеплавильный завод в Балхаше, две клиники в Шымкенте и интермодальный терминал.")
    (project,) = record["events"]
    assert project["type"] == "project"
    assert project["sectors"] == ["health_pharma", "mining_metallurgy", "transport_logistics"]


def test_projects_agreed_in_a_clause_after_a_signing_are_a_project_of_their_own():
    record = extract("Участники армяно-иранского форума подписали 20 контрактов на 100 млн долларов, а также достигли "
                     "договоренностей о реализации совместных проектов на 50 млн долларов.")
    assert sorted((e["type"], e["status"]) for e in record["events"]) == [
        ("agreement", "signed"), ("meeting", "discussed"), ("project", "agreed")]


def test_the_anniversary_of_a_signing_is_history_in_russian():
    record = extract("В этом году Армения и Евросоюз отмечают 5-летие с момента подписания Соглашения о всеобъемлющем "
                     "и расширенном партнерстве.")
    assert record["events"] == []


def test_joint_ventures_counted_where_they_work_are_a_statistic_not_a_project():
    record = extract("Армения и Иран подписали 5 соглашений. В настоящее время в Армении функционируют около 300 "
                     "совместных предприятий с участием иранского капитала.")
    assert [e["type"] for e in record["events"]] == ["agreement"]
    assert [(f["indicator"], f["value"]) for f in record["figures"]] == [("joint_ventures", 300)]


def test_joint_ventures_the_sides_agreed_to_set_up_are_a_project():
    record = extract("Армения и Иран договорились создать 3 совместных предприятия по сборке автобусов.")
    assert [(e["type"], e["status"]) for e in record["events"]] == [("project", "agreed")]


def test_a_lower_case_title_does_not_run_on_over_a_verb():
    record = extract("Об этом сегодня на брифинге после встречи сопредседателей армяно-иранской межправительственной "
                     "комиссии сообщил министр экономики РФ Максим Решетников.")
    assert [(p["name"], p["title"], p["country"]) for p in record["people"]] == [
        ("Максим Решетников", "министр экономики", "RUS")]


def test_supplies_among_topics_discussed_are_no_project_in_russian():
    record = extract("Участники обсудили поставки продовольствия, транспорт, промышленность и трудовую миграцию.")
    assert record["events"] == []


def test_how_the_sides_cooperate_is_no_subject_of_the_meeting():
    """"Стороны давно сотрудничают в ...": how things stand, the article's sectors, not the talks'."""
    record = extract("Министры Армении и Катара провели переговоры в Дохе, обсудив туризм и фармацевтику. "
                     "Стороны давно сотрудничают в сфере обороны, атомной энергетики и культуры.")
    (meeting,) = [e for e in record["events"] if e["type"] == "meeting"]
    assert meeting["sectors"] == ["health_pharma", "tourism"]
    assert "nuclear" in record["sectors"]


def test_a_level_stated_after_a_goal_is_what_it_amounted_to():
    record = extract("Грузия и Армения договорились нарастить товарооборот, который в 2022 году составил "
                     "1,2 млрд долларов.", published="2023-05-02")
    assert [(f["indicator"], f["kind"], f["period"]) for f in record["figures"]] == [
        ("trade_turnover", "actual", "2022")]


def test_a_body_named_then_set_up_in_the_passive_is_a_working_group():
    record = extract("Стороны договорились, что казахстанско-египетский деловой совет будет создан в следующем году.")
    assert [(e["type"], e["status"]) for e in record["events"]] == [("working_group", "agreed")]


def test_a_trigger_word_inside_a_persons_title_is_no_event():
    record = extract("Министр промышленности и строительства Казахстана Канат Шарлапаев 27 мая провел встречу с "
                     "вице-президентом Еврокомиссии в Брюсселе, на которой стороны обсудили совместные планы.")
    assert [e["type"] for e in record["events"]] == ["meeting"]


def test_a_goal_from_a_level_to_another_is_the_second_amount():
    record = extract("Стороны договорились увеличить товарооборот с 1,4 млрд долларов до 3 млрд долларов.")
    assert [(f["value"], f["kind"]) for f in record["figures"]] == [
        (1_400_000_000, "actual"), (3_000_000_000, "target")]


@pytest.mark.parametrize("text, status", [
    ("Заседание межправительственной комиссии в ноябре определит сроки строительства.", "planned"),
    ("Заседание межправительственной комиссии в ноябре прошло в Астане.", "discussed"),
])
def test_a_meeting_dated_later_than_the_article_with_no_verb_of_the_past_is_planned(text, status):
    record = extract(text, published="2024-09-10")
    assert [(e["type"], e["status"]) for e in record["events"]] == [("meeting", status)]


def test_a_company_in_latin_letters_inside_a_title_is_no_person():
    record = extract("Губернатор области Анатолий Артамонов и президент Holcim Rus г-н Пьер Дюпон подписали "
                     "соглашение.")
    assert {p["name"] for p in record["people"]} == {"Анатолий Артамонов", "Пьер Дюпон"}


def test_a_country_the_office_is_in_is_not_the_country_it_serves():
    record = extract("Премьер-министр Денис Шмыгаль и директор миссии USAID в Украине Джеймс Хоуп подписали "
                     "соглашение.")
    hope = next(p for p in record["people"] if p["name"] == "Джеймс Хоуп")
    assert (hope["title"], hope["country"]) == ("директор миссии USAID", None)


def test_a_stamp_with_a_year_of_two_digits():
    record = extract("09:15  14.05.21\n\nКазахстан и Китай подписали соглашение\n\nСтороны подписали соглашение о "
                     "торговле.", published=None)
    assert record["document"]["published"] == "2021-05-14"


def test_what_the_agreement_set_is_the_agreement_again():
    record = extract("Губернатор и президент компании подписали соглашение о строительстве завода по производству "
                     "стекла. Соглашением определены условия реализации инвестиционного проекта по разработке "
                     "месторождения песка.")
    assert [e["type"] for e in record["events"]] == ["agreement", "project"]   # no second document


def test_a_companys_name_before_a_persons_is_part_of_the_title():
    record = extract("Меморандум подписали глава области Максим Петренко, директор компании Кардинал Трейд Андрей "
                     "Соколов и директор компании Вест Агро Инвест Сергей Лисицын.")
    people = {p["name"]: p["title"] for p in record["people"]}
    assert people.get("Андрей Соколов") == "директор компании Кардинал Трейд"
    assert people.get("Сергей Лисицын") == "директор компании Вест Агро Инвест"
    assert not any("Андрей" in (title or "") for title in people.values())


def test_at_the_session_named_again_is_the_same_meeting():
    record = extract("Вопросы сотрудничества обсудили в ходе 12-го заседания межправительственной комиссии Казахстана "
                     "и Грузии в Тбилиси. Для роста перевозок по маршруту Китай-Казахстан-Грузия на заседании МПК "
                     "стороны договорились проработать строительство терминала.")
    assert len([e for e in record["events"] if e["type"] == "meeting"]) == 1


def test_a_meeting_held_within_a_blocs_session_is_between_the_pair():
    record = extract("Премьер-министры Казахстана и Грузии договорились провести заседание межправкомиссии осенью. "
                     "Встреча премьеров прошла в ходе заседания Совета глав правительств СНГ в Минске.",
                     published="2024-06-03")
    assert [(e["type"], e["status"], e["parties"]) for e in record["events"]] == [
        ("meeting", "planned", ["GEO", "KAZ"]), ("meeting", "discussed", ["GEO", "KAZ"])]


def test_a_lower_case_title_that_lists_its_fields_with_commas():
    record = extract("Переговоры провели министр энергетики, водных ресурсов и экологии Грузии Леван Давиташвили и "
                     "министр экономики Армении Геворг Папоян.")
    people = {p["name"]: (p["title"], p["country"]) for p in record["people"]}
    assert people["Леван Давиташвили"] == ("министр энергетики, водных ресурсов и экологии", "GEO")
    assert record["sectors"] == []   # the fields of an office are no subjects of cooperation


def test_documents_signed_since_relations_began_are_history():
    record = extract("Стороны с момента установления дипломатических отношений подписали более 200 документов.")
    assert record["events"] == []


@pytest.mark.parametrize("text, status", [
    ("Иранская сторона предложила создать комиссию из представителей двух стран для контроля за выполнением "
     "договоренностей.", "discussed"),
    ("Стороны договорились создать комитет по транспорту из представителей министерств.", "agreed"),
])
def test_a_commission_or_committee_being_set_up_is_a_body(text, status):
    """"предложила создать комиссию из представителей", "договорились создать комитет": a body proposed or
    agreed on (SCHEMA.md: working_group), as "commission" and "committee" are in English."""
    found = [(e["type"], e["status"]) for e in extract(text)["events"]]
    assert found == [("working_group", status)]


@pytest.mark.parametrize("text, indicator, value", [
    ("Контракты на более чем $ 700 млн подписаны на форуме регионов Белоруссии и России.", "deal_value", 700_000_000),
    ("За январь-июль внешнеторговый оборот Армении с Россией вырос на 57% и составил $330,1 млн.", "trade_turnover",
     330_100_000),
])
def test_more_russian_ways_to_say_a_deals_worth_and_trade(text, indicator, value):
    """"Контракты на более чем $700 млн": the contracts' worth; "внешнеторговый оборот ... с Россией": trade."""
    assert [(f["indicator"], f["value"]) for f in extract(text)["figures"]] == [(indicator, value)]


def test_a_first_name_of_several_words_stays_the_persons():
    """"Посол Ирана Мохаммед Реза Хашеми-Голпайгани": two first names and a surname, no company before it."""
    text = "Посол Ирана в Туркменистане Мохаммед Реза Хашеми-Голпайгани рассказал о предстоящем визите."
    assert [(p["name"], p["title"]) for p in extract(text)["people"]] == [
        ("Мохаммед Реза Хашеми-Голпайгани", "Посол")]


@pytest.mark.parametrize("text, name", [
    ("Премьер-министр Армении считает успешным свой визит в Москву.", None),
    ("В Нью-Дели прошло 25-е заседание Российско-Индийской комиссии по торгово-экономическому, "
     "научно-техническому и культурному сотрудничеству.",
     "25-е заседание Российско-Индийской комиссии по торгово-экономическому, научно-техническому и культурному "
     "сотрудничеству"),
])
def test_a_russian_meetings_name_agrees_with_it_and_runs_over_listed_adjectives(text, name):
    """"считает успешным свой визит": an adjective in another case and a possessive are no part of the name;
    "по торгово-экономическому, научно-техническому и культурному сотрудничеству": the commas list adjectives
    of one noun."""
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "meeting"] == [name]


@pytest.mark.parametrize("text, name", [
    ("Соглашения подписаны во время встречи министра финансов с Генеральным директором Фонда ОПЕК по "
     "международному развитию.", "Фонд ОПЕК по международному развитию"),
    ("Министр провел переговоры с исполнительным директором Евразийского фонда стабилизации Игорем Петровичем "
     "Сидоровым.", "Евразийский фонд стабилизации"),
])
def test_a_persons_title_before_a_body_and_their_name_after_it_are_not_the_bodys(text, name):
    """"с Генеральным директором Фонда ОПЕК ...": the office is the person's, not the fund's name; "... фонда
    стабилизации Игорем Петровичем Сидоровым": the name after the body is a person's."""
    assert [o["name"] for o in extract(text)["organizations"]] == [name]


@pytest.mark.parametrize("text, names", [
    ("Для финансирования проектов агропромышленного комплекса учредят совместный фонд с капиталом 100 млн долларов.",
     []),
    ("Заседание армяно-иранской межправительственной комиссии прошло в Ереване.",
     ["армяно-иранская межправительственная комиссия"]),
])
def test_a_common_adjective_and_a_lower_case_head_name_no_body(text, names):
    """"учредят совместный фонд": a kind of body, no name (SCHEMA.md: generic descriptions are no
    organizations); "армяно-иранской межправительственной комиссии" names one by its countries."""
    assert [o["name"] for o in extract(text)["organizations"]] == names


def test_a_place_before_a_projects_object_is_not_its_name():
    """"обсудили создание в Улан-Баторе сборочного производства белорусских тракторов": the city is where."""
    text = "Стороны также обсудили создание в Улан-Баторе сборочного производства белорусских тракторов."
    assert [e["name"] for e in extract(text)["events"]] == ["сборочного производства белорусских тракторов"]


def agreements(text: str) -> list[tuple[str, str | None]]:
    return [(e["status"], e["name"]) for e in extract(text)["events"] if e["type"] == "agreement"]


def test_documents_counted_are_an_agreement_event():
    """"подписали 14 документов": Russian news counts what was signed in documents."""
    text = ("Туркменистан и Оман по итогам переговоров в Маскате подписали 14 документов о сотрудничестве "
            "в области энергетики, транспорта и образования.")
    assert [status for status, _ in agreements(text)] == ["signed"]


def test_the_documents_told_again_are_the_same_event():
    """"Документы были подписаны ...", "Согласно документу ...": the documents told before."""
    text = ("Монголия и Казахстан подписали соглашение о транзите грузов. Документы были подписаны по итогам "
            "заседания межправительственной комиссии в Улан-Баторе. Согласно документу, стороны увеличат "
            "объем перевозок по железной дороге.")
    assert len(agreements(text)) == 1


def test_a_total_counts_the_documents_told_before():
    text = ("Узбекистан и Южная Корея подписали ряд соглашений на сумму свыше 5 млрд долларов.\n\n"
            "Всего подписано 18 документов, в том числе в сфере здравоохранения и энергетики.")
    assert len(agreements(text)) == 1
    text = ("Uzbekistan and South Korea signed a number of agreements worth over $5 billion. "
            "In total, 18 documents were signed, covering health care and energy.")
    assert len(agreements(text)) == 1


def test_a_batch_told_by_its_examples_is_no_event_of_its_own():
    text = ("Кроме того, подписан ряд документов в сфере энергетики, в частности соглашение о строительстве "
            "ветровой электростанции в Жамбылской области между Казахстаном и Китаем.")
    assert agreements(text) == [("signed", "соглашение о строительстве ветровой электростанции")]


def test_a_route_through_a_country_makes_it_no_party():
    text = "Россия и Китай подписали меморандум о строительстве газопровода через территорию Монголии."
    [agreement] = [e for e in extract(text)["events"] if e["type"] == "agreement"]
    assert agreement["parties"] == ["CHN", "RUS"]


def test_a_quoted_company_after_the_meeting_word_is_no_part_of_its_name():
    text = ("В рамках переговоров Казахстана и Китая «КазМунайГаз» и Китайская национальная нефтегазовая "
            "корпорация подписали соглашение о поставках газа.")
    [meeting] = [e for e in extract(text)["events"] if e["type"] == "meeting"]
    assert "КазМунайГаз" not in (meeting["name"] or "")


@pytest.mark.parametrize("text, name, kind", [
    ("Меморандум подписали с Торгово-промышленной палатой Узбекистана.", "Торгово-промышленная палата Узбекистана",
     "chamber"),
    ("Кредит выделит Саудовский фонд развития, сообщил министр финансов Кыргызстана.", "Саудовский фонд развития",
     "fund"),
])
def test_russian_bodies_of_a_kind(text, name, kind):
    orgs = {o["name"]: o["kind"] for o in extract(text)["organizations"]}
    assert orgs.get(name) == kind


def test_trade_in_value_terms_is_trade_not_investment():
    text = ("За первые семь месяцев товарооборот между Россией и Китаем в стоимостном выражении увеличился на "
            "24,5%, составив 58,3 млрд долл. США.")
    assert [f["indicator"] for f in extract(text)["figures"]] == ["trade_turnover"]


@pytest.mark.parametrize("text, value", [
    ("Товарооборот Ирана со странами ЕАЭС достиг 4 миллиардов 637 миллионов 832 тысяч долларов.", 4_637_832_000),
    ("Товарооборот Казахстана и Китая составил 31 млрд 500 млн долларов.", 31_500_000_000),
    ("Товарооборот Армении и Ирана вырос до 1 млрд 95,4 млн долларов.", 1_095_400_000),   # a part with decimals
    ("Товарооборот Казахстана и Китая составил $2 млрд 150,5 млн.", 2_150_500_000),
])
def test_an_amount_told_in_parts_is_one_amount(text, value):
    assert [f["value"] for f in extract(text)["figures"]] == [value]


def test_a_body_of_two_countries_belongs_to_neither():
    text = "Это стало результатом обсуждений на 13-м заседании казахско-кыргызского Межправительственного совета."
    record = extract(text)
    assert record["countries"] == ["KAZ", "KGZ"]
    assert [(o["name"], o["country"]) for o in record["organizations"]] == [
        ("казахско-кыргызский Межправительственный совет", None)]


def test_a_title_of_two_adjectives_joined_by_i_is_put_in_the_nominative_whole():
    text = "Меморандум подписали с Чрезвычайным и Полномочным послом Монголии Батбаяром Доржсурэном в Бишкеке."
    people = extract(text)["people"]
    assert [p["title"] for p in people] == ["Чрезвычайный и Полномочный посол"]


def test_the_presidents_of_the_two_countries_each_hold_the_office():
    text = "Итоги переговоров подвели президенты двух стран Александр Лукашенко и Касым-Жомарт Токаев в Минске."
    people = {p["name"]: p["title"] for p in extract(text)["people"]}
    assert people == {"Александр Лукашенко": "президент", "Касым-Жомарт Токаев": "президент"}


@pytest.mark.parametrize("text", [
    "Заседание прошло под председательством премьер-министров двух республик — Гульнары Абдыкеровой и "
    "Рустама Назарова.",
    "Комиссию возглавили вице-премьеры обеих сторон: Гульнара Абдыкерова и Рустам Назаров.",
])
def test_officeholders_of_both_sides_named_after_a_dash_or_a_colon(text):
    """"премьер-министров двух республик — X и Y": the dash opens the list of the two officeholders."""
    assert sorted(p["name"] for p in extract(text)["people"]) == ["Гульнара Абдыкерова", "Рустам Назаров"]


@pytest.mark.parametrize(("text", "title"), [
    ("Переговоры провели главы внешнеполитических ведомств двух стран Жээнбек Кулубаев и Бахтиёр Саидов.",
     "глава внешнеполитического ведомства"),
    ("Встречу открыли председатели кабинетов министров двух стран Гульнара Абдыкерова и Рустам Назаров.",
     "председатель кабинета министров"),
    # a minister's portfolio is no body each of them heads: it stays as written
    ("В переговорах участвовали министры иностранных дел двух стран Жээнбек Кулубаев и Бахтиёр Саидов.",
     "министр иностранных дел"),
])
def test_heads_of_bodies_in_the_plural_each_head_one_body(text, title):
    assert {p["title"] for p in extract(text)["people"]} == {title}


@pytest.mark.parametrize("text", [
    "Министр торговли Бахыт Султанов возглавил казахстанскую делегацию на переговорах в Пекине.",
    "Министр торговли Бахыт Султанов возглавил делегацию Казахстана на переговорах в Пекине.",
])
def test_a_surname_that_reads_as_an_office_and_the_delegation_its_bearer_led(text):
    """"Бахыт Султанов": after a first name, a surname, not "of sultans"; the delegation he led is his country's."""
    assert [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]] == [
        ("Бахыт Султанов", "Министр торговли", "KAZ")]


def test_the_side_whose_members_took_part_gives_their_country():
    """"С российской стороны ... приняли участие X, Y и Z": each listed is of that side; the contracted offices
    ("замминистра", "замглавы") are offices as the full ones are."""
    text = ("С российской стороны в беседе также приняли участие вице-премьер Аркадий Дворкович, замминистра "
            "экономического развития Алексей Лихачев, замглавы МИД Игорь Моргулов и другие.")
    assert [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]] == [
        ("Аркадий Дворкович", "вице-премьер", "RUS"),
        ("Алексей Лихачев", "замминистра экономического развития", "RUS"),
        ("Игорь Моргулов", "замглавы МИД", "RUS")]


@pytest.mark.parametrize("text, status", [
    ("ОАЭ построят в Казахстане завод по переработке фруктов.", "planned"),
    ("Эмиратская компания построит в Казахстане птицефабрики.", "planned"),
    ("Казахстан и ОАЭ договорились о строительстве индустриального парка в Экибастузе.", "agreed"),
])
def test_a_facility_to_be_built_is_a_project(text, status):
    """"построят", "построит": the future of building tells a project, as "строительство" does; a poultry farm, an
    industrial park, a power plant are facilities as a plant is."""
    assert [(e["type"], e["status"]) for e in extract(text)["events"]] == [("project", status)]


def test_years_since_a_signing_are_history_not_a_signing():
    text = "Россия и Вьетнам отмечают в этом году 15 лет с подписания договора о стратегическом партнерстве."
    assert [e for e in extract(text)["events"] if e["type"] == "agreement"] == []


def test_a_visit_expected_is_planned():
    text = "Во второй половине июля в Ташкент ожидается визит делегации Азиатского банка развития из Манилы."
    assert [e["status"] for e in extract(text)["events"] if e["type"] == "meeting"] == ["planned"]


def test_goods_brought_in_are_imports():
    text = ("Товарооборот России и Китая составил 7,6 млрд долларов, а стоимость ввезённой из России в Китай "
            "продукции оценивается в 3,81 млрд долларов.")
    assert [f["indicator"] for f in extract(text)["figures"]] == ["trade_turnover", "imports"]


def test_in_accordance_with_an_agreement_signed_on_a_day_is_that_signing():
    text = ("В соответствии с соглашением, подписанным сторонами 19 апреля в Вашингтоне, Киргизия получит "
            "100 млн долларов от Всемирного банка на водоснабжение.")
    found = [e for e in extract(text, published="2022-04-21")["events"] if e["type"] == "agreement"]
    assert [(e["status"], e["date"]) for e in found] == [("signed", "2022-04-19")]
    # the idiom alone names no document
    text = "Стороны действуют в соответствии с соглашением о партнерстве, сообщил министр Казахстана."
    assert [e for e in extract(text)["events"] if e["type"] == "agreement"] == []


@pytest.mark.parametrize(("text", "indicator", "direction"), [
    # "из X в Y": the goods leave X for Y, whichever of the two the sentence names first
    ("В первом полугодии из Узбекистана в Казахстан ввезено овощей на 120 млн долларов.",
     "imports", ("UZB", "KAZ")),
    ("Импорт Казахстана из Узбекистана в 2024 году составил 1,2 млрд долларов.", "imports", ("UZB", "KAZ")),
    # the destination first, the origin as an adjective of the goods
    ("За год в Казахстан экспортировано узбекских товаров на 2,3 млрд долларов.", "exports", ("UZB", "KAZ")),
    ("Экспорт Казахстана в Узбекистан вырос до 2,5 млрд долларов.", "exports", ("KAZ", "UZB")),
])
def test_the_direction_of_a_flow_from_russian_prepositions(text, indicator, direction):
    [f] = [f for f in extract(text)["figures"] if f["indicator"] == indicator]
    assert (f["from"], f["to"]) == direction


@pytest.mark.parametrize("text", [
    "По словам посла, между Ташкентом и Каиром будет заключен ряд соглашений о сотрудничестве в сфере туризма.",
    "Кроме того, между Египтом и Узбекистаном возможно подписание соглашения о взаимной защите инвестиций.",
])
def test_a_conclusion_still_to_come_is_planned(text):
    assert [e["status"] for e in extract(text)["events"] if e["type"] == "agreement"] == ["planned"]


def test_the_signing_talked_about_is_discussed_and_a_final_act_is_no_signing_to_come():
    text = ("На встрече Египта и Узбекистана обсуждались вопросы подписания соглашения об избежании двойного "
            "налогообложения.")
    assert [e["status"] for e in extract(text)["events"] if e["type"] == "agreement"] == ["discussed"]
    text = "Египет и Узбекистан согласовали пять документов и заключительный протокол заседания комиссии."
    assert "planned" not in [e["status"] for e in extract(text)["events"]]


def test_a_previous_sitting_is_history_and_a_visit_awaited_a_meeting_of_its_own():
    text = ("В Ташкенте началось заседание узбекско-египетской межправительственной комиссии. "
            "Предыдущее, шестое заседание прошло в Каире в 2019 году. "
            "Министр отметил, что Узбекистан ждет визит президента Египта в мае 2025 года.")
    meetings = [(e["status"], e["date"]) for e in extract(text)["events"] if e["type"] == "meeting"]
    assert meetings == [("discussed", "2024-03"), ("planned", "2025-05")]



def test_talks_with_the_host_during_a_visit_are_the_visit():
    text = ("Президент Узбекистана Шавкат Мирзиёев прибыл в Египет с государственным визитом.\n"
            "Находясь в Каире с визитом, Шавкат Мирзиёев провел переговоры с президентом Египта "
            "Абдель Фаттахом ас-Сиси.")
    assert len([e for e in extract(text)["events"] if e["type"] == "meeting"]) == 1


@pytest.mark.parametrize(("text", "name"), [
    # a word in another case than the genitive, with no preposition, is no part of the name
    ("Лидер Узбекистана назвал визит президента Египта историческим событием.", "визит президента Египта"),
    # genitives go on
    ("В Каире прошло заседание межправительственной комиссии Узбекистана и Египта.",
     "заседание межправительственной комиссии Узбекистана и Египта"),
])
def test_a_russian_name_goes_on_over_genitives_only(text, name):
    assert [e["name"] for e in extract(text)["events"]] == [name]


def test_a_bare_word_opening_a_sentence_is_the_event_told_before():
    text = ("Казахстан и Египет подписали соглашение о финансировании строительства дороги на 40 млн долларов.\n"
            "Соглашение было подписано во время визита премьер-министра Казахстана в Каир.\n"
            "Ранее Астана и Каир подписали соглашение о поставках зерна на 12 млн долларов.")
    agreements = [e for e in extract(text)["events"] if e["type"] == "agreement"]
    assert [e["name"] for e in agreements] == ["соглашение о финансировании строительства дороги",
                                               "соглашение о поставках зерна"]
    assert len(agreements[0]["evidence_spans"]) == 2


def test_the_place_a_sitting_was_held_in_is_read_from_a_later_sentence():
    text = ("Казахстан и Египет подписали протокол 5-го заседания межправительственной комиссии.\n"
            "Заседание прошло в среду в Каире.")
    [meeting] = [e for e in extract(text)["events"] if e["type"] == "meeting"]
    assert meeting["location"] == "Каир"


@pytest.mark.parametrize(("text", "day"), [
    # "накануне" as an adverb: the day before the report
    ("Накануне Египет и Узбекистан подписали соглашение о туризме.", "2024-03-14"),
    ("Накануне стороны подписали соглашение о туризме между Египтом и Узбекистаном.", "2024-03-14"),
    ("Египет и Узбекистан накануне подписали соглашение о туризме.", "2024-03-14"),
    # as a preposition, the eve of something: no day of its own (the month of the report)
    ("Накануне визита Египет и Узбекистан подписали соглашение о туризме.", "2024-03"),
    ("Накануне проведения форума Египет и Узбекистан подписали соглашение о туризме.", "2024-03"),
])
def test_nakanune_is_the_day_before_unless_it_governs_a_noun(text, day):
    assert [e["date"] for e in extract(text)["events"] if e["type"] == "agreement"] == [day]


def test_a_delegation_led_by_a_minister_and_a_title_of_two_offices():
    text = ("В Каир прибыла делегация Узбекистана во главе с министром инвестиций Узбекистана, сопредседателем "
            "межправительственной комиссии Лазизом Кудратовым.")
    people = [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]]
    assert people == [("Лазиз Кудратов", "министр инвестиций, сопредседатель межправительственной комиссии", "UZB")]


@pytest.mark.parametrize(("text", "person"), [
    # a short form in brackets inside a title: the title goes on over it, and leaves it out
    ("Об этом сообщил заместитель министра иностранных дел (МИД) Египта Хамди Лоза.",
     ("Хамди Лоза", "заместитель министра иностранных дел", "EGY")),
    ("Делегацию принял директор департамента Азии Министерства иностранных дел Российской Федерации (МИД РФ) "
     "Георгий Зиновьев.", ("Георгий Зиновьев", "директор департамента Азии Министерства иностранных дел", "RUS")),
])
def test_a_title_goes_on_over_a_short_form_in_brackets_and_a_part_of_the_world(text, person):
    assert person in [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]]


def test_money_given_for_a_build_with_a_stop_after_the_multiplier():
    # "млн." ends no sentence before a word in lower case: the money and what it is for are one clause
    text = "Китай выделит Кыргызстану 150,5 млн. долларов США на реконструкцию и расширение участка дороги."
    record = extract(text)
    [f] = record["figures"]
    assert (f["indicator"], f["value"], f["from"], f["to"]) == ("investment", 150_500_000, "CHN", "KGZ")
    assert [e["type"] for e in record["events"]] == ["project"]


def test_sittings_held_every_year_are_no_meeting_in_russian():
    text = "Заседания межправительственной комиссии Египта и Узбекистана проводятся ежегодно поочередно в двух странах."
    assert [e for e in extract(text)["events"] if e["type"] == "meeting"] == []


@pytest.mark.parametrize(("text", "name"), [
    # a short form of a party inside a document's name goes on with it
    ("Подписано Соглашение о сотрудничестве между Правительством КР и Правительством ЕАЭС в области туризма.",
     "Соглашение о сотрудничестве между Правительством КР и Правительством ЕАЭС в области туризма"),
])
def test_a_russian_name_goes_on_over_a_short_form(text, name):
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "agreement"] == [name]


def test_a_meetings_name_stops_at_the_documents_signed_there():
    text = "Лидеры Египта и Узбекистана подписали на полях саммита ШОС соглашения о торговле."
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "meeting"] == ["саммита ШОС"]


def test_particles_of_arabic_names_undeclined_surnames_and_names_in_straight_quotes():
    text = "Президент Египта Абдель Фаттах ас-Сиси принял делегацию Узбекистана."
    assert [p["name"] for p in extract(text)["people"]] == ["Абдель Фаттах ас-Сиси"]
    # a surname that does not decline, of someone the list of officeholders knows
    text = "Стороны обсудили заявление премьер-министра Индии Нарендры Моди о торговле с Египтом."
    assert [p["name"] for p in extract(text)["people"]] == ["Нарендра Моди"]
    text = 'Египет и Узбекистан подписали меморандум между компанией "НилФарм" и компанией "УзМед".'
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "agreement"] == [
        'меморандум между компанией "НилФарм" и компанией "УзМед"']


def test_the_press_conference_of_a_meeting_names_it_not_in_russian():
    text = ("Президенты Египта и Узбекистана провели переговоры в Каире.\n"
            "Об этом президент Египта заявил на пресс-конференции по итогам встречи.")
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "meeting"] == [None]


def test_who_took_part_is_no_part_of_a_sittings_name():
    text = "В Астане состоялось 13-е заседание казахско-кыргызского Межправительственного совета с участием премьеров."
    assert [e["name"] for e in extract(text)["events"]] == \
        ["13-е заседание казахско-кыргызского Межправительственного совета"]


def test_the_numbered_sitting_of_the_commission_told_before_is_the_same_meeting():
    text = ("Под сопредседательством премьер-министров Грузии и Армении состоялось заседание Межправительственной "
            "комиссии по экономическому сотрудничеству. По информации пресс-службы, премьеры на 15-м заседании "
            "комиссии обсудили развитие партнёрства.")
    assert [e["type"] for e in extract(text)["events"]] == ["meeting"]


def test_the_first_half_of_a_year_and_documents_forming_a_legal_base():
    rec = extract("Товарооборот между Ираном и Туркменистаном в первой половине 2022 года достиг 233 млн долларов. "
                  "Свыше 40 подписанных документов создают прочную правовую базу для сотрудничества двух стран.")
    assert [(f["value"], f["period"]) for f in rec["figures"]] == [(233_000_000, "2022-01/2022-06")]
    assert rec["events"] == []


def test_taking_part_later_signatures_set_and_a_sitting_told_short_first():
    rec = extract("Министр 28 апреля примет участие в заседании бизнес-форума «Россия и Танзания» в Дар-эс-Саламе.")
    assert [(e["type"], e["status"]) for e in rec["events"]] == [("meeting", "planned")]
    rec = extract("По итогам переговоров Казахстана и Турции поставлены подписи под документами на $1 млрд.")
    assert ("agreement", "signed") in [(e["type"], e["status"]) for e in rec["events"]]
    rec = extract("Вице-премьеры провели заседание Межправительственной комиссии в Улан-Баторе 19 декабря. Это было "
                  "27-е заседание Монголо-российской межправительственной комиссии по торгово-экономическому, "
                  "научно-техническому сотрудничеству.")
    assert [e["type"] for e in rec["events"]] == ["meeting"]
    assert "Монголо-российская межправительственная комиссия по торгово-экономическому, научно-техническому " \
        "сотрудничеству" in [o["name"] for o in rec["organizations"]]


@pytest.mark.parametrize(("text", "value"), [
    ("Казахстан экспортировал в Узбекистан 885,719 тонн пшеницы в 2023 году.", 885_719),   # English grouping
    ("Казахстан поставил в Узбекистан 1,5 тонны золота в 2023 году.", 1.5),                # a decimal comma
    ("Товарооборот Казахстана и Узбекистана в 2023 году составил 2,900 млрд долларов.", 2_900_000_000),
])
def test_a_comma_grouping_thousands_and_a_decimal_comma(text, value):
    assert [f["value"] for f in extract(text)["figures"]] == [value]


@pytest.mark.parametrize(("text", "period", "change"), [
    ("Во II квартале 2017 года товарооборот между Россией и Алжиром увеличился на 29% по сравнению с аналогичным "
     "периодом 2016 года и составил 1,38 млрд долларов.", "2017-04/2017-06", 29.0),
    ("Товарооборот между Россией и Алжиром в 2016 году вырос по сравнению с показателем 2015 года почти в 2 раза - "
     "до $3,98 млрд.", "2016", 100.0),
])
def test_a_roman_quarter_a_comparison_with_a_level_and_a_doubling(text, period, change):
    [f] = extract(text)["figures"]
    assert (f["period"], f["change_pct"]) == (period, change)


def test_the_socialist_republic_of_vietnam_is_vietnam():
    rec = extract("Переговоры провел вице-премьер Правительства Социалистической Республики Вьетнам Чан Хонг Ха.")
    assert [(p["name"], p["title"], p["country"]) for p in rec["people"]] == \
        [("Чан Хонг Ха", "вице-премьер Правительства", "VNM")]


@pytest.mark.parametrize(("text", "person"), [
    # a well-known officeholder named in full, with no title and no speech verb beside them
    ("Александр Лукашенко прибыл в Ташкент во вторник. Переговоры продлились три часа.",
     ("Александр Лукашенко", "BLR")),
    # after a country's name, and written with "е" for "ё"
    ("Лидер Узбекистана Шавкат Мирзиеев в среду провел переговоры с делегацией Кореи.", ("Шавкат Мирзиеев", "UZB")),
])
def test_a_known_officeholder_without_a_title(text, person):
    assert [(p["name"], p["country"]) for p in extract(text)["people"]] == [person]


def test_a_latin_letter_inside_a_cyrillic_name_is_the_same_person():
    # "Cергей" opens with a Latin C: one person, named as the text spells it right
    rec = extract("Министр энергетики России Cергей Цивилев открыл заседание комиссии в Москве. "
                  "Сопредседатель комиссии Сергей Цивилев отметил рост поставок нефти.")
    assert [p["name"] for p in rec["people"]] == ["Сергей Цивилев"]


@pytest.mark.parametrize(("text", "kinds"), [
    # a goal told as the increase agreed ("об увеличении ... до")
    ("Президенты договорились об увеличении товарооборота Беларуси и Вьетнама до полумиллиарда долларов.",
     [("trade_turnover", "target")]),
    # goals listed by their terms after a dash, with "поставили цель" no supplies
    ("Президенты Турции и Кыргызстана поставили цель: краткосрочно — достичь $2 млрд товарооборота, "
     "среднесрочно — $5 млрд.", [("trade_turnover", "target"), ("trade_turnover", "target")]),
    # "наторговать": trade
    ("За два года Беларусь и Египет смогли наторговать больше, чем на 100 миллионов долларов.",
     [("trade_turnover", "actual")]),
])
def test_goals_and_trade_told_by_russian_verbs_and_nouns(text, kinds):
    assert [(f["indicator"], f["kind"]) for f in extract(text)["figures"]] == kinds


@pytest.mark.parametrize(("text", "people"), [
    ("Министры иностранных дел Беларуси и Монголии Сергей Алейник и Батмунхийн Батцэцэг подписали план.",
     [("Сергей Алейник", "Министр иностранных дел", "BLR"), ("Батмунхийн Батцэцэг", "Министр иностранных дел", "MNG")]),
    ("Затем министры иностранных дел двух стран Сергей Алейник и Батмунхийн Батцэцэг подписали план.",
     [("Сергей Алейник", "министр иностранных дел", None), ("Батмунхийн Батцэцэг", "министр иностранных дел", None)]),
])
def test_an_office_of_several_words_in_the_plural_before_two_names(text, people):
    assert [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]] == people


@pytest.mark.parametrize(("text", "name"), [
    # a pair of countries as one adjective, the second capitalised too
    ("В Бишкеке подписан протокол Турецко-Кыргызской Смешанной экономической комиссии.",
     "Турецко-Кыргызская Смешанная экономическая комиссия"),
    ("Вице-премьер возглавил делегацию на 22-м заседании Российско-Кубинской межправительственной комиссии.",
     "Российско-Кубинская межправительственная комиссия"),
])
def test_a_body_named_by_a_pair_of_countries_written_with_two_capitals(text, name):
    assert [o["name"] for o in extract(text)["organizations"]] == [name]


def test_a_body_named_with_and_without_its_remit_is_one_organization():
    rec = extract("Министр провел заседание Межправительственной российско-иракской комиссии по торгово-экономическому "
                  "сотрудничеству. Сопредседатель Межправительственной российско-иракской комиссии отметил рост.")
    [org] = rec["organizations"]
    assert org["name"] == "Межправительственная российско-иракская комиссия по торгово-экономическому сотрудничеству"
    assert "Межправительственная российско-иракская комиссия" in org["aliases"]


def test_the_next_flows_clause_gives_this_one_no_way():
    rec = extract("В январе-августе 2018 года товарооборот Беларуси и Сербии составил $96,3 млн, в том числе экспорт "
                  "белорусских товаров - $56,8 млн, импорт из Сербии - $39,5 млн.", published="2018-10-31")
    assert [(f["indicator"], f["from"], f["to"]) for f in rec["figures"]] == \
        [("trade_turnover", None, None), ("exports", "BLR", "SRB"), ("imports", "SRB", "BLR")]


@pytest.mark.parametrize(("text", "person"), [
    # a particle holds a long foreign name together: none of it is the office's
    ("Заместитель министра иностранных дел Бразилии Лаудемар Гонсальвес де Агиар Нету отметил рост поставок.",
     ("Лаудемар Гонсальвес де Агиар Нету", "Заместитель министра иностранных дел", "BRA")),
    # an initial glued to the surname, as Mongolian names are written
    ("Президент торговой палаты Монголии Б.Лхагважав заявил, что товарооборот с Китаем вырос.",
     ("Б.Лхагважав", "Президент торговой палаты", "MNG")),
])
def test_foreign_names_written_in_russian(text, person):
    assert [(p["name"], p["title"], p["country"]) for p in extract(text)["people"]] == [person]


def test_a_commission_of_two_countries_named_with_both_and_its_remit():
    rec = extract("В Душанбе состоялось 14-е заседание Совместной комиссии Республики Таджикистан и Исламской "
                  "Республики Иран по торгово-экономическому, техническому и культурному сотрудничеству.")
    assert [(o["name"], o["country"]) for o in rec["organizations"]] == [
        ("Совместная комиссия Республики Таджикистан и Исламской Республики Иран по торгово-экономическому, "
         "техническому и культурному сотрудничеству", None)]


@pytest.mark.parametrize(("text", "name"), [
    ("В Бишкеке прошло заседание Межправительственной комиссии по экономическому сотрудничеству между "
     "Кыргызстаном и Узбекистаном.",
     "Межправительственная комиссия по экономическому сотрудничеству между Кыргызстаном и Узбекистаном"),
    ("Протокол подписан на заседании Совместной комиссии между Грузией и Арменией.",
     "Совместная комиссия между Грузией и Арменией"),
])
def test_a_commission_between_two_countries_is_named_with_both(text, name):
    assert [(o["name"], o["country"]) for o in extract(text)["organizations"]] == [(name, None)]


def test_a_declaration_adopted_is_signed_and_what_the_document_says_is_its_content():
    rec = extract("Президент Чили совершил визит в Перу. По итогам поездки страны приняли совместную декларацию. "
                  "Согласно документу, чилийские компании будут участвовать в разработке месторождений меди.",
                  published="2023-02-13")
    assert [(e["type"], e["status"]) for e in rec["events"]] == [("meeting", "discussed"), ("agreement", "signed")]


@pytest.mark.parametrize(("text", "orgs"), [
    ("Стороны высоко оценили партнерство с Корейским агентством по международному сотрудничеству и Эксимбанком "
     "Кореи.", [("Корейское агентство по международному сотрудничеству", "KOR"), ("Эксимбанк Кореи", "KOR")]),
    # a director's region after a bank is no remit of the bank
    ("Об этом сообщил региональный директор Всемирного банка по Центральной Азии.", [("Всемирный банк", None)]),
])
def test_banks_and_agencies_named_in_russian(text, orgs):
    assert [(o["name"], o["country"]) for o in extract(text)["organizations"]] == orgs


@pytest.mark.parametrize(("text", "orgs"), [
    ("Договор подписали Государственное агентство по инвестициям и ОсОО «Бишкек Сити Энерджи».",
     ["ОсОО «Бишкек Сити Энерджи»", "Государственное агентство по инвестициям"]),
    ("Меморандум заключили Фонд развития промышленности и СП «Узкоринтранс».",
     ["СП «Узкоринтранс»", "Фонд развития промышленности"]),
])
def test_a_body_named_with_its_remit_ends_before_a_company_joined_by_and(text, orgs):
    """"агентство по инвестициям и | ОсОО «X»": the company after "и" is a second party, no part of the remit."""
    assert [o["name"] for o in extract(text)["organizations"]] == orgs


def test_a_difference_after_a_russian_comparative_is_no_second_figure():
    """"составил $1,9 млрд, что по сравнению с 2023 годом больше на $200 млн": one level, no second figure."""
    found = extract("В 2024 году товарооборот Таджикистана и Казахстана составил $1,9 млрд, что по сравнению с "
                    "2023 годом больше на $200 млн.", published="2025-03-01")["figures"]
    assert [(f["value"], f["period"]) for f in found] == [(1_900_000_000, "2024")]


def test_the_period_compared_with_is_not_the_figures():
    """"... по сравнению с аналогичным периодом в 2016 году и составил": the period is the quarter of 2017."""
    [f] = extract("Во II квартале 2017 года товарооборот между Казахстаном и Алжиром увеличился на 29% по сравнению "
                  "с аналогичным периодом в 2016 году и составил $1,38 млрд.", published="2017-09-01")["figures"]
    assert (f["period"], f["change_pct"]) == ("2017-04/2017-06", 29.0)


@pytest.mark.parametrize("text, countries", [
    # "РТ" in an article about Tatarstan is the republic of Russia, not Tajikistan
    ("Президент РТ Рустам Минниханов и хоким Ташкентской области Узбекистана подписали соглашение, сообщает "
     "пресс-служба президента Татарстана.", ["UZB"]),
    ("Президент РТ Эмомали Рахмон и президент Узбекистана подписали соглашение о сотрудничестве.", ["TJK", "UZB"]),
    # named otherwise too, the short form is the country's
    ("Президент РТ Эмомали Рахмон посетил Татарстан, где обсудил поставки таджикского хлопка.", ["TJK"]),
])
def test_a_short_form_a_region_shares(text, countries):
    assert extract(text)["countries"] == countries


@pytest.mark.parametrize(("text", "change"), [
    ("Импорт Перу из Чили снизился на 13%, до 310 млн долларов.", -13.0),
    ("Товарооборот Перу и Чили просел на 8% и составил 4 млрд долларов.", -8.0),
])
def test_a_fall_in_the_perfective_forms_is_a_negative_change(text, change):
    [f] = extract(text)["figures"]
    assert f["change_pct"] == change


@pytest.mark.parametrize("text, name, title", [
    # a body's short form in capitals inside a title in lower case
    ("Документ подписали председатель ВЭБ Игорь Шувалов и глава ГБРК Ху Хуайбан.", "Игорь Шувалов",
     "председатель ВЭБ"),
    ("Документ подписали председатель ВЭБ Игорь Шувалов и глава ГБРК Ху Хуайбан.", "Ху Хуайбан", "глава ГБРК"),
])
def test_a_short_form_in_capitals_belongs_to_a_russian_title(text, name, title):
    people = {p["name"]: p for p in extract(text)["people"]}
    assert people[name]["title"] == title


def test_a_credit_goes_to_the_one_named_in_the_dative():
    """"ГБРК предоставит Внешэкономбанку кредит": the bank in the dative receives, wherever it stands."""
    text = ("Государственный банк развития Китая подписал соглашение с Внешэкономбанком в ходе визита президента "
            "России в Китай. Соглашение предполагает предоставление кредитных ресурсов Внешэкономбанку в размере "
            "до 65 млрд юаней.")
    [f] = extract(text)["figures"]
    assert (f["indicator"], f["from"], f["to"]) == ("investment", "CHN", "RUS")


@pytest.mark.parametrize("text, name, title", [
    # a title opening the sentence, in capitals, before the country: no ministry "Министр Турции"
    ("Министр Турции Метин Экер заявил об этом журналистам.", "Метин Экер", "Министр"),
    # a body's name in capitals inside a title in lower case, up to the country, then the person's name
    ("Заявление сделал начальник Главного управления по внешним связям Организации государственного планирования "
     "Турции Метин Экер.", "Метин Экер",
     "начальник Главного управления по внешним связям Организации государственного планирования"),
    ("Заявление сделал торговый представитель Турции Метин Экер.", "Метин Экер", "торговый представитель"),
    # a name in the genitive after a title in the genitive stays a name
    ("Завершился визит министра Ивана Петрова в Анкару.", "Иван Петров", "министр"),
])
def test_russian_titles_in_capitals_and_with_bodies_inside(text, name, title):
    people = {p["name"]: p for p in extract(text)["people"]}
    assert people[name]["title"] == title


def test_a_russian_commission_of_a_pair_joined_by_a_dash_is_neithers():
    [org] = [o for o in extract("Премьер-министр выступил на заседании Совместной межправительственной комиссии "
                                "Азербайджан–Турция.")["organizations"] if o["kind"] == "commission"]
    assert (org["name"], org["country"]) == ("Совместная межправительственная комиссия Азербайджан–Турция", None)


def test_inner_mongolia_is_a_region_of_china_not_mongolia():
    assert "MNG" not in extract("Документы подписаны с вице-губернатором автономного района Внутренняя Монголия.")[
        "countries"]


def test_a_russian_level_that_will_be_exceeded_is_a_target():
    figs = extract("Товарооборот Таджикистана и Китая вырос на 40% и составил $1,5 млрд, а в ближайшие годы "
                   "превысит $3 млрд.")["figures"]
    assert [(f["value"], f["kind"]) for f in figs] == [(1_500_000_000, "actual"), (3_000_000_000, "target")]


@pytest.mark.parametrize("text, name", [
    # "нынешний визит": the visit told, no name of its own
    ("Президенты Туркменистана и Турции выразили надежду, что итоги нынешнего визита послужат интересам двух "
     "стран.", None),
    # "и три кредитных соглашения": the next documents of a list, not the first one's subject
    ("Китай и Таджикистан подписали рамочное соглашение о выделении льготного кредита и три кредитных "
     "соглашения.", "рамочное соглашение о выделении льготного кредита"),
])
def test_russian_names_stop_at_a_pointing_word_and_at_the_next_counted_documents(text, name):
    assert extract(text)["events"][0]["name"] == name


@pytest.mark.parametrize("text, period, change", [
    ("За три первых квартала 2022 года торговля Китая и Бразилии выросла по сравнению с показателями "
     "января-сентября 2021 года на 12,4% до 130 млрд долларов.", "2022-01/2022-09", 12.4),
    ("По данным за январь-ноябрь 2022 года товарооборот Армении с Ираном составил 650 млн долларов, что на 21,5 "
     "процента превышает аналогичный показатель прошлого года.", "2022-01/2022-11", 21.5)])
def test_first_quarters_and_a_change_far_from_its_verb(text, period, change):
    [fig] = extract(text)["figures"]
    assert (fig["period"], fig["change_pct"]) == (period, change)


def test_an_amount_in_brackets_after_na_is_a_change():
    text = ("В 2022 году экспорт Армении в Иран составил 150 млн долларов. Вырос экспорт таких товаров, как "
            "электроэнергия (на 12,5 млн долларов) и медь (на 3,1 млн долларов).")
    assert [f["value"] for f in extract(text)["figures"]] == [150_000_000]



def test_an_adjective_whose_noun_is_not_the_names_ends_no_name():
    text = "В рамках бизнес-форума перуанской стороной были проведены презентации для гостей из Чили."
    assert [(e["type"], e["name"]) for e in extract(text)["events"]] == [("meeting", None)]


def test_the_sum_of_contracts_is_their_worth():
    text = "Перу и Чили подписали 12 документов. Сумма контрактов составила $1,5 млрд."
    assert [f["indicator"] for f in extract(text)["figures"]] == ["deal_value"]


def test_the_country_right_after_the_word_for_investment_is_the_investor():
    text = "За годы независимости Перу инвестиции Чили в нашу страну превысили $2 млрд."
    [f] = extract(text)["figures"]
    assert (f["indicator"], f["from"], f["to"]) == ("investment", "CHL", "PER")


def test_whose_visit_is_no_name_of_it():
    text = "Соглашение между Перу и Чили подписано в 2009 году во время моего визита в Лиму."
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "meeting"] == [None]


def test_the_items_of_a_list_of_works_are_projects_with_their_cost():
    text = ("Перу и Чили подписали 10 документов, и компании двух стран примут участие в реализации "
            "следующих инициатив:\n- строительство солнечной электростанции в Арике — $270 млн;\n"
            "- создание рыбного хозяйства в Икике — $100 млн.")
    record = extract(text)
    assert ("project", "строительство солнечной электростанции") in [
        (e["type"], e["name"]) for e in record["events"]]
    assert [f["indicator"] for f in record["figures"]] == ["investment", "investment"]


def test_documents_worth_a_sum_with_a_long_subject_between():
    text = ("Лидеры Перу и Чили подписали соглашения в сфере торгово-экономического и инвестиционного "
            "сотрудничества на 5 миллиардов долларов.")
    assert [f["indicator"] for f in extract(text)["figures"]] == ["deal_value"]


def test_a_bloc_named_as_the_occasion_is_no_side_of_a_figure():
    text = ("Индия и Китай расширяют торговлю. Лидеры подписали на полях саммита ШОС в Астане соглашения "
            "на 3 млрд долларов.")
    [f] = extract(text)["figures"]
    assert f["parties"] == ["CHN", "IND"]


def test_a_name_cut_before_a_title_ends_at_no_preposition():
    text = "На брифинге для представителей прессы Президент Перу Хосе Херри отметил, что торговля с Чили растёт."
    assert [e["name"] for e in extract(text)["events"] if e["type"] == "meeting"] == [None]


def test_a_funds_volume_is_no_word_of_its_name():
    record = extract("Перу и Чили подписали соглашение о создании совместного инвестиционного фонда объемом $1 млрд.")
    assert record["organizations"] == [] and [f["indicator"] for f in record["figures"]] == ["investment"]


def test_an_anniversary_in_the_genitive_is_history():
    record = extract("Заявление принято в контексте 30-летия российско-вьетнамского договора об основах дружеских "
                     "отношений.")
    assert record["events"] == []
