/* CongKhai: recomputes each posting status for the reader's day in the commune's time zone, so a
   site built days ago does not lie. The sentences come from the page (#congkhai-texts); without
   JavaScript the build-day text, with its "as of" date, stays as it is. */
(function () {
  "use strict";

  var textsElement = document.getElementById("congkhai-texts");
  if (!textsElement || !window.Intl) {
    return;
  }
  var texts = JSON.parse(textsElement.textContent);
  var DAY = 86400000;

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function dayNumber(iso) {
    var parts = iso.split("-");
    return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])) / DAY;
  }

  function isoDay(day) {
    var date = new Date(day * DAY);
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate());
  }

  function vietnameseDay(day) {
    var date = new Date(day * DAY);
    return pad(date.getUTCDate()) + "/" + pad(date.getUTCMonth() + 1) + "/" + date.getUTCFullYear();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function today() {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: texts.timeZone, year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(new Date()).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY;
  }

  var now;
  try {
    now = today();
  } catch (error) {
    return; /* an unknown time zone: keep the build-day text */
  }

  /* The same rule as the build (DESIGN.md "Time"): upcoming before the start, open through the
     legal end with day k of N (0 on the start day, never above N), ended after it. */
  function status(element) {
    var start = dayNumber(element.getAttribute("data-posting-start"));
    var days = element.getAttribute("data-posting-days");
    var end = element.getAttribute("data-posting-end");
    var legalEnd = element.getAttribute("data-posting-legal-end");
    var values = { start: vietnameseDay(start) };
    if (now < start) {
      return { key: "upcoming", sentence: fill(texts.postingUpcoming, values), left: fill(texts.postingStartsIn, { n: start - now }) };
    }
    if (!days || !end || !legalEnd) {
      return { key: "permanent", sentence: fill(texts.postingPermanent, values), left: "" };
    }
    var endDay = dayNumber(end);
    var legalDay = dayNumber(legalEnd);
    if (now > legalDay) {
      return { key: "ended", sentence: fill(texts.postingEnded, { end: vietnameseDay(legalDay) }), left: "" };
    }
    values.day = Math.min(now - start, Number(days));
    values.days = days;
    values.end = vietnameseDay(endDay);
    values.legalEnd = vietnameseDay(legalDay);
    var left = legalDay - now;
    return {
      key: "open",
      sentence: fill(legalDay !== endDay ? texts.postingOpenShifted : texts.postingOpen, values),
      left: left === 0 ? texts.postingLastDay : fill(texts.postingDaysLeft, { n: left })
    };
  }

  var keys = ["upcoming", "open", "permanent", "ended"];
  var postings = document.querySelectorAll("[data-posting-start]");
  Array.prototype.forEach.call(postings, function (element) {
    if (element.getAttribute("data-posting-as-of") === isoDay(now)) {
      return; /* built today: the text is already right */
    }
    var current = status(element);
    keys.forEach(function (key) {
      element.classList.toggle("posting--" + key, key === current.key);
    });
    var sentence = element.querySelector("[data-posting-sentence]");
    if (sentence) {
      sentence.textContent = current.sentence;
    }
    var left = element.querySelector("[data-posting-left]");
    if (left) {
      left.textContent = current.left;
    }
  });

  var asOfText = fill(texts.postingAsOf, { date: vietnameseDay(now) });
  Array.prototype.forEach.call(document.querySelectorAll("[data-posting-as-of-text]"), function (element) {
    element.textContent = asOfText;
  });
})();
