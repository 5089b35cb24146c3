/* newsmirror's search, run by search.html. It works from file:// with no server: the index is plain scripts
   (made by generator/output/search_index.py), each of which calls a function of window.newsmirrorSearch with
   its data, and this file loads only the ones a query needs by adding <script> elements. No fetch, XHR,
   modules or WebAssembly, which browsers refuse to pages opened from disk. */
(function () {
  'use strict';

  var PAGE_SIZE = 10;  // results shown at once (each loads its group's doc file); "More results" shows the next ones
  var BEFORE = 70, LENGTH = 220;  // a snippet: characters before the first match, and in all
  // Folding and words as generator/render/search_text.py has them; a browser test holds the two equal.
  // The blocks of the abugidas, whose marks are letters and stay (search_text.ABUGIDA_BLOCKS).
  var ABUGIDAS = '\\u0780-\\u07bf\\u0900-\\u0dff\\u0e00-\\u0fff\\u1000-\\u109f\\u1700-\\u17ff\\u1900-\\u1aaf' +
    '\\u1b00-\\u1c4f\\ua800-\\uaaff\\uabc0-\\uabff\\u{10a00}-\\u{10a5f}\\u{11000}-\\u{11fff}\\u{16f00}-\\u{16f9f}';
  // Marks but those, and the joiners (search_text.JOINERS), which folding drops.
  var MARKS = new RegExp('(?:(?![' + ABUGIDAS + '])\\p{M}|[\\u200c\\u200d])+', 'gu');
  // A character of a word: a letter, a digit or a kept mark (search_text.WORD).
  var WORD_CHAR = '(?:[\\p{L}\\p{N}]|(?=[' + ABUGIDAS + '])\\p{M})';
  var WORD = new RegExp(WORD_CHAR + '+', 'gu');
  // Scripts written without spaces (Thai, Lao, Myanmar, Khmer, kana, Han): their runs are words of overlapping
  // pairs of characters, as search_text.UNSPACED has them.
  var UNSPACED_CLASS = '\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf' +
    '\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}';
  var UNSPACED = new RegExp('^[' + UNSPACED_CLASS + ']', 'u');
  var HAS_UNSPACED = new RegExp('[' + UNSPACED_CLASS + ']', 'u');
  var PIECES = new RegExp('[' + UNSPACED_CLASS + ']+|[^' + UNSPACED_CLASS + ']+', 'gu');
  // Arabic script's letters written two ways, to one, and every decimal digit to its ASCII one
  // (search_text.LETTER_VARIANTS and _Variants).
  var VARIANTS = {'\u0640': '', '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9', '\u0629': '\u0647'};
  var VARIANT = /[\u0640\u064a\u0649\u0643\u0629]|(?![0-9])\p{Nd}/gu;
  var DIGIT = /\p{Nd}/u;

  var arrived = new Map();  // script name -> its data, as each index script reports it
  var waiting = new Map();  // script name -> the promise of its data, once asked for
  var manifest = null;

  var rank = null;  // post number -> its place newest first, from the manifest's runs

  window.newsmirrorSearch = {
    manifest: function (data) { manifest = data; },
    shard: function (block, bucket, data) { arrived.set('words/' + block + '-' + bucket, data); },
    docs: function (group, data) { arrived.set('doc/' + group, data); },
    // For tests and benchmarks: search as the form would, resolving with the number of posts found once
    // they show; the ranked post numbers alone; the folding, words and buckets, which must be the index's; a
    // title's direction, which must be its card's.
    run: run,
    query: function (text, filters) { return query(text, filters || {}); },
    fold: fold,
    words: words,
    bucket: bucket,
    direction: function (title) { return headingDirection(title); }
  };

  // The data of index script `name` (its path under search/, without ".js"), loading it once.
  function load(name) {
    if (!waiting.has(name)) {
      waiting.set(name, new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = 'search/' + name + '.js';
        // A classic script runs before its load event, so its data has arrived by then.
        script.onload = function () {
          if (arrived.has(name)) resolve(arrived.get(name));
          else reject(new Error(script.src + ' did not hold the expected data'));
        };
        script.onerror = function () { reject(new Error('could not load ' + script.src)); };
        document.head.appendChild(script);
      }));
    }
    return waiting.get(name);
  }

  // The doc of post `number` (its title, link, date, summary and text), from the file of its group.
  function doc(number) {
    return load('doc/' + Math.floor(number / manifest.group)).then(function (group) {
      return group[number % manifest.group];
    });
  }

  function fold(text) {
    return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '').replace(/ς/g, 'σ')
      .replace(VARIANT, variant);
  }

  // A digit's value: Unicode encodes each script's ten digits in a row from zero, and rows only follow rows.
  function variant(char) {
    if (char in VARIANTS) return VARIANTS[char];
    var code = char.codePointAt(0), first = code;
    while (DIGIT.test(String.fromCodePoint(first - 1))) first--;
    return String((code - first) % 10);
  }

  function words(folded) {
    var found = folded.match(WORD) || [];
    if (!HAS_UNSPACED.test(folded)) return found;
    var result = [];
    found.forEach(function (word) {
      word.match(PIECES).forEach(function (piece) {
        var chars = Array.from(piece);
        if (chars.length < 2 || !UNSPACED.test(piece)) { result.push(piece); return; }
        for (var i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
        result.push(chars[chars.length - 1]);
      });
    });
    return result;
  }

  // FNV-1a over the code points of the word's first two characters (its first alone in an unspaced script),
  // as search_index.bucket.
  function bucket(word, buckets) {
    var hash = 0x811c9dc5, count = 0, hashed = UNSPACED.test(word) ? 1 : 2;
    for (var char of word) {
      if (count++ === hashed) break;
      hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
    }
    return hash % buckets;
  }

  // Post number -> weight of `word` in it, from its shard in every block. A word also matches longer words
  // that start with it ("earth" finds "earths", and a last word being typed finds what it begins), at two
  // characters or more, as shards go by the first two (from one in an unspaced script, where a character is
  // often a word and shards go by the first); at half the weight, so the word itself ranks first.
  function postings(word) {
    var number = bucket(word, manifest.buckets), blocks = Math.ceil(manifest.docs / manifest.block);
    var names = [];
    for (var block = 0; block < blocks; block++) names.push('words/' + block + '-' + number);
    return Promise.all(names.map(load)).then(function (shards) {
      var found = new Map();
      shards.forEach(function (shard, block) {
        for (var key in shard) {
          var exact = key === word;
          if (!exact && !((word.length > 1 || UNSPACED.test(word)) && key.startsWith(word))) continue;
          var list = shard[key], at = block * manifest.block;
          for (var i = 0; i < list.length; i += 2) {
            at += list[i];
            var weight = exact ? list[i + 1] : list[i + 1] / 2;
            if (!(found.get(at) >= weight)) found.set(at, weight);
          }
        }
      });
      return found;
    });
  }

  // The posts of the chosen term of each taxonomy (all must hold), or null when no filter is chosen.
  function allowed(filters) {
    var result = null;
    manifest.taxonomies.forEach(function (taxonomy) {
      var slug = filters[taxonomy[0]];
      if (!slug) return;
      var term = taxonomy[1].find(function (t) { return t[0] === slug; });
      var numbers = new Set(), at = 0;
      (term ? term[1] : []).forEach(function (gap) { at += gap; numbers.add(at); });
      result = result === null ? numbers : new Set(Array.from(result).filter(function (n) { return numbers.has(n); }));
    });
    return result;
  }

  // Numbers go by WordPress id, not date: the manifest lists them newest first as runs [first, count, ...],
  // each counting down from its first.
  function newer(a, b) {
    if (rank === null) {
      rank = new Int32Array(manifest.docs);
      for (var i = 0, place = 0; i < manifest.newest.length; i += 2) {
        for (var k = 0; k < manifest.newest[i + 1]; k++) rank[manifest.newest[i] - k] = place++;
      }
    }
    return rank[a] - rank[b];
  }

  // Post numbers that hold every word, best first (the sum of the words' weights), newest first on ties;
  // with filters and no words, every post they allow, newest first.
  function query(text, filters) {
    var terms = words(fold(text)), only = allowed(filters);
    if (!terms.length) return Promise.resolve(only === null ? [] : Array.from(only).sort(newer));
    return Promise.all(terms.map(postings))
      .then(function (lists) {
        var scores = new Map();
        lists[0].forEach(function (weight, number) {
          if (only !== null && !only.has(number)) return;
          var total = weight;
          for (var i = 1; i < lists.length && total !== null; i++) {
            total = lists[i].has(number) ? total + lists[i].get(number) : null;
          }
          if (total !== null) scores.set(number, total);
        });
        return Array.from(scores.keys()).sort(function (a, b) {
          return scores.get(b) - scores.get(a) || newer(a, b);
        });
      });
  }

  // `text` from `start` to about `end`, folded, with origin[i] the index in `text` that folded character i comes
  // from (and origin[length] where the span ends). Characters are folded one by one, which gives the words
  // folding the whole gives, but for the marks after a letter, which NFKD may put in another order ("กุ้ง"
  // typed tone mark first): a letter and its marks are folded together, and the folded letter and marks all
  // come from the letter when their order changed. A lone ASCII character needs only lowering.
  var AFTER_MARKS = /\p{M}+/uy;
  function foldSpan(text, start, end) {
    var folded = '', origin = [], i = start;
    while (i < end) {
      var code = text.codePointAt(i), next = i + (code > 0xffff ? 2 : 1), alone = next;
      AFTER_MARKS.lastIndex = next;
      if (text.charCodeAt(next) >= 0x300 && AFTER_MARKS.test(text)) next = AFTER_MARKS.lastIndex;
      var part = code < 128 && next === alone ? text[i].toLowerCase() : fold(text.slice(i, next));
      if (next === alone) for (var k = 0; k < part.length; k++) origin.push(i);
      else origin.push.apply(origin, origins(text, i, next, part));
      folded += part;
      i = next;
    }
    origin.push(i);
    return {folded: folded, origin: origin};
  }

  // Where each character of `folded`, the folding of text[from:to] (a letter and its marks), comes from.
  function origins(text, from, to, folded) {
    var parts = '', result = [];
    for (var at = from; at < to;) {
      var char = String.fromCodePoint(text.codePointAt(at)), part = fold(char);
      for (var k = 0; k < part.length; k++) result.push(at);
      parts += part;
      at += char.length;
    }
    return parts === folded ? result : new Array(folded.length).fill(from);
  }

  // Where the query's words stand in `folded`, as [from, to) spans in order, overlapping ones merged: a word of a
  // spaced script where a word starts, with the rest of that word (as in `postings`); a pair or a character of
  // an unspaced script wherever it is, so that the pairs of "稀土价" mark all three characters. Query words
  // hold letters, digits and kept marks only, which a pattern takes as themselves.
  function matches(folded, terms) {
    var found = [], spaced = terms.filter(function (t) { return !UNSPACED.test(t); });
    if (spaced.length) {
      // A letter of an unspaced script before the word is no part of it ("手机iphone").
      var letter = '(?![' + UNSPACED_CLASS + '])' + WORD_CHAR;
      var pattern = new RegExp('(?<!' + letter + ')(?:' + spaced.join('|') + ')(?:' + letter + ')*', 'gu'), match;
      while ((match = pattern.exec(folded))) found.push([match.index, match.index + match[0].length]);
    }
    terms.filter(function (t) { return UNSPACED.test(t); }).forEach(function (term) {
      for (var at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) found.push([at, at + term.length]);
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.reduce(function (merged, span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
      return merged;
    }, []);
  }

  // The text around the first match of `terms` in `text`, with every match in it marked; null without one.
  // The text is folded a stretch at a time, as a post's text may run to tens of thousands of characters and
  // the first match is most often near its start.
  function snippet(text, terms) {
    var stretch = 4000;
    for (var begin = 0; begin < text.length; begin += stretch) {
      // Each stretch reaches a snippet further, so a match near its end still has its snippet.
      var span = foldSpan(text, begin, Math.min(text.length, begin + stretch + LENGTH));
      var spans = matches(span.folded, terms);
      if (spans.length && span.origin[spans[0][0]] < begin + stretch) return marked(text, span.origin, spans);
    }
    return null;
  }

  function marked(text, origin, spans) {
    var start = Math.max(0, origin[spans[0][0]] - BEFORE);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    var end = Math.min(text.length, start + LENGTH);
    if (end < text.length && text.lastIndexOf(' ', end) > start) end = text.lastIndexOf(' ', end);
    var fragment = document.createDocumentFragment(), shown = start;
    if (start > 0) fragment.append('… ');
    spans.forEach(function (span) {
      // A mark ends with what one character, or a letter and its reordered marks, folds to ("ﬁ", "กุ้").
      var last = span[1];
      while (last + 1 < origin.length && origin[last] === origin[last - 1]) last++;
      var from = origin[span[0]], to = Math.min(origin[last], end);
      if (from < shown || from >= end) return;
      fragment.append(text.slice(shown, from));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(from, to);
      fragment.append(mark);
      shown = to;
    });
    fragment.append(text.slice(shown, end));
    if (end < text.length) fragment.append(' …');
    return fragment;
  }

  // text_direction.heading_direction: "auto" but for a title whose words (those with a letter, as Python's
  // [^\W\d_] has them) begin with letters of both ways, which runs the way more of them begin ("auto" for as many).
  var RTL_RANGES = '\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufeff\\u{10800}-\\u{10fff}\\u{1e800}-\\u{1efff}';
  var RTL_LETTER = new RegExp('[' + RTL_RANGES + ']', 'u');
  var PY_SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;  // str.split's
  function headingDirection(title) {
    if (!RTL_LETTER.test(title)) return 'auto';
    var rtl = 0, ltr = 0;
    title.split(PY_SPACE).forEach(function (word) {
      var first = word.match(/[\p{L}\p{Nl}\p{No}]/u);
      if (!first || word.indexOf('://') >= 0) return;
      if (RTL_LETTER.test(first[0])) rtl++;
      else ltr++;
    });
    return !ltr || !rtl || rtl === ltr ? 'auto' : rtl > ltr ? 'rtl' : 'ltr';
  }

  function result(doc, terms) {
    var item = document.createElement('li');
    var heading = document.createElement('h2'), link = document.createElement('a');
    heading.dir = headingDirection(doc.title);  // as the site's cards have it
    link.href = doc.url;
    link.textContent = doc.title;
    heading.append(link);
    var meta = document.createElement('p'), time = document.createElement('time');
    meta.className = 'meta';
    time.dateTime = doc.iso;
    time.textContent = doc.date;
    meta.append(time);
    var text = document.createElement('p');
    text.className = 'snippet';
    text.append((terms.length && (snippet(doc.text, terms) || snippet(doc.summary, terms))) ||
                doc.summary || doc.text.slice(0, LENGTH));
    item.append(heading, meta, text);
    return item;
  }

  var shown = {numbers: [], terms: [], count: 0};

  // Show the next page of results; with `focus`, move to the first of them (after "More results").
  function more(focus) {
    var page = shown.numbers.slice(shown.count, shown.count + PAGE_SIZE);
    shown.count += page.length;
    return Promise.all(page.map(doc)).then(function (docs) {
      var list = document.getElementById('search-results');
      var items = docs.map(function (found) { return result(found, shown.terms); });
      list.append.apply(list, items);
      document.getElementById('search-more').hidden = shown.count >= shown.numbers.length;
      if (focus && items.length) items[0].querySelector('a').focus();
    });
  }

  // The page's words (generator/language/words.py, in the site's language), handed over by the search form:
  // {name}s are filled in, and a count picks its plural form by the browser's rules for the page's language.
  function say(name, values) {
    var word = JSON.parse(document.querySelector('form.search-form').dataset.words)[name];
    if (typeof word === 'object') {
      var form = 'other';
      try {
        form = new Intl.PluralRules(document.documentElement.lang || 'en').select(values.count);
      } catch (error) {}  // a language tag the browser cannot read
      word = word[form] || word.other;
    }
    return word.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  }

  function run(text, filters) {
    var status = document.getElementById('search-status');
    var terms = words(fold(text));
    document.getElementById('search-results').replaceChildren();
    status.textContent = say('searching', {});
    return query(text, filters).then(function (numbers) {
      shown = {numbers: numbers, terms: terms, count: 0};
      return more(false).then(function () {
        var values = {count: numbers.length, query: text.trim()};
        var name = numbers.length === 0 ? 'found_none' : 'found';
        status.textContent = say(values.query ? name + '_for' : name, values);
        return numbers.length;
      });
    }).catch(function (error) {
      status.textContent = say('index_unreadable', {error: error.message});
      return -1;
    });
  }

  // The words and filters come in the page's address (?q=...&taxonomy=term), as the form sends them.
  function start() {
    var form = document.querySelector('form.search-form');
    if (!form) return;
    if (!manifest) {
      document.getElementById('search-status').textContent = say('index_unreadable', {error: 'search/index.js'});
      return;
    }
    var params = new URLSearchParams(location.search), filters = {};
    form.elements.q.value = params.get('q') || '';
    Array.from(form.querySelectorAll('select')).forEach(function (select) {
      var value = params.get(select.name) || '';
      if (Array.from(select.options).some(function (o) { return o.value === value; })) select.value = value;
      filters[select.name] = select.value;
    });
    document.getElementById('search-more').addEventListener('click', function () { more(true); });
    if (form.elements.q.value.trim() || Object.values(filters).some(Boolean)) run(form.elements.q.value, filters);
  }

  document.addEventListener('DOMContentLoaded', start);
})();
