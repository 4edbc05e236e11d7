// The client side of the IIIF Authorization Flow API 2.0 (https://iiif.io/api/auth/2.0/#workflow-from-the-browser-client-perspective)
// for the viewer page: probe the image; if it is restricted show the substitute (the degraded version), the access
// service's heading, note and button; open the access service in a new window, wait for it to close, get a token
// from the token service in a hidden frame (postMessage), probe again with it, then show the full image. Logout opens
// the logout service, forgets the token and starts over. window.iiifAuthState tells the browser test where it is.
(function () {
  "use strict";

  var state = window.iiifAuthState = { phase: "start", status: null, shown: null, token: null, error: null };
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];

  // A language map (https://iiif.io/api/presentation/3.0/#44-language-of-property-values) as one string: the
  // reader's first language the map has (a regional tag also finding its language), else English, none, the first.
  function text(map) {
    if (!map) { return ""; }
    for (var i = 0; i < languages.length; i++) {
      var values = map[languages[i]] || map[languages[i].split("-")[0]];
      if (values) { return values.join(" "); }
    }
    return (map.en || map.none || map[Object.keys(map)[0]] || []).join(" ");
  }

  function services(resource) {
    var list = resource && resource.service;
    return list ? (Array.isArray(list) ? list : [list]) : [];
  }

  function ofType(resource, type) {
    return services(resource).filter(function (s) { return s.type === type || s["@type"] === type; });
  }

  function probe(probeService, token) {
    var headers = token ? { Authorization: "Bearer " + token } : {};
    return fetch(probeService.id, { headers: headers, cache: "no-store" }).then(function (r) { return r.json(); });
  }

  // https://iiif.io/api/auth/2.0/#access-token-service-request: a hidden frame and a message with our messageId.
  function requestToken(tokenService) {
    return new Promise(function (resolve) {
      var messageId = "m" + Date.now() + Math.random().toString(16).slice(2);
      var frame = document.createElement("iframe");
      var done = false;
      function finish(data) {
        if (done) { return; }
        done = true;
        window.removeEventListener("message", listener);
        frame.remove();
        resolve(data);
      }
      function listener(event) {
        if (event.origin === new URL(tokenService.id).origin && event.data && event.data.messageId === messageId) {
          finish(event.data);
        }
      }
      window.addEventListener("message", listener);
      frame.hidden = true;
      frame.src = tokenService.id + "?messageId=" + encodeURIComponent(messageId) + "&origin=" + encodeURIComponent(window.location.origin);
      document.body.appendChild(frame);
      setTimeout(function () { finish({ type: "AuthAccessTokenError2", profile: "unavailable" }); }, 15000);
    });
  }

  // Opened from a click (browsers block other pop-ups); resolves when the user closes it or it closes itself.
  function openAndWait(url) {
    var opened = window.open(url, "_blank", "width=520,height=640");
    return new Promise(function (resolve) {
      var timer = setInterval(function () {
        if (!opened || opened.closed) {
          clearInterval(timer);
          resolve();
        }
      }, 300);
    });
  }

  function Flow(infoUrl, viewer, ui) {
    this.infoUrl = infoUrl;
    this.viewer = viewer;
    this.ui = ui;
  }

  Flow.prototype.start = function () {
    var flow = this;
    return fetch(this.infoUrl).then(function (r) { return r.json(); }).then(function (info) {
      flow.probeService = ofType(info, "AuthProbeService2")[0];
      if (!flow.probeService) {
        return flow.show(flow.infoUrl, "full", 200);
      }
      flow.access = ofType(flow.probeService, "AuthAccessService2")[0];
      flow.tokenService = flow.access && ofType(flow.access, "AuthAccessTokenService2")[0];
      flow.logoutService = flow.access && ofType(flow.access, "AuthLogoutService2")[0];
      return flow.check();
    }).catch(function (error) {
      // Not JSON or not reachable: let the viewer open it and report what failed.
      state.error = String(error);
      flow.viewer.open(flow.infoUrl);
    });
  };

  // Probe (with the token, if any) and act on the result.
  Flow.prototype.check = function () {
    var flow = this;
    state.phase = "probing";
    return probe(this.probeService, state.token).then(function (result) {
      state.status = result.status;
      if (result.status === 200) {
        flow.ui.hidePrompt();
        flow.ui.showLogout(flow.logoutService, function () { flow.logout(); });
        return flow.show(flow.infoUrl, "full", 200);
      }
      if (result.status >= 300 && result.status < 400 && result.location) {
        return flow.show(result.location.id + "/info.json", "location", result.status);
      }
      if (result.substitute && result.substitute.length > 0 && state.shown !== "substitute") {
        flow.show(result.substitute[0].id + "/info.json", "substitute", result.status);
      }
      return flow.offerAccess(result);
    });
  };

  Flow.prototype.show = function (url, what, status) {
    state.shown = what;
    state.status = status;
    state.phase = "shown";
    this.viewer.open(url);
  };

  // https://iiif.io/api/auth/2.0/#33-interaction-patterns: external goes straight to the token service once; active
  // shows the service's texts and waits for the user.
  Flow.prototype.offerAccess = function (result) {
    var flow = this;
    if (!this.access || !this.tokenService) {
      this.ui.showPrompt(text(result.heading), text(result.note), null, null);
      return Promise.resolve();
    }
    if (this.access.profile === "external") {
      if (this.triedExternal) {
        this.ui.showPrompt(text(result.heading) || text(this.access.label), text(result.note), null, null);
        return Promise.resolve();
      }
      this.triedExternal = true;
      return this.token().then(function () { return flow.check(); });
    }
    state.phase = "prompt";
    this.ui.showPrompt(text(this.access.heading) || text(this.access.label), text(this.access.note),
      text(this.access.confirmLabel) || text(this.access.label) || "Log in", function () {
        flow.ui.setStatus("Waiting for the window to close…");
        var opened = openAndWait(flow.access.id + "?origin=" + encodeURIComponent(window.location.origin));
        opened.then(function () { return flow.token(); }).then(function () { return flow.check(); });
      });
    return Promise.resolve();
  };

  Flow.prototype.token = function () {
    var flow = this;
    state.phase = "token";
    return requestToken(this.tokenService).then(function (message) {
      if (message.accessToken) {
        state.token = message.accessToken;
        flow.ui.setStatus("");
      } else {
        state.token = null;
        flow.ui.setStatus(text(message.heading) || text(flow.tokenService.errorHeading) || "No access", text(message.note));
      }
    });
  };

  // https://iiif.io/api/auth/2.0/#logout-interaction: show the logout page, forget the token, start over.
  Flow.prototype.logout = function () {
    var flow = this;
    state.token = null;
    this.ui.hideLogout();
    openAndWait(this.logoutService.id).then(function () {
      state.shown = null;
      return flow.check();
    });
  };

  window.IiifAuth = {
    // Opens infoUrl in the OpenSeadragon viewer through the flow; ui draws the prompt and the logout button.
    run: function (infoUrl, viewer, ui) { return new Flow(infoUrl, viewer, ui).start(); }
  };
}());
