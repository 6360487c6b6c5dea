package jp.lg.externalservice.system;

import java.io.IOException;

/**
 * A request body longer than its limit ({@link RequestSizeLimitFilter}), found while it was read (a
 * chunked body has no Content-Length to check first). An {@link IOException}, so whatever reads the
 * body stops there.
 */
public class RequestTooLargeException extends IOException {

  public RequestTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
  }
}
