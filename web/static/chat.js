// Attune's web chat: the rasa-webchat widget (served from this server, never a CDN) over the
// hardened socket.io channel, plus controls that work whatever state the chat is in.
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  var status = document.getElementById("status");
  var pause = document.getElementById("pause");
  var helpNow = document.getElementById("help-now");
  var widget = null;
  var connected = false;

  function say(text) { status.textContent = text; }

  function online(yes) {
    connected = yes;
    chat.classList.toggle("offline", !yes);
  }

  function send(payload, shown) {
    if (widget && connected && typeof widget.sendMessage === "function") {
      widget.sendMessage(payload, shown);
      return true;
    }
    return false;
  }

  // "I need help now": the resources are already in the page (no server needed to show them);
  // when the chat is reachable, it also starts Attune's safety check.
  helpNow.addEventListener("toggle", function () {
    if (!helpNow.open) { return; }
    if (!send("/need_help_now", "I need help now")) {
      say("Attune is not reachable right now. The numbers above work without it.");
    }
  });

  pause.addEventListener("click", function () {
    if (!send("/pause", "Pause")) {
      say("Attune is not reachable right now, so nothing is running. Your conversation is kept.");
    }
  });

  // On a shared computer: the browser keeps the session token and the messages; this drops both
  // (what Attune stored with consent stays; "erase my data" in the chat erases that).
  document.getElementById("forget").addEventListener("click", function () {
    if (!window.confirm("Forget this conversation on this device? The next person to open this page starts afresh.")) { return; }
    localStorage.removeItem("chat_session");
    sessionStorage.removeItem("chat_session");
    window.location.reload();
  });

  // The widget's own markup lacks names for assistive technology; add them as it renders.
  function label() {
    var input = chat.querySelector(".rw-new-message");
    if (input && !input.getAttribute("aria-label")) { input.setAttribute("aria-label", "Your message"); }
    var sendButton = chat.querySelector(".rw-send");
    if (sendButton && !sendButton.getAttribute("aria-label")) { sendButton.setAttribute("aria-label", "Send"); }
    var log = chat.querySelector(".rw-messages-container");
    if (log && !log.getAttribute("role")) {
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      log.setAttribute("aria-label", "Messages");
      log.setAttribute("tabindex", "0");
    }
    // Quick replies are plain <div>s with a click handler: make them buttons for the keyboard too.
    chat.querySelectorAll("div.rw-reply:not([role])").forEach(function (reply) {
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
      reply.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); reply.click(); }
      });
    });
  }
  new MutationObserver(label).observe(chat, { childList: true, subtree: true });

  if (chat.dataset.widget !== "yes" || !window.WebChat) { return; }

  window.WebChat.default({
    socketUrl: chat.dataset.socketUrl,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    embedded: true,
    title: "Attune",
    subtitle: "practice, not therapy",
    inputTextFieldHint: "Type a message",
    connectingText: "Connecting to Attune…",
    hideWhenNotConnected: false,
    showFullScreenButton: false,
    customData: {},
    params: { storage: "local" },
    customMessageDelay: function () { return 300; },
    innerRef: function (ref) { widget = ref; },
    onSocketEvent: {
      connect: function () { online(true); say("Connected. Your conversation is kept when you reload this page."); },
      disconnect: function () { online(false); say("Attune is not reachable right now. Your conversation is kept; the help above works without it."); },
      connect_error: function () { online(false); say("Attune is not reachable right now. The help above works without it."); }
    }
  }, chat);
})();
