/*
 * Tasklist plugin: the 書類 tab of a task. It lists the documents of the task's case — 申請書, 決定通知書 once
 * decided, 終了確認書 once terminated (PDF) and 監査記録 (CSV) — for people who may see the case as in 申請一覧.
 * The server decides (GET /api/tasks/{taskId}/documents answers 404 for a case the person may not see); a link
 * the server refuses is not shown.
 */
function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Whether the server gives the document to this person (HEAD: nothing is downloaded). */
function available(href) {
  return fetch(href, { method: 'HEAD', credentials: 'same-origin' })
    .then(response => response.ok)
    .catch(() => false);
}

export default {
  id: 'external-service.case-documents',
  pluginPoint: 'tasklist.task.detail',
  priority: 0,
  label: '書類',
  render: (node, { taskId }) => {
    node.innerHTML = '';
    const root = element('div', { class: 'external-service-documents', style: 'padding: 12px',
      'data-testid': 'case-documents' });
    const message = element('p', {}, '読み込んでいます…');
    const list = element('ul', { class: 'list-unstyled' });
    root.append(message, list);
    node.appendChild(root);

    fetch('/api/tasks/' + encodeURIComponent(taskId) + '/documents',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(async body => {
        if (!body) {
          message.textContent = 'この案件の書類はありません。';
          return;
        }
        message.textContent = '受付番号 ' + body.caseNumber + ' の書類（新しいタブで開きます）';
        for (const documentInfo of body.documents) {
          // the audit record comes from its own endpoint, which decides who may have it
          if (documentInfo.format === 'CSV' && !(await available(documentInfo.href))) {
            continue;
          }
          const item = element('li', { style: 'margin: 4px 0' });
          item.appendChild(element('a', { href: documentInfo.href, target: '_blank', rel: 'noopener',
            'data-testid': 'task-document-link' }, documentInfo.label + ' (' + documentInfo.format + ')'));
          list.appendChild(item);
        }
      })
      .catch(() => { message.textContent = '書類を読み込めませんでした。'; });
  }
};
