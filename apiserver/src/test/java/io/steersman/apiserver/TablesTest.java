package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TablesTest {
    static final String TABLE = WatchTest.TABLE;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record PodRow(String name, String status, List<String> cells) {}

    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    static Stream<PodRow> pods() {
        String meta = "\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"2026-11-26T00:59:30Z\"%s}";
        String spec = "\"spec\":{\"containers\":[{\"name\":\"c\"}]%s}";
        return Stream.of(
                new PodRow("running and ready", "{" + meta.formatted("") + "," + spec.formatted(",\"nodeName\":\"node-1\"")
                        + ",\"status\":{\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.244.0.5\"}],\"containerStatuses\":[{\"name\":\"c\",\"ready\":true,"
                        + "\"restartCount\":0,\"state\":{\"running\":{}}}]}}",
                        List.of("p", "1/1", "Running", "0", "30s", "10.244.0.5", "node-1", "<none>", "<none>")),
                new PodRow("image pull back-off", "{" + meta.formatted("") + "," + spec.formatted("")
                        + ",\"status\":{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":false,"
                        + "\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}}]}}",
                        List.of("p", "0/1", "ImagePullBackOff", "0", "30s", "<none>", "<none>", "<none>", "<none>")),
                new PodRow("restarted, ago", "{" + meta.formatted("") + "," + spec.formatted("")
                        + ",\"status\":{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"c\",\"ready\":true,\"restartCount\":2,"
                        + "\"lastState\":{\"terminated\":{\"finishedAt\":\"2026-11-26T00:59:55Z\"}},\"state\":{\"running\":{}}}]}}",
                        List.of("p", "1/1", "Running", "2 (5s ago)", "30s", "<none>", "<none>", "<none>", "<none>")),
                new PodRow("terminating", "{" + meta.formatted(",\"deletionTimestamp\":\"2026-11-26T01:00:00Z\"") + "," + spec.formatted("")
                        + ",\"status\":{\"phase\":\"Running\"}}",
                        List.of("p", "0/1", "Terminating", "0", "30s", "<none>", "<none>", "<none>", "<none>")),
                new PodRow("init container waiting", "{" + meta.formatted("") + ",\"spec\":{\"initContainers\":[{\"name\":\"i\"}],\"containers\":[{\"name\":\"c\"}]}"
                        + ",\"status\":{\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"state\":{\"running\":{}}}]}}",
                        List.of("p", "0/1", "Init:0/1", "0", "30s", "<none>", "<none>", "<none>", "<none>")),
                new PodRow("readiness gates", "{" + meta.formatted("") + ",\"spec\":{\"containers\":[{\"name\":\"c\"}],\"readinessGates\":[{\"conditionType\":\"x\"}]}"
                        + ",\"status\":{\"phase\":\"Pending\",\"conditions\":[{\"type\":\"x\",\"status\":\"True\"}]}}",
                        List.of("p", "0/1", "Pending", "0", "30s", "<none>", "<none>", "<none>", "1/1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void podCellsAsUpstreamPrintsThem(PodRow row) throws Exception {
        List<Object> cells = PodPrinter.cells(TestServer.MAPPER.readTree(row.status()), NOW);
        assertThat(cells.stream().map(String::valueOf).toList()).isEqualTo(row.cells());
    }

    @Test
    void deploymentTableHasUpstreamColumnsAndResourceVersion() {
        server.post("/apis/apps/v1/namespaces/default/deployments", "application/json", ResourceCrudTest.deployment("web", 3));
        TestServer.Answer answer = server.get("/apis/apps/v1/namespaces/default/deployments?limit=500", TABLE);
        JsonNode table = answer.json();
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isNotEmpty();
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("web");
        assertThat(cells.get(1).asText()).isEqualTo("0/3");
        assertThat(cells.get(2).asLong()).isZero();
        assertThat(cells.get(5).asText()).isEqualTo("nginx");
        assertThat(cells.get(6).asText()).isEqualTo("nginx:1.14.2");
        assertThat(cells.get(7).asText()).isEqualTo("app=web");
        assertThat(table.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    }

    @Test
    void oneObjectAsTableAndIncludeObjectVariants() {
        server.post("/api/v1/namespaces/default/services", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"svc\"},\"spec\":{\"clusterIP\":\"None\",\"selector\":{\"app\":\"x\"},"
                        + "\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}]}}");
        JsonNode one = server.get("/api/v1/namespaces/default/services/svc", TABLE).json();
        JsonNode cells = one.path("rows").get(0).path("cells");
        assertThat(cells.get(1).asText()).isEqualTo("ClusterIP");
        assertThat(cells.get(2).asText()).isEqualTo("None");
        assertThat(cells.get(3).asText()).isEqualTo("<none>");
        assertThat(cells.get(4).asText()).isEqualTo("80/TCP");
        assertThat(cells.get(6).asText()).isEqualTo("app=x");
        JsonNode whole = server.get("/api/v1/namespaces/default/services?includeObject=Object", TABLE).json();
        assertThat(whole.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("Service");
        JsonNode none = server.get("/api/v1/namespaces/default/services?includeObject=None", TABLE).json();
        assertThat(none.path("rows").get(0).has("object")).isFalse();
        JsonNode beta = server.get("/api/v1/namespaces/default/services", "application/json;as=Table;v=v1beta1;g=meta.k8s.io").json();
        assertThat(beta.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
    }

    @Test
    void customKindsPrintTheirColumnsBetweenNameAndAge() {
        server.post("/apis/example.com/v1/namespaces/default/websites", "application/json",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Website\",\"metadata\":{\"name\":\"site\"},\"spec\":{\"replicas\":2,\"image\":\"nginx\"}}");
        JsonNode table = server.get("/apis/example.com/v1/namespaces/default/websites", TABLE).json();
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "Replicas", "Image", "Age");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("site");
        assertThat(cells.get(1).asLong()).isEqualTo(2);
        assertThat(cells.get(2).asText()).isEqualTo("nginx");
        assertThat(cells.get(3).asText()).endsWith("s");
    }

    @Test
    void endpointsListAtMostThreeAddresses() throws Exception {
        JsonNode subsets = TestServer.MAPPER.readTree("[{\"addresses\":[{\"ip\":\"10.0.0.1\"},{\"ip\":\"10.0.0.2\"},{\"ip\":\"10.0.0.3\"},"
                + "{\"ip\":\"10.0.0.4\"}],\"ports\":[{\"port\":80}]}]");
        assertThat(BuiltinPrinters.formatEndpoints(subsets)).isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...");
        assertThat(BuiltinPrinters.formatEndpoints(TestServer.MAPPER.createArrayNode())).isEqualTo("<none>");
    }

    @Test
    void endpointSlicesShowAddressTypePortsAndAddresses() throws Exception {
        server.post("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices", "application/json",
                "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\",\"metadata\":{\"name\":\"web-abc\"},"
                        + "\"addressType\":\"IPv4\",\"ports\":[{\"name\":\"http\",\"port\":8080,\"protocol\":\"TCP\"}],"
                        + "\"endpoints\":[{\"addresses\":[\"10.0.0.1\"]},{\"addresses\":[\"10.0.0.2\"]},{\"addresses\":[\"10.0.0.3\"]},"
                        + "{\"addresses\":[\"10.0.0.4\"]}]}");
        JsonNode table = server.get("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices", TABLE).json();

        assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "AddressType", "Ports", "Endpoints", "Age");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(1).asText()).isEqualTo("IPv4");
        assertThat(cells.get(2).asText()).isEqualTo("8080");
        assertThat(cells.get(3).asText()).isEqualTo("10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...");
        assertThat(BuiltinPrinters.listWithMore(List.of())).isEqualTo("<unset>");
    }
}
