package jp.lg.externalservice.system;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type (the idea of holunda camunda-bpm-data,
 * written small): {@code APPLICANT.get(execution)} instead of {@code (String)
 * execution.getVariable("applicant")}. Enums are stored by name, as the forms send them; dates as
 * ISO strings are read with {@link #string(String)}.
 *
 * @param <T> the Java type code reads and writes
 */
public final class Var<T> {

  private final String name;
  private final Class<T> type;

  private Var(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static Var<String> string(String name) {
    return new Var<>(name, String.class);
  }

  public static Var<Boolean> bool(String name) {
    return new Var<>(name, Boolean.class);
  }

  public static Var<Integer> integer(String name) {
    return new Var<>(name, Integer.class);
  }

  public static Var<java.util.Date> date(String name) {
    return new Var<>(name, java.util.Date.class);
  }

  /** A variable whose value is one of {@code type}'s constants, stored by name. */
  public static <E extends Enum<E>> Var<E> enumeration(String name, Class<E> type) {
    return new Var<>(name, type);
  }

  /**
   * Structured data (a form's group, rows for a form), stored as JSON; read as whatever the engine
   * holds.
   */
  public static Var<Object> json(String name) {
    return new Var<>(name, Object.class);
  }

  /** The variable's name: the form field's key and the name in Cockpit. */
  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /**
   * The value, or null when unset or of another type; an enum stored under an unknown name is an
   * error.
   */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The value in a map of variables (a start or completion), or null. */
  public T from(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  /** True when the variable is set to {@code TRUE} (flags). */
  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Puts the value into a map of variables (a message or a process start). */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  private static Object stored(Object value) {
    return value instanceof Enum<?> constant ? constant.name() : value;
  }

  /**
   * A value of another type than declared reads as null, as a missing answer would: variables can
   * be written by users (issue 12), so a number sent where text was declared is not turned into
   * text here.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private T convert(Object value) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (type.isEnum() && value instanceof String name) {
      return (T) Enum.valueOf((Class) type, name);
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
