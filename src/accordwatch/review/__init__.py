"""Verified by people (DESIGN.md, "review/"): accounts and roles, sessions and API tokens, reviews of
facts and the audit log.

    accounts.py   users (Argon2id password hashes, argon2-cffi), roles, lockout after failed logins,
                  login sessions and API tokens (random tokens; the database keeps their SHA-256)
    audit.py      every change: who, when, what, before and after
    facts.py      confirming, correcting, rejecting and adding a figure or an event: a review row
                  (the overlay store.overlay applies to the stored facts) and its audit entry
    entities.py   the same for the people, organizations and countries an article names, and merging
                  and splitting entities (store.entity_overlay applies them)
    gold.py       reviewed articles as gold records; score.py scores the extractor against them

It writes through store/; query/ and every face read the reviewed values the overlay leaves in the
stored rows.
"""
