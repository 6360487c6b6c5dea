package jp.lg.externalservice.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it (issue #12, "Size"): a body above the limit is
 * answered 413 with a short bilingual body, and never parsed. A declared Content-Length above the
 * limit is refused at once; a chunked body is counted while it is read and fails at the limit.
 * Multipart uploads (attachments, deployments from Camunda Modeler) have their own, larger limit;
 * the attachment rules themselves stay with the attachment endpoint.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final DataSize maxRequestSize;
  private final DataSize maxUploadSize;

  public RequestSizeLimitFilter(DataSize maxRequestSize, DataSize maxUploadSize) {
    this.maxRequestSize = maxRequestSize;
    this.maxUploadSize = maxUploadSize;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    DataSize limit = isMultipart(request) ? maxUploadSize : maxRequestSize;
    if (request.getContentLengthLong() > limit.toBytes()) {
      refuse(response, limit);
      return;
    }
    CountingRequest counted = new CountingRequest(request, limit.toBytes());
    try {
      chain.doFilter(counted, new UntilExceeded(response, counted));
    } catch (IOException | ServletException | RuntimeException e) {
      if (!counted.exceeded || response.isCommitted()) {
        throw e;
      }
    }
    if (counted.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(response, limit);
    }
  }

  /** The 413 answer: the body of every {@code /api} error, in Japanese and English. */
  private static void refuse(HttpServletResponse response, DataSize limit) throws IOException {
    tooLarge(limit).writeTo(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
  }

  private static ErrorResponse tooLarge(DataSize limit) {
    String size = describe(limit);
    return new ErrorResponse(
        "リクエストが大きすぎます（上限 " + size + "）",
        "The request is too large (limit " + size + ")",
        List.of(new FieldError("(body)", size + " 以下にしてください", "must be at most " + size)));
  }

  private static String describe(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return size.toMegabytes() + "MB";
    }
    return bytes % 1024 == 0 ? size.toKilobytes() + "KB" : bytes + " bytes";
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/");
  }

  /**
   * The response as long as the body is within the limit; once it is not, whatever answers the
   * failed read its own way (Camunda's REST API: 500, Spring: 400) writes into nothing, and the
   * filter answers 413.
   */
  private static final class UntilExceeded extends HttpServletResponseWrapper {

    private final CountingRequest request;
    private ServletOutputStream stream;
    private PrintWriter writer;

    UntilExceeded(HttpServletResponse response, CountingRequest request) {
      super(response);
      this.request = request;
    }

    private boolean open() {
      return !request.exceeded;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                if (open()) {
                  out.write(b);
                }
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                if (open()) {
                  out.write(bytes, offset, length);
                }
              }

              @Override
              public void flush() throws IOException {
                if (open()) {
                  out.flush();
                }
              }

              @Override
              public boolean isReady() {
                return out.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        Writer out = super.getWriter();
        writer =
            new PrintWriter(
                new Writer() { // unbuffered: the container flushes its own writer
                  @Override
                  public void write(char[] chars, int offset, int length) throws IOException {
                    if (open()) {
                      out.write(chars, offset, length);
                    }
                  }

                  @Override
                  public void flush() throws IOException {
                    if (open()) {
                      out.flush();
                    }
                  }

                  @Override
                  public void close() throws IOException {
                    if (open()) {
                      out.close();
                    }
                  }
                });
      }
      return writer;
    }

    @Override
    public void setStatus(int status) {
      if (open()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (open()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (open()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (open()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (open()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (open()) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (open()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (open()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (open()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (open()) {
        super.flushBuffer();
      }
    }
  }

  /** Counts the bytes read from the body and fails once there are more than the limit. */
  private static final class CountingRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;
    private boolean exceeded;

    CountingRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        reader =
            new BufferedReader(
                new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
      }
      return reader;
    }

    private final class CountingStream extends ServletInputStream {

      private final ServletInputStream in;
      private long count;

      CountingStream(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          counted(n);
        }
        return n;
      }

      private void counted(int n) throws RequestTooLargeException {
        count += n;
        if (count > limit) {
          exceeded = true;
          throw new RequestTooLargeException(limit);
        }
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
