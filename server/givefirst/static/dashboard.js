// The little the dashboard's pages need from JavaScript; every page works without it but the card.
"use strict";

(() => {
  // Person pages: the card, drawn by the same renderer as the bookmarklet's popup, from the JSON
  // the page carries (a data block, never executed).
  const data = document.getElementById("card-data");
  const cardRoot = document.getElementById("card");
  if (data && cardRoot && window.givefirstCard) {
    window.givefirstCard.render(cardRoot, JSON.parse(data.textContent), { titled: false });
  }

  // The bookmarklet is for dragging to the bookmarks bar; clicked here it would do nothing.
  for (const link of document.querySelectorAll("a[data-bookmarklet]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const hint = document.getElementById("bookmarklet-hint");
      if (hint) {
        hint.textContent = "Drag the link to your bookmarks bar, then click it on a profile page.";
      }
    });
  }

  // Import: the service refuses a file over its limit only once the whole upload has arrived
  // (or, far over it, with a bare error); saying so when the file is chosen spares the wait.
  for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
    const problem = document.getElementById("import-size-problem");
    input.addEventListener("change", () => {
      const limit = Number(input.dataset.maxBytes);
      const file = input.files[0];
      const message =
        file && file.size > limit
          ? `${file.name} is larger than ${Math.floor(limit / 1048576)} MiB, the most the ` +
            "dashboard takes. Import it from the command line: givefirst import KIND PATH"
          : "";
      input.setCustomValidity(message); // the form is not sent while this is set
      if (problem) {
        problem.textContent = message;
      }
    });
  }

  // "/" jumps to the search box, as on many sites; never while typing.
  const search = document.querySelector("input[type=search]");
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (search && event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      search.focus();
    }
  });
})();
