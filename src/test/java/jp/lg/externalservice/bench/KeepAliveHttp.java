package jp.lg.externalservice.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The smallest HTTP/1.1 client the anchors need: one kept-alive connection per client thread,
 * written and read by hand. The benchmark's clients share the two cores with the application (issue
 * 17): {@code java.net.http} spent more CPU on a no-op request than the server did, so the no-op,
 * the 401 floor and the pre-check are asked through this client, all three alike. A connection the
 * server closes (Tomcat ends one after 100 requests) is opened again.
 */
final class KeepAliveHttp implements AutoCloseable {

  private final String host;
  private final int port;
  private final Connection[] connections;

  KeepAliveHttp(String host, int port, int clients) {
    this.host = host;
    this.port = port;
    this.connections = new Connection[clients];
  }

  /**
   * {@code GET path} as {@code client}, with HTTP Basic as {@code user} (password = id) or none.
   */
  Http.Answer get(int client, String path, String user) {
    return send(client, "GET", path, user, null);
  }

  /** {@code POST path} with a JSON body. */
  Http.Answer post(int client, String path, String user, String json) {
    return send(client, "POST", path, user, json);
  }

  private Http.Answer send(int client, String method, String path, String user, String json) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host);
    head.append(':').append(port);
    head.append("\r\nAccept: application/json");
    if (user != null) {
      head.append("\r\nAuthorization: ").append(Http.basic(user));
    }
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    if (json != null) {
      head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length);
    }
    head.append("\r\n\r\n");
    byte[] request = head.toString().getBytes(StandardCharsets.UTF_8);
    while (true) {
      Connection connection = connection(client);
      connection.started = false;
      try {
        connection.out.write(request);
        connection.out.write(body);
        connection.out.flush();
        return connection.read();
      } catch (IOException e) {
        connection.close();
        connections[client] = null;
        // only a kept-alive connection that the server had closed before answering is tried
        // again; a new one that fails, a timeout or a cut answer fail the run
        if (connection.answered == 0 || connection.started || e instanceof SocketTimeoutException) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private Connection connection(int client) {
    Connection connection = connections[client];
    if (connection == null || connection.closed) {
      try {
        connection = new Connection(new Socket(host, port));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      connections[client] = connection;
    }
    return connection;
  }

  @Override
  public void close() {
    for (Connection connection : connections) {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private static final class Connection {
    final Socket socket;
    final OutputStream out;
    final BufferedInputStream in;
    boolean closed;

    /** Answers read on this connection; whether a byte of the current one has been read. */
    int answered;

    boolean started;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** One response; marks the connection closed when the server says it closes it. */
    Http.Answer read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.split(" ")[1]);
      int length = 0;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String name = header.toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("content-length:")) {
          length = Integer.parseInt(name.substring(15).trim());
        } else if (name.startsWith("transfer-encoding:") && name.contains("chunked")) {
          chunked = true;
        } else if (name.startsWith("connection:") && name.contains("close")) {
          closed = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
          body.write(exactly(size));
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else {
        body.write(exactly(length));
      }
      answered++;
      if (closed) {
        close();
      }
      return new Http.Answer(code, body.toString(StandardCharsets.UTF_8));
    }

    private int chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private byte[] exactly(int length) throws IOException {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new EOFException("answer cut after " + bytes.length + " of " + length + " bytes");
      }
      return bytes;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c == -1) {
          throw new EOFException();
        }
        started = true;
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }
}
