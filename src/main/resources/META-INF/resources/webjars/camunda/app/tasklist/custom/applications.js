/*
 * Tasklist plugin: 申請一覧 in the header. Every staff member sees her own applications with their case number,
 * status, current step, who holds it until when and how it ended; a 所属長 also his department's, 情報政策課 all
 * (the server decides: GET /api/applications). 承認済みサービス lists what the ward already uses
 * (GET /api/approved-services), so that nobody files a duplicate. A row opens the printable record of the
 * application (GET /api/applications/{caseNumber}). Each row links the case's documents (issue 15): 申請書,
 * 決定通知書 once decided, 終了確認書 once terminated (PDF, /api/applications/{caseNumber}/*.pdf) and 監査記録
 * (CSV); the record view lists exactly those the server has (GET /api/applications/{caseNumber}/documents).
 * Withdrawal (issue 16): the record view offers 申請を取り下げる to whoever the server says may (the applicant or her
 * 所属長, before the decision: canWithdraw), asks the reason and a confirmation, and sends
 * POST /api/applications/{caseNumber}/withdrawal; a withdrawn application of one's own can be copied into a new draft
 * (POST /api/applications/{caseNumber}/copy), which opens in Tasklist. Attachments are not copied.
 */
import { csrfToken, el } from './dom.js';
const STYLE = `
.es-overlay { position: fixed; top: 0; left: 0; right: 0; bottom: 0; background: #fff; z-index: 1040;
  overflow: auto; padding: 16px 24px 48px; font-size: 14px; }
.es-overlay h2 { font-size: 22px; margin: 0 0 12px; }
.es-overlay h3 { font-size: 17px; margin: 20px 0 8px; }
.es-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
.es-bar .es-spacer { flex: 1; }
.es-tabs button[aria-selected="true"] { background: #1c5a94; color: #fff; border-color: #1c5a94; }
.es-overlay table { width: 100%; border-collapse: collapse; }
.es-overlay th, .es-overlay td { border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left;
  vertical-align: top; white-space: normal; word-break: break-word; }
.es-overlay th { background: #f3f5f7; white-space: nowrap; }
.es-overlay tbody tr.es-row { cursor: pointer; }
.es-overlay tbody tr.es-row:hover, .es-overlay tbody tr.es-row:focus { background: #eef4fb; outline: none; }
.es-status { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e8ecef; white-space: nowrap; }
.es-status-DRAFT { background: #fff3cd; } .es-status-RETURNED { background: #f8d7da; }
.es-status-APPROVED { background: #d4edda; } .es-status-REJECTED, .es-status-FORBIDDEN { background: #f1d3d3; }
.es-overdue { color: #b5152b; font-weight: bold; }
.es-record th { width: 14em; }
.es-message { color: #b5152b; }
.es-print-only { display: none; }
.es-docs a { display: inline-block; margin: 0 8px 2px 0; white-space: nowrap; }
.es-no-cockpit .instance-link { display: none !important; }
.es-dialog { border: 1px solid #c9d3dd; border-radius: 4px; background: #f8fafc; padding: 12px 16px; margin: 0 0 12px;
  max-width: 46em; }
.es-dialog h3 { margin-top: 0; }
.es-dialog textarea { width: 100%; min-height: 5em; }
.es-dialog .es-field-error { color: #b5152b; margin: 4px 0 0; }
.es-dialog .es-actions { display: flex; gap: 8px; margin-top: 10px; }
.es-notice { background: #d4edda; color: #155724; padding: 6px 10px; border-radius: 4px; }
@media print {
  body.es-overlay-open > *:not(.es-overlay) { display: none !important; }
  .es-overlay { position: static; overflow: visible; padding: 0; }
  .es-noprint { display: none !important; }
  .es-print-only { display: block; }
}`;

