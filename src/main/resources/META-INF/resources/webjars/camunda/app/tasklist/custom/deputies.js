/*
 * Tasklist plugin: 代理設定 (issue 16, absence).
 * A 所属長, 利用責任者 or member of 情報政策課 / 情報化企画 names a deputy for a range of days; during it her tasks go
 * to the deputy (the server routes them: DeputyRouting). The list shows her assignments with their state
 * (予定 / 有効 / 終了 / 取消); a planned or active one can be revoked. Administrators see everyone's and name deputies for
 * anyone (/api/admin/deputies). The link is shown only to those the server answers (everyone else gets 403).
 * Japanese only; the overlay is that of the other plugins (custom/dom.js).
 */
import { csrfToken, el, overlay } from './dom.js';
const STYLE = `
.es-deputies { position: fixed; top: 0; left: 0; right: 0; bottom: 0; background: #fff; z-index: 1040;
  overflow: auto; padding: 16px 24px 48px; font-size: 14px; }
.es-deputies h2 { font-size: 22px; margin: 0 0 12px; }
.es-deputies h3 { font-size: 17px; margin: 20px 0 8px; }
.es-deputies .es-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
.es-deputies .es-spacer { flex: 1; }
.es-deputies table { width: 100%; border-collapse: collapse; }
.es-deputies th, .es-deputies td { border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left;
  vertical-align: top; white-space: normal; word-break: break-word; }
.es-deputies th { background: #f3f5f7; white-space: nowrap; }
.es-deputies .es-message { color: #b5152b; }
.es-deputies .es-saved { color: #155724; }
.es-deputies .es-form { display: grid; grid-template-columns: 9em minmax(0, 32em); gap: 8px 12px; align-items: start; }
.es-deputies .es-form label { font-weight: bold; padding-top: 6px; }
.es-deputies .es-field-error { color: #b5152b; font-size: 13px; margin-top: 2px; }
.es-deputies .es-dates { display: flex; gap: 8px; align-items: center; }
.es-deputies .es-dates input { max-width: 12em; }
.es-deputies .es-state { display: inline-block; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.es-deputies .es-state-PLANNED { background: #fff3cd; } .es-deputies .es-state-ACTIVE { background: #d4edda; }
.es-deputies .es-state-ENDED { background: #e9ecef; } .es-deputies .es-state-REVOKED { background: #f8d7da; }`;

const LABELS = { principal: '本人', deputy: '代理者', startsOn: '開始日', endsOn: '終了日', reason: '理由', id: '代理設定' };

const day = value => value
  ? new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(value + 'T00:00:00Z'))
  : '—';

/** Calls the API; a refusal is thrown with its Japanese message and its field errors. */
async function call(path, method, body) {
  const response = await fetch(path, {
    method: method || 'GET', credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined,
    headers: Object.assign({ Accept: 'application/json' },
      method && method !== 'GET' ? { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() } : {})
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((answer && answer.error) || '処理できませんでした');
    error.fields = answer && Array.isArray(answer.errors) ? answer.errors : [];
    throw error;
  }
  return answer;
}

/** A search box and a list of staff from /api/me/deputy-candidates; value() is the chosen user id. */
function picker(name) {
  const search = el('input', { type: 'search', class: 'form-control', placeholder: '名前または職員IDで検索',
    'aria-label': LABELS[name] + 'を検索', 'data-testid': 'deputy-search-' + name });
  const list = el('select', { class: 'form-control', size: '5', 'aria-label': LABELS[name],
    'data-testid': 'deputy-pick-' + name });
  let timer = null;
  const load = async () => {
    try {
      const people = await call('/api/me/deputy-candidates?q=' + encodeURIComponent(search.value.trim()));
      const chosen = list.value; // a choice survives a new search that still lists the person
      list.replaceChildren(...people.map(p => el('option', { value: p.id },
        p.name + '（' + (p.department || '所属なし') + '・' + p.id + '）')));
      if (people.some(p => p.id === chosen)) {
        list.value = chosen;
      } else if (people.length === 1) {
        list.value = people[0].id;
      }
    } catch (e) {
      list.replaceChildren();
    }
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });
  load();
  return { node: el('div', {}, search, list), value: () => list.value || null };
}

