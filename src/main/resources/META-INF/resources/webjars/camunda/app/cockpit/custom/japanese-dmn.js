/*
 * Cockpit: the decision table viewer (dmn-js, bundled in lib/deps.js) writes its headings in English
 * ("Hit policy:", "When", "And", "Then", "Annotations") and the hit policy and type names as they are in DMN.
 * Cockpit gives no way to hand dmn-js a translate function, so the headings are rewritten in the DOM as they are
 * drawn (issue 14 「Cockpit の DMN の見出し」). The rules' cells are left as they are: they are the DMN itself.
 */
const HEADINGS = {
  'Hit policy:': 'ヒットポリシー:',
  When: '条件',
  And: 'かつ',
  Then: '結果',
  Annotations: '注釈'
};

const HIT_POLICIES = {
  Unique: '一意（Unique）',
  First: '最初の一致（First）',
  Priority: '優先順位（Priority）',
  Any: 'いずれか（Any）',
  Collect: 'すべて（Collect）',
  'Rule order': '規則の順（Rule order）',
  'Output order': '出力の順（Output order）'
};

const TYPES = {
  string: '文字列',
  boolean: '真偽値',
  integer: '整数',
  long: '整数',
  double: '数値',
  number: '数値',
  date: '日付'
};

function translate(element, table) {
  const node = element.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) {
    return;
  }
  const japanese = table[node.nodeValue.trim()];
  if (japanese) {
    node.nodeValue = japanese;
  }
}

function translateTables() {
  document.querySelectorAll('.tjs-container, .dmn-decision-table-container').forEach(root => {
    root.querySelectorAll('.hit-policy label, .clause, th.annotation').forEach(element => translate(element, HEADINGS));
    root.querySelectorAll('.hit-policy-value').forEach(element => translate(element, {
      ...HIT_POLICIES,
      ...Object.fromEntries(Object.entries(HIT_POLICIES).map(([en, ja]) => [en.toUpperCase(), ja]))
    }));
    root.querySelectorAll('.input-variable, .output-variable').forEach(element => translate(element, TYPES));
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      translateTables();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