const dateFormat = new Intl.DateTimeFormat('ja-JP',
  { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const dateTimeFormat = new Intl.DateTimeFormat('ja-JP',
  { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

function day(value) {
  return value ? dateFormat.format(new Date(value)) : '—';
}

function moment(value) {
  return value ? dateTimeFormat.format(new Date(value)) : '—';
}

function text(value) {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && body.error) || '読み込めませんでした');
  }
  return body;
}

/** POSTs JSON with the Tasklist session; the answer's body, or an Error with the server's Japanese message. */
async function postJson(path, body) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body || {}),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = answer && Array.isArray(answer.errors) ? answer.errors.map(e => e.message).join('、') : '';
    throw new Error(((answer && answer.error) || '処理できませんでした') + (fields ? '：' + fields : ''));
  }
  return answer;
}

const REASON_MAX = 2000; // InputReader.MAX_TEXT

/**
 * The withdrawal dialog: the reason (required), then a confirmation; {@code done} gets the server's answer.
 */
function withdrawalDialog(caseNumber, serviceName, done, cancel) {
  const dialog = el('div', { class: 'es-dialog es-noprint', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'es-withdrawal-title', 'data-testid': 'withdrawal-dialog' });
  const reason = el('textarea', { id: 'es-withdrawal-reason', class: 'form-control', maxlength: String(REASON_MAX),
    'aria-describedby': 'es-withdrawal-error', 'data-testid': 'withdrawal-reason' });
  const error = el('p', { id: 'es-withdrawal-error', class: 'es-field-error', role: 'alert' });
  const next = el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'withdrawal-next' }, '次へ');
  const back = el('button', { type: 'button', class: 'btn btn-default' }, 'キャンセル');
  const ask = () => {
    dialog.replaceChildren(
      el('h3', { id: 'es-withdrawal-title' }, '申請を取り下げる'),
      el('p', {}, '「' + text(serviceName) + '」（受付番号 ' + caseNumber + '）を取り下げます。取り下げる理由を入力してください。'),
      el('label', { for: 'es-withdrawal-reason' }, '取下げの理由（必須）'), reason, error,
      el('div', { class: 'es-actions' }, next, back));
    reason.focus();
  };
  next.addEventListener('click', () => {
    const value = reason.value.trim();
    if (!value) {
      error.textContent = '取下げの理由を入力してください';
      reason.focus();
      return;
    }
    if (value.length > REASON_MAX) {
      error.textContent = '取下げの理由は ' + REASON_MAX + ' 文字以内で入力してください';
      return;
    }
    error.textContent = '';
    const confirm = el('button', { type: 'button', class: 'btn btn-danger', 'data-testid': 'withdrawal-confirm' },
      '取り下げる');
    const change = el('button', { type: 'button', class: 'btn btn-default' }, '理由を直す');
    const failure = el('p', { class: 'es-field-error', role: 'alert' });
    dialog.replaceChildren(
      el('h3', { id: 'es-withdrawal-title' }, '取り下げてよろしいですか'),
      el('p', {}, '取り下げると、この申請のタスク（審査中のものを含む）はすべてなくなり、元に戻せません。'
        + '担当者には取下げをメールで知らせます。'),
      el('p', {}, '理由：', el('span', { style: 'white-space: pre-wrap' }, value)),
      failure, el('div', { class: 'es-actions' }, confirm, change));
    confirm.focus();
    change.addEventListener('click', ask);
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        done(await postJson('/api/applications/' + encodeURIComponent(caseNumber) + '/withdrawal', { reason: value }));
      } catch (e) {
        failure.textContent = e.message;
        confirm.disabled = false;
      }
    });
  });
  back.addEventListener('click', cancel);
  ask();
  return dialog;
}

