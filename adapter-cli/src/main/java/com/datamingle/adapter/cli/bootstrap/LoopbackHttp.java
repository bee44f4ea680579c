package com.datamingle.adapter.cli.bootstrap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive loopback connection, for the warm-up's requests: it
 * sends requests built once ({@link #request}) and reads each answer's head from its own buffer,
 * without a string per line, so that nearly all the CPU the warm-up spends goes to the server it
 * warms (both share two cores). Reads {@code Content-Length} and chunked bodies; nothing else is
 * needed here.
 */
final class LoopbackHttp implements Closeable {
  private static final byte[] CONTENT_LENGTH = bytes("content-length:");
  private static final byte[] CHUNKED = bytes("transfer-encoding: chunked");

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int start;
  private int end;

  LoopbackHttp(int port) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  /** The bytes of one request, to send as often as wanted. */
  static byte[] request(int port, String method, String path, String bearer, String jsonBody) {
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(1024);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Accept: application/json\r\n");
    if (bearer != null) {
      head.append("Authorization: Bearer ").append(bearer).append("\r\n");
    }
    if (jsonBody != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** Sends one request made by {@link #request} and reads its whole answer; returns the status. */
  int send(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    int line = lineEnd();
    if (line - start < 12 || !startsWith(start, bytes("HTTP/1.1 "))) {
      throw new IOException("not an HTTP/1.1 answer");
    }
    int code = digits(start + 9, start + 12, 10);
    long length = -1;
    boolean chunked = false;
    start = line + 1;
    for (line = lineEnd(); line - start > 1; line = lineEnd()) {
      if (startsWith(start, CONTENT_LENGTH)) {
        length = digits(start + CONTENT_LENGTH.length, line, 10);
      } else if (startsWith(start, CHUNKED)) {
        chunked = true;
      }
      start = line + 1;
    }
    start = line + 1;
    if (chunked) {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        skip(size + 2);
      }
      for (line = lineEnd(); line - start > 1; line = lineEnd()) {
        start = line + 1; // trailers are not used
      }
      start = line + 1;
    } else if (length > 0) {
      skip(length);
    }
    return code;
  }

  private long chunkSize() throws IOException {
    int line = lineEnd();
    int digitsEnd = start;
    while (digitsEnd < line && Character.digit(buffer[digitsEnd], 16) >= 0) {
      digitsEnd++;
    }
    long size = digits(start, digitsEnd, 16);
    start = line + 1;
    return size;
  }

  /** The index of the next '\n' from {@code start}, reading more as needed. */
  private int lineEnd() throws IOException {
    for (int i = start; ; i++) {
      if (i == end) {
        int shift = start;
        fill();
        i -= shift - start;
      }
      if (buffer[i] == '\n') {
        return i;
      }
    }
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      if (start == end) {
        fill();
      }
      int n = (int) Math.min(left, end - start);
      start += n;
      left -= n;
    }
  }

  /** Keeps the unread bytes (moved to the front) and reads more after them. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      throw new IOException("an answer's line is longer than " + buffer.length + " bytes");
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      throw new IOException("the connection closed inside an answer");
    }
    end += n;
  }

  private boolean startsWith(int at, byte[] prefix) {
    if (end - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      byte b = buffer[at + i];
      byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
      if (lower != prefix[i] && b != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private int digits(int from, int to, int radix) throws IOException {
    int value = 0;
    boolean any = false;
    for (int i = from; i < to; i++) {
      int d = Character.digit(buffer[i], radix);
      if (d >= 0) {
        value = value * radix + d;
        any = true;
      } else if (any || buffer[i] != ' ') {
        break;
      }
    }
    if (!any) {
      throw new IOException("not a number in an answer's head");
    }
    return value;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
