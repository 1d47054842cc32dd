#!/usr/bin/env python3
"""Generate N varied economic-cooperation articles for scale tests (our own templates).

    python benchmarks/corpus.py N OUT.jsonl [--seed S]

Each article pairs two countries from the bundled gazetteer, names officials, companies, dates
and figures at random, and draws its sentences from a pool of templates in random order, so no
two articles are near-duplicates. Written as JSON Lines (title, text, url, published, outlet).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accordwatch.data import lexicon, split  # noqa: E402

FIRST = ["Aigerim", "Daniyar", "Marat", "Saule", "Olzhas", "Zarina", "Rustam", "Dilnoza", "Timur", "Aliya", "Nodir",
         "Gulnara", "Erlan", "Madina", "Bakhyt", "Kamila", "Farid", "Leyla", "Anna", "Pierre", "Marco", "Hans", "Yuki",
         "Min-jun", "Ahmed", "Fatima", "Ravi", "Elena", "Tomasz", "Istvan"]
LAST = ["Abenov", "Nurlanov", "Saidova", "Karimov", "Yusupova", "Aliyev", "Mammadova", "Tursunov", "Iskakov",
        "Bekova", "Rahimov", "Dubois", "Rossi", "Schneider", "Tanaka", "Kim", "Al Mansoori", "Sharma", "Nowak",
        "Horvath", "Petrova", "Sultanov", "Zhakupov", "Omarova", "Ibragimov", "Lefevre", "Bianchi", "Weber"]
OFFICES = ["Minister of Trade and Integration", "Minister of Energy", "Deputy Prime Minister", "Minister of Economy",
           "First Deputy Minister of Foreign Affairs", "Minister of Agriculture", "Minister of Transport",
           "Minister of Industry", "Ambassador", "Minister of Finance"]
COMPANY_HEADS = ["Energy", "Logistics", "Agro", "Metals", "Petrochem", "Digital", "Rail", "Invest", "Grain", "Power"]
COMPANY_TAILS = ["Company", "Holding", "Group", "Corporation"]
SECTOR_WORDS = ["energy", "transport and logistics", "agriculture", "digitalization", "oil and gas", "mining",
                "petrochemicals", "tourism", "healthcare", "renewable energy", "construction", "education"]
CITIES = {"KAZ": "ASTANA", "UZB": "TASHKENT", "AZE": "BAKU", "KGZ": "BISHKEK", "TJK": "DUSHANBE",
          "TKM": "ASHGABAT", "CHN": "BEIJING", "TUR": "ANKARA", "DEU": "BERLIN", "FRA": "PARIS", "ITA": "ROME",
          "HUN": "BUDAPEST", "KOR": "SEOUL", "JPN": "TOKYO", "IND": "NEW DELHI", "ARE": "ABU DHABI",
          "QAT": "DOHA", "GEO": "TBILISI", "RUS": "MOSCOW", "BLR": "MINSK", "POL": "WARSAW", "ROU": "BUCHAREST",
          "MNG": "ULAANBAATAR", "SAU": "RIYADH", "GBR": "LONDON", "NOR": "OSLO", "ESP": "MADRID"}

TEMPLATES = [
    "{A} and {B} signed a memorandum of understanding on cooperation in {sector} on {day}.",
    "The sides agreed to set up a joint working group on {sector} by the end of {year}.",
    "Trade between {A} and {B} reached ${v1} billion in {prev}, up {p1}% from a year earlier.",
    "{Adem} exports to {B} amounted to ${v2} million in the first half of {year}.",
    "Imports from {B} decreased by {p2}% to ${v3} million over the nine months of {prev}.",
    "{person1}, {office1} of {A}, said the two countries aim to bring trade to ${v4} billion by {goal}.",
    "{Bdem} {office2} {person2} held talks with his {Adem} counterpart in {city}.",
    "{company} will invest ${v5} million in a {sector} plant in {A}, the company said.",
    "More than {n1} companies with {Bdem} capital operate in {A}, including {n2} joint ventures.",
    "The next meeting of the intergovernmental commission will be held in {city} next year.",
    "{person1} noted that cooperation in {sector2} and {sector} has great potential.",
    "The parties discussed the transportation of cargo along the Middle Corridor.",
    "A roadmap for {year}–{goal} was adopted, covering {n3} joint projects worth ${v6} billion.",
    "{Adem} and {Bdem} companies signed {n4} commercial agreements worth ${v7} million at a business forum.",
    "Diplomatic relations between {A} and {B} were established in {old}.",
    "The {Adem} side proposed to launch direct flights between the two capitals.",
]


def article(rng: random.Random, countries: list[dict], i: int) -> dict:
    a, b = rng.sample(countries, 2)
    day0 = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    year = day0.year
    slots = {
        "A": a["name"], "B": b["name"], "Adem": a["dem"], "Bdem": b["dem"], "city": CITIES[a["code"]].title(),
        "sector": rng.choice(SECTOR_WORDS), "sector2": rng.choice(SECTOR_WORDS),
        "day": day0.strftime("%B %-d"), "year": year, "prev": year - 1, "goal": year + rng.randrange(3, 8),
        "old": rng.randrange(1991, 1999),
        "v1": f"{rng.uniform(0.2, 30):.1f}", "v2": rng.randrange(20, 900), "v3": f"{rng.uniform(5, 500):.1f}",
        "v4": rng.randrange(2, 40), "v5": rng.randrange(10, 900), "v6": f"{rng.uniform(0.5, 12):.1f}",
        "v7": rng.randrange(30, 900), "p1": f"{rng.uniform(1, 40):.1f}", "p2": f"{rng.uniform(1, 30):.1f}",
        "n1": rng.randrange(20, 2000), "n2": rng.randrange(5, 200), "n3": rng.randrange(5, 60),
        "n4": rng.randrange(3, 40),
        "person1": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "person2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "office1": rng.choice(OFFICES), "office2": rng.choice(OFFICES).replace(" of Foreign Affairs", ""),
        "company": f"{rng.choice(COMPANY_HEADS)}{rng.choice(['', 'Tech', 'Trans', 'Pro'])} "
                   f"{rng.choice(COMPANY_TAILS)}",
    }
    sentences = [t.format(**slots) for t in rng.sample(TEMPLATES, rng.randrange(7, 13))]
    paragraphs = [" ".join(sentences[k:k + 2]) for k in range(0, len(sentences), 2)]
    title = f"{a['name']} and {b['name']} expand cooperation in {slots['sector']}"
    text = f"{title}\n\n{CITIES[a['code']]} – " + "\n\n".join(paragraphs)
    return {"title": title, "text": text, "url": f"https://example.org/bench/{i}",
            "published": day0.isoformat(), "outlet": "Bench Wire"}


def countries() -> list[dict]:
    out = []
    for row in lexicon("countries.tsv"):
        if row["code"] in CITIES:
            dem = split(row["demonyms"])
            out.append({"code": row["code"], "name": row["name"], "dem": dem[0] if dem else row["name"]})
    return out


def generate(n: int, seed: int = 7):
    rng = random.Random(seed)
    cs = countries()
    for i in range(n):
        yield article(rng, cs, i)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    with a.out.open("w", encoding="utf-8") as f:
        for art in generate(a.n, a.seed):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    print(f"{a.n} articles written to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
