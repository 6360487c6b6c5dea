/*
 * Cockpit: 案件の内容, a tab of every process instance of a case (the application and the review or SNS
 * registration it calls). Cockpit's own 変数 tab shows the engine's variables as they are stored — names such as
 * decisionChoice and codes such as APPROVE or ["RV1", …] (issue 14, finding 10). This tab shows the same case in
 * the words of 申請一覧: the application form's content, the status and current step, and who did what when, from
 * GET /api/applications/{caseNumber}, which also decides who may read it. The case number is the business key.
 */
const dateTime = new Intl.DateTimeFormat('ja-JP',
  { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '—')));
  return node;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(response.status === 404 ? 'この案件の記録はありません（申請以外の手続、又は閲覧できない案件です）'
      : '案件の内容を読み込めませんでした');
  }
  return response.json();
}

async function show(node, processInstanceId) {
  node.replaceChildren(el('p', {}, '読み込んでいます…'));
  try {
    const instance = await getJson('/camunda/api/engine/engine/default/process-instance/'
      + encodeURIComponent(processInstanceId));
    if (!instance.businessKey) {
      throw new Error('この手続には受付番号がありません');
    }
    const record = await getJson('/api/applications/' + encodeURIComponent(instance.businessKey));
    const summary = record.summary;
    node.replaceChildren(
      el('p', {}, '受付番号 ' + summary.caseNumber + '　状態: ' + summary.statusLabel
        + (summary.currentStep ? '　現在の手順: ' + summary.currentStep + '（' + (summary.holder || '—') + '）' : '')),
      el('table', { class: 'cam-table', 'data-testid': 'case-record' },
        el('tbody', {}, record.application.map(line => el('tr', {},
          el('th', { style: 'width: 14em; white-space: normal' }, line.label),
          el('td', { style: 'white-space: pre-wrap' }, line.value))))),
      el('h4', { style: 'margin-top: 16px' }, '経過'),
      el('table', { class: 'cam-table' },
        el('thead', {}, el('tr', {}, ['日時', '手順', '担当者', '結果'].map(h => el('th', {}, h)))),
        el('tbody', {}, record.history.map(step => el('tr', {},
          el('td', {}, step.at ? dateTime.format(new Date(step.at)) : '—'), el('td', {}, step.step),
          el('td', {}, step.actor), el('td', {}, step.result))))));
  } catch (e) {
    node.replaceChildren(el('p', {}, e.message));
  }
}

const tab = pluginPoint => ({
  id: 'external-service.case-record.' + pluginPoint,
  pluginPoint,
  priority: 20,
  label: '案件の内容',
  render: (node, { processInstanceId }) => { show(node, processInstanceId); }
});

export default [tab('cockpit.processInstance.runtime.tab'), tab('cockpit.processInstance.history.tab')];
