/* Search, the engine: lunr over the build's per-language index (explainer/search.py), loaded when the reader reaches for it. */
/* Nothing loads until the reader shows intent: hovering or focusing the search
   button, or pressing "/". Then one script (lunr, plus lunr-languages' stemmer
   for Spanish) and one index; the
   index is built here in a few milliseconds. Each word is indexed under two
   keys, its stem folded and the stem of its folded form, so "computo",
   "cómputo" and "cómputos" meet; the query takes the second key of each word,
   with a trailing wildcard so results come while the reader types. */
var LANG = doc.lang || "en"; /* the build names the files by <html lang> */
var BASE_LANG = LANG.split("-")[0].toLowerCase(); /* lunr-languages by language: pt-BR is pt */
var SEARCH = new URL("search/", ROOT);
var WORD = /[\p{L}\p{N}]+/gu;
var engine = null;
function loadScript(src) {
  return new Promise(function (resolve, reject) {
    var el = document.createElement("script");
    el.src = src;
    el.onload = resolve;
    el.onerror = function () { reject(new Error("could not load " + src)); };
    document.head.appendChild(el);
  });
}
function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
function buildEngine(data) {
  var L = window.lunr;
  var own = BASE_LANG !== "en" && L[BASE_LANG] ? L[BASE_LANG] : null;
  var stemmer = own ? own.stemmer : L.stemmer;
  var stopWord = own ? own.stopWordFilter : L.stopWordFilter;
  function stem(word) { return stemmer(new L.Token(word, {})).toString(); }
  function isStopWord(word) { return !stopWord(new L.Token(word, {})); }
  function keys(word) { var a = fold(stem(word)), b = stem(fold(word)); return a === b ? [a] : [a, b]; }
  var keyCache = Object.create(null); /* a word's keys, for the excerpts */
  function expand(token) {
    var word = token.toString();
    if (isStopWord(word)) return null;
    return keys(word).map(function (k) { return token.clone(function () { return k; }); });
  }
  L.Pipeline.registerFunction(expand, "site-expand");
  var bodies = data.sections.map(function () { return []; });
  data.words.split("\n").forEach(function (line) {
    var space = line.indexOf(" "), word = line.slice(0, space), k = 0;
    line.slice(space + 1).split(".").forEach(function (gap) { k += parseInt(gap, 36); bodies[k].push(word); });
  });
  var idx = L(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(expand);
    this.ref("k");
    this.field("title", { boost: 3 });
    this.field("body");
    var builder = this;
    data.sections.forEach(function (s, k) {
      builder.add({ k: String(k), title: (s[2].toLowerCase().match(WORD) || []).join(" "), body: bodies[k].join(" ") });
    });
  });
  return {
    data: data,
    texts: {},
    /* The query's words, as the index keys them; stop words dropped. */
    terms: function (query) {
      var seen = {};
      return (query.toLowerCase().match(WORD) || []).filter(function (w) { return !isStopWord(w); })
        .map(function (w) { return stem(fold(w)); })
        .filter(function (t) { return t && !seen[t] && (seen[t] = true); });
    },
    /* Every matching page, best first, each with its matching sections, best first. */
    search: function (terms) {
      if (!terms.length) return [];
      var hits = idx.query(function (q) {
        terms.forEach(function (t) {
          /* a single letter would expand to hundreds of words: whole words only */
          q.term(t, { usePipeline: false, wildcard: t.length > 1 ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE, presence: L.Query.presence.REQUIRED });
          q.term(t, { usePipeline: false, boost: 5 }); /* the whole word ranks above a longer one */
        });
      });
      var groups = [], byPage = {};
      hits.forEach(function (hit) {
        var k = Number(hit.ref), pageNo = data.sections[k][0];
        if (!byPage[pageNo]) groups.push(byPage[pageNo] = { page: pageNo, sections: [] });
        byPage[pageNo].sections.push(k);
      });
      return groups;
    },
    matches: function (word, terms) {
      var lower = word.toLowerCase(), ks = keyCache[lower] || (keyCache[lower] = keys(lower));
      return terms.some(function (t) { return ks.some(function (k) { return k.lastIndexOf(t, 0) === 0; }); });
    }
  };
}
function loadEngine() {
  if (!engine) {
    engine = Promise.all([
      loadScript(new URL("lunr-" + LANG + ".js", SEARCH).href),
      fetch(new URL(LANG + ".json", SEARCH).href).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    ]).then(function (loaded) { return buildEngine(loaded[1]); });
    engine.catch(function () { engine = null; }); /* offline: try again next time */
  }
  return engine;
}
/* A section's text (for its excerpt), fetched once. */
function sectionText(eng, k) {
  if (!eng.texts[k]) {
    eng.texts[k] = fetch(new URL(LANG + "/" + k + ".txt", SEARCH).href).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    });
    eng.texts[k].catch(function () { delete eng.texts[k]; });
  }
  return eng.texts[k];
}
/* About 24 words around the first match, every match in <mark>; text nodes only. */
function fillExcerpt(el, text, eng, terms) {
  var words = [], m, first = -1;
  WORD.lastIndex = 0;
  /* Read words up to the first match and 16 beyond: all an excerpt shows. */
  while ((m = WORD.exec(text)) && (first < 0 || words.length < first + 16)) {
    var hit = eng.matches(m[0], terms);
    if (hit && first < 0) first = words.length;
    words.push({ start: m.index, end: m.index + m[0].length, hit: hit });
  }
  if (!words.length) return;
  var more = m !== null;
  var from = Math.max(0, first - 8), to = Math.min(words.length, from + 24);
  var pos = words[from].start;
  el.textContent = from > 0 ? "… " : "";
  for (var w = from; w < to; w++) {
    if (!words[w].hit) continue;
    el.appendChild(document.createTextNode(text.slice(pos, words[w].start)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(words[w].start, words[w].end);
    el.appendChild(mark);
    pos = words[w].end;
  }
  var cut = to < words.length || more;
  el.appendChild(document.createTextNode(text.slice(pos, cut ? words[to - 1].end : text.length) + (cut ? " …" : "")));
}
