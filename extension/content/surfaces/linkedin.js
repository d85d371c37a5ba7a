// LinkedIn messaging: the full page (/messaging/thread/…) and the chat bubbles (role=dialog
// labelled "Messaging…"). The composer is a contenteditable role=textbox in a form whose Send is
// the form's submit button; Enter or Ctrl/⌘+Enter sends, by a setting of the person's. A
// conversation names its person by member id (/in/ACoAA…), the same in the bubble and the page.
// Class names are hashed and change: rely on roles, forms, links and the messages' event URNs.
(() => {
  const { profileLink, nameOfLink, rowsOf } = globalThis.GF.surfaceKit;
  const site = () => globalThis.GF.sites.linkedin;
  const COMPOSER = "form [role='textbox'][contenteditable='true'], form textarea";
  const ROW = "[data-event-urn]";
  const MEMBER_ID = /(?:fsd_profile(?::|%3A)|\/in\/)(ACo[A-Za-z0-9_-]{30,60})/;

  function threadRoot(composer) {
    return composer.closest("[role='dialog']") || composer.closest("main") || composer.ownerDocument.body;
  }

  /** Who wrote each row: the profile link of its message group, carried down to the next one. */
  function senders(root, doc) {
    let sender = null;
    return [...root.querySelectorAll(ROW)].map((row) => {
      const link = profileLink(row, site(), doc);
      if (link) sender = site().profileKey(new URL(link));
      return { row, sender };
    });
  }

  globalThis.GF.surfaces.linkedin = {
    name: "linkedin",
    label: "LinkedIn",
    hosts: ["linkedin.com"],
    composerOf: (target) => target.closest?.(COMPOSER) || null,
    composersIn: (doc) => [...doc.querySelectorAll(COMPOSER)],
    threadOf(composer) {
      const root = threadRoot(composer);
      const doc = composer.ownerDocument;
      const header = root.querySelector("header, .msg-entity-lockup, .msg-overlay-bubble-header, h2") || root;
      const personUrl = profileLink(header, site(), doc) || profileLink(root, site(), doc);
      if (!personUrl) return null;
      return { root, key: site().profileKey(new URL(personUrl)), personUrl, name: nameOfLink(header, personUrl, doc) };
    },
    isSend: (target, thread) => {
      const button = target.closest?.("button[type='submit']");
      return Boolean(button && thread.root.contains(button) && button.closest("form"));
    },
    rows(thread) {
      const doc = thread.root.ownerDocument;
      const theirs = site().profileKey(new URL(thread.personUrl));
      return rowsOf(senders(thread.root, doc), ({ row }) => row.getAttribute("data-event-urn"), ({ sender }) => sender && sender !== theirs);
    },
    /** The member id a profile page carries (its message and more-actions links name it). */
    memberIdOnProfile(doc) {
      for (const element of doc.querySelectorAll("main a[href*='ACo'], main [data-member-urn], main [data-profile-urn]")) {
        const value = decodeURIComponent(element.getAttribute("href") || element.getAttribute("data-member-urn") || element.getAttribute("data-profile-urn") || "");
        const found = value.match(MEMBER_ID);
        if (found) return found[1];
      }
      return null;
    },
  };
})();
