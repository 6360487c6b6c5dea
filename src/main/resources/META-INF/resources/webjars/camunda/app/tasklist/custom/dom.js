/*
 * What the Tasklist plugins share (not a plugin: config.js does not list it; the plugins import it as an ES module,
 * as Tasklist loads them): building elements, the CSRF token of the session, and the full-page overlay of
 * 申請一覧, 通知設定, 代理設定 and 後任未定 (a title, 閉じる, a message line, the content; Esc closes it and gives the
 * focus back).
 */

/** The look of the overlay with class es-overlay (申請一覧's), for a plugin's {@code style}. */
export const OVERLAY_STYLE = `
.es-overlay { position: fixed; top: 0; left: 0; right: 0; bottom: 0; background: #fff; z-index: 1040;
  overflow: auto; padding: 16px 24px 48px; font-size: 14px; }
.es-overlay h2 { font-size: 22px; margin: 0 0 12px; }
.es-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
.es-bar .es-spacer { flex: 1; }
.es-overlay table { width: 100%; border-collapse: collapse; }
.es-overlay th, .es-overlay td { border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left;
  vertical-align: top; white-space: normal; word-break: break-word; }
.es-overlay th { background: #f3f5f7; white-space: nowrap; }
.es-message { color: #b5152b; }`;

/** An element with its attributes (null and undefined left out) and children (text for anything not a Node). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '—')));
  return node;
}

/** The session's CSRF token, sent as X-XSRF-TOKEN with every change. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * Opens the overlay (closing any other) and answers its parts. {@code className} is the box's class (its stylesheet
 * {@code style} is added once, as {@code styleId}); {@code intro} goes into the bar before 閉じる.
 */
export function overlay({ className, styleId, style, title, testId, intro }) {
  if (!document.getElementById(styleId)) {
    document.head.append(el('style', { id: styleId }, style));
  }
  document.querySelectorAll('.' + className).forEach(open => open.remove());
  const titleId = styleId + '-title';
  const box = el('div', { class: className, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId,
    'data-testid': testId });
  const close = el('button', { type: 'button', class: 'btn btn-default' }, '閉じる');
  const bar = el('div', { class: 'es-bar' }, intro ? el('span', {}, intro) : [], el('span', { class: 'es-spacer' }),
    close);
  const message = el('p', { class: 'es-message', role: 'alert' });
  const content = el('div', {}, el('p', {}, '読み込んでいます…'));
  box.append(el('h2', { id: titleId }, title), bar, message, content);
  document.body.append(box);
  const previousFocus = document.activeElement;
  const shut = () => {
    box.remove();
    document.removeEventListener('keydown', onKey, true);
    previousFocus && previousFocus.focus && previousFocus.focus();
  };
  const onKey = event => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      shut();
    }
  };
  document.addEventListener('keydown', onKey, true);
  close.addEventListener('click', shut);
  close.focus();
  return { box, bar, message, content };
}
