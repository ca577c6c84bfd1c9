package io.steersman.apiserver;

import io.steersman.api.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One HTTP request and its answer: query parameters, headers, the bounded body, and writing the response. */
final class Exchange {
    /** Upstream's limit on request bodies (3 MiB). */
    static final int MAX_BODY = 3 * 1024 * 1024;
    /** How much of a body no one read is drained after an error answer, as Go's server does (256 KiB). */
    static final int MAX_DRAIN = 256 * 1024;

    final Request request;
    final Response response;
    final Callback callback;
    private final Fields query;
    private final List<String> warnings = new ArrayList<>();
    private Authenticator.Principal principal = new Authenticator.Principal("anonymous", false);
    private boolean bodyRead;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        String path = request.getHttpURI().getDecodedPath();
        return path == null ? "/" : path;
    }

    String query(String name) {
        String value = query.getValue(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every non-empty value of a repeated parameter. */
    java.util.List<String> queryValues(String name) {
        java.util.List<String> values = query.getValues(name);
        return values == null ? java.util.List.of() : values.stream().filter(v -> !v.isEmpty()).toList();
    }

    boolean flag(String name) {
        String value = query(name);
        return value != null && (value.equals("true") || value.equals("1"));
    }

    String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    Authenticator.Principal principal() {
        return principal;
    }

    void principal(Authenticator.Principal principal) {
        this.principal = principal;
    }

    /** host:port as the client reached the server. */
    String serverAddress() {
        return Request.getServerName(request) + ":" + Request.getServerPort(request);
    }

    /** Adds a {@code Warning: 299 - "..."} header, as upstream reports field validation warnings. */
    void warn(String message) {
        warnings.add(message);
    }

    /** The request body, refused with 413 past {@link #MAX_BODY}. */
    byte[] body() {
        bodyRead = true;
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            throw Errors.tooLarge(MAX_BODY);
        }
        try (InputStream in = Request.asInputStream(request)) {
            if (declared >= 0) {
                // The usual case: the length is known, so read into an array of that size at once.
                byte[] bytes = new byte[(int) declared];
                int n = in.readNBytes(bytes, 0, bytes.length);
                // To the end of the content, as before (Content-Length framing ends it right there).
                in.read();
                return n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
            }
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw Errors.tooLarge(MAX_BODY);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and drops a request body no one read, up to {@link #MAX_DRAIN}, before an early answer
     * (an error found before the body mattered). Without it Jetty closes the connection when the
     * body has not fully arrived yet, after the answer went out without {@code Connection: close}, so
     * a client that sends the next request on the same connection finds it closed (Go's server
     * drains the same way). A larger body still closes the connection.
     */
    void drainUnreadBody() {
        if (bodyRead || !hasBody()) {
            return;
        }
        bodyRead = true;
        try (InputStream in = Request.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            int left = MAX_DRAIN;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away or sent less than it declared: nothing left to keep open.
        }
    }

    private boolean hasBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    MediaType contentType() {
        return MediaType.parse(header(HttpHeader.CONTENT_TYPE));
    }

    void sendJson(int code, byte[] json) {
        send(code, MediaType.JSON, json);
    }

    void send(int code, String contentType, byte[] body) {
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        addWarnings();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void sendStatus(Status status) {
        int code = status.code() == null ? 500 : status.code();
        sendJson(code, Json.write(status));
    }

    /** Answers a Status without an Exchange (when the request could not even be parsed). */
    static void sendRaw(Response response, Callback callback, Status status) {
        byte[] body = Json.write(status);
        response.setStatus(status.code() == null ? 500 : status.code());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.JSON);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void clearWarnings() {
        warnings.clear();
    }

    void addWarnings() {
        for (String warning : warnings) {
            response.getHeaders().add(new HttpField(HttpHeader.WARNING, "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        }
        warnings.clear();
    }
}
