/*
 * Admin: 第三者認証リストの取込, a section of the Admin dashboard (administrators only). 情報政策課 downloads the
 * ISMAP and ISMAP-LIU service lists as published (CSV, UTF-8 or Shift_JIS) and uploads them here; the server
 * (POST /api/admin/certification-lists/{ISMAP|ISMAP-LIU}) checks every line and replaces the list in one
 * transaction, or names the line and column of each problem and keeps the previous list.
 */
const LISTS = [
  { name: 'ISMAP', label: 'ISMAP クラウドサービスリスト' },
  { name: 'ISMAP-LIU', label: 'ISMAP-LIU クラウドサービスリスト' }
];

const dateTime = new Intl.DateTimeFormat('ja-JP',
  { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function errorLines(body) {
  if (body && Array.isArray(body.errors) && body.errors.length) {
    return body.errors.map(e => e.message);
  }
  return [(body && body.error) || '取り込めませんでした'];
}

function render(node, { api }) {
  const status = el('tbody');
  const message = el('div', { role: 'alert', 'data-testid': 'certification-list-message' });
  const select = el('select', { class: 'form-control', 'aria-label': 'リストの種類', style: 'width: auto; display: inline-block' },
    LISTS.map(list => el('option', { value: list.name }, list.label)));
  // the browser's own file button would read "Choose File": a Japanese label opens it instead
  const file = el('input', { type: 'file', accept: '.csv,text/csv', 'aria-label': 'CSV ファイル', style: 'display: none' });
  const chosenName = el('span', { style: 'margin: 0 8px' }, '未選択');
  const picker = el('label', { class: 'btn btn-default', style: 'margin: 8px 0 0' }, 'CSV ファイルを選ぶ', file);
  file.addEventListener('change', () => {
    chosenName.textContent = file.files && file.files[0] ? file.files[0].name : '未選択';
  });
  const button = el('button', { type: 'submit', class: 'btn btn-primary', style: 'margin: 8px 0 0' }, '取り込む');
  const form = el('form', { 'data-testid': 'certification-list-form' }, select, el('br'), picker, chosenName, el('br'), button);

  const refresh = () => fetch('/api/admin/certification-lists',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : [])
    .then(lists => {
      status.replaceChildren(...lists.map(list => el('tr', {},
        el('td', {}, (LISTS.find(l => l.name === list.list) || { label: list.list }).label),
        el('td', {}, list.importedAt ? dateTime.format(new Date(list.importedAt)) : 'まだ取り込まれていません'),
        el('td', { style: 'white-space: nowrap' }, list.importedAt ? list.rows + ' 件' : '—'),
        el('td', { style: 'white-space: nowrap' }, list.importedBy || '—'))));
    });

  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      message.replaceChildren(el('p', { class: 'text-danger' }, 'CSV ファイルを選んでください'));
      return;
    }
    button.disabled = true;
    message.replaceChildren(el('p', {}, '取り込んでいます…'));
    fetch('/api/admin/certification-lists/' + encodeURIComponent(select.value), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) },
      body: chosen
    })
      .then(response => response.json().catch(() => ({})).then(body => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        if (ok) {
          message.replaceChildren(el('p', { class: 'text-success' },
            body.rows + ' 件を取り込みました（新たに掲載 ' + body.added + ' 件、リストから消えた登録 ' + body.removed + ' 件）'));
          file.value = '';
          chosenName.textContent = '未選択';
          refresh();
        } else {
          message.replaceChildren(el('p', { class: 'text-danger' }, '取り込めませんでした。前のリストはそのままです。'),
            el('ul', { class: 'text-danger' }, errorLines(body).map(line => el('li', {}, line))));
        }
      })
      .catch(() => message.replaceChildren(el('p', { class: 'text-danger' }, '取り込めませんでした（通信エラー）')))
      .finally(() => { button.disabled = false; });
  });

  node.replaceChildren(el('div', { class: 'external-service-certification-lists', style: 'padding: 0 12px 12px' },
    el('p', {}, 'ISMAP・ISMAP-LIU の公表サービスリスト（CSV、UTF-8 又は Shift_JIS）を取り込みます。'
      + '見出しは「登録番号」「サービス名」「事業者名」が必須、「登録日」「有効期限」は任意です（列の順序は問いません）。'
      + '取り込むと同じ種類の前のリストを置き換え、審査の画面と毎日の失効確認に使われます。'),
    el('table', { class: 'table table-condensed' },
      el('thead', {}, el('tr', {}, ['リスト', '最終取込', '件数', '取込者']
        .map(t => el('th', { style: 'white-space: nowrap' }, t)))), status),
    form, message));
  refresh();
}

export default {
  id: 'external-service.certification-lists',
  pluginPoint: 'admin.dashboard.section',
  priority: 5,
  label: '第三者認証リストの取込',
  properties: { label: '第三者認証リストの取込' },
  render
};
