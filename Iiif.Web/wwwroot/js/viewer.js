// Opens the image's info.json in OpenSeadragon with the old viewer's options. The URL comes from the page (built by
// the server from the configured prefix and version), not from the browser's address bar as the old script did.
(function () {
  "use strict";
  var element = document.getElementById("viewer");
  if (!element || typeof OpenSeadragon === "undefined") {
    return;
  }

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
  window.iiifViewerState = { tilesLoaded: 0, openFailed: null };
  viewer.addHandler("tile-loaded", function () {
    window.iiifViewerState.tilesLoaded += 1;
  });
  viewer.addHandler("open-failed", function (event) {
    window.iiifViewerState.openFailed = event.message || "open failed";
  });

  // Restricted images go through the IIIF Authorization Flow (auth.js); others open at once.
  if (window.IiifAuth) {
    window.IiifAuth.run(element.dataset.infoUrl, viewer, window.IiifAuthUi);
  } else {
    viewer.open(element.dataset.infoUrl);
  }
}());
