// Views that cost nothing until shown: whenVisible delays work on an
// element (laying out a 10 MB body in its editor, say) until the element is
// near the viewport, so it never adds to the time before the summary is
// painted, nor to a run whose results the user never scrolls to.

const waiting = new Map(); // element → the work waiting for it
let observer = null;

/**
 * whenVisible runs fn once el is within margin of the viewport: in a later
 * task even when it already is. A later call for the same element replaces
 * work still waiting.
 */
export function whenVisible(el, fn) {
  if (typeof IntersectionObserver !== "function") {
    setTimeout(fn, 0);
    return;
  }
  observer = observer || new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const work = waiting.get(e.target);
      waiting.delete(e.target);
      observer.unobserve(e.target);
      if (work) work();
    }
  }, { rootMargin: "800px 0px" });
  waiting.set(el, fn);
  observer.unobserve(el); // observe afresh: the first callback says where it is now
  observer.observe(el);
}

/** showNow runs at once the work waiting for el, if any. */
export function showNow(el) {
  const work = waiting.get(el);
  if (!work) return;
  waiting.delete(el);
  if (observer) observer.unobserve(el);
  work();
}
