package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ruling R-15: the double check and every approval by someone other than the applicant and the
 * applicant's 所属長. The engine's identity service is replaced by a small directory of group
 * memberships.
 */
class FourEyesTest {

  /** Who is in which group: tanaka heads 区民課 (kumin), watanabe heads 福祉課 (fukushi). */
  private static final Map<String, Set<String>> GROUPS =
      Map.of(
          "tanaka", Set.of("dept-kumin", "unit-head-kumin"),
          "suzuki", Set.of("dept-kumin", "security-officer-kumin"),
          "yamada", Set.of("dept-kumin"),
          "watanabe", Set.of("dept-fukushi", "unit-head-fukushi"),
          "kobayashi", Set.of("policy-head"));

  private final IdentityService identityService = directory();
  private final FourEyes fourEyes = new FourEyes(identityService, privilegedWithoutEngine());
  private final InputReader reader = new InputReader(JsonNodeFactory.instance.objectNode());

  private String checkAs(String user, String applicant, String departmentCode) {
    when(identityService.getCurrentAuthentication())
        .thenReturn(
            user == null
                ? null
                : new Authentication(user, List.copyOf(GROUPS.getOrDefault(user, Set.of()))));
    return fourEyes.check(reader, applicant, departmentCode);
  }

  @Test
  @DisplayName("申請者でも申請者の所属長でもない職員は確認・承認でき、その職員が記録される")
  void anotherStaffMemberMayDecide() {
    assertThat(checkAs("suzuki", "yamada", "kumin")).isEqualTo("suzuki");
    assertThat(reader.errors()).isEmpty();
  }

  @Test
  @DisplayName("申請者本人は確認・承認できない（ruling R-15）")
  void theApplicantMayNot() {
    assertThat(checkAs("yamada", "yamada", "kumin")).isEqualTo("yamada");

    assertThat(reader.errors())
        .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
        .containsExactly(
            tuple(
                "(user)",
                "申請者本人は確認・承認できません",
                "the applicant cannot check or approve their own application (ruling R-15)"));
  }

  @Test
  @DisplayName("申請部署の所属長は確認・承認できない（ruling R-15）")
  void theApplicantsUnitHeadMayNot() {
    checkAs("tanaka", "yamada", "kumin");

    assertThat(reader.errors())
        .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
        .containsExactly(
            tuple(
                "(user)",
                "申請者の所属長は確認・承認できません",
                "the applicant's unit head (所属長) cannot check or approve the application (ruling R-15)"));
  }

  @Test
  @DisplayName("ほかの部署の所属長は確認・承認できる")
  void anotherDepartmentsUnitHeadMay() {
    checkAs("watanabe", "yamada", "kumin");

    assertThat(reader.errors()).isEmpty();
  }

  @Test
  @DisplayName("申請部署が分からないときは、本人かどうかだけを確かめる")
  void withoutDepartmentOnlyTheApplicantIsRefused() {
    checkAs("tanaka", "yamada", null);

    assertThat(reader.errors()).isEmpty();
  }

  @Test
  @DisplayName("ログインしている職員が分からなければ拒否する")
  void nobodySignedInIsRefused() {
    assertThat(checkAs(null, "yamada", "kumin")).isNull();

    assertThat(reader.errors())
        .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
        .containsExactly(
            tuple("(user)", "ログインしている職員を特定できません", "the user completing the task is unknown"));
  }

  /** An identity service whose user query answers from {@link #GROUPS}. */
  private static IdentityService directory() {
    IdentityService identityService = mock(IdentityService.class);
    when(identityService.createUserQuery()).thenAnswer(invocation -> userQuery());
    return identityService;
  }

  /**
   * A user query that understands {@code userId(..)}, {@code memberOfGroup(..)} and {@code
   * count()}.
   */
  private static UserQuery userQuery() {
    String[] criteria = new String[2];
    return mock(
        UserQuery.class,
        invocation ->
            switch (invocation.getMethod().getName()) {
              case "userId" -> {
                criteria[0] = invocation.getArgument(0);
                yield invocation.getMock();
              }
              case "memberOfGroup" -> {
                criteria[1] = invocation.getArgument(0);
                yield invocation.getMock();
              }
              case "count" ->
                  criteria[1] != null
                          && GROUPS.getOrDefault(criteria[0], Set.of()).contains(criteria[1])
                      ? 1L
                      : 0L;
              default -> throw new UnsupportedOperationException(invocation.getMethod().getName());
            });
  }

  /** Runs the action at once: there are no authorization checks to switch off without an engine. */
  @SuppressWarnings("unchecked")
  private static Privileged privilegedWithoutEngine() {
    Privileged privileged = mock(Privileged.class);
    when(privileged.call(any()))
        .thenAnswer(invocation -> ((Supplier<Object>) invocation.getArgument(0)).get());
    return privileged;
  }
}
