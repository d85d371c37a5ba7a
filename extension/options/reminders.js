// The options page's Reminders section: notifications on or off, the time, weekdays only.
// Saved in chrome.storage.local under `reminders`; the worker (background/reminders.js) hears the
// change and sets its alarm again.
(() => {
  const storage = (globalThis.browser ?? globalThis.chrome).storage.local;
  const DEFAULTS = { enabled: true, time: "09:00", weekdaysOnly: true };
  const section = document.getElementById("reminders-options");

  function field(tag, props, testid) {
    const element = document.createElement(tag);
    Object.assign(element, props);
    element.dataset.testid = testid;
    return element;
  }

  function labelled(text, control) {
    const label = document.createElement("label");
    label.append(control, " ", text);
    return label;
  }

  async function show() {
    const { reminders = {} } = await storage.get("reminders");
    const saved = { ...DEFAULTS, ...reminders };
    const enabled = field("input", { type: "checkbox", checked: saved.enabled }, "gf-reminders-enabled");
    const time = field("input", { type: "time", value: saved.time, required: true }, "gf-reminders-time");
    time.setAttribute("aria-label", "Time of the daily reminder");
    const weekdays = field("input", { type: "checkbox", checked: saved.weekdaysOnly }, "gf-reminders-weekdays");
    const note = field("p", { className: "muted" }, "gf-reminders-note");
    note.setAttribute("role", "status");
    async function save() {
      if (!/^\d{2}:\d{2}$/.test(time.value)) {
        note.textContent = "Pick a time such as 09:00.";
        return;
      }
      await storage.set({ reminders: { enabled: enabled.checked, time: time.value, weekdaysOnly: weekdays.checked } });
      note.textContent = enabled.checked
        ? `One notification at ${time.value}${weekdays.checked ? " on weekdays" : " every day"}, only when something is due.`
        : "No notifications. The toolbar badge still counts who is waiting on you.";
    }
    for (const control of [enabled, time, weekdays]) control.addEventListener("change", save);
    const heading = document.createElement("h2");
    heading.textContent = "Reminders";
    section.replaceChildren(
      heading,
      labelled("Notify me when someone is waiting on me, a date comes up or a check-in is due", enabled),
      labelled("at this time", time),
      labelled("on weekdays only", weekdays),
      note,
    );
  }

  show();
})();
