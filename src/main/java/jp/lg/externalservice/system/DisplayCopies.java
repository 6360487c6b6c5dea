package jp.lg.externalservice.system;

import java.util.Set;

/**
 * A bean that copies values of the case onto every user task, for display only (the forms' escaped
 * values, Tasklist's columns). The copies are written by the server when the task is created and go
 * with the task; the values themselves are in the case's history already, so the copies get none of
 * their own ({@link DisplayCopiesHistory}).
 */
public interface DisplayCopies {

  /** The names of the task-local variables that this bean writes onto user tasks. */
  Set<String> displayCopyNames();
}
