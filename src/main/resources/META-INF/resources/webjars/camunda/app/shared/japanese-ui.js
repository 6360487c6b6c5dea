/*
 * Japanese for what the webapps themselves hard-code in English or in Western order, in every app (Tasklist,
 * Cockpit, Admin, Welcome and their login pages). Loaded through customScripts ('../shared/japanese-ui') of each
 * app's scripts/config.js; issue 14 「日本語で、どこを見ても」.
 * - Names in 姓 名 order: the webapps print firstName + ' ' + lastName. Every JSON answer the page receives is
 *   read (never changed) for {firstName, lastName}, and a text that is exactly 「名 姓」 is shown as 「姓 名」.
 *   Admin's user table shows 姓 before 名.
 * - Relative dates (「14日後」「数秒前」): moment is switched to 'ja' as soon as AngularJS runs, so a list drawn
 *   before locales/ja.json arrived is not left in English ("in 14 days").
 * - The app switcher's labels (Tasklist, Cockpit, Admin, Welcome) are constants in the bundle.
 * The CSS half (the Camunda 8 banner hidden, labels that wrap) is shared/japanese-ui.css, imported by each
 * app's styles/user-styles.css.
 */
const APP_LABELS = { tasklist: 'タスク一覧', cockpit: '運用状況', admin: '管理', welcome: 'ようこそ' };

const westernToJapanese = new Map();

function learnNames(value, depth) {
  if (!value || typeof value !== 'object' || depth > 6) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach(item => learnNames(item, depth + 1));
    return;
  }
  if (typeof value.firstName === 'string' && typeof value.lastName === 'string' && value.firstName && value.lastName) {
    westernToJapanese.set(value.firstName + ' ' + value.lastName, value.lastName + ' ' + value.firstName);
  }
  Object.keys(value).forEach(key => {
    if (value[key] && typeof value[key] === 'object') {
      learnNames(value[key], depth + 1);
    }
  });
}

function readJson(text) {
  if (!text || (text[0] !== '{' && text[0] !== '[') || text.length > 2_000_000) {
    return;
  }
  try {
    learnNames(JSON.parse(text), 0);
    schedule();
  } catch (ignored) {
    // not JSON: nothing to learn
  }
}

// Read-only taps on the answers: XMLHttpRequest (AngularJS $http, the engine SDK) and fetch (plugins).
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  this.addEventListener('load', () => {
    if (this.responseType === '' || this.responseType === 'text') {
      readJson(this.responseText);
    } else if (this.responseType === 'json') {
      learnNames(this.response, 0);
      schedule();
    }
  });
  return send.apply(this, args);
};
const originalFetch = window.fetch;
window.fetch = function (...args) {
  return originalFetch.apply(this, args).then(response => {
    if ((response.headers.get('content-type') || '').includes('json')) {
      response.clone().text().then(readJson).catch(() => {});
    }
    return response;
  });
};

function reorderNames(root) {
  if (!westernToJapanese.size) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    const trimmed = text.trim();
    const japanese = trimmed && westernToJapanese.get(trimmed);
    if (japanese) {
      node.nodeValue = text.replace(trimmed, japanese);
    }
  }
  // The header's title attribute and tooltips carry the same name.
  root.querySelectorAll('[title]').forEach(element => {
    const japanese = westernToJapanese.get(element.getAttribute('title').trim());
    if (japanese) {
      element.setAttribute('title', japanese);
    }
  });
}

// Admin's user list: columns ID, 名, 姓 become ID, 姓, 名 (the cells are swapped once per row).
function reorderAdminUserColumns() {
  document.querySelectorAll('table.cam-table').forEach(table => {
    const head = table.querySelector('thead tr');
    if (!head) {
      return;
    }
    const titles = Array.from(head.children).map(cell => cell.textContent.replace(/[*\s]/g, ''));
    const first = titles.indexOf('名');
    const last = titles.indexOf('姓');
    const swapped = head.hasAttribute('data-ja-name-order');
    if (first < 0 || last < 0 || (!swapped && last !== first + 1)) {
      return;
    }
    // Where 名 stood before the swap; rows drawn later (paging, sorting) are swapped when they appear.
    const at = swapped ? last : first;
    table.querySelectorAll('tr').forEach(row => {
      const cells = row.children;
      if (cells.length > at + 1 && !row.hasAttribute('data-ja-name-order')) {
        row.insertBefore(cells[at + 1], cells[at]);
        row.setAttribute('data-ja-name-order', '');
      }
    });
  });
}

function translateAppSwitcher() {
  Object.entries(APP_LABELS).forEach(([app, label]) => {
    document.querySelectorAll(`.app-switch li.${app} > a`).forEach(link => {
      if (link.textContent.trim() !== label) {
        link.textContent = label;
      }
    });
  });
}

let scheduled = false;
function schedule() {
  if (scheduled) {
    return;
  }
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    observer.disconnect();
    try {
      reorderNames(document.body);
      reorderAdminUserColumns();
      translateAppSwitcher();
    } finally {
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }
  });
}
const observer = new MutationObserver(schedule);

function whenAngularRuns(callback, attempts = 0) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (injector) {
    callback(injector);
  } else if (attempts < 600) {
    setTimeout(() => whenAngularRuns(callback, attempts + 1), 50);
  }
}

whenAngularRuns(injector => {
  if (injector.has('amMoment')) {
    const amMoment = injector.get('amMoment');
    // moment ships a 'ja' locale; locales/ja.json (dateLocales) refines it when it arrives.
    // The translation loader calls moment.updateLocale() for every locale file it reads, and that also makes the
    // locale global: when the fallback (en.json) arrived after ja.json, lists read "in 14 days". Japanese is
    // selected again after every load.
    const japanese = () => amMoment.changeLocale('ja');
    japanese();
    const rootScope = injector.get('$rootScope');
    ['$translateLoadingSuccess', '$translateChangeSuccess', '$translateRefreshEnd'].forEach(event =>
      rootScope.$on(event, () => setTimeout(japanese)));
  }
});

if (document.body) {
  schedule();
} else {
  document.addEventListener('DOMContentLoaded', schedule);
}

export default [];
