// The review's one script: a marker's explanation (shown on hover and keyboard focus by CSS) can be
// dismissed with Escape without moving focus, as WCAG 1.4.13 asks of content shown on hover or focus.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var target = document.activeElement;
    if (event.key === "Escape" && target && target.matches("mark.m")) { target.classList.add("tip-dismissed"); }
  });
  function reset(event) {
    if (event.target.matches && event.target.matches("mark.m")) { event.target.classList.remove("tip-dismissed"); }
  }
  document.addEventListener("focusin", reset);
  document.addEventListener("mouseover", reset);
})();
