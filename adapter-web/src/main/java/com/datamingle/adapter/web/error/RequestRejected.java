package com.datamingle.adapter.web.error;

import java.util.Map;

/**
 * A request the web adapter refuses before any use case runs: a bad body, content type or
 * parameter.
 */
public final class RequestRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  private RequestRejected(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public static RequestRejected of(Problem problem) {
    return new RequestRejected(problem);
  }

  public static RequestRejected malformed(String detail) {
    return new RequestRejected(Problem.of(Problem.Kind.MALFORMED_REQUEST, detail));
  }

  public static RequestRejected unsupportedMediaType(String detail) {
    return new RequestRejected(Problem.of(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, detail));
  }

  public static RequestRejected invalid(Map<String, String> errors) {
    return new RequestRejected(
        Problem.invalid(
            "the request has " + errors.size() + " invalid field(s); see errors", errors));
  }

  public Problem problem() {
    return problem;
  }
}
