// Stub ChatApp Dialog (docs/vendors.md §8): shows the parameters its URL carries, so an integrator
// sees what the page sent. The access token is a 24-hour account credential: it is shown only
// as "received, N characters", never its value (screenshots and screen shares leak).
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var list = document.getElementById("params");
  var rows = [];
  var token = null;
  params.forEach(function (value, key) {
    if (key === "api[access_token]") token = value;
    else rows.push([key, value]);
  });
  document.getElementById("signed-in").textContent = token === null
    ? "no access token received"
    : "signed in with a live token (received, " + token.length + " characters)";
  document.documentElement.dataset.token = token === null ? "none" : "received";
  if (rows.length) list.textContent = "";
  rows.forEach(function (row) {
    var dt = document.createElement("dt");
    dt.textContent = row[0];
    var dd = document.createElement("dd");
    dd.textContent = row[1];
    list.append(dt, dd);
  });
})();
