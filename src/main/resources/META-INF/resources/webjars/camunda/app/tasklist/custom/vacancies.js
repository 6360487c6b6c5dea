/*
 * Tasklist plugin: 後任未定の台帳 (issue 16, personnel changes). For 情報政策課 and administrators only (shown when
 * GET /api/services/vacancies answers): the registry entries whose サービス管理担当者 or 外部サービス管理者 left, with the
 * open task 「後任を指名する」 of each. The overlay's look is that of 申請一覧 (custom/applications.js: .es-overlay …),
 * repeated here so that this plugin works alone.
 */
const STYLE = `
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

const day = value => value
  ? new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' })
    .format(new Date(value))
  : '—';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '—')));
  return node;
}

async function vacancies() {
  const response = await fetch('/api/services/vacancies', { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((answer && answer.error) || '読み込めませんでした');
  }
  return answer;
}

function taskCell(task) {
  if (!task) {
    return el('td', {}, '次回の確認でタスクが出ます');
  }
  const link = el('a', { href: '#/?task=' + encodeURIComponent(task.id), 'data-testid': 'vacancy-task-link' },
    '後任を指名する');
  link.addEventListener('click', () => document.querySelectorAll('.es-overlay').forEach(open => open.remove()));
  return el('td', {}, link, el('div', {}, task.assignee ? '担当: ' + task.assignee : '担当: 未定（情報政策課）'),
    el('div', {}, '期限: ' + day(task.due)));
}

async function open() {
  if (!document.getElementById('es-vacancies-style')) {
    document.head.append(el('style', { id: 'es-vacancies-style' }, STYLE));
  }
  document.querySelectorAll('.es-overlay').forEach(box => box.remove());
  const box = el('div', { class: 'es-overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'es-v-title',
    'data-testid': 'vacancies' });
  const close = el('button', { type: 'button', class: 'btn btn-default' }, '閉じる');
  const message = el('p', { class: 'es-message', role: 'alert' });
  const content = el('div', {}, el('p', {}, '読み込んでいます…'));
  box.append(el('h2', { id: 'es-v-title' }, '後任未定の台帳'),
    el('div', { class: 'es-bar' }, el('span', {}, '人事異動で担当者が所属・役職を離れた承認済み外部サービスです。'
      + 'タスク「後任を指名する」で後任を決めてください。'), el('span', { class: 'es-spacer' }), close),
    message, content);
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
  try {
    const lines = await vacancies();
    const rows = lines.length
      ? lines.map(v => el('tr', { 'data-testid': 'vacancy-row' },
        el('td', {}, v.registryEntryId),
        el('td', {}, v.serviceName),
        el('td', {}, v.departmentName),
        el('td', {}, v.roleLabel),
        el('td', {}, v.departedName + '（' + v.departedUser + '）'),
        el('td', {}, day(v.detectedAt)),
        taskCell(v.task)))
      : [el('tr', {}, el('td', { colspan: '7' }, '後任が決まっていない台帳はありません'))];
    content.replaceChildren(el('table', { class: 'table' },
      el('thead', {}, el('tr', {}, ['台帳番号', 'サービス', '部署', '役割', '異動・退職した人', '検知日', '後任の指名']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)));
  } catch (e) {
    content.replaceChildren();
    message.textContent = e.message;
  }
}

export default {
  id: 'external-service.vacancies',
  pluginPoint: 'tasklist.navbar.action',
  priority: 140,
  render: node => {
    // 情報政策課 and administrators only: the server answers 403 to everyone else
    fetch('/api/services/vacancies', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => {
        if (response.ok) {
          const link = el('a', { href: '', role: 'button', 'data-testid': 'vacancies-link',
            title: '人事異動で担当者がいなくなった台帳' },
          el('span', { class: 'glyphicon glyphicon-transfer', 'aria-hidden': 'true' }), ' 後任未定');
          link.addEventListener('click', event => {
            event.preventDefault();
            open();
          });
          node.append(' ', link);
        }
      })
      .catch(() => {});
  }
};
