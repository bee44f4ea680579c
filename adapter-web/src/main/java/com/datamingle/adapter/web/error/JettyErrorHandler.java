package com.datamingle.adapter.web.error;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before any route runs: a request line or headers it cannot parse
 * (400), a URI too long (414), headers too large (431), bad UTF-8 or an ambiguous segment in the
 * path (400), a bad or duplicated Host (400), a request for another authority (421). They are
 * problem documents like every other answer, instead of Jetty's HTML page. Installed on the server
 * (errors before a request reaches the servlet context) and on the servlet context.
 */
public final class JettyErrorHandler extends ErrorHandler {

  public JettyErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      if (reason == null) {
        reason = http.getReason();
      }
    }
    if (status < 400 || status > 599) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    Problem problem =
        StatusProblems.forStatus(
            status,
            reason != null && !reason.equals(HttpStatus.getMessage(status)) ? reason : null);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(ErrorMapping.bytes(problem)), callback);
    return true;
  }
}
