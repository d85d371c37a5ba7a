// The overlay's styles live inside its shadow root: nothing leaks into the page and the page's
// styles do not reach in. The host is fixed-position, so the page's layout never moves.
(() => {
  globalThis.GF.VERDICT_COLOURS = Object.freeze({
    stranger: "#52606d",
    connection_only: "#6d4fc2",
    give_space: "#c2410c",
    they_are_waiting: "#b45309",
    ask_pending: "#a16207",
    reconnect_first: "#0e7490",
    give_first: "#c81e1e",
    ready: "#15803d",
  });

  globalThis.GF.OVERLAY_CSS = `
:host { all: initial; position: fixed; top: 72px; right: 16px; z-index: 2147483646;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933;
  display: block !important; visibility: visible !important; opacity: 1 !important; }
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.panel { width: 320px; max-height: calc(100vh - 96px); overflow: auto; background: #fff;
  border: 1px solid #d5dbe1; border-radius: 10px; box-shadow: 0 6px 24px rgba(15, 23, 42, .18); }
.head { display: flex; align-items: center; gap: 8px; padding: 10px 12px 6px; }
.brand { font-size: 11px; font-weight: 600; letter-spacing: .04em; color: #7b8794; text-transform: uppercase; }
.title { flex: 1; min-width: 0; }
.name { font-size: 15px; font-weight: 650; overflow-wrap: anywhere; }
.icon { border: 0; background: transparent; color: #52606d; font-size: 16px; cursor: pointer;
  padding: 2px 6px; border-radius: 6px; }
.icon:hover { background: #eef1f4; }
.body { padding: 0 12px 12px; }
.verdict { margin: 4px 0 2px; padding: 6px 10px; border-radius: 8px; color: #fff; font-weight: 650;
  background: var(--verdict, #52606d); }
.message { margin: 6px 0; }
.reasons { margin: 0 0 6px; padding-left: 18px; color: #52606d; }
h3 { margin: 10px 0 4px; font-size: 11px; font-weight: 650; letter-spacing: .04em; color: #7b8794;
  text-transform: uppercase; }
ul.list { margin: 0; padding-left: 18px; }
ul.list li { margin: 2px 0; overflow-wrap: anywhere; }
.ledger { display: flex; flex-wrap: wrap; gap: 4px 10px; }
.ledger b { font-weight: 650; }
.muted { color: #7b8794; }
.kind { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 4px; }
button.act { border: 1px solid #c4cdd5; background: #f5f7fa; color: #1f2933; border-radius: 14px;
  padding: 3px 10px; font: inherit; cursor: pointer; }
button.act:hover { background: #e4e7eb; }
button.primary { border: 0; background: #1f6feb; color: #fff; border-radius: 6px; padding: 4px 12px;
  font: inherit; cursor: pointer; }
form { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
input { flex: 1 1 160px; min-width: 0; font: inherit; padding: 4px 6px; border: 1px solid #c4cdd5;
  border-radius: 6px; color: #1f2933; background: #fff; }
.status { margin: 6px 0; padding: 6px 8px; border-radius: 6px; background: #fff7e6; color: #7c4a03; }
.status:empty { display: none; }
.status code, .code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f0f2f5;
  padding: 1px 4px; border-radius: 4px; color: #1f2933; }
.code { display: inline-block; font-size: 18px; letter-spacing: .08em; margin: 4px 0; }
.note { margin-top: 6px; color: #15803d; }
.note.bad { color: #b91c1c; }
.note.wait { color: #92400e; }
.unsent { margin: 8px 0; padding: 6px 8px; border-radius: 6px; background: #fdecec; color: #7f1d1d; }
.unsent ul { margin: 4px 0 0; padding: 0; list-style: none; }
.unsent li { margin: 6px 0 0; }
.unsent .said { display: block; margin: 2px 0; padding: 2px 6px; border-left: 3px solid #f0a3a3;
  background: #fff; color: #1f2933; overflow-wrap: anywhere; user-select: all; }
.unsent .actions { margin: 4px 0 0; }
.tab { position: absolute; top: 0; right: -16px; writing-mode: vertical-rl; border: 0; cursor: pointer;
  padding: 10px 5px; border-radius: 8px 0 0 8px; color: #fff; font: 600 12px system-ui, sans-serif;
  background: var(--verdict, #52606d); box-shadow: 0 2px 10px rgba(15, 23, 42, .2); }
.chip { width: 300px; padding: 8px 10px; border-radius: 8px; background: #fff; border: 1px solid #f0b429;
  box-shadow: 0 4px 16px rgba(15, 23, 42, .16); }
.chip strong { display: block; margin-bottom: 2px; }
`;
})();
