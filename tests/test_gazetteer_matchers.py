"""The gazetteer's phrase matchers: built from one tokenizer pass over all the terms, given as token
hashes, they match an article exactly as matchers built from a Doc per term would."""
from __future__ import annotations

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from accordwatch.document import Document
from accordwatch.extract import gazetteer, lang, morph, tokens

ODD_TERMS = ["Bank  of China", " Caspian Pipeline Consortium", "Sept.", "", "U.S.-China", "Asian\tDevelopment Bank",
             "Sept.", "KazMunayGas", "O'Neill", "EU–China"]


@pytest.mark.parametrize("code", sorted(lang.LANGUAGES))
def test_one_pass_gives_each_term_the_tokens_it_gets_alone(code):
    terms = list(gazetteer.entries(code)) + ODD_TERMS
    tokenizer = spacy.blank(lang.LANGUAGES[code].spacy).tokenizer
    alone = [[t.text for t in tokenizer(term)] for term in terms]
    assert gazetteer.term_tokens(tokenizer, terms) == alone


def reference_matchers(terms, language):
    """Matchers built the plain way: a Doc per term, with every attribute of its words."""
    pipeline = spacy.blank(language.spacy)
    exact = PhraseMatcher(pipeline.vocab, attr="ORTH")
    folded = PhraseMatcher(pipeline.vocab, attr="LEMMA" if language.by_lemma else "LOWER")
    ids = {}
    for term in terms:
        tdoc = pipeline.make_doc(term)
        if not len(tdoc):
            continue
        ids[pipeline.vocab.strings.add(term)] = term
        if language.by_lemma:
            for token in tdoc:
                token.lemma_ = morph.lemma(token.text)
            sensitive = len(tdoc) == 1 and len(tdoc[0].text) > 1 and tdoc[0].text.isupper()
        else:
            sensitive = gazetteer.case_sensitive(term)
        (exact if sensitive else folded).add(term, [tdoc])
    return exact, folded, ids


TEXTS = {
    "en": "KazMunayGas and the Asian Development Bank signed a loan in Astana; the EU-China summit met in "
          "Brussels, and Uzbekistan's ministry of energy joined the Caspian Pipeline Consortium talks.",
    "ru": "КазМунайГаз и Азиатский банк развития подписали соглашение в Астане; министерство энергетики "
          "Республики Узбекистан и ЕС обсудили поставки газа.",
}


@pytest.mark.parametrize("code", sorted(lang.LANGUAGES))
def test_the_matchers_find_what_doc_patterns_find(code):
    language = lang.LANGUAGES[code]
    terms = list(gazetteer.entries(code)) + ODD_TERMS
    doc = Document(text=TEXTS[code], source="t", language=code)
    tokens.tokenize(doc)
    found = gazetteer.match_terms(doc, gazetteer.phrase_matchers(terms, language))
    assert sorted(found) == sorted(gazetteer.match_terms(doc, reference_matchers(terms, language)))
    assert len(found) >= 5
