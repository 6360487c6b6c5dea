package jp.lg.externalservice.security;

import java.util.Optional;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The 所属長 of a department: its 外部サービス管理者 (004 §2(3), ruling R-21). */
@Component
public class UnitHeads {

  private final IdentityService identityService;
  private final Privileged privileged;

  public UnitHeads(IdentityService identityService, Privileged privileged) {
    this.identityService = identityService;
    this.privileged = privileged;
  }

  public Optional<User> of(String departmentCode) {
    return privileged
        .call(
            () ->
                identityService
                    .createUserQuery()
                    .memberOfGroup(new Department(departmentCode, null).unitHeadGroupId())
                    .orderByUserId()
                    .asc()
                    .list())
        .stream()
        .findFirst();
  }
}
