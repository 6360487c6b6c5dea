/*
 * Nothing typed is lost (issue 14).
 * - 保存 keeps the application form on the server: Tasklist's 保存 stores a Camunda Form only in this browser
 *   (localStorage "camunda-form:<taskId>"); the same data is sent to PUT /api/tasks/{taskId}/draft, which keeps it
 *   with the case for the applicant's own open application form (other tasks answer 404 and stay local).
 * - Leaving a form with unsaved input asks first: another task, the browser's reload or close, and the start dialog
 *   (Esc or 閉じる).
 */
import { csrfToken } from './dom.js';
const KEY = 'camunda-form:';
const style = document.createElement('style');
style.textContent = '.es-draft-saved .fjs-form-field-error { display: none; }'
  + ' .es-draft-saved .fjs-has-errors .fjs-input, .es-draft-saved .fjs-has-errors .fjs-textarea,'
  + ' .es-draft-saved .fjs-has-errors .fjs-input-group { border-color: #ccc; }';
document.head.append(style);
let dirty = false;

function notice(text, error) {
  let box = document.getElementById('es-draft-notice');
  if (!box) {
    box = document.createElement('div');
    box.id = 'es-draft-notice';
    box.setAttribute('role', 'status');
    box.setAttribute('data-testid', 'draft-notice');
    box.style.cssText = 'position:fixed;left:50%;transform:translateX(-50%);bottom:56px;z-index:1050;'
      + 'padding:10px 16px;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.25);font-size:14px;max-width:90vw';
    document.body.append(box);
  }
  box.textContent = text;
  box.style.background = error ? '#f8d7da' : '#d4edda';
  box.style.color = error ? '#721c24' : '#155724';
  clearTimeout(box.hideTimer);
  box.hideTimer = setTimeout(() => box.remove(), 6000);
}

function saveOnServer(taskId, json) {
  fetch('/api/tasks/' + encodeURIComponent(taskId) + '/draft', {
    method: 'PUT', credentials: 'same-origin', body: json,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
  }).then(response => response.json().catch(() => ({})).then(body => ({ response, body })))
    .then(({ response, body }) => {
      if (response.ok) {
        dirty = false;
        // 保存 validates the form on the way: a draft may be incomplete, so its 必須 marks wait for 完了
        document.body.classList.add('es-draft-saved');
        const at = new Date(body.savedAt).toLocaleTimeString('ja-JP',
          { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
        notice('下書きを保存しました（' + at + '）。別のパソコンからも続きを作成できます。', false);
      } else if (response.status !== 404) {
        const errors = Array.isArray(body.errors) ? body.errors.map(e => e.message).join('、') : '';
        notice('下書きを保存できませんでした' + (errors ? '：' + errors : ''), true);
      }
    })
    .catch(() => notice('下書きを保存できませんでした（通信エラー）。入力内容はこのブラウザーには残っています。', true));
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  setItem.call(this, key, value);
  if (this === window.localStorage && typeof key === 'string' && key.startsWith(KEY)) {
    dirty = false;
    saveOnServer(key.substring(KEY.length), value);
  }
};

function inForm(target) {
  return target instanceof Element && !!target.closest('.fjs-container');
}

document.addEventListener('input', event => { if (inForm(event.target)) { dirty = true; } }, true);
document.addEventListener('change', event => { if (inForm(event.target)) { dirty = true; } }, true);

const QUESTION = '保存していない入力があります。このまま移動すると入力内容は失われます。移動しますか？';

function mayLeave() {
  if (!dirty || !document.querySelector('.fjs-container')) {
    return true;
  }
  if (window.confirm(QUESTION)) {
    dirty = false;
    return true;
  }
  return false;
}

// a completed or refused form is no longer "unsaved": 完了 / 申請する are the ways out
document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) {
    return;
  }
  const button = target.closest('button');
  if (button && /完了/.test(button.textContent || '')) {
    document.body.classList.remove('es-draft-saved');
  }
  if (button && /完了|申請する|開始/.test(button.textContent || '') && button.closest('.task-card, .modal, form, .form-container, [cam-tasklist-form]')) {
    return;
  }
  const link = target.closest('a[href]');
  const navigates = link && !['', '#'].includes(link.getAttribute('href')) && link.getAttribute('role') !== 'button';
  const leaving = (navigates && link) || (button && button.closest('.modal') && /閉じる|キャンセル|×/.test(button.textContent || '') && button)
    || target.closest('.modal .close');
  if (leaving && !leaving.closest('.fjs-container') && !leaving.closest('.es-overlay') && !mayLeave()) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && document.querySelector('.modal .fjs-container') && !mayLeave()) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

window.addEventListener('beforeunload', event => {
  if (dirty && document.querySelector('.fjs-container')) {
    event.preventDefault();
    event.returnValue = '';
  }
});

// a new form starts clean
window.addEventListener('hashchange', () => {
  dirty = false;
  document.body.classList.remove('es-draft-saved');
});

export default {
  id: 'external-service.drafts',
  pluginPoint: 'tasklist.navbar.action',
  priority: -100,
  render: () => {}
};
