package io.steersman.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.steersman.api.model.Status;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodecErrorsTest {
    private final Codec codec = Codec.DEFAULT;

    /** A field of a valid Deployment set to {@code value}, and what the error must say. */
    record WrongType(String yamlLine, String field, String message) {}

    static Stream<WrongType> wrongTypes() {
        return Stream.of(
                new WrongType("spec: {replicas: abc}", "spec.replicas", "expected an integer, got \"abc\""),
                new WrongType("spec: {replicas: \"3\"}", "spec.replicas", "expected an integer, got \"3\""),
                new WrongType("spec: {replicas: 1.5}", "spec.replicas", "expected an integer, got 1.5"),
                new WrongType("spec: {replicas: 3000000000}", "spec.replicas", "expected a 32-bit integer, got 3000000000"),
                new WrongType("spec: {paused: \"yes\"}", "spec.paused", "expected a boolean, got \"yes\""),
                new WrongType("spec: {template: {spec: {containers: {name: x}}}}", "spec.template.spec.containers",
                        "expected a list, got an object"),
                new WrongType("spec: {template: {spec: {containers: [{name: x, ports: [{containerPort: \"80\"}]}]}}}",
                        "spec.template.spec.containers[0].ports[0].containerPort", "expected an integer, got \"80\""),
                new WrongType("spec: {template: {spec: {containers: [{name: 7}]}}}",
                        "spec.template.spec.containers[0].name", "expected a string, got 7"),
                new WrongType("metadata: {name: web, labels: {app: 1}}", "metadata.labels[app]", "expected a string, got 1"),
                new WrongType("metadata: {name: web, creationTimestamp: yesterday}", "metadata.creationTimestamp",
                        "expected an RFC 3339 time, got \"yesterday\""),
                new WrongType("spec: {strategy: {rollingUpdate: {maxSurge: {}}}}", "spec.strategy.rollingUpdate.maxSurge",
                        "expected an integer or a string, got an object"),
                new WrongType("spec: {strategy: {rollingUpdate: {maxSurge: 2.5}}}", "spec.strategy.rollingUpdate.maxSurge",
                        "expected an integer or a string, got 2.5"),
                new WrongType("spec: {selector: [app]}", "spec.selector", "expected an object, got a list"),
                new WrongType("metadata: {name: web, labels: {app: null}}", "metadata.labels[app]", "must not be null"),
                new WrongType("spec: {template: {spec: {containers: [{name: x, args: [a, null]}]}}}",
                        "spec.template.spec.containers[0].args[1]", "must not be null"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsABadRequestNamingTheField(WrongType row) {
        String yaml = "apiVersion: apps/v1\nkind: Deployment\n" + row.yamlLine() + "\n";

        DecodeException e = catchThrowableOfType(DecodeException.class, () -> codec.decodeYaml(yaml));

        assertThat(e).as(row.toString()).isNotNull();
        assertThat(e.field()).isEqualTo(row.field());
        assertThat(e.getMessage()).endsWith(row.field() + ": " + row.message());
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("BadRequest");
        assertThat(e.status().details().causes()).singleElement()
                .satisfies(cause -> assertThat(cause.field()).isEqualTo(row.field()));
    }

    @Test
    void theMessageNamesTheKindAndTheObject() {
        String json = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":\"abc\"}}";

        assertThatThrownBy(() -> codec.decodeJson(json))
                .isInstanceOf(DecodeException.class)
                .hasMessage("Deployment \"web\": spec.replicas: expected an integer, got \"abc\"");
    }

    @Test
    void aMissingKindIsABadRequest() {
        assertThatThrownBy(() -> codec.decodeJson("{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("Object 'Kind' is missing in '{\"apiVersion\":\"v1\"")
                .satisfies(e -> assertThat(((DecodeException) e).code()).isEqualTo(400));
    }

    @Test
    void aMissingApiVersionIsABadRequest() {
        assertThatThrownBy(() -> codec.decodeYaml("kind: Pod\nmetadata: {name: x}\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("Object 'apiVersion' is missing in '");
    }

    @Test
    void anApiVersionThatIsNoStringIsABadRequest() {
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: 1\nkind: Pod\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("apiVersion: expected a string, got 1");
    }

    @Test
    void anUnknownKindNamesTheKindAndTheVersion() {
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: v1\nkind: Foo\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("no kind \"Foo\" is registered for version \"v1\"");
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: v1\nkind: Deployment\n"))
                .hasMessage("no kind \"Deployment\" is registered for version \"v1\"");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsABadRequest() {
        assertThatThrownBy(() -> codec.decodeYaml("- a\n- b\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("expected a JSON object, got a list");
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        assertThatThrownBy(() -> codec.decodeJson("{\"apiVersion\": \"v1\", "))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("json: line 1, column ");
    }

    @Test
    void malformedYamlIsABadRequestWithItsLine() {
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: v1\nkind: Pod\nmetadata: [\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("yaml: line ");
    }

    @Test
    void duplicateKeysAreRefusedInYamlAndJson() {
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: v1\nkind: Pod\nkind: Service\n"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("yaml: line 3: duplicate key: kind");
        assertThatThrownBy(() -> codec.decodeJson("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"kind\":\"Pod\"}"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("Duplicate field 'kind'");
    }

    @Test
    void yamlTagsThatBuildJavaObjectsAreRefused() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\ndata: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n";

        assertThatThrownBy(() -> codec.decodeYaml(yaml)).isInstanceOf(DecodeException.class).hasMessageStartingWith("yaml: ");
        assertThatThrownBy(() -> codec.decodeYaml("apiVersion: v1\nkind: ConfigMap\ndata: !custom {a: b}\n"))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void aBillionLaughsDocumentIsRefusedForItsAliases() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("lol").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }

        DecodeException e = catchThrowableOfType(DecodeException.class, () -> codec.decodeYaml(bomb.toString()));

        assertThat(e.getMessage()).isEqualTo("yaml: document contains excessive aliasing (more than 50 aliases of collections)");
        assertThat(e.code()).isEqualTo(400);
    }

    @Test
    void aHundredMegabyteDocumentIsRefusedAsTooLarge() {
        Reader hundredMegabytes = new RepeatingReader("apiVersion: v1\nkind: ConfigMap\ndata:\n", "  k: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\n",
                100L * 1024 * 1024);

        DecodeException e = catchThrowableOfType(DecodeException.class, () -> codec.decodeYaml(hundredMegabytes));

        assertThat(e.code()).isEqualTo(413);
        assertThat(e.reason()).isEqualTo("RequestEntityTooLarge");
        assertThat(e.getMessage()).isEqualTo("Request entity too large: the YAML document exceeds the limit of 3145728 characters");
    }

    @Test
    void aLongStreamOfSmallDocumentsIsRefusedAtTheStreamLimit() {
        Codec small = new Codec(codec.registry(), new Codec.Limits(1000, 5000, 50, 100));
        Reader manyDocuments = new RepeatingReader("", "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", 1_000_000);

        assertThatThrownBy(() -> small.decodeYaml(manyDocuments))
                .isInstanceOf(DecodeException.class)
                .hasMessage("Request entity too large: the YAML stream exceeds the limit of 5000 characters");
    }

    @Test
    void anOversizedJsonDocumentIsRefusedAsTooLarge() {
        Codec small = new Codec(codec.registry(), Codec.Limits.DEFAULT.withMaxDocumentChars(1024));
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"k\":\"" + "v".repeat(4096) + "\"}}";

        DecodeException e = catchThrowableOfType(DecodeException.class, () -> small.decodeJson(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.code()).isEqualTo(413);
        assertThat(e.getMessage()).isEqualTo("Request entity too large: the JSON document exceeds the limit of 1024 characters");
    }

    @Test
    void deepNestingIsRefusedInYamlAndJson() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(150) + "]".repeat(150) + "\n";
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"x\":" + "[".repeat(150) + "]".repeat(150) + "}";

        assertThatThrownBy(() -> codec.decodeYaml(yaml)).isInstanceOf(DecodeException.class)
                .hasMessage("yaml: document nests deeper than 100 levels");
        assertThatThrownBy(() -> codec.decodeJson(json)).isInstanceOf(DecodeException.class)
                .hasMessage("json: document nests deeper than 100 levels");
    }

    @Test
    void theStatusOfADecodeErrorIsAKubernetesStatus() {
        DecodeException e = catchThrowableOfType(DecodeException.class, () -> codec.decodeYaml("apiVersion: v1\nkind: Foo\n"));

        Status status = e.status();
        assertThat(status.kind()).isEqualTo("Status");
        assertThat(status.status()).isEqualTo(Status.FAILURE);
        assertThat(status.code()).isEqualTo(400);
        assertThat(status.reason()).isEqualTo("BadRequest");
        assertThat(codec.toJsonString(status)).contains("\"reason\":\"BadRequest\"").doesNotContain("details");
    }

    /** A prefix, then {@code chunk} repeated until {@code total} characters: a huge document without the heap it would take. */
    static final class RepeatingReader extends Reader {
        private final String prefix;
        private final String chunk;
        private final long total;
        private long position;

        RepeatingReader(String prefix, String chunk, long total) {
            this.prefix = prefix;
            this.chunk = chunk;
            this.total = total;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++, position++) {
                buffer[offset + i] = position < prefix.length()
                        ? prefix.charAt((int) position)
                        : chunk.charAt((int) ((position - prefix.length()) % chunk.length()));
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