function table(headers, rows) {
  return el('table', { class: 'table' },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

const DECIDED = ['APPROVED', 'REJECTED', 'TERMINATED'];

/** A link to a document of the case, opened in a new tab (a PDF) or downloaded (the CSV). */
function documentLink(caseNumber, file, label) {
  const link = el('a', { href: '/api/applications/' + encodeURIComponent(caseNumber) + '/' + file,
    target: '_blank', rel: 'noopener', 'data-testid': 'document-link', 'data-document': file }, label);
  link.addEventListener('click', event => event.stopPropagation()); // not the row's click
  link.addEventListener('keydown', event => event.stopPropagation());
  return link;
}

/** The documents of a row: what its status says exists; the server refuses the rest anyway. */
function documentLinks(a) {
  const links = [documentLink(a.caseNumber, 'application.pdf', '申請書 (PDF)')];
  if (DECIDED.includes(a.status)) {
    links.push(documentLink(a.caseNumber, 'decision.pdf', '決定通知書 (PDF)'));
  }
  if (a.status === 'TERMINATED') {
    links.push(documentLink(a.caseNumber, 'termination.pdf', '終了確認書 (PDF)'));
  }
  links.push(documentLink(a.caseNumber, 'audit.csv', '監査記録 (CSV)'));
  return el('span', { class: 'es-docs' }, links);
}

function applicationRows(applications, open) {
  if (!applications.length) {
    return [el('tr', {}, el('td', { colspan: '9' }, '申請はまだありません。右上の「申請する」から申請できます。'))];
  }
  const now = Date.now();
  return applications.map(a => {
    const overdue = a.dueDate && new Date(a.dueDate).getTime() < now;
    const row = el('tr', { class: 'es-row', tabindex: '0', 'data-testid': 'application-row',
      'data-case-number': a.caseNumber },
      el('td', {}, text(a.caseNumber)),
      el('td', {}, text(a.serviceName)),
      el('td', {}, el('span', { class: 'es-status es-status-' + a.status }, a.statusLabel)),
      el('td', {}, text(a.currentStep)),
      el('td', {}, text(a.holder)),
      el('td', { class: overdue ? 'es-overdue' : '' }, a.dueDate ? day(a.dueDate) + (overdue ? '（期限切れ）' : '') : '—'),
      el('td', {}, a.outcome ? a.outcome + (a.outcomeReason ? '：' + a.outcomeReason : '')
        + (a.withdrawnBy ? '（取り下げた人：' + a.withdrawnBy + '）' : '') : '—'),
      el('td', {}, text(a.applicantName) + '（' + text(a.departmentName) + '）'),
      el('td', { class: 'es-noprint' }, documentLinks(a)));
    row.addEventListener('click', () => open(a.caseNumber));
    row.addEventListener('keydown', event => { if (event.key === 'Enter') { open(a.caseNumber); } });
    return row;
  });
}

function serviceRows(services) {
  if (!services.length) {
    return [el('tr', {}, el('td', { colspan: '7' }, '承認済みのサービスはまだありません'))];
  }
  return services.map(s => el('tr', { 'data-testid': 'approved-service-row' },
    el('td', {}, text(s.serviceName)), el('td', {}, text(s.providerName)), el('td', {}, text(s.departmentName)),
    el('td', {}, text(s.serviceCategoryLabel)), el('td', {}, text(s.routeLabel)), el('td', {}, text(s.statusLabel)),
    el('td', {}, day(s.periodEnd)), el('td', {}, text(s.registryEntryId))));
}

/** The case a mail links to (#/?case=R8-0001, notification/Notice.caseLink), or null. */
function linkedCase() {
  const value = new URLSearchParams(window.location.hash.split('?')[1] || '').get('case');
  return value && /^[A-Za-z0-9-]{1,32}$/.test(value) ? value : null;
}

// read when the script loads, before Tasklist's router rewrites the address without the parameter it does not know
let linkedAtLoad = linkedCase();

/** 申請一覧, on the record of {@code caseNumber} when given (the server says whether this person may see it). */
function openOverlay(caseNumber) {
  if (document.querySelector('.es-overlay')) {
    return;
  }
  if (!document.getElementById('es-applications-style')) {
    document.head.append(el('style', { id: 'es-applications-style' }, STYLE));
  }
  const overlay = el('div', { class: 'es-overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'es-title',
    'data-testid': 'applications-overlay' });
  const title = el('h2', { id: 'es-title' }, '申請一覧');
  const close = el('button', { type: 'button', class: 'btn btn-default es-noprint' }, '閉じる');
  const tabApplications = el('button', { type: 'button', class: 'btn btn-default', role: 'tab', 'aria-selected': 'true' }, '申請');
  const tabServices = el('button', { type: 'button', class: 'btn btn-default', role: 'tab', 'aria-selected': 'false' }, '承認済みサービス');
  const search = el('input', { type: 'search', class: 'form-control', style: 'max-width: 22em',
    placeholder: 'サービス名・受付番号で絞り込む', 'aria-label': 'サービス名・受付番号で絞り込む' });
  const bar = el('div', { class: 'es-bar es-noprint' }, el('span', { class: 'es-tabs', role: 'tablist' }, tabApplications, ' ', tabServices),
    search, el('span', { class: 'es-spacer' }), close);
  const message = el('p', { class: 'es-message', role: 'alert' });
  const content = el('div', {});
  overlay.append(title, bar, message, content);
  document.body.append(overlay);
  document.body.classList.add('es-overlay-open'); // printing prints the list or record, not the Tasklist
  const previousFocus = document.activeElement;

  const shut = () => {
    overlay.remove();
    document.body.classList.remove('es-overlay-open');
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

  const filter = () => {
    const term = search.value.trim().toLowerCase();
    content.querySelectorAll('tbody tr').forEach(row => {
      row.style.display = !term || row.textContent.toLowerCase().includes(term) ? '' : 'none';
    });
  };
  search.addEventListener('input', filter);

  const showApplications = async () => {
    tabApplications.setAttribute('aria-selected', 'true');
    tabServices.setAttribute('aria-selected', 'false');
    title.textContent = '申請一覧';
    message.textContent = '';
    content.replaceChildren(el('p', {}, '読み込んでいます…'));
    try {
      const applications = await getJson('/api/applications');
      content.replaceChildren(
        el('p', { class: 'es-noprint' }, '行を選ぶと申請の内容と経過を表示し、印刷できます。'),
        table(['受付番号', 'サービス名', '状態', '現在の手順', '担当', '期限', '結果', '申請者（所属）', '書類'],
          applicationRows(applications, showRecord)));
      filter();
    } catch (e) {
      content.replaceChildren();
      message.textContent = e.message;
    }
  };

  const showServices = async () => {
    tabApplications.setAttribute('aria-selected', 'false');
    tabServices.setAttribute('aria-selected', 'true');
    title.textContent = '承認済みサービス一覧';
    message.textContent = '';
    content.replaceChildren(el('p', {}, '読み込んでいます…'));
    try {
      const services = await getJson('/api/approved-services');
      content.replaceChildren(
        el('p', {}, '区で承認され、利用中のサービスです。同じサービスを申請する前に確認してください。'),
        // the registry as a file for the ward's document management; the server includes the entries this
        // person may read (RegistryAccess)
        el('p', { class: 'es-noprint' }, '台帳を保存する（閲覧できる登録のみ）： ',
          el('a', { href: '/api/services/export.xlsx', 'data-testid': 'registry-xlsx' }, 'Excel 形式'), ' ／ ',
          el('a', { href: '/api/services/export.csv', 'data-testid': 'registry-csv' }, 'CSV 形式')),
        table(['サービス名', '提供会社', '利用部署', '分類', '申請の種類', '状態', '利用期限', '台帳番号'],
          serviceRows(services)));
      filter();
    } catch (e) {
      content.replaceChildren();
      message.textContent = e.message;
    }
  };

  const showRecord = async (caseNumber, notice) => {
    message.textContent = '';
    try {
      const record = await getJson('/api/applications/' + encodeURIComponent(caseNumber));
      const available = await getJson('/api/applications/' + encodeURIComponent(caseNumber) + '/documents')
        .catch(() => ({ documents: [] }));
      title.textContent = '外部サービス利用申請書（受付番号 ' + caseNumber + '）';
      const back = el('button', { type: 'button', class: 'btn btn-default' }, '一覧に戻る');
      const print = el('button', { type: 'button', class: 'btn btn-primary' }, '印刷する');
      back.addEventListener('click', showApplications);
      print.addEventListener('click', () => window.print());
      const summary = record.summary || {};
      const actions = [];
      const dialogPlace = el('div', {});
      if (summary.canWithdraw) {
        const withdraw = el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'withdraw-button' },
          '申請を取り下げる');
        withdraw.addEventListener('click', () => {
          withdraw.disabled = true;
          dialogPlace.replaceChildren(withdrawalDialog(caseNumber, summary.serviceName, answer => {
            // the forms of the tasks that ended are no drafts any more: drop Tasklist's copies in this browser
            (answer.closedTaskIds || []).forEach(id => window.localStorage.removeItem('camunda-form:' + id));
            showRecord(caseNumber, '申請を取り下げました。');
          }, () => {
            dialogPlace.replaceChildren();
            withdraw.disabled = false;
            withdraw.focus();
          }));
        });
        actions.push(withdraw);
      }
      if (summary.canCopy) {
        const copy = el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'copy-button' },
          'この申請を複製して新しい申請を作成');
        copy.addEventListener('click', async () => {
          copy.disabled = true;
          message.textContent = '';
          try {
            const created = await postJson('/api/applications/' + encodeURIComponent(caseNumber) + '/copy', {});
            shut();
            window.location.hash = '#/?task=' + encodeURIComponent(created.taskId);
          } catch (e) {
            message.textContent = e.message;
            copy.disabled = false;
          }
        });
        actions.push(copy, el('span', { class: 'text-muted' }, '（添付ファイルは複製されません。新しい申請で改めて添付してください）'));
      }
      content.replaceChildren(
        el('div', { class: 'es-bar es-noprint' }, back, print, ...actions,
          el('span', { class: 'es-docs', 'data-testid': 'record-documents' }, available.documents.map(d =>
            documentLink(caseNumber, d.href.split('/').pop(), d.label + ' (' + d.format + ')')))),
        notice ? el('p', { class: 'es-notice es-noprint', role: 'status', 'data-testid': 'record-notice' }, notice) : '',
        dialogPlace,
        el('p', { class: 'es-print-only' }, '印刷日: ' + moment(new Date())),
        el('h3', {}, '申請の内容'),
        el('table', { class: 'table es-record', 'data-testid': 'application-record' },
          el('tbody', {}, record.application.map(line => el('tr', {}, el('th', { scope: 'row' }, line.label),
            el('td', { style: 'white-space: pre-wrap' }, line.value))))),
        el('h3', {}, '経過'),
        table(['日時', '手順', '担当者', '結果'], record.history.length
          ? record.history.map(step => el('tr', {}, el('td', {}, moment(step.at)), el('td', {}, text(step.step)),
            el('td', {}, text(step.actor)), el('td', {}, text(step.result))))
          : [el('tr', {}, el('td', { colspan: '4' }, 'まだ経過はありません'))]));
    } catch (e) {
      message.textContent = e.message;
    }
  };

  tabApplications.addEventListener('click', showApplications);
  tabServices.addEventListener('click', showServices);
  if (caseNumber) {
    showRecord(caseNumber);
  } else {
    showApplications();
  }
  close.focus();
}

