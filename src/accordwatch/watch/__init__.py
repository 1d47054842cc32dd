"""Watching sources and telling analysts what is new (DESIGN.md, "watch/").

    sources.py   the feeds and pages to poll, their schedule and health (table `sources`)
    fetch.py     HTTP GETs for the poll: conditional (ETag, Last-Modified), polite per host,
                 checked like ingest's (no private addresses, every redirect checked)
    poll.py      one poll of one source: what is new in it goes through ingest/ and store/
    alerts.py    saved searches: their filters and what newly matches them
    atom.py      the Atom feed of a saved search
    deliver.py   webhooks (signed with HMAC-SHA256) and e-mail, through a delivery ledger
    loop.py      `accordwatch watch`: poll what is due, deliver what is new, until stopped

It calls ingest/ and store/ as the CLI does; store/ knows nothing of it.
"""
