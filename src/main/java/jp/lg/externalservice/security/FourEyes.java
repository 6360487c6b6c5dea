package jp.lg.externalservice.security;

import java.util.Set;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Ruling R-15 (domain-spec FE-2, FE-3): the double check and every approval must be done by someone
 * other than the applicant and other than the applicant's 所属長. Checked on the server against the
 * user who completes the task, whether through Tasklist or the REST API.
 */
@Component
public class FourEyes {

  static final String FIELD = "(user)";

  private final IdentityService identityService;
  private final Privileged privileged;
  private final StandIns standIns;

  /** Without deputies (unit tests of the rule itself). */
  public FourEyes(IdentityService identityService, Privileged privileged) {
    this(identityService, privileged, StandIns.NONE);
  }

  @Autowired
  public FourEyes(IdentityService identityService, Privileged privileged, @Lazy StandIns standIns) {
    this.identityService = identityService;
    this.privileged = privileged;
    this.standIns = standIns;
  }

  /**
   * Records a problem in {@code reader} if the current user may not decide; returns the current
   * user's id.
   */
  public String check(InputReader reader, String applicant, String departmentCode) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    if (user == null) {
      reader.reject(FIELD, "ログインしている職員を特定できません", "the user completing the task is unknown");
      return null;
    }
    // a deputy (代理, issue 16) stands in for her principals today: she may not do what they may
    // not, judged now, at the act
    Set<String> principals = standIns.principalsOf(user);
    if (user.equals(applicant)) {
      reader.reject(
          FIELD,
          "申請者本人は確認・承認できません（ruling R-15）",
          "the applicant cannot check or approve their own application (ruling R-15)");
    } else if (departmentCode != null && isUnitHead(user, departmentCode)) {
      reader.reject(
          FIELD,
          "申請者の所属長は確認・承認できません（ruling R-15）",
          "the applicant's unit head (所属長) cannot check or approve the application (ruling R-15)");
    } else if (applicant != null && principals.contains(applicant)) {
      reader.reject(
          FIELD,
          "申請者本人の代理者は確認・承認できません（ruling R-15）",
          "the applicant's deputy cannot check or approve the application (ruling R-15)");
    } else if (departmentCode != null
        && principals.stream().anyMatch(principal -> isUnitHead(principal, departmentCode))) {
      reader.reject(
          FIELD,
          "申請者の所属長の代理者は確認・承認できません（ruling R-15）",
          "the deputy of the applicant's unit head (所属長) cannot check or approve the application"
              + " (ruling R-15)");
    }
    return user;
  }

  private boolean isUnitHead(String user, String departmentCode) {
    return privileged.call(
            () ->
                identityService
                    .createUserQuery()
                    .userId(user)
                    .memberOfGroup(new Department(departmentCode, null).unitHeadGroupId())
                    .count())
        > 0;
  }
}
