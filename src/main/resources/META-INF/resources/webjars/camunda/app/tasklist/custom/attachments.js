/*
 * Tasklist plugin: the 添付ファイル (attachments) tab of every task.
 * Camunda Forms in the 7.24 Tasklist have no file picker, so evidence (screenshots of the terms, the disposal
 * certificate, 002 §5(1)④⑤, §7(1)④⑤) is attached here. The files are stored with the case on the server
 * (/api/tasks/{taskId}/attachments), which checks who may attach, the size and the type.
 */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif';

function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function errorText(body, fallback) {
  if (body && Array.isArray(body.errors) && body.errors.length) {
    return body.errors.map(e => e.message + '（' + e.messageEn + '）').join(' / ');
  }
  return (body && body.error) || fallback;
}

export default {
  id: 'external-service.attachments',
  pluginPoint: 'tasklist.task.detail',
  priority: 1,
  label: '添付ファイル',
  render: (node, { api, taskId }) => {
    node.innerHTML = '';
    const root = element('div', { class: 'external-service-attachments', style: 'padding: 12px' });
    const help = element('p', {}, '申請や終了の根拠となる資料（約款・申込内容の画面コピー、廃棄証明など）を添付します。'
      + 'PDF・PNG・JPEG・GIF、10 MB まで。添付した資料は案件に保存され、担当者全員が確認できます。');
    const list = element('table', { class: 'table table-condensed', 'data-testid': 'attachment-list' });
    const message = element('p', { role: 'alert', 'data-testid': 'attachment-message' });
    const form = element('form', { 'data-testid': 'attachment-form' });
    const file = element('input', { type: 'file', name: 'file', accept: ACCEPT, 'aria-label': '添付するファイル' });
    const description = element('input', { type: 'text', name: 'description', maxlength: '500',
      class: 'form-control', placeholder: '説明（例: 約款の第 12 条の画面コピー）', 'aria-label': '説明' });
    const button = element('button', { type: 'submit', class: 'btn btn-default' }, '添付する');
    form.append(file, description, button);
    root.append(help, form, message, list);
    node.appendChild(root);

    const show = (text, error) => {
      message.textContent = text;
      message.style.color = error ? '#b5152b' : '#2e7d32';
    };

    const refresh = () => fetch('/api/tasks/' + encodeURIComponent(taskId) + '/attachments',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.json().then(body => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        list.innerHTML = '';
        if (!ok) {
          show(errorText(body, '添付ファイルを読み込めません'), true);
          return;
        }
        const header = element('tr');
        ['ファイル', '説明', '添付日時'].forEach(title => header.appendChild(element('th', {}, title)));
        list.appendChild(header);
        if (!body.length) {
          const empty = element('tr');
          empty.appendChild(element('td', { colspan: '3' }, 'まだ添付ファイルはありません'));
          list.appendChild(empty);
        }
        body.forEach(attachment => {
          const row = element('tr');
          const link = element('a', { href: '/api/attachments/' + encodeURIComponent(attachment.id) + '/content' },
            attachment.name);
          const cell = element('td');
          cell.appendChild(link);
          row.append(cell, element('td', {}, attachment.description || ''),
            element('td', {}, new Date(attachment.createdAt).toLocaleString('ja-JP')));
          list.appendChild(row);
        });
      })
      .catch(() => show('添付ファイルを読み込めません', true));

    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!file.files.length) {
        show('ファイルを選んでください（choose a file）', true);
        return;
      }
      const data = new FormData();
      data.append('file', file.files[0]);
      data.append('description', description.value);
      button.disabled = true;
      fetch('/api/tasks/' + encodeURIComponent(taskId) + '/attachments', {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': csrfToken(api), Accept: 'application/json' }
      })
        .then(response => response.json().then(body => ({ ok: response.ok, body })))
        .then(({ ok, body }) => {
          if (ok) {
            show('「' + body.name + '」を添付しました', false);
            form.reset();
            refresh();
          } else {
            show(errorText(body, '添付できませんでした'), true);
          }
        })
        .catch(() => show('添付できませんでした（通信エラー）', true))
        .finally(() => { button.disabled = false; });
    });

    refresh();
  }
};
