/*
 * Tasklist: Japanese for what form-js and flatpickr hard-code in English, and the server's refusals shown plainly
 * where the user is looking (issue 14 「日本語で、どこを見ても」, findings 3, 6 and 8).
 * - form-js (lib/deps.js) writes its validation messages in English ("Field is required.", "Field must match
 *   pattern ^[a-z…]$."), its select placeholder "Select" and the date placeholder "yyyy/mm/dd". They are
 *   rewritten in the DOM as they appear; a pattern is described in words, never shown as a regex.
 * - The date picker (flatpickr inside form-js) gets a Japanese locale through its instance (input._flatpickr).
 * - Notifications: the engine's prefixes ("Cannot instantiate process definition …:", "ENGINE-…",
 *   "org.camunda…Exception:") and the English halves of our own messages are removed; a new notification
 *   replaces the previous ones; a refusal is repeated just above the 完了 / 申請する button and scrolled into view.
 * Loaded through customScripts in scripts/config.js; exports no plugin.
 */
const REQUIRED = '必須項目です。';

const FORM_MESSAGES = [
  [/^Field is required\.?$/, () => REQUIRED],
  [/^Field must match pattern (.*)\.$/, ([, pattern]) => describePattern(pattern)],
  [/^Field must have minimum length of (\d+)\.?$/, ([, n]) => `${n} 文字以上で入力してください。`],
  [/^Field must have maximum length of (\d+)\.?$/, ([, n]) => `${n} 文字以内で入力してください。`],
  [/^Field must have minimum value of (.+?)\.?$/, ([, n]) => `${n} 以上の値を入力してください。`],
  [/^Field must have maximum value of (.+?)\.?$/, ([, n]) => `${n} 以下の値を入力してください。`],
  [/^Field must be a valid email\.?$/, () => 'メールアドレスの形式で入力してください（例: taro@example.lg.jp）。'],
  [/^Field must be a valid\s+international phone number/, () => '国際電話番号の形式で入力してください（例: +81312345678）。']
];

/** A regex in words. The forms use few patterns; anything else gets a plain sentence, never the regex. */
function describePattern(pattern) {
  const classes = pattern.replace(/[\^$*+?{}\d,()|]/g, '');
  if (/^(\[(a-zA-Z0-9|A-Za-z0-9|a-z0-9|A-Z0-9|0-9a-zA-Z)-?\])+$/.test(classes)) {
    return pattern.includes('-]') ? '形式が正しくありません（半角英数字とハイフン）。' : '形式が正しくありません（半角英数字）。';
  }
  if (/^(\[0-9\]|\\d)+$/.test(classes.replace(/\\d/g, '[0-9]'))) {
    return '形式が正しくありません（半角数字）。';
  }
  return '入力の形式が正しくありません。';
}

const JAPANESE_CALENDAR = {
  weekdays: {
    shorthand: ['日', '月', '火', '水', '木', '金', '土'],
    longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 0,
  rangeSeparator: ' から ',
  weekAbbreviation: '週',
  scrollTitle: 'スクロールで増減',
  toggleTitle: 'クリックで切り替え',
  amPM: ['午前', '午後'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  time_24hr: true
};

/**
 * Changes the text node itself, not the element's children: form-js (Preact) keeps a reference to that node and
 * updates it when the message changes, which the observer then sees and translates again.
 */
function setText(element, text) {
  const node = element.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && element.childNodes.length === 1) {
    node.nodeValue = text;
  } else {
    element.textContent = text;
  }
}

function translateFormTexts(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error > span').forEach(item => {
    const text = item.textContent.trim();
    for (const [pattern, message] of FORM_MESSAGES) {
      const match = text.match(pattern);
      if (match) {
        setText(item, message(match));
        break;
      }
    }
  });
  root.querySelectorAll('.fjs-select-display').forEach(display => {
    if (display.textContent.trim() === 'Select') {
      setText(display, '選択してください');
    }
  });
  root.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
    const placeholder = input.getAttribute('placeholder');
    if (/^y{2,4}[/.-]m{1,2}[/.-]d{1,2}$/i.test(placeholder)) {
      input.setAttribute('placeholder', '年/月/日（例: 2027/04/01）');
    } else if (placeholder === 'Search') {
      input.setAttribute('placeholder', '検索');
    } else if (/^hh:mm/i.test(placeholder)) {
      input.setAttribute('placeholder', '時:分');
    }
  });
  root.querySelectorAll('.fjs-container input').forEach(input => {
    const picker = input._flatpickr;
    if (picker && !picker.__japanese) {
      picker.__japanese = true;
      picker.set({ locale: JAPANESE_CALENDAR, ariaDateFormat: 'Y年n月j日' });
    }
  });
}

/*
 * The labels of the open task's form, by field key: a server refusal names a field by its key (correctionNote);
 * staff read its label (「対応内容（差し戻された申請の修正）」). Loaded from the deployed Camunda Form when a task opens.
 */
let fieldLabels = {};
let labelsOfTask = null;

function collectLabels(components, labels) {
  (components || []).forEach(component => {
    if (component.key && component.label) {
      labels[component.key] = component.label;
    }
    collectLabels(component.components, labels);
  });
  return labels;
}

