/**
 * The Kubernetes-compatible HTTP API: {@link io.steersman.apiserver.ApiServer} serves discovery
 * (aggregated and legacy), a minimal OpenAPI v3 (and an empty v2, see {@code OpenApiV2}), and
 * get/list/watch/create/update/patch/delete/deletecollection plus the status and scale
 * subresources and {@code meta.k8s.io} Tables for every
 * kind of a {@link io.steersman.api.resource.ResourceRegistry}, over a
 * {@link io.steersman.core.store.Store}. The real kubectl (1.32) and the fabric8 client work
 * against it unchanged.
 *
 * <p>Starting one (the launcher does this):
 * <pre>{@code
 * ServerCertificates tls = ServerCertificates.loadOrCreate(dataDir.resolve("pki")); // CA + cert for 127.0.0.1/localhost/::1
 * ApiServer server = ApiServer.builder(store, registry)
 *         .bindAddress("127.0.0.1").port(6443)
 *         .tls(tls).token(token)          // kubectl sends bearer tokens only over https
 *         .clock(clock)                   // AGE columns
 *         .build().start();               // returns with /readyz answering 200
 * // kubeconfig: server = server.url(), certificate-authority-data = base64(tls.caCertificatePem()), token
 * }</pre>
 *
 * <p><b>Transport: Jetty 12 core</b> (no servlets). A watch is a response that stays open for as
 * long as the client wants it, often for hours with nothing to say; with Jetty's asynchronous
 * {@code Response.write(last, buffer, callback)} an idle watch holds no thread, only its connection
 * and a queue, so thousands of watches cost no more threads than a handful (the JDK's built-in
 * server would pin a thread per open watch; Netty would need our own HTTP/1.1 plumbing). Each batch
 * of events goes out as one HTTP/1.1 chunk, flushed at once, written by the store's delivery thread
 * itself (a hand-off to a server thread cost more than the write). Ordinary requests run on Jetty's
 * thread pool and call the in-memory store directly. TLS is Jetty's, with the JDK's providers.
 *
 * <p>What follows upstream closely, and where to look: routing and verbs
 * ({@code ResourceHandler}), Status errors with upstream's codes, reasons and messages
 * ({@code Errors}), content negotiation (JSON always; protobuf accepted in Accept, refused as a
 * request body with 415 and a hint), watch streams ({@code WatchStream}), printers with upstream's
 * columns and cell formats ({@code BuiltinPrinters}, {@code PodPrinter}), the field labels a kind
 * can select on ({@code FieldLabels}), patches through core's
 * engines ({@code PatchHandler}), and field validation of unknown fields ({@code FieldValidation}).
 */
package io.steersman.apiserver;
