package com.datamingle.adapter.cli.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive loopback connection, for the warm-up's requests: it
 * costs far less CPU than a general client, which matters while the server it warms shares two
 * cores with it. Reads {@code Content-Length} and chunked bodies; nothing else is needed here.
 */
final class LoopbackHttp implements Closeable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final int port;

  LoopbackHttp(int port) throws IOException {
    this.port = port;
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  /** Sends one request and reads its whole answer; returns the status. */
  int send(String method, String path, String bearer, String jsonBody) throws IOException {
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
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return readAnswer();
  }

  private int readAnswer() throws IOException {
    String status = line();
    if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        skip(size);
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers are not used
      }
    } else if (length > 0) {
      skip(length);
    }
    return code;
  }

  private long chunkSize() throws IOException {
    String size = line();
    int semicolon = size.indexOf(';');
    return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the connection closed inside a body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed inside an answer");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
