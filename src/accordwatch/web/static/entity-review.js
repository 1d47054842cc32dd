// accordwatch article page: reviews of the people, organizations and countries an article names, and merges
// and splits of entities (editors and admins). Each form posts JSON to the API with the page's CSRF token and
// the session cookie, without leaving the page; then the facts list and the highlighted text are taken afresh
// from the page, so that every value shown is the stored one. Text is only ever set as text.
(function () {
  "use strict";

  // the review helpers of app.js (loaded first): saying, posting, taking the facts list afresh
  var R = window.accordwatchReview;
  if (!R) return;
  var say = R.say, busy = R.busy, post = R.post, failed = R.failed, DONE = R.DONE;

  function refresh(message, item) {
    return R.reload(message, item && '[data-entity-item="' + CSS.escape(item) + '"]');
  }

  // one request per mention of the entity in the article (each is its own review), one after another
  function reviewEntity(form, action) {
    var kind = form.dataset.kind, base = { kind: kind, document_id: Number(form.dataset.document), action: action };
    if (action === "correct") {
      base.fields = R.corrected(form);
      if (!base.fields) return;
    }
    var bodies = [];
    if (kind === "country") {
      bodies.push(Object.assign({ code: form.dataset.code }, base));
    } else {
      (form.dataset.spans || "").split(",").filter(Boolean).forEach(function (span) {
        var parts = span.split("-");
        bodies.push(Object.assign({ start: Number(parts[0]), end: Number(parts[1]) }, base));
      });
    }
    busy(form, true);
    say(form, "Saving…", false);
    var chain = Promise.resolve({ ok: true, body: {} });
    bodies.forEach(function (body) {
      chain = chain.then(function (res) { return res.ok ? post("/api/entity-reviews", body) : res; });
    });
    return chain.then(function (res) {
      if (!res.ok) return failed(form, res);
      var label = kind === "country" ? "Country" : kind === "person" ? "Person" : "Organization";
      var item = kind === "country" ? null : res.body.mention ? kind + "-" + res.body.mention.entity_id : null;
      return refresh(label + " " + DONE[action] + " by " + res.body.by + ".", item);
    });
  }

  function mergeEntity(form) {
    var picked = form.querySelector("[name=into]").value || form.querySelector("[name=into_id]").value.trim();
    if (!/^[0-9]+$/.test(picked)) {
      say(form, "Pick the entity to merge into, or give its number.", true);
      return;
    }
    busy(form, true);
    say(form, "Merging…", false);
    return post("/api/entities/merge", { entity_id: Number(form.dataset.entity), into: Number(picked) })
      .then(function (res) {
        if (!res.ok) return failed(form, res);
        var e = res.body.entity;
        return refresh("Merged into " + e.name + " by " + res.body.by + ".", e.kind + "-" + e.id);
      });
  }

  function splitEntity(form) {
    var spelling = form.querySelector("[name=spelling]").value, name = form.querySelector("[name=name]").value;
    if (!spelling.trim()) {
      say(form, "Give the spelling to split off.", true);
      return;
    }
    var body = { entity_id: Number(form.dataset.entity), spelling: spelling };
    if (name.trim()) body.name = name;
    busy(form, true);
    say(form, "Splitting…", false);
    return post("/api/entities/split", body).then(function (res) {
      if (!res.ok) return failed(form, res);
      var into = res.body.into;
      return refresh("Split off" + (into ? " into " + into.name : "") + " by " + res.body.by + ".",
                     into ? into.kind + "-" + into.id : null);
    });
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest ? ev.target.closest("form") : null;
    if (!form) return;
    var run = form.hasAttribute("data-entity-review-form") ? function () {
      return reviewEntity(form, (ev.submitter && ev.submitter.value) || "confirm");
    } : form.hasAttribute("data-entity-merge-form") ? function () { return mergeEntity(form); }
      : form.hasAttribute("data-entity-split-form") ? function () { return splitEntity(form); } : null;
    if (!run) return;
    ev.preventDefault();
    var done = run();
    if (done && done.catch) {
      done.catch(function (e) {
        say(form, "The review could not be saved: " + e, true);
        busy(form, false);
      });
    }
  });
})();