/*
 * The task header links the case to Cockpit; staff without Cockpit got 「この画面を表示する権限がありません。」 there
 * (issue 14, finding 1). Their case is in 申請一覧 instead, so the link is shown only to those who may open Cockpit.
 */
function hideCockpitLinkUnlessAllowed() {
  if (!document.getElementById('es-applications-style')) {
    document.head.append(el('style', { id: 'es-applications-style' }, STYLE));
  }
  document.body.classList.add('es-no-cockpit');
  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    .then(user => {
      if (user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('cockpit')) {
        document.body.classList.remove('es-no-cockpit');
      }
    })
    .catch(() => {});
}

export default {
  id: 'external-service.applications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    hideCockpitLinkUnlessAllowed();
    const link = el('a', { href: '', role: 'button', 'data-testid': 'applications-link', title: '自分の申請と承認済みサービスの一覧' },
      el('span', { class: 'glyphicon glyphicon-list-alt', 'aria-hidden': 'true' }), ' 申請一覧');
    link.addEventListener('click', event => {
      event.preventDefault();
      openOverlay();
    });
    node.append(link);
    const linked = linkedAtLoad || linkedCase();
    linkedAtLoad = null; // once: the header may be drawn again
    if (linked) {
      openOverlay(linked);
    }
  }
};
