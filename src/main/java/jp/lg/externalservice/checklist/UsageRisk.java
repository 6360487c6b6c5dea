package jp.lg.externalservice.checklist;

/** The risks of 004 §6 that the applicant accepts before filing 様式2 (004 §7(2), §9(3) 選定). */
public enum UsageRisk {
  C1("common", "情報の管理や処理を事業者に委ねるため、適正な取扱いの確認が容易ではない"),
  C2("common", "運用の詳細が開示されない場合、利用者側でのセキュリティ対策が難しい"),
  C3("common", "国外で分散して保存・処理される場合、裁判管轄や外国の法令が適用され、現地政府等による検閲や接収のおそれがある"),
  C4("common", "不特定多数の利用者の情報やプログラムが同じ基盤にあるため、情報漏えいのおそれがある"),
  C5("common", "事業者の都合でサーバ等の環境が急に変わると、サプライチェーン・リスクへの対策の確認が容易ではない"),
  K1("contract", "区のセキュリティポリシーに適合するかを適切に評価できないと業務継続に影響するため、責任分界点とサービスレベルの合意が必要"),
  Y1("terms", "保存された情報を事業者が自由に利用できる、又は利用者の情報を分析できる立場にあることが約款に明記されていない場合がある"),
  Y2("terms", "情報が改ざんされても事業者が一切責任を負わない場合がある"),
  Y3("terms", "突然サービスが停止し、預けた情報の取扱いが保証されず、損害賠償も行われない場合がある"),
  Y4("terms", "保存した情報が誤って消去・破壊されても、復元されない、又は時間がかかる場合がある"),
  Y5("terms", "事業者の都合で約款が事前の通知なく一方的に変更される場合がある"),
  Y6("terms", "情報の取扱いが保証されず、一度記録された情報を確実に消去することが難しい"),
  Y7("terms", "不都合や不利益が生じても個別の対応に応じない場合が多く、応じても解決に時間を要する");

  private final String group;
  private final String text;

  UsageRisk(String group, String text) {
    this.group = group;
    this.text = text;
  }

  /** Whether the risk applies to a use under the given contract type (004 §6: 共通 / 契約書 / 約款). */
  public boolean appliesTo(ContractType contractType) {
    return group.equals("common")
        || group.equals(contractType == ContractType.CONTRACT ? "contract" : "terms");
  }

  public String text() {
    return text;
  }

  /** 契約形態 (004 §6). */
  public enum ContractType {
    CONTRACT,
    TERMS_OF_USE
  }
}
