// Which tab the card is about: the one named in the URL (`card.html?tab=N`, as tests and the
// in-page frame open it), else the active tab of this window, followed as the person switches
// tabs. `onTab(tabId)` is called for the first tab and each switch; `onNews(view)` whenever the
// background says that tab's card changed.
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;

  async function followTab(onTab, onNews) {
    const named = Number.parseInt(new URLSearchParams(location.search).get("tab"), 10);
    let tabId = Number.isInteger(named) ? named : null;
    ext.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== ext.runtime.id || message?.type !== "tabChanged") return;
      if (message.tabId === tabId) onNews(message.view);
    });
    if (tabId !== null) return onTab(tabId);
    const here = await ext.windows.getCurrent();
    ext.tabs.onActivated.addListener(({ tabId: active, windowId }) => {
      if (windowId !== here.id || active === tabId) return;
      tabId = active;
      onTab(tabId);
    });
    const [active] = await ext.tabs.query({ active: true, windowId: here.id });
    if (active && tabId === null) {
      tabId = active.id;
      onTab(tabId);
    }
    return undefined;
  }

  globalThis.GF.followTab = followTab;
})();
