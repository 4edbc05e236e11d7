// The viewer page's part of the auth flow (auth.js): the prompt over the image and the logout button in the bar.
(function () {
  "use strict";

  function element(id) { return document.getElementById(id); }

  window.IiifAuthUi = {
    showPrompt: function (heading, note, confirmLabel, onConfirm) {
      var prompt = element("auth-prompt");
      element("auth-heading").textContent = heading;
      element("auth-note").textContent = note;
      element("auth-status").textContent = "";
      var button = element("auth-confirm");
      button.hidden = !onConfirm;
      button.textContent = confirmLabel || "";
      button.onclick = onConfirm;
      prompt.hidden = false;
    },
    hidePrompt: function () { element("auth-prompt").hidden = true; },
    setStatus: function (heading, note) {
      element("auth-status").textContent = [heading, note].filter(Boolean).join(": ");
    },
    showLogout: function (service, onLogout) {
      var button = element("auth-logout");
      if (!service) { return; }
      var label = service.label || {};
      button.textContent = (label.en || label.none || label[Object.keys(label)[0]] || ["Log out"]).join(" ");
      button.onclick = onLogout;
      button.hidden = false;
    },
    hideLogout: function () { element("auth-logout").hidden = true; }
  };
}());
