/*
 * Tasklist plugin: 後任未定の台帳 (issue 16, personnel changes). For 情報政策課 and administrators only (shown when
 * GET /api/services/vacancies answers): the registry entries whose サービス管理担当者 or 外部サービス管理者 left, with the
 * open task 「後任を指名する」 of each. The overlay is that of the other plugins (custom/dom.js), its look that of
 * 申請一覧.
 */
import { OVERLAY_STYLE, el, overlay } from './dom.js';
const day = value => value
  ? new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' })
    .format(new Date(value))
  : '—';

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
  const { message, content } = overlay({ className: 'es-overlay', styleId: 'es-vacancies-style', style: OVERLAY_STYLE,
    title: '後任未定の台帳', testId: 'vacancies',
    intro: '人事異動で担当者が所属・役職を離れた承認済み外部サービスです。タスク「後任を指名する」で後任を決めてください。' });
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
