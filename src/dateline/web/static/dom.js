// DOM helpers. Text from the store is untrusted: it only ever reaches the page as text nodes
// (textContent), never as markup, and links are made only from http(s) URLs.

/** Make an element; strings and numbers among children become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Return the URL if it is an absolute http(s) URL, else null (javascript:, data:, junk). */
export function safeHttpUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Load a script served by dateline once; resolves when it has run. */
const loading = new Map();
export function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = el("script", { src });
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => reject(new Error(`cannot load ${src}`)));
      document.head.append(script);
    }));
  }
  return loading.get(src);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-08-11" -> "11 Aug 2025"; "2025-08" -> "Aug 2025"; anything else as given. */
export function formatDay(value) {
  if (!value) return "undated";
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return value;
}

/** A timeline date record as words: "11 Aug 2025", "11 Aug 2025 – 12 Aug 2025"... */
export function formatWhen(when) {
  if (!when || when.precision === "unknown") return "undated";
  if (when.precision === "range" && when.start && when.end) {
    return `${formatDay(when.start)} – ${formatDay(when.end)}`;
  }
  return formatDay(when.value || when.start);
}
