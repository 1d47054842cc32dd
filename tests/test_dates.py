"""Date expressions in the record's "dates" list, normalised against the publication date."""
from __future__ import annotations

import pytest

from accordwatch import Document, extract_document


def extract(text: str, published: str | None = None, title: str | None = None) -> dict:
    return extract_document(Document(text=text, published=published, title=title))


def dates(text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    record = extract(text, published=published)
    for d in record["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    return [(d["text"], d["value"], d["precision"]) for d in record["dates"]]


# ---- resolved against the publication date ----

@pytest.mark.parametrize("text, published, expected", [
    ("The investment forum will be held on Feb. 15-16 in Almaty.", "2024-01-20",
     ("Feb. 15-16", "2024-02-15", "day")),
    ("The leaders last met in Tashkent in October, 2021.", "2024-01-20",
     ("October, 2021", "2021-10", "month")),
    ("A working group on water will be set up by the end of September.", "2024-01-20",
     ("by the end of September", "2024-09", "month")),
    ("The Turkmen delegation arrived on Nov. 17 for the talks.", "2023-11-18",
     ("Nov. 17", "2023-11-17", "day")),
    ("Freight traffic between the two countries grew by a third last year.", "2024-05-02",
     ("last year", "2023", "year")),
    ("The ministers met early this month in Baku to review the roadmap.", "2024-06-20",
     ("early this month", "2024-06", "month")),
    ("Both sides will convene the commission again next year.", "2024-02-02",
     ("next year", "2025", "year")),
    ("The consultations took place on 5-6 December in Dushanbe.", "2024-02-02",
     ("5-6 December", "2024-12-05", "day")),
])
def test_relative_and_yearless_dates_use_the_publication_date(text, published, expected):
    assert dates(text, published) == [expected]


def test_last_month_across_a_year_boundary():
    assert dates("Exporters shipped more flour last month.", "2024-01-15") == [("last month", "2023-12", "month")]


def test_month_range_without_year_takes_the_publication_year():
    assert dates("Grain exports doubled in January–May.", "2024-06-10") == [
        ("January–May", "2024-01/2024-05", "span")]


def test_a_year_before():
    assert dates("Shipments were lower a year before.", "2024-06-10") == [("a year before", "2023", "year")]


@pytest.mark.parametrize("text, same", [
    ("In 2021, Tanzania exported goods worth $273 million to China. In the same year, it imported goods worth "
     "$2.7 billion.", "the same year"),
    ("В 2021 году Танзания экспортировала в Китай товаров на 273 млн долларов. В том же году она импортировала "
     "товаров на 2,7 млрд долларов.", "том же году"),
])
def test_the_same_year_is_the_year_named_before(text, same):
    assert (same, "2021") in [(t, v) for t, v, _ in dates(text, "2022-12-19")]


def test_the_same_year_with_no_year_before_is_the_publication_year():
    assert ("the same year", "2022", "year") in dates("Trade rose in the same year.", "2022-12-19")


def test_month_range_without_year_span_ends_at_the_month():
    assert dates("Exports rose in January-May, officials said.", "2024-06-10") == [
        ("January-May", "2024-01/2024-05", "span")]


# ---- absolute expressions ----

def test_deadline_quarter_gives_its_last_month():
    text = "The terminal must be commissioned by the end of the first quarter of 2024."
    assert dates(text, "2023-10-01") == [("by the end of the first quarter of 2024", "2024-03", "month")]


@pytest.mark.parametrize("dash", ["–", "-"])
def test_month_span_with_year(dash):
    text = f"Bilateral trade reached a record in January{dash}September 2023, officials said."
    assert dates(text, "2023-10-20") == [(f"January{dash}September 2023", "2023-01/2023-09", "span")]


def test_year_span_from_to():
    text = "Foreign investors put $5 billion into the sector from 1995 to 2021."
    assert dates(text, "2023-10-20") == [("from 1995 to 2021", "1995/2021", "span")]


def test_year_span_between_and_dashed():
    text = "Between 2010 and 2020 cargo doubled. In 2015-2020 transit fell."
    assert dates(text) == [("Between 2010 and 2020", "2010/2020", "span"), ("2015-2020", "2015/2020", "span")]


def test_full_dates_in_both_orders():
    text = "The plant opened on 12 March 2021. The ministers first met on March 5, 2020."
    assert dates(text, "2024-02-02") == [("12 March 2021", "2021-03-12", "day"),
                                         ("March 5, 2020", "2020-03-05", "day")]


def test_first_months_of_a_year():
    assert dates("In the first nine months of 2023 trade rose.", "2024-02-02") == [
        ("the first nine months of 2023", "2023-01/2023-09", "span")]


def test_half_year_and_month_year():
    text = "They met in March 2022 and again in the first half of 2023."
    assert dates(text, "2024-02-02") == [("March 2022", "2022-03", "month"),
                                         ("the first half of 2023", "2023-01/2023-06", "span")]


def test_quarter_short_form():
    assert dates("Q3 2023 shipments beat forecasts.") == [("Q3 2023", "2023-07/2023-09", "span")]


def test_agency_short_forms_of_halves_quarters_and_first_months():
    text = "Shipments in 1H2021 beat those of 2Q 2020, and 9M2021 sales topped the 3H2021 guess."
    assert dates(text) == [("1H2021", "2021-01/2021-06", "span"), ("2Q 2020", "2020-04/2020-06", "span"),
                           ("9M2021", "2021-01/2021-09", "span")]


def test_bare_year():
    assert dates("The ministers last met in 2019 in Ashgabat.") == [("2019", "2019", "year")]


def test_quantity_is_not_a_year():
    assert dates("The elevator stored 2023 tonnes of barley.", "2024-02-02") == []


# ---- no publication date ----

@pytest.mark.parametrize("text, surface, precision", [
    ("The ministers met on March 3 in Baku.", "March 3", "day"),
    ("Trade fell last year, the ministry said.", "last year", "year"),
    ("The ministers met early this month.", "early this month", "month"),
    ("The forum is planned for Feb. 15-16.", "Feb. 15-16", "day"),
])
def test_no_publication_and_no_year_gives_none(text, surface, precision):
    assert dates(text) == [(surface, None, precision)]


def test_no_publication_but_stated_year_resolves():
    assert dates("The agreement was signed on 28 June 2019 in Minsk.") == [("28 June 2019", "2019-06-28", "day")]


def test_dates_outside_the_body_are_not_listed():
    text = "Kazakhstan and Mongolia agreed to open a new crossing in 2025.\nFollow us on Telegram since 2019"
    assert dates(text) == [("2025", "2025", "year")]


def test_yesterday_is_the_day_before_publication():
    assert dates("The talks took place yesterday in Tashkent.", "2024-02-02") == [("yesterday", "2024-02-01", "day")]


# ---- weekdays, year-end deadlines, seasons, months without a year ----

@pytest.mark.parametrize("text, published, expected", [
    # published on a Thursday: "on Tuesday" is two days before, "on Thursday" the day itself
    ("The delegations met in Bishkek on Tuesday to review grain shipments.", "2024-05-16",
     ("Tuesday", "2024-05-14", "day")),
    ("Ministers of the two countries held talks on Thursday in Ankara.", "2024-05-16",
     ("Thursday", "2024-05-16", "day")),
    ("The railway operators inspected the new terminal last Thursday.", "2024-05-16",
     ("last Thursday", "2024-05-09", "day")),
    ("The investment council will meet in Astana on Monday.", "2024-05-16",
     ("Monday", "2024-05-20", "day")),
    ("The trade mission arrives in Riga next Friday.", "2024-05-17",
     ("next Friday", "2024-05-24", "day")),
    # the clause's subject between the weekday and its "will": still to come
    ("On Sunday, Kyrgyz Economy Minister Daniyar Amangeldiev will fly to Baku.", "2024-05-16",
     ("Sunday", "2024-05-19", "day")),
    # still to come on the publication's own weekday: that day, as a daily paper writes of its own day;
    # "next Thursday" is a week on
    ("The Kyrgyz delegation will leave for Baku on Thursday evening.", "2024-05-16",
     ("Thursday", "2024-05-16", "day")),
    ("The Kyrgyz delegation will leave for Baku next Thursday.", "2024-05-16",
     ("next Thursday", "2024-05-23", "day")),
])
def test_weekdays_resolve_against_the_publication_day(text, published, expected):
    assert dates(text, published) == [expected]


def test_a_russian_weekday_still_to_come_on_the_publications_own_weekday_is_that_day():
    assert [d[1] for d in dates("Делегация Киргизии вылетит в Баку в четверг вечером.", "2024-05-16")] == \
        ["2024-05-16"]


def test_weekday_without_publication_date_has_no_value():
    assert dates("The energy ministers met in Baku on Wednesday.") == [("Wednesday", None, "day")]


def test_weekday_before_a_full_date_is_not_read_twice():
    assert dates("The council convened on Monday, 3 June 2024.", "2024-06-05") == [
        ("3 June 2024", "2024-06-03", "day")]


@pytest.mark.parametrize("text, expected", [
    ("The customs protocol should be ready by the end of the year.", ("by the end of the year", "2023-12", "month")),
    ("Both ministries aim to finish the study before the end of this year.",
     ("before the end of this year", "2023-12", "month")),
    ("The first barges are due to sail by year-end.", ("by year-end", "2023-12", "month")),
    ("The bridge is to be completed by the end of 2026.", ("by the end of 2026", "2026-12", "month")),
])
def test_year_end_deadlines_give_december(text, expected):
    assert dates(text, "2023-08-10") == [expected]


def test_a_season_gives_its_year():
    assert dates("A joint fair will open in Tashkent this autumn.", "2023-08-10") == [("this autumn", "2023", "year")]
    assert dates("The ministers expect to meet next spring.", "2023-08-10") == [("next spring", "2024", "year")]


def test_month_without_year_still_to_come_after_it_passed_is_next_year():
    assert dates("The plant will start producing fertiliser in February.", "2023-08-10") == [
        ("February", "2024-02", "month")]
    assert dates("The plant will start producing fertiliser in October.", "2023-08-10") == [
        ("October", "2023-10", "month")]



@pytest.mark.parametrize("text, published, date", [
    ("The second meeting of the joint commission was held in Tashkent on December 29-30.", "2006-01-02", "2005-12-29"),
    ("Заседание межправительственной комиссии прошло в Ташкенте 29 декабря.", "2006-01-03", "2005-12-29"),
    # a day the publication's year puts after it, and last year's long before it: unknown, the month stands
    ("The agreement was signed in Astana on 28 June.", "2024-03-27", "2024-03"),
])
def test_a_day_held_just_before_new_year_is_last_years(text, published, date):
    """An article of January 2 on a meeting "held on December 29-30": the December just gone."""
    from accordwatch import extract

    [ev] = extract(text, published=published)["events"]
    assert ev["date"] == date


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports reached $2 billion in the first nine months, officials said.",
     [("the first nine months", "2018-01/2018-09")]),
    ("Trade rose in the first 10 months.", [("the first 10 months", "2018-01/2018-10")]),
    # months counted from something else are no part of the calendar
    ("Tariffs fall in the first six months after the agreement takes effect.", []),
    ("The plant paid off in the first two months of operation.", []),
    ("Prices will be frozen for two months.", []),
])
def test_the_first_months_without_a_year_are_of_the_year_of_publication(text, expected):
    assert [(t, v) for t, v, _ in dates(text, "2018-11-14")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade between January and April increased 5.9 per cent.", [("between January and April", "2024-01/2024-04")]),
    ("Exports between January and March 2023 rose.", [("between January and March 2023", "2023-01/2023-03")]),
])
def test_a_span_between_two_months(text, expected):
    assert [(t, v) for t, v, _ in dates(text, "2024-05-27")] == expected


