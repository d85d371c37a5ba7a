// The card's place in the browser: Chromium's side panel, Firefox's sidebar. The toolbar button
// opens it (Chromium: the panel behaviour; Firefox: a click toggles the sidebar), and so do the
// keyboard shortcut and the in-page launcher, each from the person's own gesture.

const ext = globalThis.browser ?? globalThis.chrome;
export const OPEN_COMMAND = "open-card";

/** Open the card beside this tab. Must run within the person's gesture (a click, a key). */
export async function openFor(tabId) {
  if (ext.sidePanel?.open) {
    await ext.sidePanel.open({ tabId });
  } else if (ext.sidebarAction?.open) {
    await ext.sidebarAction.open();
  }
  return { opened: true };
}

export function wire() {
  if (ext.sidePanel?.setPanelBehavior) {
    ext.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else if (ext.sidebarAction?.toggle) {
    ext.action.onClicked.addListener(() => ext.sidebarAction.toggle());
  }
  ext.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_COMMAND && tab?.id !== undefined) openFor(tab.id).catch(() => undefined);
  });
}
