// Triage form: the page works without this script (every part shows and the server names what is
// missing). With it, only the parts of the chosen outcome show (data-when lists their outcomes),
// and the sub-type list keeps only the sub-types of the chosen category.
(function () {
  "use strict";
  var form = document.querySelector("form.triage-form");
  if (!form) {
    return;
  }
  var parts = form.querySelectorAll("[data-when]");
  var outcomes = form.querySelectorAll("input[name=outcome]");
  var showParts = function () {
    var chosen = form.querySelector("input[name=outcome]:checked");
    var value = chosen ? chosen.value : "";
    parts.forEach(function (part) {
      part.hidden = part.getAttribute("data-when").split(" ").indexOf(value) < 0;
    });
  };
  outcomes.forEach(function (o) {
    o.addEventListener("change", showParts);
  });
  showParts();

  var category = form.querySelector("select[name=category]");
  var subType = form.querySelector("select[name=categorySubType]");
  if (!category || !subType) {
    return;
  }
  var subTypeField = subType.closest(".field");
  var showSubTypes = function () {
    var any = false;
    subType.querySelectorAll("optgroup").forEach(function (group) {
      var match = group.getAttribute("data-category") === category.value;
      group.hidden = !match;
      group.disabled = !match;
      any = any || match;
    });
    var selected = subType.options[subType.selectedIndex];
    if (selected && selected.parentElement && selected.parentElement.disabled) {
      subType.value = "";
    }
    if (subTypeField) {
      subTypeField.hidden = !any;
    }
  };
  category.addEventListener("change", showSubTypes);
  showSubTypes();
})();
