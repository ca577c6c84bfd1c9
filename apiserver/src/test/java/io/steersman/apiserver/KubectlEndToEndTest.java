package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.core.ConfigMap;
import io.steersman.api.resource.BuiltinResources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl 1.32 over HTTPS with a bearer token against the in-process server (store only, no controllers). */
class KubectlEndToEndTest {
    static TestServer server;
    static Kubectl kubectl;

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
              labels:
                app: %s
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: %s
              template:
                metadata:
                  labels:
                    app: %s
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    ports:
                    - containerPort: 80
            """;

    static String deployment(String name) {
        return DEPLOYMENT.formatted(name, name, name, name);
    }

    @BeforeAll
    static void start(@TempDir Path dir) {
        assumeTrue(Kubectl.available(), "kubectl is not installed");
        server = TestServer.https();
        kubectl = new Kubectl(server.server, server.certificates, TestServer.TOKEN, dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Kubectl.Result ok(String... args) {
        Kubectl.Result result = kubectl.run(args);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    static Deployment stored(String name) {
        return server.store().get(BuiltinResources.DEPLOYMENTS, "default", name).orElseThrow();
    }

    @Test
    void applyCreatesThenPatchesAndGetPrintsTables() {
        Path file = kubectl.file("apply/web.yaml", deployment("web"));
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("deployment.apps/web created\n");
        assertThat(stored("web").metadata().annotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");
        kubectl.file("apply/web.yaml", deployment("web").replace("replicas: 3", "replicas: 5"));
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("deployment.apps/web configured\n");
        assertThat(stored("web").spec().replicas()).isEqualTo(5);
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("deployment.apps/web unchanged\n");
        String table = ok("get", "deploy").out();
        assertThat(table).startsWith("NAME").contains("READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        assertThat(table).containsPattern("web\\s+0/5\\s+0\\s+0\\s+\\d+s");
        assertThat(ok("get", "deployment", "web", "-o", "wide").out()).contains("CONTAINERS", "IMAGES", "SELECTOR", "nginx:1.14.2", "app=web");
        assertThat(ok("get", "deploy", "web", "-o", "name").out()).isEqualTo("deployment.apps/web\n");
        assertThat(ok("get", "deploy", "web", "-o", "yaml").out()).contains("name: web", "replicas: 5");
        assertThat(ok("get", "deploy", "web", "-o", "json").out()).contains("\"kind\": \"Deployment\"");
        assertThat(ok("get", "deploy", "-l", "app=web", "-o", "name").out()).isEqualTo("deployment.apps/web\n");
        assertThat(ok("get", "deploy", "-l", "app=nothing").err()).contains("No resources found in default namespace.");
        assertThat(ok("get", "deploy", "--field-selector", "metadata.name=web", "-o", "name").out()).isEqualTo("deployment.apps/web\n");
        assertThat(ok("get", "deploy", "-A").out()).contains("NAMESPACE").containsPattern("default\\s+web");
        assertThat(ok("get", "all").out()).contains("deployment.apps/web");
    }

    @Test
    void applyMultiDocumentFilesAndDirectories() {
        kubectl.file("multi/a.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: nginx
                spec:
                  clusterIP: None
                  selector:
                    app: nginx
                  ports:
                  - port: 80
                    name: web
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: multi-a
                data:
                  key: value
                """);
        kubectl.file("multi/b.yaml", deployment("multi-b"));
        String out = ok("apply", "-f", kubectl.dir.resolve("multi").toString()).out();
        assertThat(out).contains("service/nginx created", "configmap/multi-a created", "deployment.apps/multi-b created");
        assertThat(ok("get", "svc", "nginx").out()).containsPattern("nginx\\s+ClusterIP\\s+None\\s+<none>\\s+80/TCP");
        assertThat(server.store().get(BuiltinResources.CONFIG_MAPS, "default", "multi-a").map(ConfigMap::data))
                .contains(Map.of("key", "value"));
    }

    @Test
    void createRefusesExistingObjects() {
        Path file = kubectl.file("create/c.yaml", deployment("created"));
        assertThat(ok("create", "-f", file.toString()).out()).isEqualTo("deployment.apps/created created\n");
        Kubectl.Result again = kubectl.run("create", "-f", file.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("Error from server (AlreadyExists)", "deployments.apps \"created\" already exists");
    }

    @Test
    void serverSideApplyCreatesUpdatesAndReportsConflicts() {
        Path file = kubectl.file("ssa/s.yaml", deployment("ssa"));
        assertThat(ok("apply", "--server-side", "-f", file.toString()).out()).isEqualTo("deployment.apps/ssa serverside-applied\n");
        assertThat(stored("ssa").metadata().managedFields()).anySatisfy(entry -> {
            assertThat(entry.get("manager")).isEqualTo("kubectl");
            assertThat(entry.get("operation")).isEqualTo("Apply");
        });
        kubectl.file("ssa/s.yaml", deployment("ssa").replace("replicas: 3", "replicas: 2"));
        assertThat(ok("apply", "--server-side", "-f", file.toString()).out()).isEqualTo("deployment.apps/ssa serverside-applied\n");
        assertThat(stored("ssa").spec().replicas()).isEqualTo(2);
        kubectl.file("ssa/other.yaml", deployment("ssa").replace("replicas: 3", "replicas: 7"));
        Kubectl.Result conflict = kubectl.run("apply", "--server-side", "--field-manager=other", "-f", kubectl.dir.resolve("ssa/other.yaml").toString());
        assertThat(conflict.code()).as(conflict.toString()).isEqualTo(1);
        assertThat(conflict.err()).contains("conflict");
        assertThat(ok("apply", "--server-side", "--force-conflicts", "--field-manager=other", "-f",
                kubectl.dir.resolve("ssa/other.yaml").toString()).out()).isEqualTo("deployment.apps/ssa serverside-applied\n");
        assertThat(stored("ssa").spec().replicas()).isEqualTo(7);
    }

    @Test
    void getWatchPrintsARowPerChangeAndKeepsTheStreamOpen() throws Exception {
        ok("apply", "-f", kubectl.file("watch/w.yaml", deployment("watched")).toString());
        Process watch = kubectl.start("get", "deployment", "watched", "-w");
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(watch.getInputStream()))) {
            assertThat(readLine(lines)).startsWith("NAME").contains("READY");
            assertThat(readLine(lines)).containsPattern("watched\\s+0/3");
            server.patch("/apis/apps/v1/namespaces/default/deployments/watched/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":6}}");
            assertThat(readLine(lines)).containsPattern("watched\\s+0/6");
            server.patch("/apis/apps/v1/namespaces/default/deployments/watched/status", "application/merge-patch+json",
                    "{\"status\":{\"readyReplicas\":2}}");
            assertThat(readLine(lines)).containsPattern("watched\\s+2/6");
            assertThat(watch.isAlive()).isTrue();
        } finally {
            watch.destroy();
            watch.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String readLine(java.io.BufferedReader lines) throws Exception {
        String line = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(line).as("kubectl get -w ended").isNotNull();
        return line;
    }

    @Test
    void scaleSetImageLabelAnnotateAndPatch() {
        ok("apply", "-f", kubectl.file("ops/ops.yaml", deployment("ops")).toString());
        assertThat(ok("scale", "deployment", "ops", "--replicas=4").out()).isEqualTo("deployment.apps/ops scaled\n");
        assertThat(stored("ops").spec().replicas()).isEqualTo(4);
        assertThat(ok("set", "image", "deployment/ops", "nginx=nginx:1.91").out()).isEqualTo("deployment.apps/ops image updated\n");
        assertThat(stored("ops").spec().template().spec().containers().get(0).image()).isEqualTo("nginx:1.91");
        assertThat(ok("label", "deployment", "ops", "tier=web").out()).isEqualTo("deployment.apps/ops labeled\n");
        assertThat(stored("ops").metadata().labels()).containsEntry("tier", "web");
        assertThat(ok("annotate", "deployment", "ops", "note=hello").out()).isEqualTo("deployment.apps/ops annotated\n");
        assertThat(stored("ops").metadata().annotations()).containsEntry("note", "hello");
        ok("patch", "deployment", "ops", "-p", "{\"spec\":{\"replicas\":2}}");
        assertThat(stored("ops").spec().replicas()).isEqualTo(2);
        ok("patch", "deployment", "ops", "--type=merge", "-p", "{\"spec\":{\"paused\":true}}");
        assertThat(stored("ops").spec().paused()).isTrue();
        ok("patch", "deployment", "ops", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]");
        assertThat(stored("ops").spec().replicas()).isEqualTo(1);
        Kubectl.Result invalid = kubectl.run("scale", "deployment", "ops", "--replicas=-1");
        assertThat(invalid.code()).isNotZero();
    }

    @Test
    void editWithAnEditorScript() {
        ok("apply", "-f", kubectl.file("edit/e.yaml", deployment("edited")).toString());
        Path editor = kubectl.file("edit/editor.sh", "#!/bin/sh\nsed -i 's/replicas: 3/replicas: 2/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        Kubectl.Result result = kubectl.run(null, Map.of("EDITOR", editor.toString(), "KUBE_EDITOR", editor.toString()),
                "edit", "deployment/edited");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("deployment.apps/edited edited\n");
        assertThat(stored("edited").spec().replicas()).isEqualTo(2);
    }

    @Test
    void describeDeleteAndApiResources() {
        ok("apply", "-f", kubectl.file("del/d.yaml", deployment("doomed")).toString());
        assertThat(ok("describe", "deployment", "doomed").out()).contains("Name:", "doomed", "Replicas:", "nginx:1.14.2");
        assertThat(ok("delete", "-f", kubectl.dir.resolve("del/d.yaml").toString()).out()).isEqualTo("deployment.apps \"doomed\" deleted\n");
        assertThat(server.store().get(BuiltinResources.DEPLOYMENTS, "default", "doomed")).isEmpty();
        ok("apply", "-f", kubectl.file("del/l.yaml", deployment("labelled")).toString());
        assertThat(ok("delete", "deployment", "-l", "app=labelled").out()).isEqualTo("deployment.apps \"labelled\" deleted\n");
        ok("apply", "-f", kubectl.file("del/n.yaml", deployment("named")).toString());
        assertThat(ok("delete", "deployment", "named").out()).isEqualTo("deployment.apps \"named\" deleted\n");
        Kubectl.Result missing = kubectl.run("get", "deployment", "named");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Error from server (NotFound): deployments.apps \"named\" not found");
        String resources = ok("api-resources").out();
        assertThat(resources).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment");
        assertThat(resources).containsPattern("websites\\s+ws\\s+example.com/v1\\s+true\\s+Website");
        assertThat(kubectl.run("explain", "deployment").code()).isZero();
    }

    @Test
    void waitForAConditionSetThroughTheStatusSubresource() {
        ok("apply", "-f", kubectl.file("wait/w.yaml", deployment("waited")).toString());
        server.patch("/apis/apps/v1/namespaces/default/deployments/waited/status", "application/merge-patch+json",
                "{\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\",\"reason\":\"MinimumReplicasAvailable\"}]}}");
        assertThat(ok("wait", "--for=condition=Available", "deployment/waited", "--timeout=20s").out())
                .isEqualTo("deployment.apps/waited condition met\n");
    }

    @Test
    void protobufGeneratorCommandsGetAHelpfulError() {
        Kubectl.Result result = kubectl.run("create", "deployment", "gen", "--image=nginx");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("--dry-run=client -o yaml | kubectl apply -f -");
        Kubectl.Result generated = kubectl.run("create", "deployment", "gen", "--image=nginx", "--dry-run=client", "-o", "yaml");
        assertThat(kubectl.runWithInput(generated.out(), "apply", "-f", "-").out()).isEqualTo("deployment.apps/gen created\n");
    }

    @Test
    void customKindsWorkLikeBuiltIns() {
        Path file = kubectl.file("custom/site.yaml", """
                apiVersion: example.com/v1
                kind: Website
                metadata:
                  name: site
                spec:
                  replicas: 2
                  image: nginx
                """);
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("website.example.com/site created\n");
        assertThat(ok("get", "ws").out()).containsPattern("site\\s+2\\s+\\d+s");
        kubectl.file("custom/site.yaml", Files_read(file).replace("replicas: 2", "replicas: 3"));
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("website.example.com/site configured\n");
        assertThat(ok("scale", "website", "site", "--replicas=5").out()).isEqualTo("website.example.com/site scaled\n");
        assertThat(ok("get", "website", "site", "-o", "jsonpath={.spec.replicas}").out()).isEqualTo("5");
    }

    @Test
    void applyOfAKindTheServerDoesNotServeSaysSoAsUpstream() {
        Path file = kubectl.file("unknown/foo.yaml", """
                apiVersion: example.com/v1
                kind: Foo
                metadata:
                  name: my-foo
                spec:
                  size: 3
                """);
        String expected = "error: resource mapping not found for name: \"my-foo\" namespace: \"\" from \"" + file
                + "\": no matches for kind \"Foo\" in version \"example.com/v1\"\nensure CRDs are installed first\n";
        String path = file.toString();
        for (String[] command : new String[][] {{"apply", "-f", path}, {"create", "-f", path}, {"apply", "--server-side", "-f", path}}) {
            Kubectl.Result result = kubectl.run(command);
            assertThat(result.code()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).as(String.join(" ", command)).isEqualTo(expected);
        }
    }

    @Test
    void aFieldSelectorOnAFieldTheKindCannotSelectOnIsABadRequest() {
        Kubectl.Result result = kubectl.run("get", "pods", "--field-selector", "spec.foo=bar");
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\","
                + " field selector \"spec.foo=bar\": field label not supported: spec.foo\n");
        assertThat(ok("get", "pods", "--field-selector", "status.phase=Running").err()).isEqualTo("No resources found in default namespace.\n");
    }

    @Test
    void applyOfAListAppliesEachItem() {
        Path file = kubectl.file("list/cms.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: listed-1
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: listed-2
                """);
        assertThat(ok("apply", "-f", file.toString()).out()).isEqualTo("configmap/listed-1 created\nconfigmap/listed-2 created\n");
        assertThat(server.store().get(BuiltinResources.CONFIG_MAPS, "default", "listed-2")).isPresent();
    }

    private static String Files_read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
