package jp.lg.externalservice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The diagrams this test class walks completely: after the class, {@link ProcessCoverageGate} fails
 * it with the ids of every flow node and sequence flow of these processes that no test method
 * executed. Processes the class only touches (e.g. the termination started by a stop of use) are
 * reported, not gated.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FullProcessCoverage {

  /** Process definition keys, e.g. {@code OperationProcess.KEY}. */
  String[] value();
}
