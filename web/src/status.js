// The status line under the Run button: what the page is doing ("Running…",
// "Loading the example…") or what just happened (a cancelled run, an engine
// that failed), with a class saying which.

/**
 * createStatus wraps the status element.
 *   set(text, cls)  shows text, with the class cls ("busy", "bad", "cancelled") or none
 *   is(cls)         whether the status shown has that class
 *   text()          the text shown
 * @param {HTMLElement} el
 */
export function createStatus(el) {
  return {
    /** @param {string} text @param {string} [cls] */
    set(text, cls = "") {
      el.textContent = text;
      el.className = `status ${cls}`.trim();
    },
    /** @param {string} cls */
    is: (cls) => el.classList.contains(cls),
    text: () => el.textContent,
  };
}
