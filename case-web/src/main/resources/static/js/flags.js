// Raising a flag: the page works without this script. It shows the police instruction as soon as a
// mandatory-report situation is chosen, hides the new-child fields when a registry child is chosen,
// and shrinks a camera photo the server would refuse as too large (phones take 3-8 MB pictures).
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

  var photo = document.getElementById("flag-photo");
  var limit = photo ? Number(photo.getAttribute("data-max-bytes")) : 0;
  if (!photo || !limit || typeof DataTransfer === "undefined" || !window.createImageBitmap) {
    return;
  }
  var status = document.getElementById("flag-photo-status");
  // tried in turn until the picture fits: a real photo fits at the first, a noisy one later
  var STEPS = [[1600, 0.8], [1280, 0.7], [1024, 0.6], [800, 0.5]];
  var encode = function (bitmap, step) {
    var scale = Math.min(1, step[0] / Math.max(bitmap.width, bitmap.height));
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) {
      canvas.toBlob(resolve, "image/jpeg", step[1]);
    });
  };
  var shrink = function (bitmap, i) {
    return encode(bitmap, STEPS[i]).then(function (blob) {
      if ((blob && blob.size <= limit) || i + 1 >= STEPS.length) {
        return blob;
      }
      return shrink(bitmap, i + 1);
    });
  };
  photo.addEventListener("change", function () {
    var file = photo.files && photo.files[0];
    if (status) {
      status.hidden = true;
    }
    if (!file || file.size <= limit) {
      return;
    }
    photo.setAttribute("data-shrinking", "true");
    createImageBitmap(file)
      .then(function (bitmap) {
        return shrink(bitmap, 0);
      })
      .then(function (blob) {
        if (blob && blob.size <= limit) {
          var list = new DataTransfer();
          list.items.add(new File([blob], "photo.jpg", { type: "image/jpeg" }));
          photo.files = list.files;
          if (status) {
            status.hidden = false;
          }
        }
      })
      .catch(function () {
        // not an image the browser can read: the server says what is wrong
      })
      .then(function () {
        photo.removeAttribute("data-shrinking");
      });
  });
})();