function loadFieldLabels() {
  const match = window.location.hash.match(/[?&]task=([^&]+)/);
  const taskId = match ? decodeURIComponent(match[1]) : null;
  if (taskId === labelsOfTask) {
    return;
  }
  labelsOfTask = taskId;
  fieldLabels = {};
  if (!taskId) {
    return;
  }
  fetch('/camunda/api/engine/engine/default/task/' + encodeURIComponent(taskId) + '/deployed-form',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    .then(form => {
      if (form && labelsOfTask === taskId) {
        fieldLabels = collectLabels(form.components, {});
      }
    })
    .catch(() => {});
}
window.addEventListener('hashchange', loadFieldLabels);
loadFieldLabels();

/** The words a member of staff needs; the rest (engine prefixes, English) goes, field keys become labels. */
export function plainMessage(text) {
  return String(text || '')
    .replace(/^\s*Cannot [^:：]*[:：]\s*/i, '')
    .replace(/\b(?:[a-z]\w*\.)+[A-Z]\w*(?:Exception|Error)\s*[:：]?\s*/g, '')
    .replace(/\bENGINE-\d+\s*/g, '')
    .replace(/（[^（）\u3040-\u30ff\u4e00-\u9fff]*[A-Za-z]{2,}[^（）\u3040-\u30ff\u4e00-\u9fff]*）/g, '')
    .replace(/\s*\([^()\u3040-\u30ff\u4e00-\u9fff]*[A-Za-z]{3,}[^()\u3040-\u30ff\u4e00-\u9fff]*\)/g, '')
    .replace(/(^|[\s/：:])([a-z][A-Za-z0-9]*)((?:\[\d+\])?(?:\.[a-z][A-Za-z0-9]*)*)\s*[:：]\s*/g,
      (all, before, key) => before + (fieldLabels[key] ? '「' + fieldLabels[key] + '」：' : ''))
    .replace(/\s*[:：]\s*(?=\S)/, '：\n')
    .replace(/\s+\/\s+/g, '\n')
    .trim();
}

function visible(element) {
  return !!(element && element.offsetParent !== null);
}

/** The 完了 / 申請する / 保存 button the user is about to press: in the open dialog, else in the task form. */
function submitButton() {
  const scopes = [document.querySelector('.modal.in .modal-content, .modal-dialog .modal-content'),
    document.querySelector('[cam-tasklist-task], .task-details, .column-right')].filter(Boolean);
  for (const scope of scopes) {
    const buttons = Array.from(scope.querySelectorAll('button')).filter(visible);
    const button = buttons.find(b => /^(完了|申請する|開始|送信)$/.test(b.textContent.trim()))
      || buttons.find(b => /^(保存)$/.test(b.textContent.trim()));
    if (button) {
      return button;
    }
  }
  return null;
}

function showNearButton(text) {
  document.querySelectorAll('.ja-form-message').forEach(old => old.remove());
  const button = submitButton();
  if (!button) {
    return;
  }
  const message = document.createElement('div');
  message.className = 'ja-form-message';
  message.setAttribute('role', 'alert');
  message.setAttribute('data-testid', 'form-message');
  message.textContent = text;
  // form-js refused the input itself: say how many fields, and offer a way to the first one.
  const scope = button.closest('.modal-content') || document;
  const fieldErrors = Array.from(scope.querySelectorAll('.fjs-form-field-error')).filter(visible);
  if (fieldErrors.length) {
    message.append('\n赤字で示した ' + fieldErrors.length + ' か所の入力を確認してください。 ');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = '最初の項目へ移動';
    link.addEventListener('click', event => {
      event.preventDefault();
      const field = fieldErrors[0].closest('.fjs-form-field') || fieldErrors[0];
      field.scrollIntoView({ block: 'center' });
      const input = field.querySelector('input, textarea, select');
      if (input) {
        input.focus({ preventScroll: true });
      }
    });
    message.append(link);
  }
  const bar = button.closest('.modal-footer, .form-actions, .fjs-form-field-button') || button.parentElement;
  bar.parentElement.insertBefore(message, bar);
  message.scrollIntoView({ block: 'center' });
}

function whenAngularRuns(callback, attempts = 0) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (injector) {
    callback(injector);
  } else if (attempts < 600) {
    setTimeout(() => whenAngularRuns(callback, attempts + 1), 50);
  }
}

whenAngularRuns(injector => {
  if (!injector.has('Notifications')) {
    return;
  }
  const notifications = injector.get('Notifications');
  const add = notifications.add;
  notifications.add = function (notification) {
    // One message at a time: a new one replaces the old ones instead of piling up.
    this.clearAll();
    document.querySelectorAll('.ja-form-message').forEach(old => old.remove());
    if (notification && !notification.unsafe) {
      notification.status = plainMessage(notification.status).replace(/[：:]\s*$/, '');
      notification.message = plainMessage(notification.message);
    }
    const result = add.apply(this, arguments);
    if (notification && notification.type === 'danger') {
      const text = [notification.status, notification.message].filter(Boolean).join('\n');
      setTimeout(() => showNearButton(text), 100);
    }
    return result;
  };
});

let scheduled = false;
const observer = new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      translateFormTexts(document);
    });
  }
});
observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
