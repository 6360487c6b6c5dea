// What an applicant answers in the application form, as the engine REST API takes it (restStart): a paid kintone
// that handles personal information (route 重要情報あり). Tests vary it with spread syntax.
export const KINTONE = {
  serviceName: 'kintone', providerName: 'サイボウズ株式会社', serviceDescription: '区民相談の記録を管理する',
  serviceKind: 'CLOUD_INTERNET', serviceCategory: 'BUSINESS_APPLICATION', paid: true, informationTypes: ['PERSONAL'],
  connectionZones: ['INTERNET'], exemption: 'NONE', purpose: '相談記録の共有', businessScope: '区民相談窓口',
  users: '区民課 相談係 全員', userCount: 12, periodStart: '2027-04-01', periodEnd: '2028-03-31', serviceManager: 'sato'
};
