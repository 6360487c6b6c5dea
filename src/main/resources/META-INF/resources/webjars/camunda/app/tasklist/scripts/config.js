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

  // The 添付ファイル tab of every task (custom/attachments.js): evidence files stored with the case.
  // The look of the forms and task cards (custom/forms-style.js): compact checklists, no priority number.
  customScripts: ['custom/attachments', 'custom/forms-style'],

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
      description: '「プロセスを開始」ダイアログを開く'
    }
  }
};
