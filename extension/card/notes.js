// What became of a note just written on the card, in words for the person: saved (and for whom,
// when the profile now belongs to someone else), refused with its text kept, stuck, or kept in
// this browser while givefirst is away; in that last case the card keeps sending until it is back.
// Nothing is called "Saved." before the service has it.
(() => {
  const { send, FAILURES } = globalThis.GF;
  const RETRY_DELAYS_S = [1, 2, 4, 8, 15, 30];

  const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

  /**
   * `card`: {refresh(notice) → the notice once the card is fresh, redraw(notice, status),
   * showPairing(waiting, whenPaired), noteUnsent(state) → whether the unsent list changed,
   * stillShown() → whether the card still shows the person the note is about}.
   */
  function noteOutcomes(card) {
    let timer = null;
    let attempts = 0;

    function retryLater(task) {
      clearTimeout(timer);
      const delay = RETRY_DELAYS_S[Math.min(attempts, RETRY_DELAYS_S.length - 1)];
      attempts += 1;
      timer = setTimeout(task, delay * 1000);
    }

    function stop() {
      clearTimeout(timer);
      timer = null;
      attempts = 0;
    }

    /** `result` is the queue's state after the note (`result.id`) was queued and sent if possible. */
    function outcome(result) {
      card.noteUnsent(result);
      const sentNow = result.sentNotes?.find((item) => item.id === result.id);
      if (sentNow) {
        const notice = sentNow.moved ? `Saved for ${sentNow.personName}: this profile belongs to them now.` : "Saved.";
        return card.refresh(notice).catch(() => notice);
      }
      const refused = result.refused.find((item) => item.id === result.id);
      if (refused) return shown({ text: `Not saved: ${refused.reason} Your text is kept below.`, tone: "bad" });
      if (result.stuck.some((item) => item.id === result.id)) {
        return shown({ text: "Not saved yet: givefirst keeps failing on this note. It is kept below.", tone: "bad" });
      }
      return whileQueued(result);
    }

    function shown(said) {
      if (card.stillShown()) card.redraw(said);
      return said;
    }

    /** Notes wait in the background's queue while the service is away; send them when it is back. */
    function whileQueued(result) {
      const kept = { text: "Kept in this browser: not in givefirst yet.", tone: "wait" };
      const left = plural(result.left, "note");
      if (result.stoppedBy?.kind === "not_paired") {
        // The token was refused (revoked, say): pair again; the notes wait and go out after.
        card.showPairing(`${left} kept in this browser will be sent once it is paired.`);
        return kept;
      }
      const status = `${FAILURES[result.stoppedBy?.kind] || FAILURES.failed}. ${left} kept in this browser will be sent when it is back.`;
      if (card.stillShown()) card.redraw(kept, status);
      const again = async () => {
        if (!card.stillShown()) return stop();
        const next = await send("flush").catch(() => null);
        if (!next) return retryLater(again);
        const changed = card.noteUnsent(next);
        if (next.stoppedBy?.kind === "not_paired") return whileQueued(next);
        if (next.left) {
          retryLater(again);
          if (changed) card.redraw(kept, status);
          return undefined;
        }
        stop();
        return card.refresh(next.stuck.length ? kept : "Sent to givefirst.").catch(() => undefined);
      };
      retryLater(again);
      return kept;
    }

    return { outcome, stop };
  }

  globalThis.GF.noteOutcomes = noteOutcomes;
})();
