/*
 * Tasklist custom script: the look of the Camunda Forms and of the task cards (issue 14, "Forms that read well").
 * Only a <style> element; no plugin. The selectors name the forms' own field ids, which form-js puts into the
 * input ids (fjs-form-<form>-<field id>-<option>), so a field is found by what the .form file calls it.
 */
const CRITERION = '.fjs-form-field-radio:has(input[id*="-Field_Criterion_"])';
const DOUBLE_CHECK = '.fjs-form-field-radio:has(input[id*="-Field_doubleCheck_"])';
const DOUBLE_CHECK_GROUP = '[aria-labelledby$="-Group_DoubleCheck"]';
const CRITERIA_GROUP = '[aria-labelledby$="-Group_SelectionCriteria"]';
// The other ○/×/／ checklists (self-check, 様式4/5/7, government cloud, termination): the same rows.
const CHECKLIST_FIELDS = ['Field_Measure_', 'Field_Checklist_', 'Field_terminationCheck_', 'Field_disposalChecklist_',
  'Field_terminationDoubleCheck_'];
const CHECKLIST_ROW = CHECKLIST_FIELDS.map(id => `.fjs-form-field-radio:has(input[id*="-${id}"])`).join(', ');
const CHECKLIST_LAYOUT_ROW = CHECKLIST_FIELDS.map(id => `.fjs-layout-row:has(> .fjs-layout-column > .fjs-element > .fjs-form-field-radio input[id*="-${id}"])`).join(', ');
const each = (selectors, suffix) => selectors.split(', ').map(selector => selector + suffix).join(', ');

const CSS = `
/* 別表（selection-criteria.form）: one row per criterion, ○ / × / ／ side by side */
${CRITERIA_GROUP} .fjs-layout-row { margin: 0; padding: 0; }
${CRITERIA_GROUP} .fjs-element > .fjs-form-field { margin-top: 0; margin-bottom: 0; }
${CRITERION} {
  display: grid;
  /* fixed option columns, so that ○, × and ／ line up in every row, also where ／ is not offered (必須) */
  grid-template-columns: minmax(0, 1fr) 6.5em 8.5em 7.5em;
  column-gap: 14px;
  align-items: center;
  padding: 5px 4px;
  border-bottom: 1px solid #e3e3e3;
}
${CRITERION} > label:not([for]) { grid-column: 1; margin: 0; font-weight: normal; white-space: normal; }
${CRITERION} > label[for] { margin: 0; white-space: nowrap; font-weight: normal; }
${CRITERION} > :not(label) { grid-column: 1 / -1; }

/* The other checklists: one row per item as well (their option labels are a little longer) */
${CHECKLIST_LAYOUT_ROW} { padding: 0; }
${CHECKLIST_ROW} {
  display: grid;
  grid-template-columns: minmax(0, 1fr) 7.8em 8.5em 7.5em;
  column-gap: 14px;
  align-items: center;
  margin: 0;
  padding: 5px 4px;
  border-bottom: 1px solid #e3e3e3;
}
${each(CHECKLIST_ROW, ' > label:not([for])')} { grid-column: 1; margin: 0; font-weight: normal; white-space: normal; }
${each(CHECKLIST_ROW, ' > label[for]')} { margin: 0; white-space: nowrap; font-weight: normal; }
${each(CHECKLIST_ROW, ' > :not(label)')} { grid-column: 1 / -1; }

/* ダブルチェック（double-check.form）: the applicant's answer and the checker's ○ / × / ／ in one row */
${DOUBLE_CHECK_GROUP} .fjs-layout-row { margin: 0; padding: 5px 0; border-bottom: 1px solid #e3e3e3; align-items: center !important; }
${DOUBLE_CHECK_GROUP} .fjs-element > .fjs-form-field { margin-top: 0; margin-bottom: 0; }
${DOUBLE_CHECK_GROUP} .fjs-form-field-text p { margin: 0; }
${DOUBLE_CHECK} { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 14px; }
${DOUBLE_CHECK} > label:not([for]) {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; border: 0;
}
${DOUBLE_CHECK} > label[for] { margin: 0; white-space: nowrap; font-weight: normal; }
${DOUBLE_CHECK} > :not(label) { flex-basis: 100%; }

/* Every label wraps (long checkbox and checklist labels were cut) */
.fjs-container .fjs-form-field-label { white-space: normal; overflow-wrap: anywhere; }

/* Task cards: no bare priority number (every task has the engine's default, 50); サービス名, 部署 and ルート
   all visible, one per line, without opening the card */
.tasks-list .cells-wrapper .priority { display: none; }
.tasks-list .task-card-details { max-height: none; }
.tasks-list .task-card-details .shutter { display: none; }
.tasks-list .task-card-details .variables > div { float: none; width: 100%; }
.tasks-list .task-card-details .variable-item > span { float: none; display: inline; width: auto; padding-right: 0; }
.tasks-list .task-card-details .variable-item { margin: 0 0 2px; }
`;

if (!document.getElementById('external-service-forms-style')) {
  const style = document.createElement('style');
  style.id = 'external-service-forms-style';
  style.textContent = CSS;
  document.head.appendChild(style);
}
