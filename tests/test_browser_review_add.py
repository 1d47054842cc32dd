"""Adding a missed fact in a real browser (P13): an editor selects the words of the article that state it,
fills in its values and adds it without the page loading again; the fact list and the highlighted text then
show it, at the characters the editor selected. Uses tests/test_browser_review.py's site (the sample
database with an editor, served by uvicorn) and its chromium set-up, skipped the same way without it."""
from __future__ import annotations

from test_browser import context as context  # noqa: F401  (the fixture: chromium)
from test_browser_review import log_in
from test_browser_review import site as site  # noqa: F401  (the fixtures)
from test_browser_review import tab as tab  # noqa: F401

# in examples/articles/a01_kaz_uzb_roadmap.txt; the extractor reports no event in its sentence
CENTER = "International Center for Industrial Cooperation “Central Asia”"

# the browser selects the characters [start, end) of the article's text, as the editor's mouse would
SELECT = """([start, end]) => {
  const root = document.querySelector("[data-testid=article-text]");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0, range = document.createRange(), node;
  while ((node = walker.nextNode())) {
    const n = node.data.length;
    if (seen <= start && start <= seen + n) range.setStart(node, start - seen);
    if (seen <= end && end <= seen + n) { range.setEnd(node, end - seen); break; }
    seen += n;
  }
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return range.toString();
}"""


def test_an_editor_adds_an_event_from_the_selected_words(tab, site):  # noqa: F811
    page = tab.page
    log_in(tab, "erin", f"/article/{site.roadmap_id}")
    text = page.locator("[data-testid=article-text]").inner_text()
    start = text.index(CENTER)
    page.evaluate("window.__sameDocument = true")
    form = page.locator("form[data-add-form]")
    page.locator("[data-testid=add-fact] summary").click()
    # selecting words outside the article's text leaves the form as it was
    page.evaluate("""() => { const r = document.createRange(); r.selectNodeContents(document.querySelector("h1"));
                     document.getSelection().removeAllRanges(); document.getSelection().addRange(r); }""")
    assert form.locator("[data-testid=add-submit]").is_disabled()
    assert page.evaluate(SELECT, [start, start + len(CENTER)]) == CENTER
    form.locator("[data-testid=add-selection]").filter(has_text=f"characters {start}–{start + len(CENTER)}").wait_for()
    form.locator("[data-testid=add-kind]").select_option("event")
    events = form.locator('[data-add-fields="event"]')
    events.locator("select[name=type]").select_option("project")
    events.locator("select[name=status]").select_option("planned")
    events.locator("input[name=name]").fill("International Center for Industrial Cooperation <Central Asia>")
    events.locator("input[name=parties]").fill("kaz uzb")
    tab.step("25-review-add-event-filled")
    with page.expect_response(lambda r: r.url.endswith("/api/reviews") and r.request.method == "POST") as answer:
        form.locator("[data-testid=add-submit]").click()
    assert answer.value.status == 200, answer.value.text()
    page.locator("[data-testid=review-status]").filter(has_text="Event added by erin.").wait_for()
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded again"
    added = page.locator("[data-testid=fact-events] [data-testid=fact-item]").filter(
        has_text="International Center for Industrial Cooperation <Central Asia>")
    # a new event is marked added; one that other articles of the sample report is confirmed by the adding
    assert " · erin" in added.locator("[data-testid=verified]").first.inner_text()
    tab.step("26-review-event-added")
    assert page.evaluate("window.__pwned === undefined")
    # stored at the characters selected, in the article's own counting
    doc = page.request.get(site.url(f"/api/documents/{site.roadmap_id}")).json()
    (event,) = [e for e in doc["events"] if e["reviewed_by"] == "erin"]
    assert (event["type"], event["parties"]) == ("project", ["KAZ", "UZB"])
    assert [(r["start"], r["end"], r["status"]) for r in event["reports"]] == [(start, start + len(CENTER), "planned")]
    assert doc["text"][start:start + len(CENTER)] == CENTER
    assert not tab.errors, tab.errors
