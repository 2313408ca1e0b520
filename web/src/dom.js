// A tiny DOM builder. It only ever sets textContent, attributes, properties
// listed below and event listeners: user-provided strings can never become
// markup, because nothing here parses HTML.

/**
 * h creates an element.
 *
 *   h("button", { class: "x", onclick: f, "aria-label": "Close" }, "text", child)
 *
 * props: "class", attributes (string/number/true; false/null/undefined are
 * skipped), "on<event>" listeners, and the properties "value", "checked",
 * "disabled", "hidden", "open", "selected". Children: strings and numbers
 * become text nodes, nodes are appended, arrays are flattened, null,
 * undefined and false are skipped.
 */
/**
 * A child of h: text, a node, a list of children, or nothing.
 * @typedef {string | number | Node | null | undefined | false | ChildList} Child
 * @typedef {Child[]} ChildList
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any> | null} props
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) setProps(el, props);
  append(el, children);
  return el;
}

const properties = new Set(["value", "checked", "disabled", "hidden", "open", "selected"]);

/**
 * @param {HTMLElement} el
 * @param {Record<string, any>} props
 */
function setProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v);
    } else if (properties.has(k)) {
      /** @type {Record<string, any>} */ (el)[k] = v;
    } else if (v === true) {
      el.setAttribute(k, "");
    } else if (v !== false && v != null) {
      el.setAttribute(k, String(v));
    }
  }
}

/**
 * append adds children (see h) to a node.
 * @template {Element} E
 * @param {E} el
 * @param {Child[]} children
 * @returns {E}
 */
export function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
  return el;
}

/**
 * replace empties a node and appends new children.
 * @template {Element} E
 * @param {E} el
 * @param {...Child} children
 * @returns {E}
 */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * $ finds one element by id, and fails loudly if the page lacks it. Its
 * type is any: the page's elements are inputs, selects, details… by id.
 * @param {string} id
 * @returns {any}
 */
export function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

/** @type {Map<Element, () => void>} */
const waiting = new Map(); // the elements watched, and what to run when one comes near
const nearby = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    nearby?.unobserve(e.target);
    const fn = waiting.get(e.target);
    waiting.delete(e.target);
    if (fn) fn();
  }
}, { rootMargin: "600px 0px" }) : null;

/**
 * whenNear runs fn once el comes within 600 px of the screen (at once where
 * the browser cannot tell): what is costly to lay out waits until the user
 * may see it. Elements no longer in the page stop being watched.
 * @param {Element} el
 * @param {() => void} fn
 */
export function whenNear(el, fn) {
  if (!nearby) {
    fn();
    return;
  }
  waiting.set(el, fn);
  nearby.observe(el);
  if (!sweeping) {
    sweeping = true;
    setTimeout(sweep, 0); // once the views that made el are in the page
  }
}

let sweeping = false;

/** sweep stops watching the elements that left the page (a later report replaced them). */
function sweep() {
  sweeping = false;
  for (const el of waiting.keys()) {
    if (!el.isConnected) {
      nearby?.unobserve(el);
      waiting.delete(el);
    }
  }
}
