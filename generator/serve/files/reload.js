// Added by `newsmirror serve` to the pages it sends, never to the built site: reloads the page when a rebuild
// changed the site, and shows what broke while an edit cannot be built. Styles are set through the DOM, which
// the site's Content-Security-Policy allows, unlike a style attribute or a <style> element.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script.dataset.build;
  var overlay = null;
  var reloading = false;
  var source = new URL("events", script.src).href;

  if (window.BroadcastChannel && navigator.locks) {
    share();
  } else {
    listen(follow);
  }

  // A browser opens six connections to a host: a stream for each tab would leave the seventh tab loading.
  // So the tab that holds the lock holds the one stream and passes each state on to the other tabs; when it
  // goes (or reloads), the next tab in line takes the lock and opens the stream again.
  function share() {
    var channel = new BroadcastChannel("newsmirror-serve " + source);
    var last = null; // the latest state, in the tab that holds the stream
    channel.onmessage = function (message) {
      if (message.data === "ask") {
        if (last !== null) channel.postMessage(last);
      } else if (message.data && typeof message.data.build === "string" && Array.isArray(message.data.errors)) {
        follow(message.data); // only a state as the stream gives it: any page of the origin may post here
      }
    };
    navigator.locks.request("newsmirror-serve " + source, function () {
      return new Promise(function () { // never settles: the lock is held while the page lives
        listen(function (state) {
          last = state;
          channel.postMessage(state);
          follow(state);
        });
      });
    });
    channel.postMessage("ask"); // a tab opened after the stream has it from the tab that holds it
  }

  function listen(receive) {
    var events = new EventSource(source);
    events.onmessage = function (message) {
      receive(JSON.parse(message.data));
    };
  }

  function follow(state) {
    script.dataset.state = "connected"; // on our own element only: lets a test wait for the stream
    if (reloading) return;
    if (state.build !== build) {
      reloading = true;
      location.reload();
      return;
    }
    if (state.errors.length) {
      show(state.errors);
    } else {
      hide();
    }
  }

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
