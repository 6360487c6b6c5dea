package jp.lg.externalservice.classification;

import java.util.List;

/** The application routes of 004 §9(2), §9(3) and ruling R-5. */
public enum Route implements Labelled {
  IMPORTANT("重要情報の取扱いあり", "様式1", true, List.of("様式4", "様式5", "様式6", "様式3")),
  PAID("重要情報の取扱いなし（有料）", "様式2", true, List.of("様式7", "様式3")),
  FREE("重要情報の取扱いなし（無料）", "様式2", false, List.of("様式7", "様式3"));

  private final String label;
  private final String applicationForm;
  private final boolean itPlanningRequired;
  private final List<String> checklists;

  Route(String label, String applicationForm, boolean itPlanningRequired, List<String> checklists) {
    this.label = label;
    this.applicationForm = applicationForm;
    this.itPlanningRequired = itPlanningRequired;
    this.checklists = checklists;
  }

  @Override
  public String label() {
    return label;
  }

  public String applicationForm() {
    return applicationForm;
  }

  /** 情報化企画 is required for IMPORTANT and PAID, not for FREE (004 §9 参考 table, ruling R-5). */
  public boolean itPlanningRequired() {
    return itPlanningRequired;
  }

  /** The checklists that follow approval, in the order they are used. */
  public List<String> checklists() {
    return checklists;
  }
}