@pytest.mark.parametrize("text, expected", [
    # a year that ends a name in capitals is the name's
    ("The ministers met at Expo 2020 Dubai on Monday.", [("Monday", "2021-10-04", "day")]),
    ("The ministers met on the sidelines of Astana International Forum 2025.", []),
    ("Министры встретились в рамках Kazakhstan Energy Week — 2025 в Астане.", []),
    # after a preposition or a month it is a date
    ("In 2025 trade between the two countries grew.", [("2025", "2025", "year")]),
    ("Trade grew in May 2025.", [("May 2025", "2025-05", "month")]),
    ("В 2024 году товарооборот вырос.", [("2024 году", "2024", "year")]),
])
def test_a_year_that_ends_a_name_is_no_date(text, expected):
    assert dates(text, "2021-10-06") == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Last May, a trade mission from Almaty visited Tashkent.", "2024-01-08", ("Last May", "2023-05", "month")),
    ("At the forum last December in Dakar, the sides signed ten agreements.", "2016-07-28",
     ("last December", "2015-12", "month")),
    ("The ministers met last March in Hanoi.", "2024-03-20", ("last March", "2023-03", "month")),
    ("The two sides will sign the roadmap next March.", "2024-01-08", ("next March", "2024-03", "month")),
    ("The two sides will sign the roadmap next January.", "2024-01-08", ("next January", "2025-01", "month")),
])
def test_last_and_next_month_name_resolve_around_the_publication_date(text, published, expected):
    assert dates(text, published) == [expected]


def test_last_may_in_lower_case_is_a_verb():
    assert dates("The first accord was signed in 2020; the last may be signed soon.", "2024-01-08") == [
        ("2020", "2020", "year")]


@pytest.mark.parametrize("text, expected", [
    ("Trade between Peru and Chile amounted to $3.6 billion for 2007-08.", ("2007-08", "2007/2008", "span")),
    ("The roadmap covers 2025-27.", ("2025-27", "2025/2027", "span")),
    ("Exports grew in 2022/23.", ("2022/23", "2022/2023", "span")),
])
def test_a_span_of_years_with_the_second_in_two_digits(text, expected):
    assert dates(text, "2024-01-08") == [expected]
