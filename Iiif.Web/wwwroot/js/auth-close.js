// The last page of an access service window (login, terms, logout): the viewer that opened it waits for it to close
// (https://iiif.io/api/auth/2.0/#access-service). A window the user opened by hand cannot be closed by script and stays.
(function () {
  "use strict";
  if (window.opener) {
    window.close();
  }
}());
