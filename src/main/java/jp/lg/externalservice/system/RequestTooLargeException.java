package jp.lg.externalservice.system;

import java.io.IOException;

/**
 * A request body longer than its limit ({@link RequestSizeLimitFilter}), found while it was read (a chunked body
 * has no Content-Length to check first). An {@link IOException}, so whatever reads the body stops there.
 */
public class RequestTooLargeException extends IOException {

  private final long limit;

  public RequestTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long getLimit() {
    return limit;
  }

  /** The exception itself or the first of its causes that is one; null when none is. */
  public static RequestTooLargeException in(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException tooLarge) {
        return tooLarge;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
