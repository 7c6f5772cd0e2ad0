/* CongKhai: filters the records listed on the search page with search-index.json. Text is folded
   as the build folds it (no tone or vowel marks, đ → d, lower case), so "dan chu" finds "dân chủ".
   Without JavaScript, or before the index arrives, the page lists every record. */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var textsElement = document.getElementById("congkhai-texts");
  if (!form || !input || !list || !status || !textsElement || !window.fetch || !String.prototype.normalize) {
    return;
  }
  var texts = JSON.parse(textsElement.textContent);
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-id]"));
  var folded = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function apply() {
    if (!folded) {
      return;
    }
    var query = input.value.trim();
    var words = fold(query).split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = folded[item.getAttribute("data-id")] || "";
      var match = words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
      item.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    if (words.length === 0) {
      status.textContent = fill(texts.searchAll, { n: items.length });
    } else {
      status.textContent = fill(shown > 0 ? texts.searchResults : texts.searchNone, { n: shown, q: query });
    }
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";

  fetch(list.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) {
        throw new Error("search index: HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (index) {
      folded = {};
      index.forEach(function (entry) {
        folded[entry.id] = entry.text;
      });
      apply();
    })
    .catch(function () {
      /* Keep the full list: the page still works for browsing. */
    });

  input.addEventListener("input", apply);
  form.addEventListener("submit", function (event) {
    if (!folded) {
      return; /* let the browser load ?q= */
    }
    event.preventDefault();
    var url = new URL(window.location.href);
    var query = input.value.trim();
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url.toString());
    apply();
  });
})();
