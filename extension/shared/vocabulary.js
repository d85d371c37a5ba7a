// Written by `python -m givefirst.shared_files` from givefirst/core; do not edit.
// The product's words and verdict colours, for every page of the extension and the
// dashboard's scripts: globalThis.GF.VOCABULARY.
(globalThis.GF ||= {}).VOCABULARY = Object.freeze({
  "KIND_LABELS": {
    "gave": "I gave",
    "asked": "I asked",
    "received": "They helped me",
    "they_asked": "They asked",
    "talked": "We talked",
    "messaged": "I wrote"
  },
  "LEDGER_LABELS": {
    "gave": "Gave",
    "asked": "Asked",
    "received": "They helped",
    "they_asked": "They asked"
  },
  "HISTORY_HEADING": "History",
  "BALANCE_WORDS": {
    "none": "Nothing given or asked yet",
    "ahead": "You have given more than you have asked",
    "even": "Your gives and asks are about even",
    "behind": "You have asked more than you have given"
  },
  "BALANCE_EVEN_WITHIN": 0.5,
  "CIRCLE_LABELS": {
    "inner": "Inner circle",
    "close": "Close",
    "active": "Active",
    "wider": "Wider",
    "acquaintance": "Acquaintance"
  },
  "VERDICT_TITLES": {
    "stranger": "You don't know them yet",
    "connection_only": "A connection, not yet a relationship",
    "give_space": "Give them space",
    "they_are_waiting": "They are waiting on you",
    "ask_pending": "You already asked",
    "reconnect_first": "Reconnect first",
    "give_first": "Give before asking",
    "ready": "An ask is fair"
  },
  "VERDICT_BADGES": {
    "connection_only": "NEW",
    "give_space": "REST",
    "they_are_waiting": "OWE",
    "ask_pending": "ASKD",
    "reconnect_first": "RCON",
    "give_first": "GIVE"
  },
  "VERDICT_COLOURS": {
    "stranger": "#52606d",
    "connection_only": "#6d4fc2",
    "give_space": "#b93d0b",
    "they_are_waiting": "#a34b07",
    "ask_pending": "#8f5606",
    "reconnect_first": "#0e7490",
    "give_first": "#c81e1e",
    "ready": "#15803d"
  },
  "NOT_RUNNING_COLOUR": "#52606d",
  "WEIGHTS": [
    [
      1,
      "a small favour"
    ],
    [
      2,
      "real help"
    ],
    [
      3,
      "a big one"
    ]
  ]
});
