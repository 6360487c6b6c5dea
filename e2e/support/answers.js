// What an applicant answers in the application form, as the engine REST API takes it (restStart): a paid kintone
// that handles personal information (route 重要情報あり). Tests vary it with spread syntax.
export const KINTONE = {
  serviceName: 'kintone', providerName: 'サイボウズ株式会社', serviceDescription: '区民相談の記録を管理する',
  serviceKind: 'CLOUD_INTERNET', serviceCategory: 'BUSINESS_APPLICATION', paid: true, informationTypes: ['PERSONAL'],
  connectionZones: ['INTERNET'], exemption: 'NONE', purpose: '相談記録の共有', businessScope: '区民相談窓口',
  users: '区民課 相談係 全員', userCount: 12, periodStart: '2027-04-01', periodEnd: '2028-03-31', serviceManager: 'sato'
};

// A free web conference without important information (route 無料): the terms-of-use risks to accept, and the
// eight security measures all met.
export const ZOOM = {
  ...KINTONE, serviceName: 'Zoom', providerName: 'Zoom Communications', serviceDescription: '区民向けオンライン相談',
  serviceCategory: 'WEB_CONFERENCE', paid: false, informationTypes: ['INTERNAL'], purpose: 'オンライン相談', userCount: 5
};
export const TERMS_RISKS = ['C1', 'C2', 'C3', 'C4', 'C5', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'];
export const ALL_YES = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map(n => [`item${n}`, 'YES']));
