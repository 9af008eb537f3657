// isnad search: finds articles in the index that "isnad build" writes to
// search/, in the browser, with no server. The index is a set of small
// scripts loaded on demand (a script may load a script from file://,
// where fetch() may not), each calling back into window.isnadSearch.
//
// Words are folded and keyed exactly as internal/search does in Go (see
// its package comment); both pass the cases of
// internal/search/testdata/normalize.json.
(function () {
  "use strict";

  // ---- Folding: package fold's Loose tier, one code point at a time.

  // SEAT stands for ئ, which folds to و before و (a dropped mark between
  // them aside), as Egypt's مسئول for مسؤول, and to ي elsewhere.
  var SEAT = 1;

  var arabic = (function () {
    var t = new Array(256);
    for (var i = 0; i < 256; i++) {
      var r = 0x0600 + i;
      if ((r >= 0x064b && r <= 0x065f) || r === 0x0670 || (r >= 0x0610 && r <= 0x061a) ||
          (r >= 0x06d6 && r <= 0x06ed && r !== 0x06e5 && r !== 0x06e6) || r === 0x0640 || r === 0x061c) {
        r = 0;
      } else if (r === 0x0623 || r === 0x0625 || r === 0x0622 || r === 0x0671 || r === 0x0672 || r === 0x0673 || r === 0x0675) {
        r = 0x0627;
      } else if (r === 0x0649 || r === 0x0678) {
        r = 0x064a;
      } else if (r === 0x0629) {
        r = 0x0647;
      } else if (r === 0x0676 || r === 0x0677) {
        r = 0x0648;
      }
      // The Loose tier.
      if (r === 0x0624) r = 0x0648;
      else if (r === 0x0626) r = SEAT;
      else if (r === 0x0621) r = 0;
      else if (r === 0x06cc) r = 0x064a;
      else if (r === 0x06a9) r = 0x0643;
      else if (r === 0x06be || r === 0x06d5 || r === 0x06c1) r = 0x0647;
      else if (r >= 0x0660 && r <= 0x0669) r = 0x30 + r - 0x0660;
      else if (r >= 0x06f0 && r <= 0x06f9) r = 0x30 + r - 0x06f0;
      t[i] = r;
    }
    return t;
  })();

  var markRE = /^[\p{Mn}\p{Me}]$/u;

  function isDropped(r) {
    return (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) ||
      (r >= 0x2060 && r <= 0x2064) || (r >= 0x2066 && r <= 0x206f) ||
      r === 0xfeff || r === 0x00ad || r === 0x034f || r === 0x180e ||
      (r >= 0xfe00 && r <= 0xfe0f);
  }

  function isSpace(r) {
    return r === 0x85 || r === 0xa0 || r === 0x1680 || r === 0x2028 || r === 0x2029 ||
      r === 0x202f || r === 0x205f || r === 0x3000 || (r >= 0x2000 && r <= 0x200a);
  }

  function needsNFKC(r) {
    return (r >= 0xfb00 && r <= 0xfdff) || (r >= 0xfe70 && r <= 0xfefc) ||
      (r >= 0xff00 && r <= 0xffef) || (r >= 0x1d400 && r <= 0x1d7ff) ||
      (r >= 0x2100 && r <= 0x218f) || (r >= 0x2460 && r <= 0x24ff) ||
      (r >= 0x3300 && r <= 0x33ff) || (r >= 0x1ee00 && r <= 0x1eeff) || r === 0x2026;
  }

  function lower(r) {
    var s = String.fromCodePoint(r), l = s.toLowerCase();
    // Go's unicode.ToLower maps one code point to one.
    return l.codePointAt(0) !== undefined && String.fromCodePoint(l.codePointAt(0)) === l ? l : s;
  }

  // foldRune appends the folded form of code point r to out (an array);
  // r is cps[i] when it comes from the text cps, whose following code
  // points decide ئ.
  function foldRune(r, out, cps, i) {
    if (r < 0x80) {
      if (r === 0x20 || (r >= 0x09 && r <= 0x0d)) out.push(" ");
      else if (r >= 0x41 && r <= 0x5a) out.push(String.fromCharCode(r + 32));
      else out.push(String.fromCharCode(r));
      return;
    }
    if (r >= 0x0600 && r <= 0x06ff) {
      var m = arabic[r - 0x0600];
      if (m === SEAT) m = seatFold(cps, i);
      if (m) out.push(String.fromCharCode(m));
      return;
    }
    if (isDropped(r)) return;
    if (isSpace(r)) { out.push(" "); return; }
    var s = String.fromCodePoint(r);
    if (needsNFKC(r)) {
      var d = s.normalize("NFKC");
      for (var c of d) {
        var dr = c.codePointAt(0);
        if (dr === r) out.push(lower(r));
        else foldRune(dr, out);
      }
      return;
    }
    if (markRE.test(s)) return;
    if (r > 0xbf && r < 0x2000) {
      var nfd = s.normalize("NFD");
      if (nfd !== s) {
        r = nfd.codePointAt(0);
        if (r < 0x80) { foldRune(r, out); return; }
      }
    }
    out.push(lower(r));
  }

  function seatFold(cps, i) {
    for (var j = i + 1; cps && j < cps.length; j++) {
      var n = cps[j];
      if (n < 0x0600 || n > 0x06ff) break;
      var m = arabic[n - 0x0600];
      if (m === 0) continue;
      if (m === 0x0648) return 0x0648;
      break;
    }
    return 0x064a;
  }

  function fold(s) {
    var out = [], cps = Array.from(s, function (c) { return c.codePointAt(0); });
    for (var i = 0; i < cps.length; i++) foldRune(cps[i], out, cps, i);
    return out.join("");
  }

  var wordRE = /[\p{L}\p{N}]+/gu;

  // words folds text and returns its words of two letters or more.
  function words(text) {
    var out = [], m = fold(text).match(wordRE) || [];
    for (var i = 0; i < m.length; i++) if (runes(m[i]) >= 2) out.push(m[i]);
    return out;
  }

  function runes(s) {
    var n = 0;
    for (var _ of s) n++; // eslint-disable-line no-unused-vars
    return n;
  }

  // ---- Keys: the same as internal/search/normalize.go.

  var ARABIC = 1, LATIN = 2;

  function scriptOf(w) {
    var latin = true;
    for (var i = 0; i < w.length; i++) {
      var c = w.charCodeAt(i);
      if (c >= 0x0600 && c <= 0x06ff) return ARABIC;
      if (c < 0x61 || c > 0x7a) latin = false;
    }
    return latin ? LATIN : 0;
  }

  var prefixes = ["وبال", "وكال", "فبال", "فكال", "ولل", "فلل",
    "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "وك", "ول", "فب", "فك", "فل",
    "و", "ف", "ب", "ك", "ل"];

  function hasArticle(p) { return /(ال|لل)$/.test(p); }

  // stems returns [{stem, article}] for a folded Arabic word.
  function stems(w) {
    var out = [];
    for (var i = 0; i < prefixes.length; i++) {
      var p = prefixes[i];
      if (w.lastIndexOf(p, 0) !== 0) continue;
      var r = w.slice(p.length), art = hasArticle(p);
      if (runes(r) < (art ? 2 : 3)) continue;
      var dup = false;
      for (var j = 0; j < out.length; j++) {
        if (out[j].stem === r) { out[j].article = out[j].article || art; dup = true; }
      }
      if (!dup) out.push({ stem: r, article: art });
    }
    return out;
  }

  function hasVowel(s) { return /[aeiouy]/.test(s); }

  function undouble(w) {
    var n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && "aeioulsz".indexOf(w[n - 1]) < 0) return w.slice(0, -1);
    return w;
  }

  function ends(w, s) { return w.length >= s.length && w.slice(-s.length) === s; }

  function englishStem(w) {
    if (w.length < 4) return w;
    if (ends(w, "ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (ends(w, "sses")) w = w.slice(0, -2);
    else if (ends(w, "ches") || ends(w, "shes") || ends(w, "xes") || ends(w, "zes")) w = w.slice(0, -2);
    else if (ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is")) w = w.slice(0, -1);
    if (ends(w, "eed")) w = w.slice(0, -1);
    else if (ends(w, "ed") && w.length >= 5 && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    else if (ends(w, "ing") && w.length >= 6 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    if (ends(w, "e") && w.length > 4) w = w.slice(0, -1);
    return w;
  }

  function keys(w) {
    var k = ["=" + w], s = scriptOf(w);
    if (s === ARABIC) {
      stems(w).forEach(function (st) {
        k.push("~" + st.stem);
        if (st.article) k.push("^" + st.stem);
      });
    } else if (s === LATIN) {
      k.push("~" + englishStem(w));
    }
    return k;
  }

  function queryKeys(w) {
    var s = scriptOf(w);
    if (s === ARABIC) {
      var k = ["=" + w, "~" + w];
      stems(w).forEach(function (st) {
        k.push("=" + st.stem);
        if (st.article) k.push("^" + st.stem);
      });
      return k;
    }
    if (s === LATIN) return ["~" + englishStem(w)];
    return ["=" + w];
  }

  // Highlighting asks about the same words again and again.
  var keysMemo = new Map(), queryMemo = new Map(), candMemo = new Map();
  function cached(m, f, w) {
    var v = m.get(w);
    if (v === undefined) {
      if (m.size > 5000) m.clear();
      v = f(w);
      m.set(w, v);
    }
    return v;
  }

  function matches(q, w) {
    var have = cached(keysMemo, keys, w), want = cached(queryMemo, queryKeys, q);
    for (var i = 0; i < want.length; i++) if (have.indexOf(want[i]) >= 0) return true;
    return false;
  }

  // prefixMatches: does w start like the query word q being typed?
  function prefixMatches(q, w) {
    var cands = cached(candMemo, prefixCandidates, q), have = cached(keysMemo, keys, w);
    for (var i = 0; i < cands.length; i++) {
      for (var j = 0; j < have.length; j++) {
        var k = have[j];
        if (k[0] !== cands[i].marker && !(cands[i].marker === "=" && k[0] === "~")) continue;
        if (k.lastIndexOf(cands[i].body, 1) === 1) return true;
      }
    }
    return matches(q, w);
  }

  // prefixCandidates: the key bodies a word being typed may start: itself
  // and, in Arabic, its stems ("^" ones only behind an article).
  function prefixCandidates(q) {
    var out = [{ marker: "=", body: q }];
    if (scriptOf(q) === ARABIC) {
      stems(q).forEach(function (st) {
        out.push({ marker: "=", body: st.stem });
        if (st.article) out.push({ marker: "^", body: st.stem });
      });
    }
    return out;
  }

  // ---- The index.

  var S = {
    base: "",        // URL of the search/ folder
    entry: null,     // search/index.js
    shardSet: null,  // shard prefixes
    shards: {},      // prefix → {key: postings}
    meta: {},        // chunk → [[path, title, date, dateText, lang, dir]]
    text: {},        // chunk → [text]
    outlets: {},     // outlet key → articles citing it (deltas)
    loading: {},     // url → Promise
    decoded: {}      // key → Map(doc → weight)
  };

  var api = {
    init: function (e) {
      S.entry = e;
      S.shardSet = {};
      e.shards.forEach(function (h) { S.shardSet[unhex(h)] = h; });
    },
    shard: function (h, obj) { S.shards[unhex(h)] = obj; },
    meta: function (n, rows) { S.meta[n] = rows; },
    text: function (n, rows) { S.text[n] = rows; },
    outlet: function (key, docs) { S.outlets[key] = docs; },
    // For tests: the same functions as internal/search.
    fold: fold, words: words, keys: keys, queryKeys: queryKeys, stems: stems,
    englishStem: englishStem, matches: matches
  };
  window.isnadSearch = api;

  function unhex(h) {
    var bytes = new Uint8Array(h.length / 2);
    for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(h.substr(2 * i, 2), 16);
    return new TextDecoder().decode(bytes);
  }

  function hexOf(s) {
    var b = new TextEncoder().encode(s), out = "";
    for (var i = 0; i < b.length; i++) out += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return out;
  }

  function load(rel) {
    var url = S.base + rel;
    if (!S.loading[url]) {
      S.loading[url] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = url;
        s.async = true;
        s.onload = function () { resolve(true); };
        s.onerror = function () { resolve(false); };
        document.head.appendChild(s);
      });
    }
    return S.loading[url];
  }

  function prefixesOf(body) {
    var out = [], cur = "", n = 0;
    for (var c of body) {
      cur += c;
      if (++n >= 2) out.push(cur);
      if (n >= 5) break;
    }
    return out;
  }

  // shardFor: the prefix of the shard that holds a key's body.
  function shardFor(body) {
    var ps = prefixesOf(body);
    for (var i = ps.length - 1; i >= 0; i--) if (S.shardSet[ps[i]] !== undefined) return ps[i];
    return null;
  }

  // shardsFrom: the shards holding keys whose body starts with p.
  function shardsFrom(p) {
    var out = [], own = shardFor(p);
    if (own !== null) out.push(own);
    for (var s in S.shardSet) {
      if (s.length > p.length && s.lastIndexOf(p, 0) === 0) out.push(s);
    }
    return out;
  }

  // As one types, the last word also matches longer words: those of up
  // to maxCompletions keys, the shortest first, once it has minPrefix
  // letters, from the shard that holds it and, when the index split that
  // shard by longer prefixes, from at most maxPrefixShards of those (more
  // would be slow to load; another letter or two narrows them down).
  var maxPrefixShards = 2, maxCompletions = 24, minPrefix = 3;

  function completionShards(body) {
    if (runes(body) < minPrefix) return [];
    var all = shardsFrom(body), own = shardFor(body);
    if (all.length - (own === null ? 0 : 1) > maxPrefixShards) return own === null ? [] : [own];
    return all;
  }

  var loadWait = 0, metaWait = 0; // ms spent waiting for shards and titles, for the timing report

  async function loadShards(list) {
    var ps = [];
    list.forEach(function (p) {
      if (p !== null && !S.shards[p]) ps.push(load("t/" + S.shardSet[p] + ".js"));
    });
    if (!ps.length) return;
    var t = performance.now();
    await Promise.all(ps);
    loadWait += performance.now() - t;
  }

  function postings(key) {
    if (S.decoded[key]) return S.decoded[key];
    var p = shardFor(key.slice(1)), sh = p !== null && S.shards[p], raw = sh && sh[key];
    var m = new Map();
    if (raw) {
      var doc = 0;
      for (var i = 0; i < raw.length; i++) {
        doc += raw[i] >> 3;
        m.set(doc, raw[i] & 7);
      }
    }
    S.decoded[key] = m;
    return m;
  }

  function idf(df) { return Math.log(1 + S.entry.docs / (1 + df)); }

  // merge adds the postings of key into scores, scaled.
  function merge(scores, key, factor) {
    var m = postings(key);
    if (!m.size) return;
    var f = factor * idf(m.size);
    m.forEach(function (w, doc) {
      var s = w * f;
      if (!(scores.get(doc) >= s)) scores.set(doc, s);
    });
  }

  // A term is one query word: its exact keys, and whether it is being
  // typed (the last word, with no space after it).
  function termKeys(t) {
    var ks = queryKeys(t.word).map(function (k, i) { return { key: k, factor: i === 0 ? 1 : 0.8 }; });
    if (scriptOf(t.word) === LATIN) ks.push({ key: "=" + t.word, factor: 1 });
    return ks;
  }

  function neededShards(t) {
    var out = [];
    termKeys(t).forEach(function (k) { out.push(shardFor(k.key.slice(1))); });
    if (t.typing) {
      prefixCandidates(t.word).forEach(function (c) {
        out = out.concat(completionShards(c.body));
      });
    }
    return out;
  }

  // docsFor scores every article matching term t (all shards loaded).
  // Results are kept for the next keystroke, which mostly changes only
  // the last word.
  var memo = new Map();

  function docsFor(t) {
    var id = (t.typing ? "+" : "") + t.word;
    if (memo.has(id)) return memo.get(id);
    var scores = new Map();
    termKeys(t).forEach(function (k) { merge(scores, k.key, k.factor); });
    if (t.typing) {
      var done = {};
      prefixCandidates(t.word).forEach(function (c) {
        var found = [];
        completionShards(c.body).forEach(function (p) {
          var sh = S.shards[p];
          if (!sh) return;
          for (var key in sh) {
            var m = key[0];
            if ((m === c.marker || (c.marker === "=" && m === "~")) && key.lastIndexOf(c.body, 1) === 1 && !done[key]) {
              found.push(key);
            }
          }
        });
        found.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); });
        found.slice(0, maxCompletions).forEach(function (key) {
          done[key] = true;
          merge(scores, key, key.length - 1 === c.body.length ? 0.8 : 0.5);
        });
      });
    }
    if (memo.size > 200) memo.clear();
    memo.set(id, scores);
    return scores;
  }

  function intersect(a, b) {
    if (a === null) return b;
    var out = new Map();
    var small = a.size < b.size ? a : b, big = small === a ? b : a;
    small.forEach(function (s, doc) {
      var o = big.get(doc);
      if (o !== undefined) out.set(doc, s + o);
    });
    return out;
  }

  function union(a, b) {
    var out = new Map(a);
    b.forEach(function (s, doc) { if (!(out.get(doc) >= s)) out.set(doc, s); });
    return out;
  }

  // splits: a word typed as one that the text writes as two ("بيونغيانغ"
  // for "بيونغ يانغ"): both halves, of three letters or more.
  function splits(t) {
    var cs = Array.from(t.word), out = [];
    if (cs.length < 6) return out;
    for (var i = 3; i <= cs.length - 3; i++) {
      out.push([{ word: cs.slice(0, i).join(""), typing: false }, { word: cs.slice(i).join(""), typing: t.typing }]);
    }
    return out;
  }

  // run evaluates a query: every word must match, each by itself, as two
  // halves of a split, or joined with the next word ("بيونغ يانغ" for
  // "بيونغيانغ"). It returns a Map(doc → score), and in hits the terms
  // that found something, for highlighting.
  async function run(query, hits) {
    var ws = words(query);
    if (!ws.length) return null;
    var typing = !/[\s\p{P}]$/u.test(query);
    var terms = ws.map(function (w, i) { return { word: w, typing: typing && i === ws.length - 1 }; });
    var joined = [];
    for (var i = 0; i + 1 < terms.length; i++) {
      joined.push({ word: terms[i].word + terms[i + 1].word, typing: terms[i + 1].typing });
    }
    var need = [];
    terms.concat(joined).forEach(function (t) { need = need.concat(neededShards(t)); });
    await loadShards(need);
    var single = [];
    for (i = 0; i < terms.length; i++) {
      var d = docsFor(terms[i]);
      if (d.size) hits.push(terms[i]);
      else {
        var sp = splits(terms[i]), need2 = [];
        sp.forEach(function (pair) { need2 = need2.concat(neededShards(pair[0]), neededShards(pair[1])); });
        await loadShards(need2);
        sp.forEach(function (pair) {
          var a = docsFor(pair[0]);
          if (!a.size) return;
          var both = intersect(a, docsFor(pair[1]));
          if (both.size) {
            d = union(d, both);
            hits.push(pair[0], pair[1]);
          }
        });
      }
      single.push(d);
    }
    // R[k]: the articles matching the first k words.
    var R = [null];
    for (i = 1; i <= terms.length; i++) {
      var r = R[i - 1] === undefined ? undefined : intersect(R[i - 1], single[i - 1]);
      if (i >= 2) {
        var j = docsFor(joined[i - 2]);
        if (j.size) {
          hits.push(joined[i - 2]);
          var viaJoin = intersect(R[i - 2], j);
          r = r === undefined ? viaJoin : union(r, viaJoin);
        }
      }
      R.push(r === undefined ? new Map() : r);
    }
    return R[terms.length];
  }

  // ---- The page.

  var form = document.getElementById("search");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var outletSel = form.querySelector("select");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var pageLang = document.documentElement.lang;
  S.base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var digits = form.getAttribute("data-digits") || "latn";
  var pageSize = 10;

  function strings(id) {
    var out = {}, t = document.getElementById(id);
    if (!t) return out;
    t.content.querySelectorAll("[data-key]").forEach(function (e) { out[e.getAttribute("data-key")] = e.textContent; });
    return out;
  }
  var counts = strings("search-counts"), langNames = strings("search-langs"), text = strings("search-strings");

  var plural = new Intl.PluralRules(pageLang);
  var numbers = new Intl.NumberFormat(pageLang + "-u-nu-" + digits);

  function countText(n) {
    var form = counts[plural.select(n)] || counts.other || "{n}";
    return form.replace("{n}", numbers.format(n));
  }

  var ready = null;
  function start() {
    if (!ready) {
      ready = load("index.js").then(function (ok) {
        if (!ok || !S.entry) throw new Error("no search index");
      });
    }
    return ready;
  }

  // ranked holds every result's score; results the best of them in
  // order, as many as shown or about to be.
  var seq = 0, shown = [], ranked = new Map(), results = [], hitTerms = [];

  function better(a, sa, b, sb) { return sa > sb || (sa === sb && a < b); }

  // top returns the k best articles of scores, best first (newest first
  // among equals), without sorting them all.
  function top(scores, k) {
    var heap = []; // a min-heap of [doc, score], the worst on top
    function worse(i, j) { return better(heap[j][0], heap[j][1], heap[i][0], heap[i][1]); }
    function up(i) {
      while (i > 0) {
        var p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        var t = heap[i]; heap[i] = heap[p]; heap[p] = t; i = p;
      }
    }
    function down(i) {
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) return;
        var t = heap[i]; heap[i] = heap[m]; heap[m] = t; i = m;
      }
    }
    scores.forEach(function (sc, doc) {
      if (heap.length < k) { heap.push([doc, sc]); up(heap.length - 1); }
      else if (better(doc, sc, heap[0][0], heap[0][1])) { heap[0] = [doc, sc]; down(0); }
    });
    heap.sort(function (a, b) { return better(a[0], a[1], b[0], b[1]) ? -1 : 1; });
    return heap.map(function (e) { return e[0]; });
  }

  async function update(t0) {
    var my = ++seq;
    var q = input.value;
    try {
      await start();
    } catch (e) {
      status.textContent = text.unavailable || "";
      return;
    }
    var hits = [];
    loadWait = 0;
    metaWait = 0;
    var scores = await run(q, hits);
    var tRun = performance.now() - t0, waited = loadWait;
    if (my !== seq) return; // a newer query is on its way
    var outlet = outletSel ? outletSel.value : "";
    if (outlet && scores && S.entry.outlets.indexOf(outlet) >= 0 && !S.outlets[outlet]) {
      await load("o/" + hexOf(outlet) + ".js");
      if (my !== seq) return;
    }
    if (outlet && scores) {
      var docs = S.outlets[outlet] || [], keep = new Map(), doc = 0;
      for (var i = 0; i < docs.length; i++) {
        doc += docs[i];
        if (scores.has(doc)) keep.set(doc, scores.get(doc));
      }
      scores = keep;
    }
    var tSort = performance.now();
    ranked = scores || new Map();
    results = top(ranked, 64);
    tSort = performance.now() - tSort;
    hitTerms = hits;
    list.textContent = "";
    shown = [];
    await showMore(my);
    if (my !== seq) return;
    status.textContent = scores ? countText(ranked.size) : "";
    syncURL(q, outlet);
    var ms = performance.now() - t0;
    form.setAttribute("data-ms", ms.toFixed(1));
    form.dispatchEvent(new CustomEvent("isnad:results", { detail: { query: q, count: ranked.size, ms: ms, run: tRun, wait: waited, meta: metaWait, sort: tSort } }));
    fillSnippets(my, t0).then(function () { prefetch(my); });
  }

  // prefetch loads, while the reader looks, the titles of the next
  // results: the next keystroke mostly narrows these down.
  function prefetch(my) {
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    idle(function () {
      if (my !== seq) return;
      var chunks = {};
      results.slice(0, 60).forEach(function (d) { chunks[Math.floor(d / S.entry.meta)] = true; });
      Object.keys(chunks).slice(0, 6).forEach(function (c) { if (!S.meta[c]) load("m/" + c + ".js"); });
    });
  }

  async function showMore(my) {
    var from = shown.length;
    if (results.length < Math.min(ranked.size, from + pageSize)) results = top(ranked, 2 * (from + pageSize));
    var next = results.slice(from, from + pageSize);
    var chunks = {};
    next.forEach(function (d) { chunks[Math.floor(d / S.entry.meta)] = true; });
    var tm = performance.now();
    await Promise.all(Object.keys(chunks).map(function (c) { return S.meta[c] ? null : load("m/" + c + ".js"); }));
    metaWait += performance.now() - tm;
    if (my !== seq) return;
    next.forEach(function (d) {
      var row = (S.meta[Math.floor(d / S.entry.meta)] || [])[d % S.entry.meta];
      if (row) list.appendChild(item(d, row));
      shown.push(d);
    });
    more.hidden = shown.length >= ranked.size;
  }

  // item renders one result; text is set with textContent only.
  function item(doc, row) {
    var li = document.createElement("li");
    li.lang = row[4];
    li.dir = row[5];
    li.setAttribute("data-doc", doc);
    var h = document.createElement("h2"), a = document.createElement("a");
    a.href = root + row[0] + "index.html";
    highlight(a, row[1], 0, row[1].length);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    if (row[2]) {
      var time = document.createElement("time");
      time.dateTime = row[2];
      time.textContent = row[3];
      meta.appendChild(time);
    }
    if (langNames[row[4]]) {
      var l = document.createElement("span");
      l.className = "lang";
      l.lang = row[4];
      l.textContent = langNames[row[4]];
      meta.appendChild(l);
    }
    li.appendChild(meta);
    var p = document.createElement("p");
    p.className = "snippet";
    li.appendChild(p);
    return li;
  }

  // spans finds the words of text with their offsets.
  var spanRE = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;

  function isHit(span) {
    var ws = words(span);
    for (var i = 0; i < hitTerms.length; i++) {
      var t = hitTerms[i];
      for (var j = 0; j < ws.length; j++) {
        if (t.typing ? prefixMatches(t.word, ws[j]) : matches(t.word, ws[j])) return true;
      }
    }
    return false;
  }

  // highlight writes text[from:to] into el, marking the words that match.
  function highlight(el, text, from, to) {
    var last = from, m;
    spanRE.lastIndex = from;
    while ((m = spanRE.exec(text)) && m.index < to) {
      if (!isHit(m[0])) continue;
      var end = Math.min(m.index + m[0].length, to);
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m.index, end);
      el.appendChild(mark);
      last = end;
    }
    el.appendChild(document.createTextNode(text.slice(last, to)));
  }

  // snippet shows some 200 characters around the first match in text.
  function snippet(el, text) {
    var m, at = -1;
    spanRE.lastIndex = 0;
    while ((m = spanRE.exec(text))) {
      if (isHit(m[0])) { at = m.index; break; }
    }
    var from = 0;
    if (at > 80) {
      from = text.lastIndexOf(" ", at - 80);
      from = from < 0 ? 0 : from + 1;
    }
    var to = Math.min(text.length, from + 220);
    if (to < text.length) {
      var sp = text.lastIndexOf(" ", to);
      if (sp > at) to = sp;
    }
    el.textContent = "";
    if (from > 0) el.appendChild(document.createTextNode("… "));
    highlight(el, text.replace(/\n/g, " "), from, to);
    if (to < text.length) el.appendChild(document.createTextNode(" …"));
  }

  // fillSnippets fills in the snippets of the results shown, chunk by
  // chunk as the text arrives.
  async function fillSnippets(my, t0) {
    var items = Array.from(list.querySelectorAll("li[data-doc]")), chunks = {};
    items.forEach(function (li) { chunks[Math.floor(li.getAttribute("data-doc") / S.entry.text)] = true; });
    function fill() {
      if (my !== seq) return;
      items.forEach(function (li) {
        var d = +li.getAttribute("data-doc"), p = li.querySelector(".snippet");
        var t = (S.text[Math.floor(d / S.entry.text)] || [])[d % S.entry.text];
        if (t && !p.firstChild) snippet(p, t);
      });
    }
    fill();
    await Promise.all(Object.keys(chunks).map(function (c) { return S.text[c] ? null : load("x/" + c + ".js").then(fill); }));
    if (my !== seq) return;
    form.dispatchEvent(new CustomEvent("isnad:snippets", { detail: { query: input.value, ms: performance.now() - t0 } }));
  }

  function syncURL(q, outlet) {
    try {
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      if (outlet) u.searchParams.set("outlet", outlet); else u.searchParams.delete("outlet");
      history.replaceState(null, "", u.href);
    } catch (e) {
      // file:// may refuse; the query stays in the box.
    }
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); update(performance.now()); });
  input.addEventListener("input", function () { update(performance.now()); });
  input.addEventListener("focus", function () { start().catch(function () {}); });
  if (outletSel) outletSel.addEventListener("change", function () { update(performance.now()); });
  more.addEventListener("click", function () {
    var t0 = performance.now();
    showMore(seq).then(function () { fillSnippets(seq, t0); });
  });

  // The entry of the index is small: load it now, so the first
  // keystroke only waits for the words it needs.
  start().catch(function () {});

  var params = new URLSearchParams(location.search);
  if (outletSel && params.get("outlet")) outletSel.value = params.get("outlet");
  if (params.get("q")) {
    input.value = params.get("q");
    update(performance.now());
  }
  form.classList.add("ready");
})();
