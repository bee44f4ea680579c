package com.datamingle.adapter.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no real client would send: bytes that are not UTF-8,
 * control characters, a request line or headers beyond the server's limits, a body shorter than its
 * Content-Length. Each request is sent with {@code Connection: close} (unless it carries its own)
 * and the answer read to the end.
 */
public final class RawHttp {
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** An answer as received: the status, the header lines and the body's raw bytes. */
  public record Response(int status, List<String> headerLines, byte[] body) {
    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headerLines.stream()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .findFirst()
          .orElse(null);
    }

    /** The body decoded as strict UTF-8: an AssertionError when a byte sequence is not UTF-8. */
    public String utf8Body() {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body))
            .toString();
      } catch (CharacterCodingException e) {
        throw new AssertionError(
            "the body is not valid UTF-8 (read as ISO-8859-1: "
                + new String(body, StandardCharsets.ISO_8859_1)
                + ")",
            e);
      }
    }

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(utf8Body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + utf8Body(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + headerLines + " " + new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Sends the request head (lines joined with CRLF, ISO-8859-1 so each char is one byte) and body
   * bytes.
   */
  public Response send(String head, byte[] body) {
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    return sendBytes(concat(headBytes, body == null ? new byte[0] : body));
  }

  /** GET target with the given extra header lines. */
  public Response get(String target, String... headerLines) {
    StringBuilder head =
        new StringBuilder(
            "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String line : headerLines) {
      head.append(line).append("\r\n");
    }
    return send(head.append("\r\n").toString(), null);
  }

  public Response sendBytes(byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before reading everything (a request line too long)
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no complete answer within 10 s; got: " + all.toString(StandardCharsets.ISO_8859_1), e);
    } catch (IOException e) {
      // a reset after the answer was sent
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
      // an interim answer (100 Continue) before the final one
      int interim = text.indexOf("\r\n\r\n") + 4;
      raw = Arrays.copyOfRange(raw, interim, raw.length);
      text = text.substring(interim);
    }
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String> headers = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length));
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    return new Response(status, headers, body);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
