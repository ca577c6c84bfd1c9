package io.steersman.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steersman.api.client.ApiException;
import io.steersman.api.model.Status;
import io.steersman.api.resource.ResourceRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler: authenticates, routes a request to health, version, discovery, OpenAPI or a
 * kind's resource handler, and turns every failure into a {@code Status} answer (never a stack trace).
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final ResourceRegistry registry;
    private final Authenticator authenticator;
    private final Discovery discovery;
    private final OpenApi openApi;
    private final ResourceHandler resources;
    private volatile boolean ready;

    ApiHandler(ResourceRegistry registry, Authenticator authenticator, ResourceHandler resources) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.discovery = new Discovery(registry);
        this.openApi = new OpenApi(discovery);
        this.resources = resources;
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange;
        try {
            exchange = new Exchange(request, response, callback);
        } catch (RuntimeException e) {
            // A query string that cannot be decoded.
            Exchange.sendRaw(response, callback, Errors.badRequest("malformed query string").status());
            return true;
        }
        try {
            String path = exchange.path();
            if (!Authenticator.open(path) && authenticator.enabled()) {
                Optional<Authenticator.Principal> principal = authenticator.authenticate(exchange.header(HttpHeader.AUTHORIZATION));
                if (principal.isEmpty()) {
                    throw Errors.unauthorized();
                }
                exchange.principal(principal.get());
            }
            route(exchange, path);
        } catch (ApiException e) {
            fail(exchange, e.status());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPathQuery(), e);
            fail(exchange, Errors.internal(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).status());
        }
        return true;
    }

    private static void fail(Exchange exchange, Status status) {
        if (exchange.response.isCommitted()) {
            exchange.callback.failed(new IllegalStateException(status.message()));
            return;
        }
        exchange.drainUnreadBody();
        exchange.sendStatus(status);
    }

    private void route(Exchange ex, String path) {
        switch (path) {
            case "/version", "/version/" -> getOnly(ex, () -> ex.sendJson(200, Json.write(Version.document())));
            case "/api", "/api/" -> getOnly(ex, () -> discoveryRoot(ex, true));
            case "/apis", "/apis/" -> getOnly(ex, () -> discoveryRoot(ex, false));
            case "/openapi/v3", "/openapi/v3/" -> getOnly(ex, () -> ex.sendJson(200, Json.write(openApi.root())));
            case "/openapi/v2", "/openapi/v2/" -> getOnly(ex, () -> openApiV2(ex));
            default -> routeDeeper(ex, path);
        }
    }

    private void routeDeeper(Exchange ex, String path) {
        if (path.startsWith("/healthz") || path.startsWith("/livez") || path.startsWith("/readyz")) {
            getOnly(ex, () -> health(ex, path));
            return;
        }
        if (path.startsWith("/openapi/v3/")) {
            getOnly(ex, () -> {
                String[] s = path.substring("/openapi/v3/".length()).split("/");
                ObjectNode doc = null;
                if (s.length == 2 && s[0].equals("api")) {
                    doc = openApi.groupVersion("", s[1]);
                } else if (s.length == 3 && s[0].equals("apis")) {
                    doc = openApi.groupVersion(s[1], s[2]);
                }
                if (doc == null) {
                    throw Errors.noRoute();
                }
                ex.sendJson(200, Json.write(doc));
            });
            return;
        }
        String[] s = path.replaceAll("/+$", "").split("/");
        if (s.length == 3 && s[1].equals("api")) {
            getOnly(ex, () -> sendDocument(ex, discovery.apiResourceList("", s[2])));
            return;
        }
        if (s.length == 3 && s[1].equals("apis")) {
            getOnly(ex, () -> sendDocument(ex, discovery.apiGroup(s[2])));
            return;
        }
        if (s.length == 4 && s[1].equals("apis")) {
            getOnly(ex, () -> sendDocument(ex, discovery.apiResourceList(s[2], s[3])));
            return;
        }
        Optional<ResourcePath> resource = ResourcePath.parse(path, registry);
        if (resource.isEmpty()) {
            throw Errors.noRoute();
        }
        resources.handle(ex, resource.get());
    }

    private static void openApiV2(Exchange ex) {
        String accept = ex.header(HttpHeader.ACCEPT);
        if (accept != null && accept.contains(OpenApiV2.PROTOBUF)) {
            ex.send(200, OpenApiV2.PROTOBUF_CONTENT_TYPE, OpenApiV2.protobuf());
        } else {
            ex.sendJson(200, Json.write(OpenApiV2.json()));
        }
    }

    private void discoveryRoot(Exchange ex, boolean core) {
        Negotiation negotiation = Negotiation.forDiscovery(ex.header(HttpHeader.ACCEPT));
        if (negotiation.form() == Negotiation.Form.AGGREGATED_DISCOVERY) {
            // kubectl reads the body as aggregated discovery only when the Content-Type says exactly so.
            ex.send(200, "application/json;g=apidiscovery.k8s.io;v=" + negotiation.version() + ";as=APIGroupDiscoveryList",
                    Json.write(discovery.aggregated(core, negotiation.version())));
        } else if (core) {
            ex.sendJson(200, Json.write(discovery.apiVersions(ex.serverAddress())));
        } else {
            ex.sendJson(200, Json.write(discovery.apiGroupList()));
        }
    }

    private static void sendDocument(Exchange ex, ObjectNode document) {
        if (document == null) {
            throw Errors.noRoute();
        }
        ex.sendJson(200, Json.write(document));
    }

    private void health(Exchange ex, String path) {
        boolean ok = !path.startsWith("/readyz") || ready;
        ex.send(ok ? 200 : 503, "text/plain; charset=utf-8", (ok ? "ok" : "not ready").getBytes(StandardCharsets.UTF_8));
    }

    private static void getOnly(Exchange ex, Runnable action) {
        if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
            throw Errors.methodNotAllowed(ex.method(), ex.path());
        }
        action.run();
    }
}
