/* respchain lesson page: the concept graph, the chain walk-through and the quiz.
 * Data comes from the JSON block #lesson-data; every string goes into the
 * document with textContent (never innerHTML); vis-network draws on a canvas. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("lesson-data").textContent);
  var T = D.text;
  var L = D.lang === "en" ? "en" : "zh";
  var state = { concept: null, chain: null, step: 0, selected: null };
  window.respchain = { ready: false, lesson: true, state: state };

  function fmt(s, vals) {
    return String(s).replace(/\{(\w+)\}/g, function (_, k) { return k in vals ? vals[k] : "{" + k + "}"; });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function other(o) { return L === "en" ? o.zh : o.en; }
  function mine(o) { return L === "en" ? o.en : o.zh; }

  // ------------------------------------------------------------ 1. concept graph
  var conceptById = new Map();
  D.concepts.nodes.forEach(function (n) { conceptById.set(n.id, n); });

  function showConcept(id) {
    var n = conceptById.get(id);
    var box = document.getElementById("concept-detail");
    if (!n) return;
    state.selected = id;
    box.replaceChildren();
    box.appendChild(el("p", { "class": "rc-group" }, T.group[n.group] || n.group));
    var h = el("h3", { id: "concept-title" }, mine(n));
    h.appendChild(el("small", null, " " + other(n)));
    box.appendChild(h);
    box.appendChild(el("h4", null, T.defn));
    box.appendChild(el("p", { id: "concept-def" }, (L === "en" ? n.def_en : n.def_zh) || T.none));
    var second = L === "en" ? n.def_zh : n.def_en;
    if (second) box.appendChild(el("p", { "class": "rc-second" }, second));
    if (n.bearers && n.bearers.length) {
      box.appendChild(el("h4", null, T.bearers));
      var ul = el("ul");
      n.bearers.forEach(function (b) { ul.appendChild(el("li", null, mine(b))); });
      box.appendChild(ul);
    }
    if (n.basis && n.basis.length) {
      box.appendChild(el("h4", null, T.basis));
      var ul2 = el("ul", { id: "concept-basis" });
      n.basis.forEach(function (b) {
        var li = el("li", null, b.document + (b.articles.length ? " " + b.articles.join("、") : ""));
        var notes = L === "en" ? b.notes_en : b.notes_zh;
        if (notes && notes.length) li.appendChild(el("div", { "class": "rc-note" }, notes.join("；")));
        ul2.appendChild(li);
      });
      box.appendChild(ul2);
    }
    if (n.rules && n.rules.length) {
      box.appendChild(el("h4", null, T.rules));
      var p = el("p");
      n.rules.forEach(function (r) {
        var a = el("a", { href: "#rules" }, r.id + " " + mine(r));
        a.addEventListener("click", function () {
          var card = document.querySelector('.rc-rule[data-rule="' + r.id + '"]');
          if (card) { card.scrollIntoView(); }
        });
        p.appendChild(a);
        p.appendChild(document.createTextNode(" "));
      });
      box.appendChild(p);
    }
    if (n.iri) box.appendChild(el("p", { "class": "rc-iri" }, T.iri + ": " + n.iri));
  }

  function buildConcepts() {
    var nodes = new vis.DataSet(D.conceptVis.nodes);
    var edges = new vis.DataSet(D.conceptVis.edges);
    var net = new vis.Network(document.getElementById("concept-net"), { nodes: nodes, edges: edges }, {
      physics: false,
      interaction: { hover: true, dragView: true, zoomView: false },
      edges: { smooth: { type: "curvedCW", roundness: 0.12 } },
    });
    net.on("click", function (p) { if (p.nodes && p.nodes.length) showConcept(p.nodes[0]); });
    net.fit();
    state.concept = net;
  }

  // ------------------------------------------------------------ 2. the chain, step by step
  function buildChain() {
    var V = D.chainVis;
    var nodes = new vis.DataSet(V.nodes.map(function (n) { return Object.assign({}, n, { hidden: n.step > 0 }); }));
    var edges = new vis.DataSet(V.edges.map(function (e) { return Object.assign({}, e, { hidden: e.step > 0 }); }));
    var net = new vis.Network(document.getElementById("chain-net"), { nodes: nodes, edges: edges }, {
      physics: false,
      interaction: { dragView: true, zoomView: false },
      edges: { smooth: { type: "dynamic" } },
    });
    state.chain = { net: net, nodes: nodes, edges: edges };
    var n = D.steps.length;
    function go(i) {
      state.step = Math.max(0, Math.min(n - 1, i));
      nodes.update(V.nodes.map(function (x) {
        return { id: x.id, hidden: x.step > state.step, borderWidth: x.step === state.step ? 4 : 1 };
      }));
      edges.update(V.edges.map(function (x) { return { id: x.id, hidden: x.step > state.step }; }));
      document.getElementById("chain-text").textContent = mine(D.steps[state.step]);
      document.getElementById("chain-count").textContent = fmt(T.step, { i: state.step + 1, n: n });
      document.getElementById("chain-prev").disabled = state.step === 0;
      document.getElementById("chain-next").disabled = state.step === n - 1;
      document.querySelectorAll("#chain-steps li").forEach(function (li) {
        var k = Number(li.getAttribute("data-step"));
        li.className = k === state.step ? "rc-current" : (k < state.step ? "rc-done" : "");
      });
      document.getElementById("chain-verdict").hidden = state.step !== n - 1;
      net.fit({ animation: false });
    }
    document.getElementById("chain-prev").addEventListener("click", function () { go(state.step - 1); });
    document.getElementById("chain-next").addEventListener("click", function () { go(state.step + 1); });
    state.go = go;
    go(0);
  }

  // ------------------------------------------------------------ 5. quiz
  function buildQuiz() {
    var qs = document.querySelectorAll(".rc-q");
    var right = new Set();
    qs.forEach(function (q) {
      var btn = q.querySelector(".rc-check");
      var fb = q.querySelector(".rc-feedback");
      btn.addEventListener("click", function () {
        var picked = q.querySelector("input:checked");
        fb.hidden = false;
        if (!picked) { fb.textContent = T.pick; fb.className = "rc-feedback"; return; }
        var ans = Number(q.getAttribute("data-answer"));
        var labels = q.querySelectorAll(".rc-opts label");
        if (Number(picked.value) === ans) {
          fb.textContent = T.right;
          fb.className = "rc-feedback rc-right";
          right.add(q.getAttribute("data-id"));
        } else {
          fb.textContent = fmt(T.wrong, { a: labels[ans].textContent.trim() });
          fb.className = "rc-feedback rc-wrong";
          right.delete(q.getAttribute("data-id"));
        }
        q.querySelector(".rc-why").hidden = false;
        document.getElementById("quiz-score").textContent = fmt(T.score, { r: right.size, n: qs.length });
      });
    });
  }

  buildConcepts();
  buildChain();
  buildQuiz();
  window.respchain.ready = true;
})();
