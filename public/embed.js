/* Ascend's job widget loader. A partner's page writes
 *   <div data-ascend-jobs data-company="acme" data-limit="5"></div>
 *   <div data-ascend-job="JOB-SLUG"></div>
 *   <script src="https://ASCEND/embed.js" async></script>
 * and this script puts an iframe of Ascend's widget in each placeholder,
 * also ones added later, once it nears the viewport. Settings come from the
 * placeholder's attributes only, never from the page's address. The widget
 * reports its height by postMessage; only a message from Ascend's origin
 * and from that very iframe resizes it, so it never scrolls inside.
 * Plain ES2017, no globals besides one guard, nothing that blocks. */
(function () {
  "use strict";
  var script = document.currentScript;
  var src = script && script.src;
  if (!src) {
    var found = document.querySelector('script[src$="/embed.js"]');
    src = found && found.src;
  }
  if (!src) return;
  var origin = new URL(src, location.href).origin;
  var guard = "__ascendEmbed:" + origin;
  if (window[guard]) return;
  window[guard] = true;

  var SELECTOR = "[data-ascend-jobs],[data-ascend-job]";
  var SETTINGS = ["company", "q", "location", "remote", "limit", "theme", "accent", "lang"];
  var HEIGHT = "ascend:height";
  var seen = new WeakSet();
  var frames = [];

  function widgetUrl(el) {
    var params = new URLSearchParams();
    var job = el.getAttribute("data-ascend-job");
    if (job !== null) params.set("job", job);
    SETTINGS.forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value !== null && value.trim() !== "") params.set(name, value.trim());
    });
    var query = params.toString();
    return origin + "/widget/" + (query ? "?" + query : "");
  }

  function mount(el) {
    var isJob = el.hasAttribute("data-ascend-job");
    var frame = document.createElement("iframe");
    frame.src = widgetUrl(el);
    frame.title = el.getAttribute("data-title") || (isJob ? "Job from Ascend" : "Open jobs from Ascend");
    frame.setAttribute("scrolling", "no");
    frame.setAttribute("data-ascend-frame", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // Near the widget's own skeleton height, so the page barely moves.
    var limit = parseInt(el.getAttribute("data-limit"), 10);
    var rows = limit >= 1 && limit <= 20 ? limit : el.hasAttribute("data-limit") ? 1 : 5;
    var initial = isJob ? 278 : rows * 162 + 52;
    frame.style.cssText =
      "display:block;width:100%;border:0;overflow:hidden;background:transparent;height:" +
      initial + "px;color-scheme:normal";
    // Whatever the partner put inside (a fallback link) makes way.
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(frame);
    frames.push(frame);
  }

  var nearby =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (entry.isIntersecting) {
                nearby.unobserve(entry.target);
                mount(entry.target);
              }
            });
          },
          { rootMargin: "600px 0px" }
        )
      : null;

  function watch(el) {
    if (seen.has(el)) return;
    seen.add(el);
    if (nearby) nearby.observe(el);
    else mount(el);
  }

  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) watch(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(watch);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== HEIGHT) return;
    var height = Math.ceil(Number(data.height));
    if (!(height >= 0 && height <= 100000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        return;
      }
    }
  });

  function start() {
    scan(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) scan(node);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
