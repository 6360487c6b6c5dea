/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // Japanese UI (locales/ja.json); English stays available as fallback.
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  },

  // Japanese product name on the header, the login page and the browser tab ("Camunda Tasklist", "Welcome"
  // are the defaults; issue 14).
  app: {
    vendor: '外部サービス管理',
    name: 'タスク一覧'
  },

  // The 添付ファイル tab of every task (custom/attachments.js): evidence files stored with the case;
  // 申請一覧 in the header (custom/applications.js); drafts kept on the server and no input lost without
  // asking (custom/drafts.js). Japanese for form-js and its date picker, plain server messages
  // (custom/japanese-forms.js), and for the parts every app shares: names in 姓 名 order, relative dates
  // (../shared/japanese-ui.js). The look of the forms and task cards (custom/forms-style.js): compact
  // checklists, labels that wrap, no priority number.
  customScripts: ['custom/attachments', 'custom/applications', 'custom/drafts', 'custom/japanese-forms',
    'custom/case-documents', // the 書類 tab: the task's case documents (PDF) and audit record
    '../shared/japanese-ui', 'custom/forms-style',
    'custom/notifications', // 通知設定 and, for administrators, 通知メールの送信状況 in the header (issue 15)
    'custom/vacancies', // 後任未定 in the header for 情報政策課 and administrators: entries whose people left (issue 16)
    'custom/deputies'], // 代理設定 for role holders, everyone's for administrators (issue 16)

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを担当する'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '一覧の先頭のフィルターにフォーカスを移動する'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '一覧の先頭のタスクにフォーカスを移動する'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクフォームの最初の入力欄にフォーカスを移動する'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '「申請する」ダイアログを開く'
    }
  }
};
