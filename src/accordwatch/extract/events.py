"""Events: agreements, working groups, meetings and projects, with status, parties, date,
location and sectors.

Each body sentence is read once. Trigger words (data/event_triggers.tsv) say what kind of event a
sentence may report; the verbs around them say whether it is one, and in which state:
    signed ("was signed", "inked") · planned ("will sign", "intend to establish ... by ...") ·
    agreed ("agreed to set up") · discussed ("discussed", "considered", a meeting that took place)
Mentions of the same happening are merged into one event with several evidence spans.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import SimpleNamespace

from ..data import lexicon, split
from ..document import Document, Span
from . import lang, morph
from .dates import OPENS
from .event_names import generic_triggers, name_span, object_span, ordinal_words, shared_words
from .gazetteer import Ranges, longest, phrases
from .parties import C5_PHRASE, PAIR_DASH, drop_third_parties, frame_only, main_parties, venue_only
from .patterns import led
from .pipeline import component

FUTURE = re.compile(r"\b(?:will|would|shall|to\s+be\s+(?:signed|held|set\s+up|created|established)|is\s+to|are\s+to|"
                    r"plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intend|expects?\s+to|expected\s+to|"
                    r"set\s+to|due\s+to|hopes?\s+to|scheduled|upcoming|next|ahead\s+of|soon|later\s+this|"
                    r"is\s+going\s+to|are\s+going\s+to|prepare|preparing|draft|drafting)\b", re.I)
# in force is signed: "entered into force", "the entry into force of the agreement", "took effect"
# ("the Memorandum of Understanding dated 8 August 2017": a document dated is one signed that day)
SIGNED = re.compile(r"\b(?:signed|inked|concluded|adopted|struck|sealed|clinched|entered\s+into\s+force|"
                    r"(?:entry|came|has\s+come)\s+into\s+"
                    r"force|took\s+effect|signing\s+of|signing\s+ceremony|ceremony\s+of\s+(?:the\s+)?signing\b|(?:after|upon|following)\s+signing\b|"
                    r"have\s+signed|has\s+signed|exchanged|(?:was|were)\s+able\s+to\s+sign|managed\s+to\s+sign|"
                    r"dated\s+(?=\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))", re.I)
# "the following documents": documents a list under the line tells (a counted batch, "12 agreements, with
# following documents signed:", stays one of its own)
FOLLOWING = re.compile(r"\bfollowing\s+(?:[\w-]+\s+){0,2}$", re.I)
NONBLANK_LINE = re.compile(r"[^\n]*\S[^\n]*")
# a signing told in the present, as captions and headings tell it (no full stop: see agreement_status)
SIGN_NOW = re.compile(r"\b(?:sign|signs|ink|inks)\b", re.I)
# ("we were able to sign 15 MOUs", "managed to sign": a signing done, SIGNED)
WILL_SIGN = re.compile(r"\b(?:(?:will|would|(?<!was\sable\s)(?<!were\sable\s)(?<!managed\s)to|shall|"
                       r"expect\w*\s+to|plans?\s+to|hope\w*\s+to)\s+"
                       r"(?:(?:soon|shortly|also|jointly|officially|formally)\s+)?(?:be\s+)?"
                       r"(?:(?:later|soon|shortly|also|jointly|officially|formally)\s+)?(?:sign|signed)|"
                       # "would be discussed, agreed and signed", "will review and sign" (not "pledged to enhance
                       # ties and signed a memorandum": a signing in the past tense)
                       r"(?:will|would|shall|to)\s+be\s+(?:[a-z]+,?\s+){1,3}and\s+signed|"
                       r"(?:will|would|shall|to)\s+(?:[a-z]+,?\s+){1,3}and\s+sign\b|"
                       r"(?:soonest|earliest|early|speedy|swift|prompt|quick|timely|likely|possible|prospective|"
                       r"upcoming|forthcoming|future|planned|scheduled|expected)\s+signing|"
                       # "the signing of three agreements is planned"
                       r"signing\s+of\b[^.;:]{0,120}?\b(?:is|are)\s+(?:also\s+)?(?:planned|scheduled|expected|slated|due))\b",
                       re.I)
# "discussed the signing of an agreement": a signing talked about, not one that took place
SIGNING_DISCUSSED = re.compile(r"\b(?:discuss\w*|consider\w*|review\w*|explor\w*)\s+(?:the\s+)?"
                               r"(?:(?:issues?|questions?|prospects?|possibility)\s+(?:of|for)\s+|possible\s+)?(?:the\s+)?signing\b|"
                               r"\b(?:issues?|questions?)\s+of\s+signing\b", re.I)
PREPARE = re.compile(r"\b(?:prepar\w*|draft\w*|negotiat\w*|start\s+negotiations|work\s+out|develop\s+a)\b", re.I)
# a word that makes a meeting the next one unless its sentence says it was held (MEETING_HELD): Russian
# "очередное заседание"; English says "next" outright (MEETING_FUTURE), so neither is needed in English
MEETING_NEXT = re.compile(r"(?!)")
MEETING_HELD = re.compile(r"(?!)")
# "Next sitting of the commission was held in Ganja yesterday": held, in a sentence that says nothing
# is still to come (a headline's "next" is the one after the last)
HELD_NOW = re.compile(r"\b(?:was|were)\s+(?:held|convened)\b|\btook\s+place\b", re.I)
STILL_TO_COME = re.compile(r"\b(?:will|would|shall|scheduled|upcoming)\b|\bto\s+be\s+held\b", re.I)
MET_PAST = re.compile(r"met", re.I)   # a meeting trigger that says the meeting took place
# "may meet the demand for grain", "meeting the needs of farmers": a verb of meeting an aim, no meeting
MET_OBJECT = re.compile(r"\s+(?:(?:the|its|their|our|all|this|these|growing|rising|domestic|local|such)\s+){0,2}"
                        r"(?:[\w-]+\s+)?(?:demand|needs?|targets?|requirements?|expectations?|standards?|criteria|"
                        r"conditions|obligations?|deadlines?|goals?|challenges?|costs?)\b", re.I)
DAYS_BEFORE = re.compile(r"\b(?P<n>two|three|four|five|six|\d)[-\s]day\s+(?:[\w-]+\s+){0,2}$", re.I)
NEXT_BEFORE = re.compile(r"\bnext\s+(?:[\w-]+\s+){0,2}$", re.I)   # "the next meeting", "the next joint session"
# ("He is to meet the President on Thursday": a meeting to come, as "will meet" says)
MEETING_FUTURE = re.compile(r"\b(?:(?:will|would|may|might|could|(?:is|are)\s+(?:also\s+)?to)\s+(?:also\s+|soon\s+)?"
                            r"(?:be\s+held|take\s+place|hold|visit|meet|travel|attend|host|leave|fly|head|depart|arrive|go\s+to|convene)|"
                            r"will\s+(?:[^.;]{0,80}?\band\s+)?(?:participate|take\s+part)\s+in\s+(?:the\s+|an?\s+)?"
                            r"(?:[\w-]+\s+){0,6}?(?:session|meeting|summit|forum|talks|conference)\b|"
                            # "will discuss trade at the meeting of the commission": what is to be discussed where
                            r"will\s+(?:also\s+)?(?:discuss|consider|review|examine)\b[^.;]{0,80}?\b(?:at|during)\s+"
                            r"(?:the\s+|an?\s+|their\s+)?(?:[\w-]+\s+){0,6}?(?:session|meeting|summit|forum|talks|conference)\b|"
                            r"will\s+(?:pay|make|begin|start|undertake|embark\s+on)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:visit|trip|tour)|to\s+be\s+held|"
                            r"scheduled|slated|upcoming|planned\s+for|"
                            r"next\s+(?:[\w-]+\s+)?(?:week|month|year|session|meeting|round|summit|forum|sitting)|"
                            r"ahead\s+of|due\s+to\s+(?:hold|take|meet|visit)|"
                            # ("documents that will be signed during the President's visit": a visit to come)
                            r"(?:will|are\s+to|is\s+to)\s+be\s+(?:signed|concluded|discussed|adopted)\s+"
                            r"(?:during|at|within|in\s+the\s+course\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
                            r"(?:visit|trip|meeting|summit|forum|talks|session)\b|"
                            # ("the summit, which opens in Johannesburg on Wednesday": told in the present)
                            rf"{OPENS}(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w-]*)?\s+"
                            r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|tomorrow)\b|"
                            r"(?:expected|set)\s+to\s+(?:travel|visit|hold|take|meet|attend)|plans?\s+to\s+(?:hold|visit|meet)|"
                            r"agreed\s+to\s+(?:hold|organi[sz]e|host|convene)|and\s+to\s+(?:hold|organi[sz]e|host)|"
                            # ("suggested that the Philippines organise the second meeting")
                            r"(?:suggest|propos)\w*\s+(?:that\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?(?:to\s+)?"
                            r"(?:hold|holding|convene|convening|organi[sz]e|organi[sz]ing|host|hosting)\b|"
                            r"is\s+to\s+(?:hold|visit)|later\s+this|"
                            # "leaves for Moscow on Monday to take part in the meeting": a trip in the present
                            r"(?:leaves|is\s+leaving|departs|heads|is\s+heading|flies|travels)\s+(?:for|to)\s+"
                            r"[^.;]{0,60}?\bto\s+(?:attend|take\s+part\s+in|participate\s+in)|"
                            # "the session was postponed to March"
                            r"(?:postponed|put\s+off|moved|rescheduled)\s+(?:until|to|till)\b|"
                            # "projects that may be approved at the meeting"
                            r"(?:may|might|could)\s+be\s+\w+ed\s+(?:at|during|by)|"
                            # "assurances that the visit of the President could take place in autumn"
                            r"(?:may|might|could)\s+(?:also\s+)?(?:take\s+place|be\s+held)|"
                            r"(?:expects?|awaits?|looks?\s+forward\s+to)\s+(?:[\w-]+\s+){0,3}?visits?|"
                            # "the 16th commission meeting will begin here on Thursday", "talks beginning
                            # tomorrow": a meeting that opens later (the verb said of the meeting itself)
                            r"(?:meeting|session|sitting|talks|forum|summit|conference|consultations|round)\b"
                            r"\s+(?:(?!(?:that|which|who|where|agreed|said|decided)\b)[\w-]+\s+){0,6}?(?:(?:will|would|is\s+(?:due|set|expected)\s+to)\s+(?:begin|open|start|"
                            r"commence|kick\s+off|resume|get\s+under\s*way)|(?:beginning|opening|starting)\s+"
                            r"(?:tomorrow|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))))\b", re.I)
OFFER = re.compile(r"\b(?:interest\w*|propos\w*|offer\w*|idea|promising|possible|potential|called\s+for|"
                   r"encourage\w*|invit\w*)\b", re.I)
# ("the following documents" open a list: they are told after it, not before)
# a bare trigger opening a sentence is one told before only in a language without articles (English says "the")
BARE_DEFINITE = re.compile(r"(?!)")
# ("yesterday's meeting", "Monday's talks": the day names the one told)
# ("the said agreement" is "the" and one word; "She said new agreements ..." points to none)
DEFINITE = re.compile(r"(?:\b(?:the|this|that|these)\s+(?!(?:following|below)\b)|"
                      r"\b(?:yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s\s+)"
                      r"(?:[\w’'-]+\s+)?$", re.I)
CONTENT_OF = re.compile(r"^\W*(?:moreover,\s+|also,\s+)?(?:the|this)\s+(?:document|memorandum|agreement|roadmap|"
                        r"road\s+map|contract|protocol|plan|declaration|treaty|deal)s?\s+(?:provides?|covers?|"
                        r"envisages?|includes?|aims?|will|would|is|are|calls?|sets?|creates?|stipulates?|"
                        r"outlines?|focuses|concerns?)\b"
                        # "The agreements and memoranda signed between the two nations covered ... fields": what
                        # the documents found held, said of them all in the past
                        # ("He added that the agreements touched different fields including ...")
                        # ("According to the press office, the agreements signed span ...": whose word it is first)
                        r"|^\W*(?:according\s+to\s+[^,.]{1,80},\s+)?"
                        r"(?:(?:he|she|they|it)\s+(?:added|said|noted|explained|stressed)\s+that\s+)?"
                        r"(?:the|these)\s+(?:agreements|documents|memoranda|contracts|deals)\s+"
                        r"(?:and\s+(?:agreements|documents|memoranda|contracts)\s+(?:of\s+understanding\s+)?)?"
                        r"(?:(?:signed|concluded|reached)\s+(?:[\w-]+\s+){0,6}?)?"
                        r"(?:covered|cover|include|included|concerned|concern|envisaged|addressed|address|spanned|"
                        r"span|touched|touch|related\s+to|relate\s+to)\b"
                        # "The sides signed deals in areas such as ...": what the documents found cover
                        r"|^\W*(?:the\s+)?(?:sides|parties|two\s+countries)\s+(?:signed|reached|concluded)\s+"
                        r"(?:\w+\s+){0,2}?(?:agreements|deals|documents)\s+in\s+(?:\w+\s+){0,2}?"
                        r"(?:areas|fields|sectors|spheres)\b"
                        r"|^\W*(?:the|these)\s+(?:agreements|deals|documents)\s+(?:were|have\s+been)\s+"
                        r"(?:reached|signed|concluded)\s+in\s+(?:\w+\s+){0,2}?(?:areas|fields|sectors|spheres)\b", re.I)
# "signed 20 contracts worth $100 million and also agreed to implement joint projects worth $50 million":
# a clause of its own opens, whose projects are events of their own
ALSO_AGREED = re.compile(r"\b(?:and\s+)?also\s+(?:agreed|reached\s+agreements?|reached\s+an\s+agreement|"
                         r"approved)\b(?!.*\b(?:signed|agreed)\b)", re.I)
# "mark the fifth anniversary of the signing of the agreement": history, no event (SCHEMA.md)
ANNIVERSARY = re.compile(r"\banniversary\s+of\b[^.;]{0,100}$|"
                         r"\b\d+\s+years\s+since\s+(?:the\s+)?(?:signing|conclusion)\s+of\s+(?:the\s+|a\s+)?$", re.I)
# "about 300 joint ventures operate in Armenia": companies counted where they work, a statistic, no project
OPERATING = re.compile(r"\b(?:operat\w*|work|works|working|there\s+are|registered|active)\b", re.I)
# "X discussed energy projects with Y", "X and Y discussed ...": talks between people (events.talks_of_people)
DISCUSSED_WITH = re.compile(r"\b(?:discussed|talked\s+about|reviewed)\b", re.I)
# "supplies", "deliveries": trade flows, which a list of topics discussed names among the others
SUPPLY_WORD = re.compile(r"suppl|deliver", re.I)
# a vague project word paired after a field of cooperation names the field: "issues of trade and
# investment in both formats" (no project, whatever follows it)
FIELD_BEFORE = re.compile(r"\b(?:trade|economic|business|commercial|financial|industrial)\s+(?:and|&)\s+$", re.I)
# "Among them are a copper smelter and a drug plant": the members of what the sentence before reported
MEMBERS_OF = re.compile(r"^\W*(?:among\s+them|among\s+these|these\s+include[ds]?|they\s+include[ds]?)\b", re.I)
# the source a headline closes with after a dash: "... for $38.1 bln - Organizing committee"
ATTRIBUTION_TAIL = re.compile(r"\s[-–—]\s+(?-i:[A-ZА-ЯЁ])[\w’'.-]*(?:\s+[\w’'.-]+){0,3}\s*$")
# "Another important document is the Plan of Practical Actions ...": one more of the documents told, told with no
# verb of its own ("The first document is the Agreement on ...": the one the sentence names)
ANOTHER_DOCUMENT = re.compile(r"^\W*(?:(?:another|one\s+more)\s+(?:[\w-]+\s+){0,2}?(?:document|agreement)|"
                              r"the\s+(?:first|second|third|fourth|fifth|sixth|last)\s+document)\b", re.I)
# "agreed to discuss cooperation in the chemical sector": an intention with no concrete subject,
# which is a sector of the meeting, not an event (SCHEMA.md)
VAGUE_INTENT = re.compile(r"\b(?:agreed|decided|intend\w*|plan\w*|want\w*)\s+to\s+(?:discuss|consider|explore|study|"
                          r"examine|look\s+into)\s+(?:\w+\s+){0,3}?cooperation\b", re.I)
SIDES_SUBJECT = re.compile(r"^\W*(?:the\s+parties|they|the\s+sides|the\s+two\s+sides|both\s+sides|the\s+delegations|"
                           r"the\s+ministers|the\s+leaders)\b", re.I)
# "The two sides have been cooperating in trade, defence and energy": how things have stood, not what a
# meeting took up (the article's sectors, no event's)
BACKGROUND = re.compile(r"\b(?:have|has)\s+(?:long\s+|traditionally\s+|successfully\s+|actively\s+)?been\s+"
                        r"(?:cooperating|collaborating|working\s+together)\b|\b(?:have|has|enjoy|enjoys)\s+"
                        r"(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:cooperation|ties|relations|partnership)\s+in\b", re.I)
AGREED = re.compile(r"\b(?:agreed|agree|decided|reached\s+an\s+agreement|agreement\s+was\s+reached|"
                    r"committed|commitment|approved|welcomed|initial(?:l)?ed)\b", re.I)   # (initialled: not yet signed)
DISCUSSED = re.compile(r"\b(?:discuss\w*|consider\w*|review\w*|explor\w*|propos\w*|offer\w*|interest\w*|"
                       r"negotiat\w*|talks\s+on|in\s+talks|promising|possible|potential|called\s+for|idea)\b", re.I)
ESTABLISH = re.compile(r"\b(?:establish\w*|set\s+up|setting\s+up|creat\w*|form|formed|forming|launch\w*|"
                       r"organi[sz]\w*)\b", re.I)
SEMICOLON = re.compile(r";\s*")
# "the Spanish side proposed to the five Central Asian states a joint working group": a body offered
PROPOSE = re.compile(r"\b(?:propos\w*|suggest\w*|offer\w*|initiat\w*)\b", re.I)
CONDITIONAL = re.compile(r"\b(?:when|if|once|unless|until)\b[^.;]{0,60}$", re.I)
IDIOM = re.compile(r"\b(?:reach\w*\s+an\s+agreement|agreement\s+was\s+reached|in\s+agreement|by\s+agreement|"
                   r"(?:good|great)\s+deal)\b", re.I)
BACKREF = re.compile(r"\b(?:during|at|after|following|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of)\s+"
                     r"(?:the|his|her|their|this|that|its)\s+(?:\w+\s+)?$", re.I)
SESSION_OF = re.compile(r"\b(?:meeting|session|sitting)\s+of\s+(?:the\s+)?[^.;]{0,40}$|"
                        # (and a body that exists: "the final protocol of the commission")
                        r"\b(?:protocol|minutes|decisions?|co-?chairs?|secretariat)\s+of\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}$",
                        re.I)
PROJECT_CONTEXT = re.compile(r"\b(?:participat\w*|join|agreed|agree|plans?|planned|will|would|intend\w*|discuss\w*|"
                             r"consider\w*|propos\w*|offer\w*|interest\w*|commit\w*|develop\w*|build\w*|construct\w*|"
                             r"launch\w*|implement\w*|start\w*|joint|jointly|together|acquir\w*|use|using|"
                             r"deliver\w*|supply\w*|explor\w*|negotiat\w*|promising|establish\w*|set\s+up|"
                             r"creat\w*|form\w*)\b", re.I)
SELF_EVIDENT = frozenset({"acquiring", "acquisition", "supplying", "construction of", "joint venture"})
# "regular meetings", "such talks", "the exchange of visits and meetings": a habit, no occasion
# "the meetings of the commission are chaired by the prime ministers": what is done each time, no meeting
HABITUAL_AFTER = re.compile(r"s\b(?:\s+of\s+[^.;,]{0,80}?)?\s+are\s+(?:usually\s+|regularly\s+|traditionally\s+|"
                            r"normally\s+|always\s+)?(?:held|chaired|co-chaired|convened|organi[sz]ed|attended)\b",
                            re.I)
GENERIC_BEFORE = re.compile(r"\b(?:regular|frequent|periodic|such|many|numerous)\s+(?:\w+\s+)?$"
                            # "the progress in the various Working Groups and Sub-Group Meetings": kinds, no occasion
                            r"|\b(?:various|different)\s+(?:[\w-]+\s+){0,4}$"
                            r"|\bexchanges?\s+of\s+(?:\w+\s+and\s+)?$"
                            # "the negotiations shall be a forum to discuss ...": what something serves as
                            r"|\b(?:be|become|serve\s+as|act\s+as)\s+an?\s+(?:\w+\s+)?$", re.I)
# fields named as the subject of cooperation or investment, not a project: "cooperation in energy and
# production", "invest in Uzbekistan's energy, chemical production, pharmaceutics ..." (a list of them)
COOPERATION_IN = re.compile(r"\bcooperation\s+in\s+(?:the\s+)?(?:[\w-]+\s*(?:,|and)\s+)*(?:[\w-]+\s+)?$|"
                            # "agreed to cooperate in diverse fields including ports, banking and defence production"
                            r"\bcooperat\w*\s+in\s+(?:[\w-]+\s+){0,3}(?:fields|areas|sectors|spheres)\s*,?\s+"
                            r"(?:including|such\s+as|like|namely)\b[^.;:]*$|"
                            # "favourable conditions for investments and joint ventures": what is made easier
                            r"\bconditions\s+for\s+(?:[\w-]+\s+(?:and\s+)?){0,3}$|"
                            # "250 companies ..., 60 of them joint ventures": a count of those named before
                            r"\b\d+\s+of\s+(?:them|which)\s+$|"
                            r"\binvest\w*\s+in\s+(?:[\w-]+['’]s\s+)?(?:[\w-]+\s*,\s+)+(?:[\w-]+\s+)?$", re.I)
PAIR_WORDS = re.compile(r"\b(?:the\s+parties|the\s+two\s+(?:countries|sides|leaders|ministers|presidents|companies)|"
                        r"both\s+(?:sides|countries)|the\s+sides|they|our\s+countries)\b", re.I)
MET_WITH = re.compile(r"\b(?:met|meets|meeting|talks|held\s+talks)\s+with\b", re.I)
# an occasion already reported, named again: its day is the day of what happened at it
SAME_OCCASION = re.compile(r"\b(?:on\s+the\s+same\s+day|at\s+(?:its|the)\s+(?:close|end)\b(?!\s+of\s+(?:the\s+|this\s+|"
                           r"last\s+|next\s+)?(?:year|month|week|quarter|decade|\d))|"
                           r"(?:following|after|before|during|at|on\s+the\s+sidelines\s+of|"
                           r"on\s+the\s+margins\s+of|in\s+the\s+course\s+of)\s+(?:the|that)\s+(?:\w+\s+)?"
                           r"(?:talks|meeting|session|negotiations|forum|summit|ceremony|conference|commission|"
                           r"council)\b|"
                           # "The session ended with the signing of ...", "The 5th session saw the signing of ..."
                           r"\b(?:the|that|this)\s+(?:\w+\s+)?(?:talks|meeting|session|negotiations|forum|summit|"
                           r"visit)\s+(?:ended|concluded|closed|culminated|saw)\b)", re.I)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and\s+that|while|whereas)\b", re.I)
# "was set up in May 1992, and the first session was held in 1994": a new clause with a subject of its
# own opens between a date and the trigger after it
NEW_SUBJECT = re.compile(r",\s+(?:and|but)\s+(?:the|a|an|its|their|his|her)\s", re.I)
# "..., the president said on Wednesday." and then "Speaking at a joint news conference with ...": the
# words said at the meeting are the lead's, and so is their day
SPOKE_AT = re.compile(r"\b(?:speaking|addressing|spoke|told)\b", re.I)
SAID_AT = re.compile(r"\b(?:said|noted|stated|announced|told\s+[\w-]+)\s+(?:at|during|after|following)\s+"
                     r"(?:the|a|an|his|her|their)?\s*(?:[\w-]+\s+){0,2}$", re.I)
SAID_ON = re.compile(r"\b(?:said|told|announced|stated|declared)\s+(?:[\w-]+\s+){0,3}$", re.I)
# a clause about a person set off by commas ("Erdogan, who toured Cairo in February, said"): a date
# in it of another month than the report's is the person's other doing, not an event's told outside
ASIDE_WHO = re.compile(r",\s+who\s+[^,;]*(?:,|$)", re.I)
IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
# "the project would create jobs", "The joint venture has been registered": a project already
# reported, named again as the subject of what it does
PROJECT_AGAIN = re.compile(r"^\s+(?:will|would|is|was|has|had|have|are|were|can|could|should|shall|must|"
                           r"also|already)\b", re.I)
# "It will be built by ...": a pronoun for what the previous sentence reported
PRONOUN_START = re.compile(r"^\W*(?:it|its|this|these|those)\b", re.I)
UNDER_WAY = re.compile(r"\b(?:started|began|begun|broke\s+ground|under\s+way|underway)\b", re.I)
# "ending two decades of negotiations": the history of a deal, no meeting of its own
NEGOTIATION_PAST = re.compile(r"\b(?:years|decades|months|rounds)\s+of\s+$", re.I)
# "a working group ..., which is to hold its first meeting": the body's own sitting
ITS_MEETING = re.compile(r"\bits\s+(?:first|inaugural|initial)\s+$", re.I)
# "an agreement extending the subsoil use contract": a document the one signed refers to
REFERRED = re.compile(r"\b(?:the|its|their|this|that)\s+(?:(?!(?:a|an|and|or|of|signing)\b)[\w-]+\s+){0,3}$", re.I)
# words for a document that make an event only where nothing else names it ("a $2.4 billion deal")
LOOSE_TERMS = frozenset({"deal", "deals"})
# document words that, neither counted nor named, refer back to documents told before (Russian's
# "документ", and "Документы", "Соглашения" opening a sentence: it has no article to say "the
# documents"); the words that count them
REFERENCE_TERMS: frozenset[str] = frozenset()
QUANTIFIERS = frozenset({"several", "many", "dozens", "number", "series", "package", "set", "over", "more", "than",
                         "about", "nearly", "some"})
# words that say a count takes in all the documents told ("in total, 29 documents were signed")
TOTAL_WORDS = frozenset({"total", "all", "altogether", "overall"})
# words that join a name to what follows, and so never end one ("visit of | Kazakh Foreign Minister ...")
NAME_JOINERS = frozenset({"of", "between", "with", "by", "the", "a", "an", "and", "to", "from", "for"})
BARE_PROJECT = frozenset({"project"})   # the words that, alone, may point back to a project just reported
INDEFINITE = re.compile(r"\b(?:a|an|another|one\s+more)\s+(?:[\w-]+\s+){0,2}$", re.I)
INDEFINITE_ARTICLE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
ALSO = re.compile(r"\b(?:also|another|separate|additionally|one\s+more)\b", re.I)
# what a date of a treaty's entry into force follows ("after the Lisbon Treaty entered into force on
# December 1, 2009": the treaty's day, no meeting's)
IN_FORCE_BEFORE = re.compile(r"\b(?:entered|came|comes|enters)\s+into\s+force\s+(?:on\s+|in\s+)?$|"
                             r"\btook\s+effect\s+(?:on\s+|in\s+)?$", re.I)
# "her first visit to Mexico since she became president in 2011": the date opens a span before the
# meeting (a project "operated since 2014" is dated by it)
SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,60}$", re.I)
# a document's own signing right before a date: "... in pursuance of an agreement | signed in Kinshasa in | June
# 2014" dates the document, not a meeting before it
SIGNED_WHEN_BEFORE = re.compile(r"\b(?:signed|inked|concluded|adopted|ratified)\b[^,;.]{0,40}$", re.I)
# "the agreements | signed during last year's visit": documents of an earlier occasion (matched right after the trigger)
PAST_OCCASION = re.compile(r"[^.;]{0,60}?\b(?:signed|concluded|inked|reached)\s+(?:during|at|in\s+the\s+course\s+of)\s+"
                           r"(?:the\s+)?(?:previous|last\s+year['’]s|last|earlier|past)\s+(?:[\w-]+\s+){0,2}"
                           r"(?:visit|meeting|session|summit|talks)\b|"
                           r"\s+(?:previously|earlier|already)\s+(?:reached|signed|concluded|agreed)\b", re.I)
# "implementing the previously signed | agreements": documents of before
# (the participle before the documents, not a verb with its object: "Masdar previously signed a similar
# agreement in March 2021" tells a signing, the article's background the gold counts)
EARLIER_REACHED = re.compile(r"\b(?:previously|earlier)\s+(?:reached|signed|concluded|agreed)\s+"
                             r"(?:(?!(?:a|an|the|one|two|three|several)\b)[\w-]+\s+){0,3}$", re.I)
# "the third ministerial-level Joint Trade Committee (JTC) | meeting": an ordinal of a sitting a few words before
ORDINAL_NEAR = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|"
                          r"\d+(?:st|nd|rd|th))\b[^.;,]{0,60}$", re.I)
# "trade in 2024 | grew by 62.7%": the period of a statistic the sentence gives, no event's date
CHANGE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:increased|grew|rose|fell|declined|decreased|jumped|dropped|surged)\s+"
                          r"(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|over\s+|more\s+than\s+)?\d", re.I)
# "on the sidelines of | the session of the UN General Assembly": the occasion a meeting was held at
SIDELINES_BEFORE = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# "the Nairobi-Nakuru-Mau Summit | highway": a place's name in a route's, no meeting
ROUTE_AFTER = re.compile(r"\s+(?:highway|road|expressway|motorway|railway|dual\s+carriageway|six-lane|four-lane|"
                         r"bypass|interchange)\b", re.I)
# "the plenary session | of the Parliament": a sitting of a legislature, no meeting between the sides
LEGISLATURE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Parliament|Majlis\w*|Mazhilis|Senate|Duma|"
                         r"National\s+Assembly|Congress|Jogorku\s+Kenesh|Verkhovna\s+Rada|Sejm|Knesset|Legislative)\b")
# "Chile was the first country in the region to sign | an FTA with China": a record of the past
FIRST_TO_SIGN = re.compile(r"\b(?:was|were|became)\s+the\s+(?:first|only|last)\b[^.;]{0,120}?\bto\s+"
                           r"(?:sign|conclude|ink)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
# "the visit allowed / afforded the countries | to sign ...": a past verb that let them do it
ENABLED_TO = re.compile(r"\b(?:allowed|enabled|afforded|permitted|made\s+it\s+possible\s+for)\s+(?:[\w’'-]+\s+){0,4}$",
                        re.I)
# "holding the Trade Committee soon, last hosted in Cairo in | 2016": when the one before was held
LAST_TIME_BEFORE = re.compile(r"\blast\s+(?:held|hosted|met|convened|took\s+place)\b[^.;]{0,40}$", re.I)
# "increased by 83 percent compared to the same period in | 2018": a point of comparison, no event's date
COMPARED_BEFORE = re.compile(r"(?:\bthan|\bcompared\s+(?:to|with)|\bversus|\bagainst)\s+(?:in\s+)?$|"
                             r"\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter)\s+(?:(?:of|in|last)\s+)?$",
                             re.I)
# "his visit", "their talks": a meeting of someone told before (the article's visit, said again)
POSSESSED = re.compile(r"\b(?:his|her|their)\s+(?:[\w’'-]+\s+)?$", re.I)
# what joins two documents of one sentence as one batch ("a protocol and seven cooperation documents")
JOINED = re.compile(r",|\b(?:and|or|as\s+well\s+as)\b", re.I)
# what opens examples of what was just told ("a number of documents on energy, in particular an agreement on ...")
EXAMPLES = re.compile(r",?\s*\b(?:in\s+particular|notably)\b", re.I)
# "preparations for the visit of ...": a meeting still being prepared is to come
PREPARED_FOR = re.compile(r"\bprepar(?:ations?|ing|e)\s+for\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# the words between two title-case words of one name ("Investment | and Trade | Forum")
TITLE_GAP = re.compile(r"(?:\s+(?:and|of|&)?\s*[A-Z][\w-]*)*\s+")
# "signed several documents, including the memorandum on ...": one of the batch, told in its turn
INCLUDED_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+which)\s+(?:the\s+)?(?:[\w’'-]+\s+)?$", re.I)
# the short form given a document's name: "Free Trade Agreement (EVFTA)", "соглашение (СВТ)"
NEXT_WORD = re.compile(r"[\s-]+(\w)")
SHORT_FORM = re.compile(r"\s*\((\w*[A-ZА-ЯЁ]\w*[A-ZА-ЯЁ]\w*)\)")
FORUM = re.compile(r"\bforums?\b", re.I)
VISIT_WORDS = frozenset({"visit", "trip"})   # the last word of a trigger that says a visit
# the words that join a second document to the first, read up to that document's trigger: "a memorandum
# on rail transit and an agreement on customs cooperation" (the first one's name ends before them)
COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|as\s+well\s+as|or)\s+(?:(?:a|an|the|another|other|various)\s+)?$", re.I)


def after_short_form(text: str, end: int) -> int:
    """Where the text after a document's word ending at `end` goes on past its short form in brackets
    ("14 memorandums of understanding (MoUs) | and letters of intent"; the short form may be the word)."""
    if text.startswith(")", end):
        return end + 1
    m = SHORT_FORM.match(text, end)
    return m.end() if m else end


# the word a bare year qualifies ("the 2004 tsunami"), and the words after a year that make it a date
ATTRIBUTIVE_AFTER = re.compile(r"\s+([a-zа-яё][\w-]*)")
YEAR_WORDS = frozenset({"year", "years", "and", "or", "to", "through", "till", "until", "onwards", "onward", "as",
                        "when", "with", "for", "in", "on", "at", "by", "from", "after", "before", "the", "a", "is",
                        "was", "were", "will"})
# "came two months after Kuczynski made his first foreign visit to China", "a follow-up to Kagame's meeting with
# the Emir in September": an earlier occasion, told to date the one reported
EARLIER_CLAUSE = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+after\s+[^.;]{0,80}$|"
                            r"\bfollow[\s-]*up\s+(?:to|on|of)\s+[^.;]{0,50}$|"
                            # "relations have grown since the Royal Visit to Abuja", "he referred to the
                            # President's visit to Pakistan": an occasion before the one reported
                            r"\bsince\s+(?:the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}$|"
                            r"\b(?:recalled|recalling|referred\s+to|referring\s+to)\s+(?!that\b)(?:[\w’'-]+\s+){0,6}$",
                            re.I)
# "a joint press conference": the press conference of a meeting (its trigger, or the word before a
# "conference" trigger)
PRESS_BEFORE = re.compile(r"\bpress[\s-]$", re.I)
PRESS_TRIGGER = re.compile(r"(?:joint\s+)?press\b", re.I)
# "cooperation within the African Continental Free Trade Area (AfCFTA) agreement", "under the
# 2015 agreement": a document in force the cooperation runs in, named by its words, is no event
FRAMEWORK_DOC = re.compile(r"\b(?:within|under|in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to|"
                           r"in\s+the\s+framework\s+of)\s+the\s+(?:[\w’'().-]+\s+){1,8}$", re.I)
BODY_ON = re.compile(r"\b(?:committee|commission|council|group|board|subcommittee)\s+(?:on|for)\s+(?:[\w-]+\s+){0,4}$",
                     re.I)
# a sitting's number in its name ("13th session", "XIII session"), and the words of a sitting's name that
# say which sitting, not of which body
NUMBERED = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b[IVX]+\b", re.I)
SITTING_WORDS = frozenset({"session", "sessions", "meeting", "meetings", "sitting", "between", "with", "among"})
PREVIOUS_BEFORE = re.compile(r"\b(?:previous|preceding|prior|last)\b(?:,?\s+[\w’'-]+){0,2},?\s+$", re.I)
ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|"
                            r"\d+(?:st|nd|rd|th))\s+$", re.I)
# a named facility or route ("the port of Chabahar", "Trans-Caspian International Transport Route")
FACILITY = re.compile(r"\b(?:ports?|field|deposit)\s+of\s+[A-Z]|(?:[A-Z][\w’'-]+\s+){1,4}(?:Route|Corridor|Port|"
                      r"Pipeline|Railway|Plant|Field|Deposit|Terminal|Airport|Fund|Farm|Park|Zone|Center|Centre|"
                      r"Station|Mine|Refinery|Factory)\b")
# "The fund, established by ..., will finance its first projects": the object named before
OBJECT_SUBJECT = re.compile(r"\W*(?:the|this)\s+(?:new\s+|joint\s+)?(?:fund|company|venture|plant|factory|terminal|"
                            r"route|corridor|platform|cent(?:er|re)|enterprise|facility|pipeline|railway|port)\b", re.I)
# "the leaders of the four countries": every country the article names, when it names that many
N_COUNTRIES = re.compile(r"\b(?:the|all)\s+(two|three|four|five|six)\s+(?:countries|states|nations)\b", re.I)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# a word of every match of PAIR_WORDS and of N_COUNTRIES, lower-cased: a sentence without one is not
# searched (EventFinder._may). re.I matches a letter to its capital, and "s" also to "ſ", "i" to
# "ı" and "İ" (whose lower case is two characters): in a text with none of those three, lower()
# folds the letters as re.I compares them (the Kelvin sign, also a "k", lower-cases to "k").
PAIR_WORDS_HAVE = ("part", "two", "both", "side", "they", "countr")
N_COUNTRIES_HAVE = ("countr", "state", "nation")
UNFOLDED = re.compile("[\u017f\u0131\u0130]")   # ſ, ı, İ


# what a document signed is for, when that is a project of its own: "signed an agreement to develop
# two solar power plants", "a loan agreement to finance a project to build a fertiliser plant"
PURPOSE = re.compile(r"\b(?:to|will)\s+(?:develop|build|establish|construct|create|set\s+up|launch|finance)\b"
                     r"|\bon\s+(?:the\s+)?(?:construction|creation|establishment|development)\s+of\b", re.I)
# "a deal with the government for a 1,500 MW wind project": the project a document is for, before its trigger
# ("provides for a joint plant", "calls for a new route": what it holds, said of a document found already)
FOR_OBJECT = re.compile(r"(?<!provides\s)(?<!provide\s)(?<!provided\s)(?<!calls\s)(?<!called\s)(?<!allows\s)"
                        r"\bfor\s+(?:a|an)\s+(?:[\w,.-]+\s+){0,4}$", re.I)
# "the sides will cooperate in the field of ...": what a document is about, after it
FIELD_OF = re.compile(r"\bcooperat\w*\s+in\s+the\s+(?:fields?|areas?|spheres?)\s+of\b", re.I)
# "construction of | the facility is scheduled ...": an object with nothing to tell it from the one reported
THE_OBJECT = re.compile(r"\s+(?:the|this|that)\s+(?:new\s+)?(?:facility|plant|factory|project|enterprise|complex|"
                        r"site|mill)\b(?!\s+(?:of|in|for|on|at|near|to|with)\b)(?!\s+(?-i:[A-Z]))", re.I)
# the words of a document's title, all in capitals but the small ones ("Agreement on Mutual Protection of Investments")
TITLE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
TITLE_SMALL = frozenset({"of", "on", "the", "and", "for", "in", "to", "between", "a", "an"})
# (one still to come: a body "was established in 2010" exists, an organization and no event)
SET_UP_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:would|will|shall|is\s+to|are\s+to|to)\s+be\s+(?:established|set\s+up|"
                          r"created|formed|launched|organi[sz]ed)\b", re.I)
# "... since diplomatic relations were established in 1992", "за годы независимости": a tally of history
# ("have signed a series of agreements in the last three years", "over the past decade": a tally of years;
# "more than 40 documents signed form a solid legal basis": the documents in force)
SINCE_HISTORY = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:establishment|start)\s+of\s+)?(?:diplomatic\s+relations|"
                           r"independence|(?:19|20)\d\d)\b|"
                           r"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:(?:two|three|four|five|six|seven|eight|nine|"
                           r"ten|few|several|\d+)\s+years|decades?)\b|"
                           r"\b(?:form|forms|create|creates|constitute|constitutes|provide|provides)\s+(?:a|the)\s+"
                           r"(?:\w+\s+){0,2}legal\s+(?:basis|base|framework)\b", re.I)
AHEAD_REACH = 60   # "the meeting of the intergovernmental commission | in December"
CLAUSE_WORDS = re.compile(r"\b(?:that|which|who|would|will|said|to)\b|[,;]", re.I)
# a verb that tells what happened: a meeting in a sentence with one has been held
PAST_VERB = re.compile(r"\b(?:was|were|had|met|held|took|discussed|signed|agreed|reviewed|attended|visited|"
                       r"chaired|co-chaired|concluded)\b", re.I)
PERIOD_REACH = 12   # "$3.6 billion for 2007-08", "$1 billion in 2022": a period this close after an amount is its own
NEW_CLAUSE = re.compile(r",\s+(?:and|but|while)\s", re.I)
# a verb an infinitive completes ("agreed to set up"): the "to" that follows it says no purpose
CONTROL_VERB = re.compile(r"\b(?:(?!(?:signed|inked|concluded|finalized|finalised)\s)\w+ed|agree|decide|plans?|"
                          r"intends?|aims?|wants?|hopes?|seeks?|going|able|ready|continue|need|needs|promise|"
                          r"promises|expects?)\s+$", re.I)
NEGOTIATIONS_CONCLUDED = re.compile(r"\bnegotiations\s+on\b.{0,80}\bconcluded", re.I)
NEGOTIATING = re.compile(r"\bnegotiat\w*", re.I)
AS_WELL_AS = re.compile(r",?\s+as\s+well\s+as\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.I)
# "negotiations | on the conclusion of ...": what is negotiated follows
NEGOTIATION_ON = re.compile(r"\s+(?:on|about|over|for)\s+(?:the\s+)?(?:(?:conclusion|signing|drafting)\s+of\s+)?", re.I)
NEGOTIATED_REACH = 60   # the document negotiated starts this close after the trigger
AGREED_WORD = re.compile(r"\bagreed\b", re.I)
# the patterns and word sets a language gives the event finder: English's are the constants above,
# another language's come from its data/<code>/event_cues.tsv (a pattern it lacks never matches);
# each pattern led by the letters its matches start with (patterns.led: same matches, found faster)
# the words of MEETING_FUTURE that put what follows them still to come, not what comes before
AHEAD_OF = re.compile(r"ahead\s+of", re.I)
CUE_NAMES = ("AHEAD_OF", "FUTURE", "SIGNED", "WILL_SIGN", "PREPARE", "MEETING_FUTURE", "MEETING_NEXT", "MEETING_HELD",
             "MET_PAST", "MET_OBJECT", "SAID_AT", "NEGOTIATION_ON", "AS_WELL_AS",
             "NEXT_BEFORE", "DAYS_BEFORE", "OFFER", "DEFINITE", "CONTENT_OF", "VAGUE_INTENT", "SIDES_SUBJECT",
             "AGREED", "DISCUSSED", "ESTABLISH", "SEMICOLON", "PROPOSE", "CONDITIONAL", "IDIOM", "BACKREF",
             "SESSION_OF", "PROJECT_CONTEXT", "GENERIC_BEFORE", "COOPERATION_IN", "PAIR_WORDS", "MET_WITH",
             "SAME_OCCASION", "CLAUSE_BREAK", "NEW_SUBJECT", "IN_PLACE", "PROJECT_AGAIN", "PRONOUN_START", "UNDER_WAY",
             "NEGOTIATION_PAST", "ITS_MEETING", "REFERRED", "INDEFINITE", "ALSO", "ORDINAL_BEFORE", "FACILITY",
             "OBJECT_SUBJECT", "N_COUNTRIES", "NEGOTIATIONS_CONCLUDED", "NEGOTIATING", "AGREED_WORD", "PURPOSE",
             "MEMBERS_OF", "ANOTHER_DOCUMENT", "ALSO_AGREED", "ANNIVERSARY", "OPERATING", "SUPPLY_WORD",
             "DISCUSSED_WITH", "FIELD_BEFORE",
             "ASIDE_WHO", "SPOKE_AT", "SAID_ON", "COORDINATED", "FORUM", "BACKGROUND", "FOR_OBJECT", "THE_OBJECT",
             "SET_UP_AFTER", "PAST_VERB", "SINCE_HISTORY", "SIGN_NOW", "FOLLOWING", "CLAUSE_WORDS", "EXAMPLES",
             "IN_FORCE_BEFORE", "JOINED", "POSSESSED", "SINCE_BEFORE", "HELD_NOW", "STILL_TO_COME",
             "SIGNING_DISCUSSED", "PREVIOUS_BEFORE", "BARE_DEFINITE", "HABITUAL_AFTER",
             "EARLIER_CLAUSE", "BODY_ON", "PRESS_BEFORE", "PRESS_TRIGGER", "NUMBERED", "FRAMEWORK_DOC",
             "COMPARED_BEFORE", "LAST_TIME_BEFORE", "ENABLED_TO", "FIRST_TO_SIGN", "PAST_OCCASION", "LEGISLATURE",
             "EARLIER_REACHED", "ROUTE_AFTER", "SIDELINES_BEFORE", "CHANGE_AFTER", "ORDINAL_NEAR",
             "INCLUDED_BEFORE", "PREPARED_FOR", "SIGNED_WHEN_BEFORE")
CUE_SETS = ("SELF_EVIDENT", "LOOSE_TERMS", "BARE_PROJECT", "VISIT_WORDS", "NAME_JOINERS", "REFERENCE_TERMS",
            "QUANTIFIERS", "TOTAL_WORDS", "YEAR_WORDS", "SITTING_WORDS")
NEVER = re.compile(r"(?!)")


@cache
def cues(code: str = "en") -> SimpleNamespace:
    if code == "en":
        return SimpleNamespace(**{n: led(globals()[n]) for n in CUE_NAMES},
                               **{n: globals()[n] for n in (*CUE_SETS, "NUMBERS")})
    rows = lang.LANGUAGES[code].lexicon("event_cues.tsv")
    patterns = {r["name"]: r["pattern"] for r in rows if r["name"] in CUE_NAMES}
    sets = {r["name"]: frozenset(split(r["pattern"])) for r in rows if r["name"] in CUE_SETS}
    numbers = {w: int(v) for r in rows if r["name"] == "NUMBERS" for w, v in
               (pair.split("=") for pair in split(r["pattern"]))}
    return SimpleNamespace(**{n: led(re.compile(patterns[n], re.I)) if n in patterns else NEVER for n in CUE_NAMES},
                           **{n: sets.get(n, frozenset()) for n in CUE_SETS}, NUMBERS=numbers)


@cache
def triggers(code: str = "en") -> dict[str, tuple[str, str | None]]:
    return {row["term"]: (row["type"], row["instrument"] or None)
            for row in lang.LANGUAGES[code].lexicon("event_triggers.tsv")}


@cache
def blocs() -> frozenset[str]:
    return frozenset(row["code"] for row in lexicon("blocs.tsv"))


@dataclass
class Event:
    type: str
    status: str
    instrument: str | None
    parties: list[str]
    organizations: list[str]
    date: str | None
    location: str | None
    sectors: list[str]
    evidence: list[tuple[int, int]]
    people: set[str] = field(default_factory=set)
    name: tuple[int, int] | None = None   # the span of its name (event_names.py), once found
    dated: bool | None = None             # its date is its own, not the publication month (None: not yet asked)
    # where its name may be read: (sentence start, end, trigger start, end) of each mention, in order;
    # the first that names it gives its name (found when asked: most mentions are never read for one)
    named_at: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False, compare=False)
    first: tuple[int, int, int | None] = (0, 0, None)   # (sentence start, end, trigger start)
    cited: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)
    # a forum is a happening of its own beside the talks of the same visit ("the Kazakhstan–Korea Business
    # Forum held on Monday", then the presidents' talks): a meeting is merged only with its like
    forum: bool = False
    days: int = 1   # "a two-day official visit beginning on Monday": the days the happening spans from its date

    def spans_day(self, day: str | None) -> bool:
        """Does the happening, from its own day through its days, take in `day` (both days of the month)?"""
        if self.days < 2 or not self.date or not day or len(self.date) != 10 or len(day) != 10:
            return False
        try:
            gap = (date.fromisoformat(day) - date.fromisoformat(self.date)).days
        except ValueError:
            return False
        return 0 <= gap < self.days

    def cite(self, s0: int, s1: int) -> None:
        """Add a sentence to the evidence, once (a set, not a scan of the list: an article that
        repeats one event in thousands of sentences would make the scan quadratic)."""
        if len(self.cited) != len(self.evidence):
            self.cited = set(self.evidence)
        if (s0, s1) not in self.cited:
            self.evidence.append((s0, s1))
            self.cited.add((s0, s1))

    def key(self) -> tuple:
        return (self.type, self.instrument, self.status, tuple(self.parties), tuple(sorted(self.organizations)),
                self.forum)


# where an agreement's name states its subject: "memorandum on ...", "соглашение о ..."
# (and a field: "agreement in the field of education", "соглашение в сфере образования")
SUBJECT_OPENER = re.compile(r"\b(?:on|regarding|concerning|о|об|по|in\s+the\s+(?:field|area|sphere)s?\s+of|"
                            r"в\s+(?:сфере|сферах|области|областях))\s+")
WORD_AT = re.compile(r"[\w-]+")
TOKEN_WORD = re.compile(r"\w+")
# an item of a numbered or bulleted list, at the start of its line: "2. An agreement between ...", "• меморандум о ..."
LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[•·▪●◦‣*–—-])[ \t]+")
LIST_REACH = 40   # items looked back over for the line that opens a list
LIST_LINE = 400   # no item of a list is longer (a paragraph is no item)
LIST_JOINT = re.compile(r"[\s,;]*(?:(?:and|и)\s+)?")   # what joins the items of a list


class EventFinder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.c = cues(lang.of(doc).code)
        self.language = lang.of(doc).code
        self.by_words = lang.of(doc).by_lemma   # names by part of speech (event_names.py)
        self.joined = self.joined_pairs()
        self.main = main_parties(doc)
        try:
            self.base = date.fromisoformat(doc.published) if doc.published else None
        except ValueError:   # no valid date: as if there were none
            self.base = None
        # the month events held with no date of their own fall in: the publication's, or a stamp's
        # that gives only the month (header.MONTH_STAMP)
        self.month = self.base.strftime("%Y-%m") if self.base else doc.meta.get("published_month")
        self.dateline = doc.meta.get("dateline_span")
        # where the first line of text (the headline, or a stamp and the headline) ends
        first = NONBLANK_LINE.search(self.text)
        self.top = first.end() if first else 0
        self.orgs = doc.meta.get("organizations", {})
        people = {p.name: p for p in doc.meta.get("people", [])}
        self.person_spans = [(s, people.get(s.value)) for s in doc.layer("person")]
        self.title_spans = doc.meta.get("title_spans", [])
        self.blocked = Ranges([(s.start, s.end) for layer in ("org", "title", "country") for s in doc.layer(layer)]
                              + self.title_spans)
        self.events: list[Event] = []
        self._index: dict[str, tuple[list[Span], list[int]]] = {}
        # (start, end, period, goal) of the figures with a period, in text order
        self.figure_spans = sorted((f["amount"]["start"], f["amount"]["end"], f["period"], f["kind"] == "target")
                                   for f in doc.meta.get("figures", []) if f["period"])
        self.figure_starts = [f[0] for f in self.figure_spans]
        self.longest_amount = max((a1 - a0 for a0, a1, _, _ in self.figure_spans), default=0)
        self.figure_dates: set[int] = doc.meta.get("figure_dates", set())
        # the lower-cased text, where English cue patterns (re.I) are looked for only in sentences
        # that hold one of their words (_may); None where lower() does not fold as re.I does
        self.low = self.text.lower() if self.c is cues("en") and not UNFOLDED.search(self.text) else None
        self.central = "Central" in self.text   # C5_PHRASE's word, as written
        self._names: dict[tuple[int, int, int, int, str], tuple[int, int] | None] = {}
        # the projects a document signed in the same sentence is for, with that sentence's end
        self.purposes: list[tuple[Event, int]] = []
        self.agreement_starts: list[int] = []   # where the body's document triggers are, in order (run)
        # a short form's mention (start, end) -> (sentence start, end, trigger start, end) of the
        # document's name that gave it (short_forms)
        self.short_of: dict[tuple[int, int], tuple[int, int, int, int]] = {}

    def joined_pairs(self) -> str:
        """The text as names are read from it: a dash set apart between two countries' names joins them
        as a hyphen does ("the Vietnam – Laos Inter-Governmental Committee", written "Vietnam–Laos"),
        each of its characters made a dash so that offsets hold."""
        countries = self.doc.layer("country")
        ends = {c.end for c in countries}
        starts = {c.start for c in countries}
        chars = None
        for m in PAIR_DASH.finditer(self.text):
            if m.start() in ends and m.end() in starts:
                chars = chars if chars is not None else list(self.text)
                chars[m.start():m.end()] = "–" * (m.end() - m.start())
        return self.text if chars is None else "".join(chars)

    def name_span(self, s0: int, s1: int, start: int, end: int, etype: str) -> tuple[int, int] | None:
        """event_names.name_span of a trigger in a sentence, found once per article (a trigger's
        name is asked for when it is checked, when its event is merged and when it is named)."""
        key = (s0, s1, start, end, etype)
        if key not in self._names:
            span = name_span(self.joined, s0, s1, start, end, etype, self.by_words)
            if span is not None and etype == "agreement":
                span = self.before_sibling(span, start, end)
            if span is not None and etype == "meeting":
                span = self.before_person(span, start, end)
                if span is not None:
                    span = self.before_quoted_org(span, start, end)
            self._names[key] = span
        return self._names[key]

    def before_person(self, span: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
        """The name `span` of a meeting whose trigger is text[start:end], ending before the first
        person named after the trigger, and before that person's title: a meeting of people is
        told by who met, not named ("встречи министра энергетики Казахстана Алмаса Саткалиева и
        ..." has no name beyond "встреча")."""
        left, right = span
        # (the person may follow the name after a comma: "the visit of Chinese Premier, Li Keqiang"; and
        # a long title may end the name before the name of its holder: "переговорах заместителя
        # премьер-министра, министра инвестиций ... Сардора Умурзакова")
        cut = next((s.start for s, _ in self.person_spans if end <= s.start < right + 3), None)
        titled = next((a for a, _ in self.title_spans if end <= a < right), None)
        cut = titled if cut is None or (titled is not None and titled < cut) else cut
        if cut is None:
            return span
        # back over the person's title and a country word ("Kazakh", "Узбекистана") before the name
        right = self.back_over(end, cut, self.within("country", end, cut))
        return None if left == start and right <= end else (left, right)

    def back_over(self, end: int, cut: int, countries: list[Span] | None = None) -> int:
        """Where a name that runs from a trigger ending at `end` ends, cut at `cut`: back over the
        joining words ("of the") that end no name and the blanks and commas before the cut; with
        `countries`, back over the titles of people and those country words too."""
        while cut > end:
            before = self.text[end:cut].rstrip(" ,")
            word = before.rsplit(None, 1)[-1] if before.strip() else ""
            at = end + len(before) - len(word)
            title = None if countries is None else next(
                (a for a, b in self.title_spans if end <= a < cut and b >= end + len(before) - 1), None)
            if title is not None:
                cut = title
            elif word.lower() in self.c.NAME_JOINERS or any(c.start <= at < c.end for c in countries or ()):
                cut = at
            else:
                break
        return len(self.text[:cut].rstrip(" ,"))

    def before_quoted_org(self, span: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
        """The name `span` of a meeting, ending before an organization in quotes after its word
        ("В рамках переговоров «Газпром» и CNPC подписали ...": the company opens a new clause; a
        meeting's own title in quotes names no organization)."""
        left, right = span
        for o in self.within("org", end, right):
            if self.text[o.start - 1:o.start] in ("«", '"', "“"):
                cut = self.back_over(end, o.start - 1)
                return None if left == start and cut <= end else (left, max(cut, end))
        return span

    def before_sibling(self, span: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
        """The name `span` of the document whose trigger is text[start:end], ending before a second
        document joined to it ("a memorandum on rail transit and an agreement on customs
        cooperation", "соглашение о ... и протокол о ..."): that one is an event with its own name."""
        left, right = span
        starts = self.agreement_starts
        for t in starts[bisect_right(starts, end):bisect_left(starts, right)]:
            joined = self.c.COORDINATED.search(self.text, max(end, t - 30), t)
            if joined is not None:
                right = len(self.text[:joined.start()].rstrip(" ,"))
                return None if left == start and right <= end else (left, right)
        return span

    def _may(self, words: tuple[str, ...], s0: int, s1: int) -> bool:
        """Could a pattern that matches only where one of `words` is (case-folded) match in [s0, s1)?"""
        low = self.low
        return low is None or any(low.find(w, s0, s1) >= 0 for w in words)

    # ---- helpers over one sentence ----
    def within(self, layer: str, s0: int, s1: int) -> list[Span]:
        """The spans of a layer that start inside [s0, s1)."""
        index = self._index.get(layer)
        if index is None:
            spans = sorted(self.doc.layer(layer), key=lambda s: s.start)
            index = self._index[layer] = (spans, [s.start for s in spans])
        spans, starts = index
        return spans[bisect_left(starts, s0):bisect_left(starts, s1)]

    def parties_of(self, s0: int, s1: int) -> tuple[list[str], list[str], set[str]]:
        found = {c.value for c in self.within("country", s0, s1)}
        actors: set[str] = set()   # the countries of people and companies named as acting
        people = set()
        for span, person in self.person_spans:
            if s0 <= span.start < s1 and person is not None:
                people.add(person.name)
                if person.country:
                    found.add(person.country)
                    actors.add(person.country)
        orgs = []
        multilateral = False   # a body of many states acts ("the Asian Development Bank signed a loan with ...")
        for span in self.within("org", s0, s1):
            ent = self.orgs.get(span.value)
            if ent is None or ent.kind in ("ministry", "commission"):
                continue
            if ent.name not in orgs:
                orgs.append(ent.name)
            multilateral = multilateral or ent.multilateral
            if ent.country:
                found.add(ent.country)
                actors.add(ent.country)
        # a country named only as where the event is held is its place, not a side
        found -= venue_only(self.text, self.within("country", s0, s1), s0, self.within("place", s0, s1),
                            self.language) - actors
        # a third country named only as a destination or a route ("for export, primarily to
        # China") is no party to the two sides' event
        sides = self._may(PAIR_WORDS_HAVE, s0, s1) and self.c.PAIR_WORDS.search(self.text[s0:s1]) is not None
        found = drop_third_parties(self.text, self.within("country", s0, s1), s0, found, self.main, sides=sides,
                                   actors=actors, code=self.language)
        # "the meeting took place on the sidelines of the CIS heads of government council", "Kagame's meeting
        # with the Emir on the margins of the UN General Assembly": the occasion is no side; where it is
        # all the sentence names, the sides are the article's pair
        found -= frame_only(self.text, self.within("country", s0, s1), s0, self.language) - actors
        # "the parties", "both sides", or one side named: the article's main pair
        if "C5" not in found and self.central and C5_PHRASE.search(self.text, s0, s1):
            found.add("C5")
        # (a country and a body of many states are the two sides: no second country from the article's pair;
        # a bloc with a lender still acts with its partners: "a study commissioned by the EU and carried out by
        # the EBRD")
        lender_and_one = multilateral and bool(found) and not found & blocs()
        if sides or (len(found) < 2 and (not found or (found & set(self.main) and not lender_and_one))):
            found |= set(self.main)
        many = self._may(N_COUNTRIES_HAVE, s0, s1) and self.c.N_COUNTRIES.search(self.text, s0, s1)
        if many:
            named = {c.value for c in self.doc.layer("country")} - blocs()
            if len(named) == self.c.NUMBERS[many.group(1).lower()] > 2 and found <= named:
                found = named
        return sorted(found), orgs, people

    def in_anniversary(self, before: str) -> bool:
        """Does the text before a word end inside an anniversary's phrase ("the tenth anniversary of the signing
        of | the treaty"; but "On the 30th anniversary of relations, | the leaders met": a clause of its own)?"""
        m = self.c.ANNIVERSARY.search(before)
        return m is not None and "," not in m.group(0)

    def dated(self, s0: int, s1: int, status: str, etype: str, at: int | None = None,
              when: str | None = None) -> tuple[str | None, bool]:
        """The event's date and whether it is its own (not the publication month it falls back on)."""
        when = when if when is not None else self.event_date(s0, s1, status, etype, at)
        fallback = self.month
        own = when is not None and not (when == fallback and not any(
            d.value and d.value.startswith(fallback) and self.own_date(d, at) for d in self.within("date", s0, s1)))
        return when, own

    def event_date(self, s0: int, s1: int, status: str, etype: str, at: int | None = None,
                   end: int | None = None) -> str | None:
        held = status == "signed" or (etype == "meeting" and status == "discussed")
        own = [d for d in self.within("date", s0, s1) if self.own_date(d, at) and not self.figure_period(d)
               and d.start not in self.figure_dates
               and not self.c.COMPARED_BEFORE.search(self.text, max(0, d.start - 40), d.start)
               and not self.c.LAST_TIME_BEFORE.search(self.text, max(0, d.start - 60), d.start)
               and not self.c.CHANGE_AFTER.match(self.text, d.end, min(s1, d.end + 80))
               and not (etype in ("project", "agreement") and self.attributive_year(d, at))
               and (etype == "agreement" or not self.in_force_day(s0, d))
               and not (etype == "agreement" and self.document_between(at, d))
               and not (etype == "meeting" and at is not None and self.signed_then(at, d))
               and not (etype == "meeting" and at is not None and at < d.start
                        and self.c.SINCE_BEFORE.search(self.text, max(at, d.start - 70), d.start))
               # ("the Forum was held ..., marking the 10th anniversary of the initiative launched in 2013")
               and not (at is not None and at < d.start
                        and self.in_anniversary(self.text[max(at, d.start - 130):d.start]))
               # ("addressing the 11th ... Meeting, he urged setting up the Community by 2015": a deadline of what
               # is still to come, no date of a meeting held or a signing)
               and not (held and BY_BEFORE.search(self.text, max(0, d.start - 8), d.start))]
        if at is not None and len(own) > 1:
            # "was set up in May 1992, and the first session was held in September 1994": a date of the
            # trigger's own clause before one across a new clause's subject (that one where it has none:
            # "proposed in 2013, and its first part was announced during his visit")
            mine = [d for d in own if not (d.start < at and self.c.NEW_SUBJECT.search(self.text, d.end, at))]
            own = mine or own
        # a deadline dates what is still to come; a meeting held or a signing has a date of its own
        deadline = None if held else next((d for d in own if d.data.get("deadline")), None)
        if deadline is not None:
            return deadline.value.split("/")[-1] if "/" in deadline.value else deadline.value
        for d in own:
            if "/" in d.value and not held and d.data.get("precision") == "span" and \
                    re.fullmatch(r"\d{4}-\d\d/\d{4}-\d\d", d.value):
                return d.value.split("/")[-1]   # "will meet in the second quarter": by its last month
            if "/" in d.value or (held and d.data.get("deadline")):
                continue
            value = d.data.get("past", d.value) if held else d.value   # "held talks on Monday": the last Monday
            if self.base and status in ("signed", "discussed") and d.data.get("relative") and \
                    value[:10] > self.base.isoformat():
                continue   # a day with no year that would fall after publication: unknown
            return value
        if held:
            same = self.same_occasion(s0, s1, enumerated=etype == "agreement" and at is not None and (
                self.c.ORDINAL_BEFORE.search(self.text, max(s0, at - 20), at) is not None
                or self.c.ALSO.search(self.text, s0, s1) is not None
                or self.list_intro(s0) is not None   # "2. An agreement on ...", under "... signed the following:"
                or (end is not None and self.titled(s0, s1, at, end)
                    and any(ev.type == "agreement" and self.batch(ev) for ev in self.events))))
            if same is not None:
                return same
            if etype == "meeting":
                said = self.said_day(s0, s1)
                if said is not None:
                    return said
            return self.month
        return None

    def document_between(self, at: int | None, d: Span) -> bool:
        """Does another document word stand between the document word at `at` and the date `d`
        ("The agreement followed the signing of a collaboration agreement ... in December 2016":
        the date is the second's)? Not one joined to it ("signed a protocol and seven documents on
        Tuesday": the date is both's)."""
        if at is None:
            return False
        lo, hi = (at, d.start) if at < d.start else (d.end, at)
        starts = self.agreement_starts
        # (a short form in brackets is the same document: "Memorandums of Understanding (MoUs)")
        # (nor a word of the same phrase: "loan agreement")
        return any(lo < t < hi and t != at and self.text[t - 1:t] != "(" and " " in self.text[lo:t].strip()
                   and not self.c.JOINED.search(self.text, lo, t)
                   for t in starts[bisect_left(starts, lo):bisect_left(starts, hi)])

    def signed_then(self, at: int, d: Span) -> bool:
        """Is the date `d`, after the meeting word at `at`, the day a document named between them was signed
        ("the session ... under a framework agreement signed in Dakar in | March 2012")?"""
        starts = self.agreement_starts
        return at < d.start and bisect_left(starts, at + 1) < bisect_left(starts, d.start) and \
            self.c.SIGNED_WHEN_BEFORE.search(self.text, max(at, d.start - 50), d.start) is not None

    def in_force_day(self, s0: int, d: Span) -> bool:
        """Is the date `d` the day a treaty entered into force ("... entered into force on December 1, 2009")?"""
        return self.c.IN_FORCE_BEFORE.search(self.text, max(s0, d.start - 40), d.start) is not None

    def said_day(self, s0: int, s1: int) -> str | None:
        """The day the lead says words were said ("..., the president said on Wednesday."), for a
        meeting the words were spoken at ("Speaking at a joint news conference with ..."): the
        lead is the first sentence of the body, before the meeting's."""
        if not self.c.SPOKE_AT.search(self.text, s0, s1):
            return None
        # (a sentence the header runs into, "date 2024-09-04 Ankara is ...", ends in the body)
        lead = next(((a, b) for a, b in self.doc.sentences if b > a and self.doc.in_body(b - 1)), None)
        if lead is None or lead[0] >= s0:
            return None
        for d in self.within("date", *lead):
            if d.data.get("precision") == "day" and \
                    self.c.SAID_ON.search(self.text[max(lead[0], d.start - 40):d.start]):
                value = d.data.get("past", d.value)
                if self.base is None or value <= self.base.isoformat():
                    return value
        return None

    def ahead(self, s0: int, s1: int, end: int) -> bool:
        """Is the meeting whose word ends at `end` given a month or day, with no year of its own, after the
        publication date, in the words right after it ("the meeting of the commission in November" in an
        article of September; not a weekday, which may be the last one, nor a date of what a clause after
        it tells: "said at the forum that they would sign an agreement in December")?"""
        if self.base is None:
            return False
        base = self.base.isoformat()
        return any(d.data.get("relative") and not d.data.get("until") and "past" not in d.data and "/" not in d.value
                   and d.value[:len(base)] > base[:len(d.value)] and 0 <= d.start - end <= AHEAD_REACH
                   and not self.c.CLAUSE_WORDS.search(self.text, end, d.start)
                   for d in self.within("date", s0, s1) if d.value)

    def figure_period(self, d: Span) -> bool:
        """Is the date the period of a goal stated beside it ("bring trade to $500 million by 2030",
        "plans to ship 2.2 million tonnes in 2025"), or of an amount right before it ("commerce, which
        amounted to $3.6 billion for 2007-08")? A figure's period is never an event's date."""
        if not d.value:
            return False
        s0, s1 = self.doc.sentence_of(d.start)
        # (the amounts of the date's sentence and of the stretch right before it: no other is looked at)
        lo = bisect_left(self.figure_starts, min(s0, d.start - PERIOD_REACH - self.longest_amount))
        hi = bisect_left(self.figure_starts, s1)
        for a0, a1, period, goal in self.figure_spans[lo:hi]:
            if not period.split("/")[-1].startswith(d.value.split("/")[-1][:7]):
                continue
            if goal and self.doc.sentence_of(a0) == (s0, s1):
                return True
            if not goal and 0 <= d.start - a1 <= PERIOD_REACH:
                return True
        return False

    def attributive_year(self, d: Span, at: int | None) -> bool:
        """Is the date a bare year that qualifies another noun than the trigger's ("areas affected by
        the 2004 tsunami", "the 2022 joint statement"): that noun's date, not the event's?"""
        if d.data.get("precision") != "year" or not d.text.isdigit():
            return False
        m = ATTRIBUTIVE_AFTER.match(self.text, d.end)
        if m is None or (at is not None and m.start(1) == at):
            return False
        word = m.group(1).lower()
        # (a year of an occasion dates what was done there: "the 2014 visit ..., followed by the signing")
        return word not in self.c.YEAR_WORDS and word not in self.c.VISIT_WORDS and \
            word not in triggers(lang.of(self.doc).code)

    def own_date(self, d: Span, at: int | None) -> bool:
        """A date of the event's clause: not the dateline's day ("ALMATY, Sept. 9 (Xinhua) --" is
        the report's), not the end of a term ("extended until 2044"), and not across a clause
        break from the trigger ("..., and that the commission would meet this autumn")."""
        if not d.value or d.data.get("until"):
            return False
        if self.dateline and self.dateline[0] <= d.start < self.dateline[1]:
            return False
        if at is not None:
            lo, hi = (at, d.start) if at < d.start else (d.end, at)
            if self.c.CLAUSE_BREAK.search(self.text, lo, hi):
                return False
            if self.base is not None and d.value[:7] != self.base.isoformat()[:7]:
                # "Erdogan, who toured Cairo in February, said": another month's aside (one of
                # this month, "who arrived on Tuesday", may be the occasion's own)
                s0, s1 = self.doc.sentence_of(d.start)
                for m in self.c.ASIDE_WHO.finditer(self.text, s0, s1):
                    if m.start() < d.start < m.end() and not m.start() < at < m.end():
                        return False
        return True

    def same_occasion(self, s0: int, s1: int, enumerated: bool = False) -> str | None:
        """"Following the talks, the leaders signed ...", "On the same day, ... signed": a signing
        or meeting at an occasion already reported takes that occasion's day. So does a document
        `enumerated` among those of a ceremony reported before ("The second agreement was signed
        by ...", "A loan agreement was also inked ...")."""
        if not enumerated and not self.c.SAME_OCCASION.search(self.text, s0, s1):
            return None
        for ev in reversed(self.events):
            if ev.date and len(ev.date) == 10 and ev.evidence[0][0] < s0 and \
                    (self.base is None or ev.date <= self.base.isoformat()):
                return ev.date
        return None

    def location(self, s0: int, s1: int) -> str | None:
        for p in self.within("place", s0, s1):
            if p.data.get("country") is None and p.data.get("kind") in ("continent", "region"):
                continue   # "cooperation in Africa": a part of the world, no place an event is held in
            if self.c.IN_PLACE.search(self.text[max(s0, p.start - 12):p.start]):
                return p.value
        return None

    def sectors(self, s0: int, s1: int) -> list[str]:
        return sorted({s.value for s in self.within("sector", s0, s1)})

    def own_sectors(self, s0: int, s1: int, at: int | None,
                    name: Callable[[], tuple[int, int] | None]) -> list[str]:
        """The sectors of the document whose trigger starts at `at` in the sentence [s0, s1). When the
        sentence tells of more documents than one ("an agreement on investment protection and a
        protocol on veterinary inspection"), those its name states, or where its name states none,
        those the sentence states before the next document; else the sentence's."""
        starts = self.agreement_starts
        if at is not None and bisect_left(starts, s1) - bisect_left(starts, s0) > 1:
            if (span := name()) is not None and (own := self.sectors(*span)):
                return own
            nxt = bisect_right(starts, at)
            if nxt < len(starts) and starts[nxt] < s1:
                return self.sectors(s0, starts[nxt])
        return self.sectors(s0, s1)

    # ---- statuses ----
    def opens_list(self, s0: int, s1: int) -> bool:
        """Is the sentence [s0, s1) the opening line of a list whose items follow it?"""
        nxt = NONBLANK_LINE.search(self.text, s1)
        intro = self.list_intro(nxt.start()) if nxt is not None else None
        return intro is not None and intro[0] <= s0 < intro[1]

    def list_intro(self, s0: int) -> tuple[int, int] | None:
        """The line that opens the list whose item holds the offset `s0` ("The session saw the signing of
        the following documents:" above "1. ...", "2. ..." or lines that end in a comma or a semicolon,
        the last in a full stop), or None when s0 is on no item of a list opened by a line ending in a
        colon."""
        text = self.text
        start = text.rfind("\n", 0, s0) + 1
        end = text.find("\n", s0)
        end = len(text) if end < 0 else end
        line = text[start:end].rstrip()
        if len(line) > LIST_LINE or not (LIST_ITEM.match(line) or line.endswith((",", ";", "."))):
            return None
        for _ in range(LIST_REACH):
            if start == 0:
                return None
            end = start - 1
            while end > 0 and text[end - 1] in " \t\r\n":
                end -= 1   # blank lines between the items
            start = text.rfind("\n", 0, end) + 1
            prev = text[start:end]
            if prev.endswith(":"):
                return start, end
            if len(prev) > LIST_LINE or not (LIST_ITEM.match(prev) or prev.endswith((",", ";"))):
                return None
        return None

    def agreement_status(self, sent: str, at: int) -> str | None:
        before = sent[:at]
        if self.c.CONDITIONAL.search(before):
            return None
        if self.c.SIGNING_DISCUSSED.search(sent):
            return "discussed"
        will = self.c.WILL_SIGN.search(sent)
        if will and self.c.ENABLED_TO.search(sent, max(0, will.start() - 60), will.start()):
            return "signed"   # "the meeting afforded the countries to sign agreements": they signed them
        if will:
            return "planned"
        if self.c.SIGNED.search(sent):
            return "signed"
        if self.c.PREPARE.search(sent) and not self.c.NEGOTIATIONS_CONCLUDED.search(sent):
            return "planned" if not self.c.NEGOTIATING.search(sent) or self.c.FUTURE.search(sent) else "discussed"
        if self.c.AGREED.search(sent):
            return "agreed"
        if self.c.DISCUSSED.search(sent):
            return "discussed"
        return None

    def body_status(self, sent: str) -> str:
        if self.c.DISCUSSED.search(sent) and not self.c.AGREED.search(sent):
            return "discussed"
        if self.c.FUTURE.search(sent) and not self.c.AGREED.search(sent):
            return "planned"
        return "agreed"

    def project_status(self, sent: str) -> str:
        """An offer or idea is discussed; a delivery or build still to come is planned; what the
        sides agreed or have under way is agreed."""
        if self.c.UNDER_WAY.search(sent) and not self.c.FUTURE.search(sent):
            return "agreed"
        if self.c.OFFER.search(sent) and not self.c.AGREED.search(sent):
            return "discussed"
        if self.c.FUTURE.search(sent) and not self.c.AGREED_WORD.search(sent):
            return "planned"
        if self.c.DISCUSSED.search(sent) and not self.c.AGREED.search(sent):
            return "discussed"
        return "agreed"

    # ---- the pass ----
    def run(self) -> list[Event]:
        by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        starts = [s for s, _ in self.doc.sentences]
        known = triggers(lang.of(self.doc).code)
        for start, end, term, _ in longest(phrases(self.doc, "trigger")):
            if not self.doc.in_body(start, end):
                continue
            if self.blocked.covers(start, end) and not (known[term][0] == "working_group" and (
                    self.set_up(start) or self.numbered_body(start))):
                # (a body named as it is set up is an event: "agreed to establish the X Business Council"; so is one
                # told by its number, a sitting of it: "the 36th Ethiopia-Kenya Joint Ministerial Commission")
                continue
            if known[term][0] == "agreement":
                self.agreement_starts.append(start)
            idx = _index(starts, start)
            by_sentence.setdefault(idx, []).append((start, end, term))
        for start, end, term in self.short_forms(by_sentence, known):
            self.agreement_starts.append(start)
            by_sentence.setdefault(_index(starts, start), []).append((start, end, term))
        self.agreement_starts.sort()
        for found in by_sentence.values():
            found.sort()
        title = (self.doc.title or "").strip()
        title_opening = title.split(maxsplit=1)[0] if title else ""
        contents: set[tuple[int, int]] = set()   # the sentences that told what a document holds
        headline: tuple[int, int, int] | None = None   # (index, start, end) of the headline's sentence
        # the sentences with a trigger, and those of the body that may tell what the documents or projects
        # found hold with no trigger word of their own ("The arrangements concern ...", "Among them are ...")
        for idx, (s0, s1) in enumerate(self.doc.sentences):
            if idx not in by_sentence and not self.doc.in_body(s0, s1):
                continue
            if title and self.text.startswith(title_opening, s0) and _is_title(self.text[s0:s1], title):
                headline = (idx, s0, s1)
                continue   # the headline restates what the body reports
            if self.c.CONTENT_OF.search(self.text[s0:s1]) and self.has("agreement", None):
                # "The memorandum provides for ...": what a document already found holds
                self.attach("agreement", None, s0, s1, content=True)
                contents.add((s0, s1))
                continue
            if self.c.MEMBERS_OF.search(self.text[s0:s1]) and not any(
                    known[t][0] == "agreement" for _, _, t in by_sentence.get(idx, ())) and \
                    (whole := self.reported_before(idx)) is not None:
                # "Among them are a copper smelter, a drug plant and a data centre": parts of that event
                # (documents listed are documents of their own: "among them, a memorandum on ...")
                whole.cite(s0, s1)
                whole.sectors = sorted(set(whole.sectors) | set(self.sectors(s0, s1)))
                contents.add((s0, s1))
                continue
            if idx in by_sentence:
                self.sentence(s0, s1, [(a, b, known[t]) for a, b, t in by_sentence[idx] if known[t][0] != "none"])
        if headline is not None and headline[0] in by_sentence:
            # ... unless the body reports none of its kind ("Kazakhstan, Korea sign 11 documents" over a body
            # that tells the visit only): then the headline is where it is told
            told = {ev.type for ev in self.events}
            idx, s0, s1 = headline
            found = [(a, b, known[t]) for a, b, t in by_sentence[idx] if known[t][0] not in ("none", *told)]
            if found:
                self.sentence(s0, s1, found, headline=True)
        self.talks_of_people()
        self.meeting_subjects(contents)
        for ev in self.events:
            if self.name_of(ev) is None and ev.type in ("agreement", "project"):
                ev.name = self.purpose_object(ev)
        for ev in self.events:
            if ev.name is None and ev.type == "agreement":
                # "a deal ... for a 1,500 MW wind project": the document is named by the project it is for
                ev.name = next((p.name for p, end in self.purposes if end == ev.first[1] and p.name is not None
                                and ev.first[2] is not None and p.first[2] is not None
                                and ev.first[2] < p.first[2]), None)
        return self.events

    def purpose_object(self, ev: Event) -> tuple[int, int] | None:
        """A document or project its words leave unnamed, named by what it is for: "signed a similar
        agreement ... to develop solar energy projects in Ethiopia", "to establish a joint investment
        company", "where both sides will cooperate in the field of port operations": the object of the
        purpose verb or the field in its first sentence (after a document's trigger, in the same
        clause; a project's evidence opens with it). Languages whose names are read word by word name
        a document's purpose in its name already ("соглашение о строительстве ..."). English cues."""
        s0, s1, at = ev.first
        if at is None or self.by_words:
            return None
        if ev.type == "agreement":
            # (not past the next document of the sentence: "a protocol of the 8th meeting, an agreement on
            # cooperation in the field of metrology": the field is the agreement's)
            k = bisect_right(self.agreement_starts, at)
            s1 = min(s1, self.agreement_starts[k]) if k < len(self.agreement_starts) else s1
            m = self.c.PURPOSE.search(self.text, at, s1)
            field = FIELD_OF.search(self.text, at, m.start() if m else s1)
            if field is not None and not self.c.CLAUSE_BREAK.search(self.text, at, field.start()):
                # "... where both sides will cooperate in the field of port operations and logistics"
                return object_span(self.text, field.end(), s1)
            if m is None or self.c.CLAUSE_BREAK.search(self.text, at, m.start()) or \
                    NEW_CLAUSE.search(self.text, at, m.start()):
                return None
        else:
            m = self.c.PURPOSE.match(self.text, s0, at)
        if m is None or not m.group().lower().startswith(("to ", "will ")):
            return None   # "on the construction of ...": a name's own complement, found with it
        if CONTROL_VERB.search(self.text, max(s0, m.start() - 30), m.start()):
            return None   # "... and agreed to set up a working group": what the sides agreed, not what for
        span = object_span(self.text, m.end(), s1)
        if span is None or (ev.type == "project" and not span[0] <= at < span[1]):
            return None
        return span

    def short_forms(self, by_sentence: dict[int, list[tuple[int, int, str]]],
                    known: dict[str, tuple[str, str | None]]) -> list[tuple[int, int, str]]:
        """Later mentions of a document by the short form its name was given ("the EU-Vietnam Free Trade
        Agreement (EVFTA)" ... "The EVFTA came into force on August 1, 2020"), as (start, end, term of
        the document's trigger): they are triggers of that document too."""
        out = []
        # where a trigger word begins: "the FTA talks", "the FTA deal" mention that word's event, which
        # the short form only qualifies
        begins = {start for found in by_sentence.values() for start, _, _ in found}
        for found in by_sentence.values():
            for start, end, term in found:
                m = SHORT_FORM.match(self.text, end) if known[term][0] == "agreement" else None
                if m is None:
                    continue
                for later in re.compile(rf"\b{re.escape(m[1])}\b").finditer(self.text, m.end()):
                    a, b = later.span()
                    nxt = NEXT_WORD.match(self.text, b)
                    if nxt is not None and nxt.start(1) in begins:
                        continue
                    if self.doc.in_body(a, b) and not self.blocked.covers(a, b):
                        out.append((a, b, term))
                        # the document mentioned by its short form is named where the short form was given
                        self.short_of[(a, b)] = (*self.doc.sentence_of(start), start, end)
        return out

    def talks_of_people(self) -> None:
        """"Tokayev discussed energy projects with Chinese Vice Premier Ding Xuexiang in Astana on Monday":
        people of both sides of the article's pair who discussed something together, on a day or in a
        place, held a meeting, though no meeting word says so. Only where the article reports no meeting
        of its own (the talks are then the meeting the article is about)."""
        if len(self.main) != 2 or any(ev.type == "meeting" for ev in self.events):
            return
        for s0, s1 in self.doc.sentences:
            sent = self.text[s0:s1]
            if not self.doc.in_body(s0, s1) or not self.c.DISCUSSED_WITH.search(sent) or self.c.FUTURE.search(sent):
                continue
            sides = {p.country for span, p in self.person_spans if s0 <= span.start < s1 and p is not None}
            if not set(self.main) <= sides or not (self.within("date", s0, s1) or self.location(s0, s1)):
                continue
            parties, orgs, people = self.parties_of(s0, s1)
            self.add("meeting", "discussed", None, parties, orgs, people, s0, s1)
            return

    def topic_in_list(self, sent: str, at: int, end: int) -> bool:
        """Is the project word one item of a list of topics the sides discussed ("discussed industrial
        cooperation, transport logistics, supplies of farm products and energy")? Topics are sectors of
        the meeting, no project (SCHEMA.md). The list: two or more commas between the verb and the
        sentence's end, one of them before the word or right after its phrase."""
        verb = None
        for m in self.c.DISCUSSED.finditer(sent, 0, at):
            verb = m
        if verb is None or sent.count(",", verb.end()) < 2:
            return False
        between = sent[verb.end():at]
        after = sent[end:end + 60].split(",")[0] if "," in sent[end:end + 60] else None
        return "," in between or (after is not None and len(after.split()) <= 5)

    def exemplified(self, start: int, end: int, found: list[tuple[int, int, tuple[str, str | None]]]) -> bool:
        """Is the document word at sent[at:end] a batch with no count ("a number of documents", "ряд
        документов"), whose examples are the documents named next ("..., in particular an agreement
        on ...")? The named documents are the events then: the batch says no more than they do."""
        words = TOKEN_WORD.findall(self.text, max(0, start - 30), start)[-2:]
        if not words or not any(w.lower() in self.c.QUANTIFIERS for w in words) or \
                any(w[:1].isdigit() or w.lower() in self.c.NUMBERS for w in words):
            return False
        nxt = next((a for a, _, (t, _) in found if t == "agreement" and a > end), None)
        if nxt is None:
            return False
        gap = self.text[end:nxt]
        return len(gap) < 80 and ";" not in gap and self.c.EXAMPLES.search(gap) is not None

    def counted(self, pos: int) -> bool:
        """Does a count ("300 joint ventures", "около 300 совместных предприятий") take in the word at `pos`?"""
        return any(s.start < pos < s.end and s.data.get("unit") == "count" for s in self.doc.layer("amount"))

    def reported_before(self, idx: int) -> Event | None:
        """The last document, project or body the sentence before sentence `idx` reports (not a
        meeting: "among them" counts what was signed or agreed, not where)."""
        if idx == 0:
            return None
        before = self.doc.sentences[idx - 1]
        found = [ev for ev in self.events if before in ev.evidence and ev.type != "meeting"]
        return found[-1] if found else None

    def meeting_subjects(self, contents: set[tuple[int, int]]) -> None:
        """What "the parties" went on to agree or review after a meeting was held are subjects of
        that meeting: their sectors are the meeting's too. So are the sectors of every sentence
        after the article's first meeting that reports no event of its own ("Trade, energy and
        logistics were on the agenda"): the meeting is what the article reports. Not what the sides'
        documents hold (`contents`: "the sides reached agreements in areas such as ...")."""
        meetings = sorted(((ev.evidence[0][0], ev) for ev in self.events
                           if ev.type == "meeting" and ev.status == "discussed"), key=lambda m: m[0])
        if not meetings:
            return
        first, main = meetings[0]
        for a, b in self.doc.sentences:
            # a sentence whose subject is the sides, after a meeting was held (only those are searched)
            if a < first or (a, b) in contents or not self.c.SIDES_SUBJECT.search(self.text[a:b]) or \
                    self.c.BACKGROUND.search(self.text, a, b):
                continue
            ev = [ev for start, ev in meetings if start <= a][-1]
            ev.sectors = sorted(set(ev.sectors) | set(self.sectors(a, b)))
        cited = {span for ev in self.events for span in ev.evidence}
        title = (self.doc.title or "").strip()
        for a, b in self.doc.sentences:
            if (a, b) in cited or a < first or not self.doc.in_body(a, b) or self.c.BACKGROUND.search(self.text, a, b):
                continue
            if title and self.text[a:b].strip() == title:
                continue
            main.sectors = sorted(set(main.sectors) | set(self.sectors(a, b)))

    def listed_meetings(self, s0: int, s1: int, found: list[tuple[int, int, tuple[str, str | None]]]) -> \
            list[tuple[int, int, int, int]] | None:
        """"the meeting on June 28 in Abu Dhabi, their talks at the G20 summit on September 9 and
        the summit in July": a sentence that lists meetings, each followed by a date of its own,
        reports as many meetings (a meeting word before the date, "talks at the G20 summit", is
        part of the same one). Their (segment start, end, trigger start, end), each segment cut
        after the date of the one before; None unless the sentence lists two or more."""
        meetings = [(a, b) for a, b, (t, _) in found if t == "meeting"]
        if len(meetings) < 2:
            return None
        dates = [d for d in self.within("date", s0, s1) if d.value and not d.data.get("until")]
        items: list[tuple[int, int, Span]] = []   # (trigger start, end, its date)
        first: tuple[int, int] | None = None
        for k, (a, b) in enumerate(meetings):
            first = first or (a, b)
            hi = meetings[k + 1][0] if k + 1 < len(meetings) else s1
            gap = [d for d in dates if b <= d.start and d.end <= hi]
            if gap:
                items.append((first[0], first[1], gap[-1]))
                first = None
        if len(items) < 2 or first is not None or len({d.value for _, _, d in items}) < len(items):
            return None
        starts = [s0, *(LIST_JOINT.match(self.text, d.end).end() for _, _, d in items[:-1])]
        ends = [*(d.end for _, _, d in items[:-1]), s1]
        return [(starts[k], ends[k], a, b) for k, (a, b, _) in enumerate(items)]

    def sentence(self, s0: int, s1: int, found: list[tuple[int, int, tuple[str, str | None]]],
                 headline: bool = False) -> None:
        sent = self.text[s0:s1]
        if headline and (tail := ATTRIBUTION_TAIL.search(sent)) is not None:
            # "550 agreements signed at SPIEF-2018 - | Organizing committee": who says it, no event (in a headline:
            # a sentence's "Lima – Santiago railway" is a route)
            found = [f for f in found if f[0] < s0 + tail.start()]
        listed = self.listed_meetings(s0, s1, found)
        if listed is not None:
            for c0, c1, start, end in listed:
                parties, orgs, people = self.parties_of(c0, c1)
                status = "planned" if self.c.MEETING_FUTURE.search(self.text, c0, c1) else "discussed"
                self.add("meeting", status, None, parties, orgs, people, c0, c1, at=start, trigger_end=end)
            found = [f for f in found if f[2][0] != "meeting"]
        # "... signed a memorandum on Monday; similar deals were signed earlier with Qatar": each
        # clause of a sentence cut by semicolons has its own parties
        cuts = [s0 + m.end() for m in self.c.SEMICOLON.finditer(sent)]
        clauses = list(zip([s0, *cuts], [*cuts, s1], strict=True))
        whole: tuple[list[str], list[str], set[str]] | None = None

        def sides(clause: tuple[int, int] | None) -> tuple[list[str], list[str], set[str]]:
            """The parties, organizations and people of a clause, or of the sentence (None), found
            when an event is added (most triggers are dropped before) and for the sentence once."""
            nonlocal whole
            if clause is not None:
                return self.parties_of(*clause)
            if whole is None:
                whole = self.parties_of(s0, s1)
            return whole
        made: set[str] = set()
        met = False   # a verb of the sentence said a meeting took place ("met", "встретились")
        attached = False
        total_told = False   # the sentence counted all the documents told before ("Всего подписано 29 документов")
        last_document: tuple[int, int] | None = None   # the sentence's last document word so far
        for start, end, (etype, instrument) in found:
            at = start - s0
            before = sent[:at]
            if etype == "agreement":
                # "signed 12 agreements and memoranda", "соглашения и меморандумы": one batch of documents
                batch_again = last_document is not None and self.c.COORDINATED.match(
                    self.text, after_short_form(self.text, last_document[1]), start) is not None and \
                    self.many_at(last_document[0], True) and self.many_at(start, True)
                last_document = (start, end)
                if batch_again:
                    continue
            if self.in_anniversary(before[-130:]):
                continue   # "the tenth anniversary of the signing of the treaty": history
            if etype == "agreement" and (
                    self.c.FIRST_TO_SIGN.search(before[-140:])
                    or self.c.PAST_OCCASION.match(self.text, end, min(s1, end + 120))
                    or self.c.EARLIER_REACHED.search(before[-40:])):
                # "Chile was the first in the region to sign an FTA with China", "the agreements signed during
                # last year's visit", "ранее достигнутых договоренностей": history
                continue
            if etype == "agreement" and sent.rstrip().endswith(":") and self.c.FOLLOWING.search(before[-40:]) and \
                    self.opens_list(s0, s1):
                continue   # "... signed the following documents:": the documents are the items listed under it
            clause = next((a, b) for a, b in clauses if a <= start < b) if len(clauses) > 1 else None
            if etype == "agreement":
                if self.c.IDIOM.search(sent[max(0, at - 20):end - s0 + 12]):
                    continue
                agreements = sum(1 for _, _, (t, _) in found if t == "agreement")
                if sent[at:end - s0].lower() in self.c.LOOSE_TERMS and (
                        self.c.DEFINITE.search(before[-25:]) or agreements > 1):
                    continue   # "the deal", "among the largest deals, X signed a contract": named elsewhere
                near = TOKEN_WORD.findall(before[-40:])[-4:]
                total = total_told or any(w.lower() in self.c.TOTAL_WORDS for w in near)
                if total and self.many_at(start, True) and \
                        any(ev.type == etype and self.batch(ev) for ev in self.events):
                    # "... подписали ряд соглашений. Всего подписано 29 документов, в том числе ...; ряд
                    # документов в сфере энергетики": the documents told before, counted in all
                    self.attach(etype, None, s0, s1, trigger=(start, end), batch=True)
                    total_told = True
                    continue
                if self.exemplified(start, end, found):
                    continue   # "ряд документов в сфере энергетики, в частности соглашение о ...": told by its examples
                if sent[at:end - s0].lower() in self.c.REFERENCE_TERMS and self.has(etype, None) and \
                        (len(before.split()) <= 2 or not self.many_at(start, True)) and \
                        not self.c.ALSO.search(before) and not self.counted(start) and \
                        not any(w.lower() in self.c.QUANTIFIERS or w[:1].isdigit() for w in before.split()[-2:]) and \
                        self.name_span(s0, s1, start, end, etype) is None:
                    # "Документы были подписаны по итогам заседания": the documents told before (what
                    # the sentence goes on to tell of them, "согласно документу, средства пойдут на
                    # реализацию проекта ...", is still told)
                    self.attach(etype, None, s0, s1, trigger=(start, end))
                    continue
                status = self.agreement_status(sent, at)
                if status is None and self.c.SIGN_NOW.search(sent) and not sent.rstrip().endswith((".", "!", "?")) \
                        and (s0 >= self.top or headline):
                    # "Manturov and Saleh sign the final protocol": a caption or a heading in the body tells in
                    # the present what happened (the headline at the top restates the body, but for what the
                    # body does not tell: run)
                    status = "signed"
                listed_item = False
                if status is None and (intro := self.list_intro(s0)) is not None:
                    # "... saw the signing of the following documents:" / "2. An agreement between the
                    # governments on ...": an item of the list is a document of its own, as its opening says
                    status = self.agreement_status(self.text[intro[0]:intro[1]], intro[1] - intro[0])
                    listed_item = status is not None
                if status is None and self.c.MEMBERS_OF.search(sent) and (batch := next(
                        (ev for ev in reversed(self.events) if ev.type == etype and self.batch(ev)), None)) is not None:
                    # "... the ceremony of signing bilateral documents took place. These included: “Protocol of ...”,
                    # “Memorandum between ...”": each item named is one of the documents told, a document of its own
                    status, listed_item = batch.status, True
                if status is None and (another_doc := self.c.ANOTHER_DOCUMENT.search(sent)) and (last := next(
                        (ev for ev in reversed(self.events) if ev.type == etype), None)) is not None:
                    if at < another_doc.end() and any(t == "agreement" and a >= s0 + another_doc.end()
                                                      for a, _, (t, _) in found):
                        continue   # (its word for a document announces the one the sentence names)
                    status, listed_item = last.status, True   # "Ещё один важный документ – План ...": one more
                if self.c.SINCE_HISTORY.search(sent) and self.many_at(start):
                    continue   # "have signed more than 30 documents since diplomatic relations began": history
                if self.c.BODY_ON.search(before[-60:]):
                    continue   # "the joint committee on free trade agreements": what a body deals with
                if self.c.FRAMEWORK_DOC.search(before[-90:]) and not self.has(etype, None):
                    # "within the AfCFTA agreement": the framework the cooperation runs in (where documents were
                    # told, "under the 21 agreements on energy" is what they say: read on)
                    continue
                if etype in made and self.c.REFERRED.search(before[-40:]) and \
                        not self.c.INCLUDED_BEFORE.search(before[-30:]):
                    continue   # "signed an agreement extending the subsoil use contract"
                # "signed six agreements ... The second agreement was signed by the fund and the chamber":
                # one of the batch, told in its turn
                # (so is one named by its title: "signed two agreements ... inked the Bilateral Investment
                # Promotion and Protection Agreement")
                in_turn = listed_item or status is not None and (
                    self.c.ORDINAL_BEFORE.search(before[-20:]) is not None or self.titled(s0, s1, start, end)
                    or self.c.INCLUDED_BEFORE.search(before[-30:]) is not None) and \
                    any(ev.type == etype and self.batch(ev) for ev in self.events)
                # ("The agreements were signed by ...": the plural opening a sentence says all the
                # documents, of any kind)
                definite = self.definite(before, s0, s1, start, end, etype)
                # ("The nonbinding agreements were signed": an adjective may stand between)
                which = None if definite and instrument == "agreement" and self.many_at(start) else instrument
                if status is None or (definite and self.has(etype, which) and not in_turn):
                    self.attach(etype, which, s0, s1, trigger=(start, end))
                    attached = True
                    continue
                # "A loan agreement was also signed ...": one more document, not the one before
                another = in_turn or (self.c.INDEFINITE.search(before[-30:]) is not None
                                      and self.c.ALSO.search(sent) is not None)
                parties, orgs, people = sides(clause)
                ev = self.add(etype, status, instrument, parties, orgs, people, s0, s1, at=start, trigger_end=end,
                              distinct=another)
                if listed_item and ev.location is None:
                    # signed where the occasion the list's opening tells of was held
                    ev.location = next((e.location for e in reversed(self.events)
                                        if e.type == "meeting" and e.location and e.evidence[0][0] < s0), None)
                made.add(etype)
            elif etype == "working_group":
                if self.c.SESSION_OF.search(before) or not (self.c.ESTABLISH.search(sent)
                                                            or self.c.PROPOSE.search(sent)):
                    if not self.c.SESSION_OF.search(before) and (
                            self.numbered_body(start) or self.c.ORDINAL_BEFORE.search(before[-20:])) and \
                            (self.c.PAST_VERB.search(sent) or self.c.MEETING_FUTURE.search(sent)) and \
                            not any(t == "meeting" and end <= a <= end + 2 for a, _, (t, _) in found):
                        # "The 36th Ethiopia-Kenya Joint Ministerial Commission ... co-chaired": a body told by
                        # its number is one of its sittings (SCHEMA.md: a session of a body that exists; not
                        # "the 9th commission | meeting", where the meeting word tells that sitting)
                        parties, orgs, people = sides(clause)
                        status = "planned" if self.c.MEETING_FUTURE.search(self.text, end, s1) else "discussed"
                        self.add("meeting", status, None, parties, orgs, people, s0, s1, at=start, trigger_end=end)
                        made.add("meeting")
                    continue
                # the verb that governs a body comes before it or right after ("intend to
                # establish a working group ... by", "the creation of working groups was discussed")
                parties, orgs, people = sides(clause)
                self.add(etype, self.body_status(sent[:end - s0 + 40]), None, parties, [], people, s0, s1,
                         at=start, trigger_end=end)
                made.add(etype)
            elif etype == "meeting":
                if self.c.LEGISLATURE.match(self.text, end) or self.c.ROUTE_AFTER.match(self.text, end) or \
                        self.c.MET_OBJECT.match(self.text, end):
                    # "the session of the Majlisi Namoyandagon ratified ...": a legislature's sitting; "may meet the
                    # demand": an aim met
                    continue
                if self.c.SIDELINES_BEFORE.search(before[-70:]) and any(
                        f[2][0] == "meeting" and f[0] != start for f in found):
                    continue   # "met ... on the sidelines of | the UN General Assembly": where they met
                if last_document is not None and self.in_document_name(s0, s1, last_document, start):
                    continue   # "an agreement on the establishment of an annual forum": what it sets up
                if (self.c.PRESS_BEFORE.search(before[-12:]) or self.c.PRESS_TRIGGER.match(self.text, start, end)) and \
                        any(ev.type == "meeting" for ev in self.events):
                    continue   # "the press conference after the talks": part of the meeting told, naming none
                if self.c.PREVIOUS_BEFORE.search(before[-40:]) or self.c.EARLIER_CLAUSE.search(before[-100:]):
                    # "The previous, seventh session took place in Moscow in 2015", "decisions of the previous
                    # session", "two months after Kuczynski made his first foreign visit to China": an earlier
                    # occasion, history told to place the one reported (no event, and none of its words)
                    continue
                # where the next meeting word of the sentence starts
                nxt = min((a for a, _, (t, _) in found if a > end and t == "meeting"), default=s1)
                # (and "on a visit to Thailand, said they hoped that the third Joint Trade Committee meeting could be
                # held soon": a sitting of its own still to come, after an occasion that is not)
                own_future = self.c.MEETING_FUTURE.search(self.text, end, nxt) is not None and \
                    self.c.ORDINAL_NEAR.search(before[-70:]) is not None
                # ("the commission may meet on December 13, the minister said at the meeting with his counterpart":
                # the occasion of the saying, held, after one still to come)
                said_at = etype in made and self.c.SAID_AT.search(before[-60:]) is not None and any(
                    e.type == "meeting" and e.status == "planned" and (s0, s1) in e.evidence for e in self.events)
                # ("the first meeting of the Supreme Interstate Council, as well as the business forum and the 6th
                # meeting of the Business Council were held": occasions listed, each its own)
                earlier_here = [a for a, b, (t, _) in found if t == "meeting" and s0 <= a and b <= start]
                ordinal = self.c.ORDINAL_BEFORE.search(before[-15:])
                # (two sittings told by two numbers)
                numbered = etype in made and ordinal is not None and any(
                    (o := self.c.ORDINAL_BEFORE.search(self.text, max(s0, a - 15), a)) is not None and
                    o.group().strip().lower() != ordinal.group().strip().lower() for a in earlier_here)
                listed = numbered or (etype in made and bool(earlier_here) and
                                      self.c.AS_WELL_AS.search(before[-80:]) is not None and self.forum(start, end))
                if etype in made and not (met and self.c.NEXT_BEFORE.search(before[-40:])) and not said_at and \
                        not listed and not (
                        own_future and not any(e.type == "meeting" and e.status == "planned" and (s0, s1) in e.evidence
                                               for e in self.events)):
                    # "at a briefing after the meeting of the commission's co-chairs": one occasion,
                    # which the later words may name (but "met on Monday and agreed to hold the next
                    # meeting in Astana": the next one is another)
                    ev = next((e for e in reversed(self.events) if e.type == "meeting" and (s0, s1) in e.evidence),
                              None)
                    if ev is not None:
                        ev.named_at.append((s0, s1, start, end))
                    continue
                if self.c.GENERIC_BEFORE.search(before) or self.c.HABITUAL_AFTER.match(self.text, end - 1, s1) \
                        or self.c.NEGOTIATION_PAST.search(before[-30:]) \
                        or ("working_group" in made and self.c.ITS_MEETING.search(before[-20:])):
                    continue
                if self.c.NEGOTIATING.match(self.text, start, end) and self.c.NEGOTIATION_ON.match(self.text, end) and \
                        any(t == "agreement" and end < a <= end + NEGOTIATED_REACH for a, _, (t, _) in found) and \
                        not self.c.HELD_NOW.search(sent):
                    # "are holding negotiations on the conclusion of a free trade agreement", "ведут переговоры о
                    # заключении контрактов": the document negotiated is the event (discussed), not a meeting
                    continue
                if self.text[start:end].rsplit(" ", 1)[-1].lower() == "meet" and \
                        any(t == "working_group" for a, _, (t, _) in found if a < start) and \
                        any(e.type == "working_group" for e in self.events):
                    # "agreed to establish a business council, which will meet twice a year", "the working group
                    # will meet for the first time in London": how the body set up is to work, no meeting of its own
                    continue
                # "очередное заседание": the next one, unless the sentence says it was held
                coming = self.c.MEETING_FUTURE.search(sent)
                if coming is not None and nxt < s0 + coming.start():
                    coming = None   # "who is on a visit ..., hoped that the JTC meeting could be held": the later one's
                elif coming is not None and end <= s0 + coming.start() and \
                        self.c.AHEAD_OF.fullmatch(coming.group(0)) is not None:
                    coming = None   # "held talks in Astana ahead of the summit": the summit is to come, the talks held
                future = coming is not None or (
                    self.c.MEETING_NEXT.search(sent) is not None and self.c.MEETING_HELD.search(sent) is None) or \
                    self.c.PREPARED_FOR.search(before[-50:]) is not None   # "preparations for the visit ..."
                if future and self.c.HELD_NOW.search(sent) and not self.c.STILL_TO_COME.search(sent):
                    future = False
                if self.c.MET_PAST.fullmatch(self.text, start, end):
                    future = False   # "met in Muscat on Monday and agreed to hold the next meeting ...": held
                    met = True
                if said_at:
                    future = False
                sitting = numbered or self.another_sitting(s0, s1, start, end)
                if not sitting and (again := self.sitting_named(s0, s1, start, end)) is not None:
                    # "... the 18th meeting of the commission" again, in other words or another case
                    again.cite(s0, s1)
                    again.named_at.append((s0, s1, start, end))
                    again.sectors = sorted(set(again.sectors) | set(self.sectors(s0, s1)))   # what it discussed
                    if not self.is_dated(again):
                        # "... co-chaired the fourth meeting" and then "on July 20 co-chaired the fourth meeting"
                        when, own = self.dated(s0, s1, again.status, etype, start)
                        if own:
                            again.date, again.dated = when, True
                    made.add(etype)
                    continue
                forum = self.forum(start, end)
                like = any(ev.type == "meeting" and ev.forum == forum for ev in self.events)
                if not future and not met and self.ahead(s0, s1, end) and not self.c.PAST_VERB.search(sent):
                    future = True   # "The meeting of the commerce secretaries in November would lay down ..."
                # (up to the next meeting word: "The visit is a follow-up to the meeting in September" dates
                # the meeting, not the visit)
                earlier = self.earlier_occasion(s0, nxt, start, end)
                possessed = self.c.POSSESSED.search(before[-25:]) is not None   # "In their talks, ..."
                if (self.c.BACKREF.search(before) or self.definite(before, s0, s1, start, end, etype) or possessed) \
                        and like and not future and not sitting and not earlier and not said_at:
                    # "during the meeting the leaders discussed ... in the oil and gas industry": what
                    # was discussed there is what the meeting covered
                    covered = possessed or self.c.DISCUSSED_WITH.search(sent) is not None
                    self.attach(etype, None, s0, s1, content=covered, trigger=(start, end))
                    continue
                status = "planned" if future else "discussed"
                parties, orgs, people = sides(clause)
                held_before = etype in made   # "met ... and agreed to hold the next meeting": a second one
                self.add(etype, status, None, parties, orgs, people, s0, s1,
                         met_with=bool(self.c.MET_WITH.search(sent)), at=start, trigger_end=end,
                         distinct=sitting or held_before, earlier=earlier)
                if held_before and self.events[-1].first[2] == start:
                    # its date is one said after it, not the day of the meeting held
                    ev = self.events[-1]
                    ev.date, ev.dated = self.dated(start, s1, status, etype, start)
                made.add(etype)
            elif etype == "project":
                if sent[at:at + 1].isupper() and any(
                        t2 != "project" and a2 > start and self.text[a2:a2 + 1].isupper()
                        and TITLE_GAP.fullmatch(self.text, end, a2) for a2, _, (t2, _) in found):
                    continue   # "the Kazakh Investment Forum": a word of another event's name
                context = sent[:at] + " " + sent[end - s0:]
                term = sent[at:end - s0].lower()
                # "signed an agreement ... to develop two solar power plants": the document's object
                # is a project of its own, told from where the purpose opens (not dated by the signing)
                purpose = self.c.PURPOSE.search(self.text, max(s0, start - 120), end) if "agreement" in made else None
                if purpose is None and "agreement" in made:
                    # "will sign a $2.4 billion deal with the government for a 1,500 MW wind project"
                    purpose = self.c.FOR_OBJECT.search(self.text, max(s0, start - 60), start)
                for_document = purpose is not None
                # "... and also agreed to implement joint projects": a clause, and a project, of its own
                if made and purpose is None:
                    purpose = self.c.ALSO_AGREED.search(self.text, max(s0, start - 80), start)
                if (made and not purpose) or attached or self.c.VAGUE_INTENT.search(sent) or \
                        self.c.CONDITIONAL.search(before) or self.c.COOPERATION_IN.search(before):
                    continue   # a sector of cooperation, an intention, a condition: no project
                intro = None
                if term not in self.c.SELF_EVIDENT and not self.c.PROJECT_CONTEXT.search(context):
                    # "... will take part in carrying out the following initiatives:" above "- construction of a
                    # solar plant ... — $270 million;": the list's opening line tells what its items are
                    intro = self.list_intro(s0)
                    if intro is None or not self.c.PROJECT_CONTEXT.search(self.text, intro[0], intro[1]):
                        continue
                if self.counted(start) and self.c.OPERATING.search(sent):
                    continue   # "about 300 joint ventures operate in Armenia": a statistic
                if self.c.SUPPLY_WORD.match(term) and self.topic_in_list(sent, at, end - s0):
                    continue   # "discussed industrial cooperation, logistics, supplies of grain and energy"
                if self.has(etype, None) and (self.c.PRONOUN_START.match(sent) or (
                        self.c.DEFINITE.search(before[-25:]) and self.c.PROJECT_AGAIN.match(sent[end - s0:]))
                        or self.bare_again(s0, s1, start, end)):
                    self.attach(etype, None, s0, s1, trigger=(start, end))
                    attached = True
                    continue
                if term in generic_triggers() and self.c.FIELD_BEFORE.search(before[-30:]):
                    continue   # "trade and investment": a field of cooperation
                if term in generic_triggers() and not self.concrete(s0, s1) and \
                        self.name_span(s0, s1, start, end, etype) is None:
                    continue   # "discussed joint projects", "further investment": no concrete object
                p0 = purpose.start() if purpose else s0
                parties, orgs, people = sides(clause)
                status = self.project_status(sent if intro is None else self.text[intro[0]:intro[1]])
                self.add(etype, status, None, parties, orgs, people, p0, s1, at=start, trigger_end=end)
                if for_document:
                    self.purposes.append((self.events[-1], s1))
                made.add(etype)

    def definite(self, before: str, s0: int, s1: int, start: int, end: int, etype: str) -> bool:
        """Does the mention point to an event told before: "the agreement", "this meeting", or, in
        a language without articles, the bare word opening its sentence ("Соглашение было
        подписано во время визита": the one just reported; not "Соглашение о торговле ...")?"""
        if self.c.DEFINITE.search(before[-25:]):
            return True
        return self.c.BARE_DEFINITE.match(before) is not None and self.name_span(s0, s1, start, end, etype) is None

    def numbered_body(self, at: int) -> bool:
        """Is the body whose name holds the word at `at` told by an ordinal right before it ("the 36th |
        Ethiopia-Kenya Joint Ministerial Commission")?"""
        body = self.body_at(at)
        return body is not None and self.c.ORDINAL_BEFORE.search(self.text, max(0, body.start - 20), body.start) \
            is not None

    def body_at(self, at: int) -> Span | None:
        """The organization's mention that holds the offset `at`, if any."""
        return next((s for s in self.doc.layer("org") if s.start <= at < s.end), None)

    def set_up(self, at: int) -> bool:
        """Is the body whose name holds the word at `at` the object of a verb that sets it up, right before
        it ("agreed to establish the Uzbek-Hungarian Business Council", "создать совместную комиссию") or
        after it in the passive ("... would be established", "... будет создана")?"""
        body = self.body_at(at)
        if body is None:
            return False
        verbs = list(self.c.ESTABLISH.finditer(self.text, max(0, body.start - 40), body.start))
        if verbs and len(self.text[verbs[-1].end():body.start].split()) <= 1:
            return True
        # "a Joint Working Group on Industry would be established": the verb after it, in the passive
        return self.c.SET_UP_AFTER.match(self.text, body.end) is not None

    def days_of(self, s0: int, at: int | None) -> int:
        """How many days a meeting spans, as said right before its word ("two-day official visit",
        "двухдневный визит"); 1 where nothing says."""
        m = self.c.DAYS_BEFORE.search(self.text, max(s0, at - 40), at) if at is not None else None
        if m is None:
            return 1
        n = m.group("n").lower()
        return int(n) if n.isdigit() else self.c.NUMBERS.get(n, 1)

    def in_document_name(self, s0: int, s1: int, document: tuple[int, int], at: int) -> bool:
        """Is the word at `at` what the document whose trigger is `document` sets up, inside its name
        ("agreement on the establishment of an annual forum", "соглашение о создании межрегионального
        форума"; not "протокол 17-го заседания комиссии": the minutes of a sitting held)?"""
        if not self.c.ESTABLISH.search(self.text, document[1], at):
            return False
        span = self.name_span(s0, s1, document[0], document[1], "agreement")
        return span is not None and document[1] <= at < span[1]

    def other_document(self, a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
        """Do two agreement names state two subjects ("memorandum on visa-free travel", "memorandum
        on a joint fund"), neither's words holding the other's? Words are compared by their first
        five letters, so that the cases of one word agree ("о фонде", "о фонда")."""
        subjects = []
        for span in (a, b):
            m = SUBJECT_OPENER.search(self.name_text(span) or "")
            if m is None:
                return False
            subjects.append({w[:5] for w in re.findall(r"\w+", m.string[m.end():])})
        return not (subjects[0] <= subjects[1] or subjects[1] <= subjects[0])

    def other_object(self, a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
        """Do two project names share no word (by its first five letters) but those many names hold
        ("Development Project"): two objects?"""
        if a is None or b is None:
            return False
        shared = shared_words()
        words = [{w[:5] for w in re.findall(r"\w+", self.name_text(span) or "") if len(w) > 3 and w not in shared}
                 for span in (a, b)]
        return bool(words[0]) and bool(words[1]) and not words[0] & words[1]

    def bare_again(self, s0: int, s1: int, start: int, end: int) -> bool:
        """"The investment in the project will total $95 million": a bare "project", right after
        one was reported (within two sentences), is that one again; so is the object of "construction
        of" said with no more than "the facility" once a project was reported."""
        if self.c.THE_OBJECT.match(self.text, end, s1) and any(ev.type == "project" for ev in self.events):
            return True   # "The construction of the facility is scheduled to begin": the plant reported before
        if self.text[start:end].lower() not in self.c.BARE_PROJECT or \
                self.name_span(s0, s1, start, end, "project") is not None:
            return False
        last = max((ev.evidence[-1][0] for ev in self.events if ev.type == "project"), default=None)
        if last is None:
            return False
        starts = [a for a, _ in self.doc.sentences]
        return 0 < _index(starts, s0) - _index(starts, last) <= 2

    def name_text(self, span: tuple[int, int] | None) -> str | None:
        return " ".join(self.text[span[0]:span[1]].split()).lower() if span else None

    def sitting_name(self, s0: int, s1: int, start: int, end: int) -> str | None:
        """The name of an ordinal sitting of a named body ("the first meeting of the joint working group"), or
        None where the meeting word has no ordinal or names no body after it."""
        if not self.c.ORDINAL_BEFORE.search(self.text, max(s0, start - 20), start):
            return None
        span = self.name_span(s0, s1, start, end, "meeting")
        return self.name_text(span) if span is not None and span[1] > end else None

    def meeting_named(self, name: str) -> Event | None:
        """The meeting found already that bears this ordinal sitting's name, in any case or spelling
        (same_name), or with one word more or less ("11-е заседание армяно-иранской комиссии", "совместного
        11-го заседания армяно-иранской комиссии": the same ordinal of the same body)."""
        return next((ev for ev in self.events
                     if ev.type == "meeting" and same_name(self.name_text(self.name_of(ev)), name, sitting=True)), None)

    def another_sitting(self, s0: int, s1: int, start: int, end: int) -> bool:
        """"the first meeting of the joint working group" after talks were reported: an ordinal
        sitting of a named body is a meeting of its own, unless a meeting found already bears
        that name."""
        name = self.sitting_name(s0, s1, start, end)
        return name is not None and self.meeting_named(name) is None and self.unnumbered_sitting(name) is None

    def unnumbered_sitting(self, name: str) -> Event | None:
        """The meeting found already that is a sitting of the same body told without its number ("the
        January 26 session of the Armenia-Georgia Intergovernmental Commission for Economic Cooperation",
        then "the 13th session of the Intergovernmental Commission for Economic Cooperation between
        Armenia and Georgia"): every word of the body's name is among its words."""
        body = _body_words(name, self.c.SITTING_WORDS)
        if not body:
            return None
        found = []
        for ev in self.events:
            other = self.name_text(self.name_of(ev)) if ev.type == "meeting" else None
            if other is None or self.c.NUMBERED.search(other) or \
                    any(w[:4] in ordinal_stems() for w in re.findall(r"\w+", other)):
                continue
            # (the body as the sentences that told it name it: its name may stop short of its remit)
            told = {w[:4] for a, b in ev.evidence for w in re.findall(r"\w+", self.text[a:b].lower())}
            # (or the one told first by a shorter name the numbered one's holds: "заседание Межправительственной
            # комиссии", then "27-е заседание Монголо-российской межправительственной комиссии по ...")
            other_body = _body_words(other, self.c.SITTING_WORDS)
            if (body <= told or (len(other_body) >= 2 and other_body <= body)) and other_body & body:
                found.append(ev)
        # (a body named by its head word alone, "the 15th session of the commission", is the one sitting
        # told of such a body, where there is one)
        return found[0] if found and (len(body) >= 2 or len(found) == 1) else None

    def sitting_named(self, s0: int, s1: int, start: int, end: int) -> Event | None:
        """The meeting found already whose name an ordinal sitting bears again ("the 18th meeting of the
        commission" ... "at the 18th meeting of the commission"), if any."""
        name = self.sitting_name(s0, s1, start, end)
        return None if name is None else self.meeting_named(name)

    def earlier_occasion(self, s0: int, s1: int, start: int, end: int) -> bool:
        """"... was elevated during the visit to India of President Macri in February 2019", after talks
        reported this month: a visit its own words date (right after it) before the publication month,
        and on no day of the meetings found, is an earlier visit, not those said again."""
        if not self.month or self.text[start:end].lower().split()[-1] not in self.c.VISIT_WORDS:
            return False
        # (its date may stand before it: "The 2014 visit of Chinese Premier Li Keqiang")
        near = self.within("date", max(s0, start - 25), start) + self.within("date", end, min(s1, end + 90))
        when = next((d.value for d in near if "/" not in d.value and not self.figure_period(d)), None)
        if when is None or when[:7] >= self.month[:7]:
            return False
        return not any(ev.type == "meeting" and ev.date and (ev.date.startswith(when) or when.startswith(ev.date))
                       for ev in self.events)

    def concrete(self, s0: int, s1: int) -> bool:
        """Does the sentence name a concrete object a vague project word can stand for: an amount,
        a company or fund, a named facility ("the port of Chabahar", "the Middle Corridor"), or a
        definite one it opens with ("The fund, ...")?"""
        if self.within("amount", s0, s1):
            return True
        if any(self.orgs.get(o.value) is not None and self.orgs[o.value].kind not in ("ministry", "commission")
               for o in self.within("org", s0, s1)):
            return True
        return self.c.FACILITY.search(self.text, s0, s1) is not None or \
            self.c.OBJECT_SUBJECT.match(self.text, s0, s1) is not None

    def has(self, etype: str, instrument: str | None) -> bool:
        return any(ev.type == etype and (instrument is None or ev.instrument == instrument) for ev in self.events)

    def forum(self, start: int | None, end: int | None) -> bool:
        """Is the meeting word at text[start:end] a forum ("Business Forum", "бизнес-форума")?"""
        return start is not None and end is not None and self.c.FORUM.search(self.text, start, end) is not None

    def attach(self, etype: str, instrument: str | None, s0: int, s1: int, content: bool = False,
               trigger: tuple[int, int] | None = None, batch: bool = False) -> None:
        """A later mention of an event already found ('the memorandum will serve ...'); with
        `content`, the sentence tells what the event covers, so its sectors are the event's too;
        with `batch`, the mention is of an event first told as many documents.
        A later mention may name what the first left unnamed ('the Astana Declaration')."""
        forum = etype == "meeting" and trigger is not None and self.forum(*trigger)
        for ev in reversed(self.events):
            if ev.type == etype and (instrument is None or ev.instrument == instrument) and \
                    (etype != "meeting" or trigger is None or ev.forum == forum) and (not batch or self.batch(ev)):
                ev.cite(s0, s1)
                if trigger is not None:
                    ev.named_at.append((s0, s1, trigger[0], trigger[1]))
                    if ev.location is None and etype == "meeting" and (
                            self.c.HELD_NOW.search(self.text, s0, s1) or self.c.MEETING_HELD.search(self.text, s0, s1)):
                        ev.location = self.location(s0, s1)   # "Заседание прошло в пятницу в Москве"
                    if not self.is_dated(ev) and (etype != "agreement" or self.c.SIGNED.search(self.text, s0, s1)):
                        # "The protocols ... were signed on September 16, 2019": the event's own day (not
                        # "under the agreement, loans will come over three years starting 2018")
                        when, own = self.dated(s0, s1, ev.status, etype, trigger[0])
                        if own:
                            ev.date, ev.dated = when, True
                if content:
                    ev.sectors = sorted(set(ev.sectors) | set(self.sectors(s0, s1)))
                return

    def add(self, etype: str, status: str, instrument: str | None, parties: list[str], orgs: list[str],
            people: set[str], s0: int, s1: int, met_with: bool = False, at: int | None = None,
            trigger_end: int | None = None, distinct: bool = False, earlier: bool = False) -> Event:
        """A new event, or one more mention of an event found with the same key; `distinct`: a
        mention that names an event of its own ("the first meeting of the working group") merges
        only into an event of that name; `earlier`: a visit its own words date before the
        publication month merges into none of another year. Returns the event the mention made or joined."""
        def name() -> tuple[int, int] | None:
            return self.name_span(s0, s1, at, trigger_end, etype) \
                if at is not None and trigger_end is not None else None

        when = self.event_date(s0, s1, status, etype, at, trigger_end)
        sectors = self.own_sectors(s0, s1, at, name) if etype == "agreement" else self.sectors(s0, s1)
        if (at, trigger_end) in self.short_of and (given := self.name_span(*self.short_of[(at, trigger_end)],
                                                                          "agreement")) is not None:
            sectors = sorted(set(sectors) | set(self.sectors(*given)))   # "the EVFTA": a free trade agreement
        ev = Event(etype, status, instrument, parties, orgs, when,
                   self.location(s0, s1) if etype in ("meeting", "agreement") else None,
                   sectors, [(s0, s1)], set(people), first=(s0, s1, at),
                   forum=etype == "meeting" and self.forum(at, trigger_end),
                   days=self.days_of(s0, at) if etype == "meeting" else 1)
        if at is not None and trigger_end is not None:
            ev.named_at.append((s0, s1, at, trigger_end))
            if (at, trigger_end) in self.short_of:
                ev.named_at.append(self.short_of[(at, trigger_end)])
        key = ev.key()
        for other in self.events:
            if other.key() != key:
                continue
            # "Earlier in the day, Borrell met with President Tokayev": a meeting with someone new (but
            # "Nazarbayev, in China on a state visit, held talks with Xi": the visit's talks, with the
            # host it had not named, unless the words say it is another meeting: "also met with")
            if met_with and people and not people <= other.people and (
                    not other.people < people or self.c.ALSO.search(self.text, s0, at if at is not None else s1)):
                continue
            if distinct and (self.name_of(other) is None or not same_name(self.name_text(self.name_of(other)),
                                                                          self.name_text(name()))):
                continue
            if ev.date and other.date and not (ev.date.startswith(other.date) or other.date.startswith(ev.date)) \
                    and self.is_dated(ev) and self.is_dated(other) \
                    and not (ev.spans_day(other.date) or other.spans_day(ev.date)):
                continue   # the same kind of event on another day is another happening (not within a visit's days)
            if ev.date and other.date and ev.date[:4] != other.date[:4] and (
                    earlier or (etype == "agreement" and self.is_dated(ev) != self.is_dated(other))):
                # "the 2014 visit" after talks this month; "a collaboration agreement ... in December
                # 2016" after three agreements signed this month: another year, another happening
                continue
            if etype == "agreement" and self.other_document(name(), self.name_of(other)):
                continue   # "a memorandum on visa-free travel" ... "a memorandum on a joint fund"
            if etype == "project" and self.other_object(name(), self.name_of(other)):
                continue   # "transportation of cargo along the corridor" ... "direct flights between the capitals"
            if etype == "agreement" and (many := self.batch(other)) != self.batch(ev) and (
                    self.on_subject(name() if many else self.name_of(other))
                    or self.indefinite_at((ev if many else other).first[2])):
                # "signed a number of agreements ...", "also an agreement on solar plants": one of them
                # ("signed a deal to expand a currency swap ... also announced 30 deals": one told in its turn)
                continue
            other.cite(s0, s1)
            other.people |= people
            other.sectors = sorted(set(other.sectors) | set(ev.sectors))
            if other.date is None or (not self.is_dated(other) and self.is_dated(ev)):
                # "the 14th meeting ... on Thursday": a date of its own beats the publication month
                other.date, other.dated = ev.date or other.date, self.is_dated(ev) or other.dated
            other.location = other.location or ev.location
            other.named_at.extend(ev.named_at)
            if other.type == "meeting" and other.name is not None:
                self.name_of(other)   # (a later mention that numbers the sitting names it: see name_of)
            return other
        self.events.append(ev)
        return ev

    def titled(self, s0: int, s1: int, start: int, end: int) -> bool:
        """Is the document whose trigger is text[start:end] named by a title of its own, in capitals
        ("the Bilateral Investment Promotion and Protection Agreement", "a Trade Agreement")? Not a
        plural ("Agreements") nor a short form alone."""
        if not self.text[start:start + 1].isupper() or self.many_at(start):
            return False
        span = self.name_span(s0, s1, start, end, "agreement")
        if span is None or span == (start, end):
            return False
        words = [w for w in TITLE_WORDS.findall(self.text, span[0], span[1]) if w.lower() not in TITLE_SMALL]
        return all(w[:1].isupper() for w in words)

    def indefinite_at(self, at: int | None) -> bool:
        """Is the English document word at `at` told with "a" or "an" ("signed a deal with ...")?"""
        return at is not None and not self.by_words and \
            INDEFINITE_ARTICLE.search(self.text, max(0, at - 30), at) is not None

    def batch(self, ev: Event) -> bool:
        """Was the event first told as many documents ("signed 29 agreements", "ряд соглашений")?"""
        return self.many_at(ev.first[2])

    def many_at(self, at: int | None, may_be: bool = False) -> bool:
        """Is the document word at `at` a plural ("agreements", "memoranda", "соглашений")? With
        `may_be`, a Russian word that may be read as one ("соглашения") counts too."""
        m = WORD_AT.match(self.text, at) if at is not None else None
        if m is None:
            return False
        word = m.group()
        if self.by_words:
            return morph.only_plural(word) or (may_be and morph.plural(word))
        return word.lower().endswith(("s", "memoranda"))

    def on_subject(self, span: tuple[int, int] | None) -> bool:
        """Does a document's name state its subject ("agreement on cooperation in solar power"), or is it a title
        in capitals ("the Strategic Partnership Treaty")?"""
        if SUBJECT_OPENER.search(self.name_text(span) or "") is not None:
            return True
        words = TITLE_WORDS.findall(self.text, span[0], span[1]) if span is not None else []
        return len(words) > 1 and all(w[:1].isupper() for w in words if w.lower() not in TITLE_SMALL)

    def name_of(self, ev: Event) -> tuple[int, int] | None:
        """The event's name: from the first of its mentions that names it (looked for once); of a meeting, the
        first that gives its number, where a later one does ("Протокол заседания комиссии подписан" over "27-е
        заседание ... комиссии": the sitting told by its number)."""
        while ev.name is None and ev.named_at:
            s0, s1, start, end = ev.named_at.pop(0)
            ev.name = self.name_span(s0, s1, start, end, ev.type)
        if ev.type == "meeting" and ev.name is not None:
            while ev.named_at:
                later = self.name_span(*ev.named_at.pop(0), ev.type)
                if later is not None and self.numbered_over(ev.name, later):
                    ev.name = later
        return ev.name

    def numbered_over(self, name: tuple[int, int], other: tuple[int, int]) -> bool:
        """Does the sitting's name `other` give its number where `name` does not, saying as much at least (not
        "the 4th meeting" over "meeting of the Saudi-Uzbek Business Council")?"""
        return NUMBERED.search(self.text, other[0], other[1]) is not None and \
            NUMBERED.search(self.text, name[0], name[1]) is None and \
            len(self.text[other[0]:other[1]].split()) >= len(self.text[name[0]:name[1]].split())

    def is_dated(self, ev: Event) -> bool:
        """Is the event's date its own (not the publication month it fell back on)?"""
        if ev.dated is None:
            s0, s1, at = ev.first
            ev.dated = self.dated(s0, s1, ev.status, ev.type, at, ev.date)[1] if ev.date else False
        return ev.dated


BRACKETED = re.compile(r"\s*\([^()]*\)")
BY_BEFORE = re.compile(r"\b(?:by|before|until|till)\s+$", re.I)
# a sitting's number in its name: "27-е", "14th", "XVI", "fifth", "пятое"
NUMBERED = re.compile(r"\b(?:\d+(?:-?[а-яё]{1,3}|st|nd|rd|th)|[IVXL]{2,}|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|перв\w+|втор\w+|трет\w+|четв[её]рт\w+|пят\w+|шест\w+|седьм\w+|восьм\w+|"
                      r"девят\w+|десят\w+)\b", re.I)


SITTING_STEMS = dict.fromkeys(("sess", "meet", "sitt", "сесс", "засе"), "<sitting>")


def same_name(a: str | None, b: str | None, sitting: bool = False) -> bool:
    """Do two names say the same words, each compared by its first four letters and endings of one or two
    letters left out ("1st Azerbaijani-Turkish Energy Forum", "1st Azerbaijani-Turkey energy forum";
    "18-го заседания", "18-е заседание")?"""
    if a is None or b is None:
        return a == b
    # (a short form in brackets is no word of the name: "... Joint Committee on Bilateral Cooperation (JCBC-4)")
    words = [{w[:4].lower() for w in re.findall(r"\w+", BRACKETED.sub("", name)) if len(w) > 2 or w.isdigit()}
             for name in (a, b)]
    if sitting and words[0] != words[1]:
        # (with `sitting`, two names of an ordinal sitting: the same number, and every word of the shorter in
        # the longer; or the number and the sitting alone, "the fifth session", and the same with its body's name)
        # (a session is a sitting: "9-я сессия комитета" and "9-е заседание комитета" name one)
        small, large = sorted(({SITTING_STEMS.get(w, w) for w in ws if len(w) > 3 or w[:1].isdigit()}
                               for ws in words), key=len)
        ordinal = any(w[:1].isdigit() or w in ordinal_stems() for w in small)
        # (the longer may add the body's whole remit: "12-е заседание Совместной межправительственной комиссии"
        # is "12-е заседание Совместной межправительственной комиссии по экономическому сотрудничеству между ...")
        return ordinal and small < large and len(small) >= 2
    return words[0] == words[1]


def _body_words(name: str, sitting_words: frozenset[str]) -> set[str]:
    """The first four letters of the words of the body a sitting's name names (no number, no word of
    the sitting itself, no small word)."""
    return {w[:4] for w in re.findall(r"\w+", name.lower())
            if len(w) > 3 and not w[:1].isdigit() and w not in sitting_words and w[:4] not in ordinal_stems()}


@cache
def ordinal_stems() -> frozenset[str]:
    """The first four letters of the ordinal words that open a meeting's name ("fift" of "fifth")."""
    return frozenset(w[:4] for w in ordinal_words())


def _is_title(sentence: str, title: str) -> bool:
    """Is the sentence the headline, whitespace aside, or the headline with a last word wrapped to a line of
    its own that the title left out ("... eye Caspian power" + "cable")?"""
    sentence, title = " ".join(sentence.split()), " ".join(title.split())
    rest = sentence[len(title):] if sentence.startswith(title) else None
    return rest is not None and (not rest or (rest[0] == " " and " " not in rest[1:]))


def _index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def as_record(doc: Document, ev: Event) -> dict:
    s0, s1 = ev.evidence[0]
    date = ev.date
    last = date.split("/")[-1] if date else ""
    if ev.status == "planned" and ev.type in ("meeting", "agreement") and last and doc.published and \
            last < doc.published[:len(last)]:
        date = None   # a sitting or a signing still to come is never dated before the report (an earlier one's date)
    # a name wrapped over lines reads as one line; its span points at the text as written
    name = {"name": " ".join(doc.text[ev.name[0]:ev.name[1]].split()),
            "name_span": {"start": ev.name[0], "end": ev.name[1]}} if ev.name else {"name": None, "name_span": None}
    return {
        "type": ev.type, "name": name["name"], "instrument": ev.instrument, "status": ev.status, "parties": ev.parties,
        "organizations": ev.organizations, "date": date, "location": ev.location, "sectors": ev.sectors,
        "evidence": doc.text[s0:s1],
        "evidence_spans": [{"start": a, "end": b} for a, b in ev.evidence],
        "name_span": name["name_span"],
    }


@component("events")
def annotate(doc: Document) -> None:
    events = EventFinder(doc).run() if doc.meta.get("prose", True) else []
    doc.meta["events"] = [as_record(doc, e) for e in events]
    sectors = {s.value for s in doc.layer("sector")}
    doc.meta["sectors"] = sorted(sectors)
