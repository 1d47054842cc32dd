// accordwatch dashboard: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";

  // Flash every mark of one fact (data-fact="fig-12") and scroll the first into view.
  function flash(fact, target) {
    if (!fact) return;
    var marks = document.querySelectorAll('[data-fact="' + CSS.escape(fact) + '"]');
    marks.forEach(function (m) {
      m.classList.remove("flash");
      void m.offsetWidth;               // restart the animation
      m.classList.add("flash");
    });
    var first = target || marks[0];
    if (first && first.scrollIntoView) {
      first.scrollIntoView({ behavior: "smooth", block: "center" });
    }
  }

  function flashHash() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.dataset.fact) flash(el.dataset.fact, el);
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[data-fact-link]") : null;
    if (!link) return;
    var id = (link.getAttribute("href") || "").slice(1);
    var target = document.getElementById(id);
    if (!target) return;
    ev.preventDefault();
    if (history.replaceState) history.replaceState(null, "", "#" + id);
    flash(link.dataset.factLink, target);
  });

  // Hovering a mark in the text lights up its entry in the side list, and the other way round.
  if (document.querySelector("[data-testid=article-text]")) {
    document.addEventListener("mouseover", function (ev) {
      var el = ev.target.closest ? ev.target.closest("mark[data-fact], a[data-fact-link]") : null;
      document.querySelectorAll(".hover-peer").forEach(function (x) { x.classList.remove("hover-peer"); });
      if (!el) return;
      var fact = CSS.escape(el.dataset.fact || el.dataset.factLink);
      document.querySelectorAll('mark[data-fact="' + fact + '"], a[data-fact-link="' + fact + '"]')
        .forEach(function (x) { x.classList.add("hover-peer"); });
    });
  }

  // Network: hovering a node dims the lines that do not touch it.
  var net = document.querySelector("svg[data-testid=network]");
  if (net) {
    net.addEventListener("mouseover", function (ev) {
      var node = ev.target.closest("a[data-testid=network-node]");
      if (!node) return;
      var code = node.dataset.code;
      net.classList.add("focus");
      net.querySelectorAll("a[data-testid=network-edge]").forEach(function (e) {
        e.classList.toggle("lit", e.dataset.a === code || e.dataset.b === code);
      });
      node.classList.add("lit");
    });
    net.addEventListener("mouseout", function (ev) {
      var node = ev.target.closest("a[data-testid=network-node]");
      if (!node) return;
      net.classList.remove("focus");
      net.querySelectorAll(".lit").forEach(function (e) { e.classList.remove("lit"); });
    });
  }

  // Review on the article page (editors and admins): each figure's and event's form posts to /api/reviews
  // (the session cookie and the page's CSRF token) without leaving the page; then the facts list and the
  // highlighted text are taken afresh from the page, so that every value shown is the stored one.
  var csrf = document.querySelector('meta[name="csrf-token"]');
  document.querySelectorAll("[data-review]").forEach(function (d) { d.hidden = false; });

  function fieldValue(el) {
    var v = el.value.trim(), type = el.dataset.type;
    if (el.tagName === "SELECT") return v === "" ? null : v;   // an empty choice clears the field
    if (type === "number") {
      if (v === "") return null;
      var n = Number(v.replace(/[,\s_]/g, ""));
      return isNaN(n) ? v : n;
    }
    if (type === "codes") {
      return v.split(/[\s,;\/\u2013\u2014-]+/).filter(Boolean).map(function (c) { return c.toUpperCase(); });
    }
    if (type === "code") return v === "" ? null : v.toUpperCase();
    return v === "" ? null : v;
  }

  function changed(el) {
    if (el.tagName === "SELECT") {
      var option = el.options[el.selectedIndex];
      return !(option && option.defaultSelected);
    }
    return el.value !== el.defaultValue;
  }

  function say(form, text, bad) {
    var out = form.querySelector(".review-message");
    if (!out) return;
    out.textContent = text;
    out.classList.toggle("bad", !!bad);
  }

  function busy(form, on) {
    form.querySelectorAll("button").forEach(function (b) { b.disabled = on; });
  }

  var DONE = { confirm: "confirmed", correct: "corrected", reject: "rejected", add: "added" };

  // Take the facts list and the highlighted text afresh from the page (no page load), say what was done,
  // and flash the item `flashed` (a selector) if given.
  function reload(message, flashed) {
    return fetch(location.pathname + location.search, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["[data-testid=fact-list]", "[data-testid=article-text]"].forEach(function (sel) {
          var now = document.querySelector(sel), next = fresh.querySelector(sel);
          if (now && next) now.replaceWith(document.importNode(next, true));
        });
        document.querySelectorAll("[data-review]").forEach(function (d) { d.hidden = false; });
        var status = document.querySelector("[data-testid=review-status]");
        if (status) status.textContent = message;
        var item = flashed && document.querySelector(flashed);
        if (item) {
          item.classList.add("flash");
          if (item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
        }
      });
  }

  function refresh(result) {
    var kind = result.kind === "figure" ? "fig-" : "event-";
    return reload((result.kind === "figure" ? "Figure " : "Event ") + DONE[result.action] + " by " + result.by + ".",
                  result.fact && '[data-fact-item="' + kind + result.fact.id + '"]');
  }

  // POST a JSON body with the page's CSRF token: {ok, status, body} (body {} when the answer is no JSON)
  function post(path, body) {
    return fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf ? csrf.content : "" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, status: r.status, body: j }; },
                           function () { return { ok: false, status: r.status, body: {} }; });
    });
  }

  // the server's refusal, said on the form (without its error code), which is usable again
  function failed(form, res) {
    say(form, (res.body.error || "The server answered " + res.status).replace(/^\[AW\d+\] /, ""), true);
    busy(form, false);
    return null;
  }

  // the fields of a correction form someone changed, or null (and a word on the form) when none is
  function corrected(form) {
    var fields = {};
    form.querySelectorAll("[data-field]").forEach(function (el) {
      if (changed(el)) fields[el.dataset.field] = fieldValue(el);
    });
    if (Object.keys(fields).length) return fields;
    say(form, "Change a field first, then save the correction.", true);
    return null;
  }

  // for entity-review.js, the reviews of the people, organizations and countries an article names
  window.accordwatchReview = { say: say, busy: busy, corrected: corrected, post: post, reload: reload,
                               failed: failed, DONE: DONE };

  function send(form, body) {
    busy(form, true);
    say(form, "Saving…", false);
    post("/api/reviews", body).then(function (res) {
      return res.ok ? refresh(res.body) : failed(form, res);
    }).catch(function (e) {
      say(form, "The review could not be saved: " + e, true);
      busy(form, false);
    });
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest ? ev.target.closest("form[data-review-form]") : null;
    if (!form) return;
    ev.preventDefault();
    var action = (ev.submitter && ev.submitter.value) || "confirm";
    var body = { kind: form.dataset.kind, document_id: Number(form.dataset.document),
                 start: Number(form.dataset.start), end: Number(form.dataset.end), action: action };
    if (action === "correct") {
      body.fields = corrected(form);
      if (!body.fields) return;
    }
    send(form, body);
  });

  // Adding a fact the extractor missed: the editor selects the words that state it in the article's text.
  // Their place goes with the fact's values, counted as the server counts the article's characters (code
  // points, not the browser's UTF-16 units); the highlighting marks add no characters of their own.
  function codePoints(text) { return Array.from(text).length; }

  function offsetIn(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  document.addEventListener("selectionchange", function () {
    var form = document.querySelector("form[data-add-form]");
    var text = document.querySelector("[data-testid=article-text]");
    var sel = window.getSelection ? window.getSelection() : null;
    if (!form || !text || !sel || sel.isCollapsed || !sel.rangeCount) return;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var chosen = range.toString();
    var start = offsetIn(text, range.startContainer, range.startOffset) +
      codePoints(chosen) - codePoints(chosen.replace(/^\s+/, ""));
    var end = offsetIn(text, range.endContainer, range.endOffset) -
      (codePoints(chosen) - codePoints(chosen.replace(/\s+$/, "")));
    if (end <= start) return;
    form.dataset.start = start;
    form.dataset.end = end;
    form.querySelector("[data-testid=add-selection]").textContent =
      "\u201c" + chosen.trim() + "\u201d (characters " + start + "\u2013" + end + ")";
    form.querySelector("[data-testid=add-submit]").disabled = false;
  });

  document.addEventListener("change", function (ev) {
    if (!ev.target.matches || !ev.target.matches("[data-add-kind]")) return;
    var form = ev.target.form;
    form.querySelectorAll("[data-add-fields]").forEach(function (set) {
      var on = set.dataset.addFields === ev.target.value;
      set.hidden = !on;
      set.disabled = !on;
    });
  });

  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest ? ev.target.closest("form[data-add-form]") : null;
    if (!form) return;
    ev.preventDefault();
    if (!form.dataset.start) {
      say(form, "Select the words that state the fact in the article's text first.", true);
      return;
    }
    var kind = form.querySelector("[data-add-kind]").value, fields = {};
    form.querySelectorAll('[data-add-fields="' + kind + '"] [data-field]').forEach(function (el) {
      var v = fieldValue(el);
      if (v !== null && !(Array.isArray(v) && !v.length)) fields[el.dataset.field] = v;
    });
    send(form, { kind: kind, document_id: Number(form.dataset.document), start: Number(form.dataset.start),
                 end: Number(form.dataset.end), action: "add", fields: fields });
  });

  window.addEventListener("hashchange", flashHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", flashHash);
  } else {
    flashHash();
  }
})();
