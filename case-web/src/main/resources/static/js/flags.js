// Raising a flag: the page works without this script; it only shows the police instruction as soon
// as a mandatory-report situation is chosen, and hides the new-child fields when a registry child is.
(function () {
  "use strict";
  var type = document.getElementById("flag-type");
  var police = document.getElementById("flag-call-police");
  if (type && police) {
    var showPolice = function () {
      var option = type.options[type.selectedIndex];
      police.hidden = !(option && option.getAttribute("data-mr") === "true");
    };
    type.addEventListener("change", showPolice);
    showPolice();
  }
  var client = document.getElementById("flag-client");
  var newChild = document.getElementById("flag-new-child");
  if (client && newChild) {
    var showNewChild = function () {
      newChild.hidden = client.value !== "";
    };
    client.addEventListener("change", showNewChild);
    showNewChild();
  }
})();
