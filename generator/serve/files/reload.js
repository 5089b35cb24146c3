// Added by `newsmirror serve` to the pages it sends, never to the built site: reloads the page when a rebuild
// changed the site, and shows what broke while an edit cannot be built. Styles are set through the DOM, which
// the site's Content-Security-Policy allows, unlike a style attribute or a <style> element.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script.dataset.build;
  var overlay = null;
  var events = new EventSource(new URL("events", script.src));

  events.onmessage = function (message) {
    var state = JSON.parse(message.data);
    script.dataset.state = "connected"; // on our own element only: lets a test wait for the stream
    if (state.build !== build) {
      events.close();
      location.reload();
      return;
    }
    if (state.errors.length) {
      show(state.errors);
    } else {
      hide();
    }
  };

  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "newsmirror-serve-errors";
    overlay.setAttribute("role", "alert");
    Object.assign(overlay.style, {
      position: "fixed", top: "0", left: "0", right: "0", maxHeight: "70vh", overflow: "auto",
      zIndex: "2147483647", margin: "0", padding: "1em 1.25em", boxSizing: "border-box",
      background: "#fff1f0", color: "#5c0000", borderBottom: "4px solid #b00020",
      font: "14px/1.45 ui-monospace, Menlo, Consolas, monospace", whiteSpace: "pre-wrap",
      boxShadow: "0 4px 16px rgba(0, 0, 0, 0.3)"
    });
    var title = document.createElement("strong");
    title.textContent = "newsmirror serve: the last build has problems; this page is the last good build.";
    overlay.appendChild(title);
    errors.forEach(function (line) {
      var item = document.createElement("p");
      item.textContent = line;
      item.style.margin = "0.6em 0 0";
      overlay.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.marginTop = "0.8em";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay !== null) {
      overlay.remove();
      overlay = null;
    }
  }
})();