async function open(administrator) {
  const { message, content } = overlay({ className: 'es-deputies', styleId: 'es-deputies-style', style: STYLE,
    title: '代理設定', testId: 'deputy-settings' });
  const base = administrator ? '/api/admin/deputies' : '/api/me/deputies';
  const show = async () => {
    let assignments;
    try {
      assignments = await call(base);
    } catch (e) {
      content.replaceChildren();
      message.textContent = e.message;
      return;
    }
    const principal = administrator ? picker('principal') : null;
    const deputy = picker('deputy');
    const startsOn = el('input', { type: 'date', class: 'form-control', 'aria-label': '開始日', 'data-testid': 'deputy-starts' });
    const endsOn = el('input', { type: 'date', class: 'form-control', 'aria-label': '終了日', 'data-testid': 'deputy-ends' });
    const reason = el('textarea', { class: 'form-control', rows: '2', maxlength: '2000', 'aria-label': '理由',
      placeholder: '例：育児休業、研修、出張' });
    const errors = {};
    const row = (name, input, label) => {
      errors[name] = el('div', { class: 'es-field-error', 'data-field': name });
      return [el('label', {}, label || LABELS[name]), el('div', {}, input, errors[name])];
    };
    const save = el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'deputy-save' }, '代理者を登録する');
    const saved = el('span', { class: 'es-saved', role: 'status' });
    const table = assignments.length
      ? el('table', { class: 'table' },
        el('thead', {}, el('tr', {}, [administrator ? '本人' : null, '代理者', '期間', '理由', '状態', '']
          .filter(h => h !== null).map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, assignments.map(a => {
          const revoke = a.status === 'PLANNED' || a.status === 'ACTIVE'
            ? el('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-testid': 'deputy-revoke' }, '取り消す')
            : '';
          if (revoke) {
            // asked in the row: the webapp's page is sandboxed without modals (no window.confirm)
            revoke.addEventListener('click', () => {
              const yes = el('button', { type: 'button', class: 'btn btn-danger btn-sm', 'data-testid': 'deputy-revoke-confirm' },
                '取り消す');
              const no = el('button', { type: 'button', class: 'btn btn-default btn-sm' }, 'やめる');
              const question = el('div', { role: 'group', 'aria-label': '取消の確認' },
                el('div', {}, 'この代理設定を取り消しますか？'), yes, ' ', no);
              revoke.replaceWith(question);
              yes.focus();
              no.addEventListener('click', () => question.replaceWith(revoke));
              yes.addEventListener('click', async () => {
                try {
                  await call(base + '/' + a.id, 'DELETE');
                  show();
                } catch (e) {
                  message.textContent = e.message;
                }
              });
            });
          }
          const cells = [
            el('td', {}, a.deputyName, el('div', { class: 'text-muted' }, a.deputyDepartment || '')),
            el('td', {}, day(a.startsOn) + '〜' + day(a.endsOn)),
            el('td', {}, a.reason || ''),
            el('td', {}, el('span', { class: 'es-state es-state-' + a.status }, a.statusLabel),
              a.revokedAt ? el('div', { class: 'text-muted' }, '取消：' + (a.revokedByName || a.revokedBy)) : ''),
            el('td', {}, revoke)];
          return el('tr', { 'data-testid': 'deputy-row' },
            administrator ? [el('td', {}, a.principalName)].concat(cells) : cells);
        })))
      : el('p', {}, administrator ? '代理設定はまだありません。' : 'まだ代理者を指名していません。');
    content.replaceChildren(
      el('p', {}, administrator
        ? '職員（所属長・利用責任者・情報政策課・情報化企画）の不在の期間に、その役割のタスクを引き受ける代理者を登録します。'
          + '代理者も四つの目の原則に従い、申請者本人や申請者の所属長の立場では確認・承認できません。'
        : '不在の期間（休暇・出張など）に、あなたの役割（所属長・利用責任者・情報政策課・情報化企画）のタスクを'
        + '代理者が引き受けます。期間中に届くタスクと、開いているタスクが代理者にも届きます。'
        + '代理者も四つの目の原則に従い、申請者本人や申請者の所属長の立場では確認・承認できません。'),
      table,
      el('h3', {}, '代理者を登録する'),
      el('div', { class: 'es-form' },
        principal ? row('principal', principal.node) : [],
        row('deputy', deputy.node),
        row('startsOn', el('div', { class: 'es-dates' }, startsOn, el('span', {}, '〜'), endsOn), '期間'),
        row('reason', reason)),
      el('div', { class: 'es-bar', style: 'margin-top: 12px' }, save, saved));
    errors.endsOn = errors.startsOn;
    save.addEventListener('click', async () => {
      message.textContent = '';
      saved.textContent = '';
      Object.values(errors).forEach(e => { e.textContent = ''; });
      const body = { deputy: deputy.value(), startsOn: startsOn.value || null, endsOn: endsOn.value || null,
        reason: reason.value.trim() || null };
      if (principal) {
        body.principal = principal.value();
      }
      try {
        await call(base, 'POST', body);
        await show();
        message.textContent = '';
      } catch (e) {
        message.textContent = e.message;
        e.fields.forEach(f => {
          const target = errors[f.field];
          if (target) {
            target.textContent += (target.textContent ? ' ' : '') + (f.field === 'endsOn' ? '終了日：' : f.field === 'startsOn' ? '開始日：' : '') + f.message;
          }
        });
      }
    });
  };
  show();
}

function headerLink(administrator) {
  const link = el('a', { href: '', role: 'button', 'data-testid': 'deputy-settings-link',
    title: administrator ? '代理設定（管理者：全員分）' : '不在のときの代理者を指名する' },
  el('span', { class: 'glyphicon glyphicon-transfer', 'aria-hidden': 'true' }), ' 代理設定');
  link.addEventListener('click', event => {
    event.preventDefault();
    open(administrator);
  });
  return link;
}

export default {
  id: 'external-service.deputies',
  pluginPoint: 'tasklist.navbar.action',
  priority: 140,
  render: node => {
    // only for those the server answers: administrators (everyone's), else holders of a role (their own)
    const ok = path => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.ok).catch(() => false);
    ok('/api/admin/deputies').then(async administrator => {
      if (administrator || await ok('/api/me/deputies')) {
        node.append(headerLink(administrator));
      }
    });
  }
};
