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

  window.addEventListener("hashchange", flashHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", flashHash);
  } else {
    flashHash();
  }
})();
