/*
 * Tasklist plugin: mail notifications (issue 15, part 1).
 * - 通知設定 in the header, for every user: which kinds of mail she gets (GET/PUT /api/me/notification-settings).
 * - 通知メールの送信状況, for administrators only (shown when GET /api/admin/notifications answers): the outbox, newest first,
 *   with the state of each mail — without a mail server (spring.mail.host) every mail stays here unsent.
 * The overlay and its look are shared with the other plugins (custom/dom.js).
 */
import { OVERLAY_STYLE, csrfToken, el, overlay } from './dom.js';
const STYLE = OVERLAY_STYLE + `
.es-saved { color: #155724; }
.es-settings label { font-weight: normal; display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.es-mail-body { white-space: pre-wrap; margin: 4px 0 0; font-family: inherit; background: #f8f9fa; padding: 6px; }
.es-state-PENDING { background: #fff3cd; } .es-state-SENT { background: #d4edda; } .es-state-FAILED { background: #f8d7da; }
.es-state { display: inline-block; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }`;

const moment = value => value
  ? new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit',
    minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(new Date(value))
  : '—';

async function call(path, method, body) {
  const response = await fetch(path, {
    method: method || 'GET', credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined,
    headers: Object.assign({ Accept: 'application/json' },
      body ? { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() } : {})
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const details = answer && Array.isArray(answer.errors) ? answer.errors.map(e => e.message).join('、') : '';
    throw new Error(((answer && answer.error) || '読み込めませんでした') + (details ? '：' + details : ''));
  }
  return answer;
}

function open(title, testId) {
  return overlay({ className: 'es-overlay', styleId: 'es-notifications-style', style: STYLE, title, testId });
}

async function openSettings() {
  const { message, content } = open('通知設定', 'notification-settings');
  try {
    const settings = await call('/api/me/notification-settings');
    const boxes = settings.map(s => el('input', { type: 'checkbox', name: s.kind, 'data-kind': s.kind }));
    boxes.forEach((box, i) => { box.checked = settings[i].enabled; });
    const save = el('button', { type: 'button', class: 'btn btn-primary' }, '保存する');
    const saved = el('span', { class: 'es-saved', role: 'status' });
    content.replaceChildren(
      el('p', {}, 'メールで受け取る通知を選んでください。チェックを外した種類のメールは届かなくなります'
        + '（タスクはこれまでどおりタスク一覧に表示されます）。'),
      el('div', { class: 'es-settings' }, settings.map((s, i) => el('label', {}, boxes[i], s.label))),
      el('div', { class: 'es-bar' }, save, saved));
    save.addEventListener('click', async () => {
      message.textContent = '';
      saved.textContent = '';
      try {
        const choices = {};
        boxes.forEach(box => { choices[box.dataset.kind] = box.checked; });
        await call('/api/me/notification-settings', 'PUT', choices);
        saved.textContent = '保存しました';
      } catch (e) {
        message.textContent = e.message;
      }
    });
  } catch (e) {
    content.replaceChildren();
    message.textContent = e.message;
  }
}

const STATES = [['', 'すべて'], ['PENDING', '未送信'], ['SENT', '送信済み'], ['FAILED', '送信失敗']];
const PAGE_SIZE = 50;

async function openOutbox() {
  const { bar, message, content } = open('通知メールの送信状況', 'notification-outbox');
  const state = el('select', { class: 'form-control', style: 'max-width: 12em', 'aria-label': '状態で絞り込む' },
    STATES.map(([value, label]) => el('option', { value }, label)));
  const previous = el('button', { type: 'button', class: 'btn btn-default' }, '前へ');
  const next = el('button', { type: 'button', class: 'btn btn-default' }, '次へ');
  const position = el('span', {});
  bar.prepend(state, previous, position, next);
  let page = 0;
  const show = async () => {
    message.textContent = '';
    try {
      const answer = await call('/api/admin/notifications?size=' + PAGE_SIZE + '&page=' + page
        + (state.value ? '&status=' + state.value : ''));
      const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
      position.textContent = (page + 1) + ' / ' + pages + ' ページ（' + answer.total + ' 件）';
      previous.disabled = page === 0;
      next.disabled = page + 1 >= pages;
      const rows = answer.notifications.length
        ? answer.notifications.map(n => el('tr', { 'data-testid': 'notification-row' },
          el('td', {}, moment(n.createdAt)),
          el('td', {}, n.kindLabel),
          el('td', {}, n.recipient + '（' + n.address + '）'),
          el('td', {}, el('div', {}, n.subject), el('details', {}, el('summary', {}, '本文'),
            el('pre', { class: 'es-mail-body' }, n.body))),
          el('td', {}, el('span', { class: 'es-state es-state-' + n.status }, n.statusLabel),
            n.sentAt ? el('div', {}, moment(n.sentAt)) : '',
            n.status !== 'SENT' && n.attempts > 0
              ? el('div', {}, n.attempts + ' 回失敗。' + (n.status === 'PENDING' ? '次の試行 ' + moment(n.nextAttemptAt) : ''))
              : '')))
        : [el('tr', {}, el('td', { colspan: '5' }, '通知はまだありません'))];
      content.replaceChildren(
        el('p', {}, answer.sending
          ? 'メールサーバーに送信しています。送信できなかった通知は時間をおいて自動で再送します。'
          : 'メールサーバーが設定されていないため、通知は送信されずここに保存されています（設定は運用手順書の「メール通知」を参照してください）。'),
        el('table', { class: 'table' },
          el('thead', {}, el('tr', {}, ['作成日時', '種類', '宛先', '件名・本文', '状態'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows)));
    } catch (e) {
      content.replaceChildren();
      message.textContent = e.message;
    }
  };
  state.addEventListener('change', () => { page = 0; show(); });
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
  next.addEventListener('click', () => { page += 1; show(); });
  show();
}

function headerLink(label, title, icon, testId, open) {
  const link = el('a', { href: '', role: 'button', 'data-testid': testId, title },
    el('span', { class: 'glyphicon ' + icon, 'aria-hidden': 'true' }), ' ' + label);
  link.addEventListener('click', event => {
    event.preventDefault();
    open();
  });
  return link;
}

export default {
  id: 'external-service.notifications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 150,
  render: node => {
    node.append(headerLink('通知設定', 'メールで受け取る通知を選ぶ', 'glyphicon-envelope', 'notification-settings-link',
      openSettings));
    // administrators only: the server answers 403 to everyone else
    fetch('/api/admin/notifications?size=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => {
        if (response.ok) {
          node.append(' ', headerLink('送信状況', '通知メールの送信状況（管理者）', 'glyphicon-inbox',
            'notification-outbox-link', openOutbox));
        }
      })
      .catch(() => {});
  }
};
