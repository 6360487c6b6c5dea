package jp.lg.externalservice.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who stands in for whom today (代理, issue 16): the deputy assignments that are active on the
 * current Japanese calendar day. The rules that ask — four-eyes ({@link FourEyes}), who may take a
 * task ({@link TaskAssignments}), who acted for whom in the case record — live below the package
 * that keeps the assignments ({@code deputy}), so they ask through this interface.
 */
public interface StandIns {

  /** Nobody stands in for anybody (unit tests of the rules without assignments). */
  StandIns NONE =
      new StandIns() {
        @Override
        public Set<String> principalsOf(String deputy) {
          return Set.of();
        }

        @Override
        public Optional<String> standingInFor(String userId, String groupId) {
          return Optional.empty();
        }
      };

  /** The people for whom {@code deputy} stands in today (empty for most people). */
  Set<String> principalsOf(String deputy);

  /**
   * The member of {@code groupId} for whom {@code userId} acts as deputy today: empty when she is a
   * member herself (she acts in her own right) or stands in for no member.
   */
  Optional<String> standingInFor(String userId, String groupId);
}
