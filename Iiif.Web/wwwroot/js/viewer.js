// Opens the image's info.json in OpenSeadragon with the old viewer's options. The URL comes from the page (built by
// the server from the configured prefix and version), not from the browser's address bar as the old script did.
// When info.json or tiles fail, the server's own error sentence is shown over the viewer (OpenSeadragon alone shows
// a black canvas for failed tiles and "Unable to open [object Object]" for a failed info.json).
(function () {
  "use strict";
  var element = document.getElementById("viewer");
  if (!element || typeof OpenSeadragon === "undefined") {
    return;
  }

  var infoUrl = element.dataset.infoUrl;
  var viewer = OpenSeadragon({
    element: element,
    prefixUrl: element.dataset.prefixUrl,
    preserveViewport: true,
    visibilityRatio: 1,
    minZoomLevel: 1,
    defaultZoomLevel: 1,
    sequenceMode: false,
    showNavigator: true
  });

  // Exposed for people debugging in the console and for the browser test, which waits on these.
  window.iiifViewer = viewer;
  window.iiifViewerState = { tilesLoaded: 0, tilesFailed: 0, openFailed: null, error: null };

  var banner = document.getElementById("viewer-error");

  function show(text) {
    window.iiifViewerState.error = text;
    if (banner) {
      banner.textContent = text;
      banner.hidden = false;
    }
  }

  // Asks the server again for what failed, to show its status and plain-text reason (tile images and OpenSeadragon's
  // own requests do not expose the response body).
  function explain(url, what) {
    return fetch(url, { cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (body) {
          var reason = body.trim().replace(/\s+/g, " ").slice(0, 300) || response.statusText;
          return response.ok
            ? what + " failed, but the server answers it now (" + response.status + "); reload the page."
            : what + " failed: " + response.status + " " + reason;
        });
      })
      .catch(function (error) {
        return what + " failed: the server could not be reached (" + error.message + ").";
      });
  }

  viewer.addHandler("tile-loaded", function () {
    window.iiifViewerState.tilesLoaded += 1;
  });
  viewer.addHandler("open-failed", function (event) {
    window.iiifViewerState.openFailed = String(event.message || "open failed");
    // The auth flow may have opened another info.json (the degraded substitute) than the page's.
    explain(typeof event.source === "string" ? event.source : infoUrl, "Loading the image information (info.json)").then(show);
  });
  var firstTileError = null;
  viewer.addHandler("tile-load-failed", function (event) {
    var state = window.iiifViewerState;
    state.tilesFailed += 1;
    if (state.tilesFailed === 1) {
      firstTileError = explain(event.tile.getUrl(), "Loading a tile");
    }

    firstTileError.then(function (text) {
      show(state.tilesFailed > 1 ? text + " (" + state.tilesFailed + " tiles failed)" : text);
    });
  });

  // Restricted images go through the IIIF Authorization Flow (auth.js); others open at once.
  if (window.IiifAuth) {
    window.IiifAuth.run(infoUrl, viewer, window.IiifAuthUi);
  } else {
    viewer.open(infoUrl);
  }
}());
