package com.datamingle.domain.user;

import java.util.function.Function;

/**
 * One field of a partial update: either keep the current value, or set a new one (which may be null
 * for an optional field, to clear it). Distinguishes "not sent" from "sent as null".
 */
public sealed interface FieldUpdate<T> {

  T applyTo(T current);

  <R> FieldUpdate<R> map(Function<T, R> mapper);

  static <T> FieldUpdate<T> keep() {
    @SuppressWarnings("unchecked") // Keep carries no value, so one instance serves every type
    FieldUpdate<T> keep = (FieldUpdate<T>) Keep.INSTANCE;
    return keep;
  }

  static <T> FieldUpdate<T> set(T value) {
    return new Set<>(value);
  }

  /** Leaves the field as it is. */
  final class Keep<T> implements FieldUpdate<T> {
    private static final Keep<Object> INSTANCE = new Keep<>();

    private Keep() {}

    @Override
    public T applyTo(T current) {
      return current;
    }

    @Override
    public <R> FieldUpdate<R> map(Function<T, R> mapper) {
      return keep();
    }

    @Override
    public String toString() {
      return "keep";
    }
  }

  /** Replaces the field; a null value clears an optional field. */
  record Set<T>(T value) implements FieldUpdate<T> {
    @Override
    public T applyTo(T current) {
      return value;
    }

    @Override
    public <R> FieldUpdate<R> map(Function<T, R> mapper) {
      return new Set<>(value == null ? null : mapper.apply(value));
    }
  }
}
