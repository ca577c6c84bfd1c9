package io.steersman.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    record Row(String reference, String canonical) {}

    static Stream<Row> normalisedAsDockerDoes() {
        String digest = "sha256:" + "a".repeat(64);
        return Stream.of(
                new Row("nginx", "docker.io/library/nginx:latest"),
                new Row("nginx:1.9.1", "docker.io/library/nginx:1.9.1"),
                new Row("library/nginx:1.25", "docker.io/library/nginx:1.25"),
                new Row("docker.io/nginx:1.25", "docker.io/library/nginx:1.25"),
                new Row("index.docker.io/library/nginx", "docker.io/library/nginx:latest"),
                new Row("bitnami/redis:7.2", "docker.io/bitnami/redis:7.2"),
                new Row("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"),
                new Row("localhost/app:dev", "localhost/app:dev"),
                new Row("localhost:5000/app", "localhost:5000/app:latest"),
                new Row("nginx@" + digest, "docker.io/library/nginx@" + digest),
                new Row("nginx:1.25@" + digest, "docker.io/library/nginx:1.25@" + digest));
    }

    @ParameterizedTest
    @MethodSource
    void normalisedAsDockerDoes(Row row) {
        assertThat(ImageReference.parse(row.reference())).map(ImageReference::canonical).contains(row.canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " nginx", "Nginx:1.0", "nginx:", "nginx:-bad", "nginx@sha256:xyz", "a//b", "nginx:1.0:2"})
    void malformedReferencesAreRejected(String reference) {
        assertThat(ImageReference.parse(reference)).isEmpty();
    }

    @Test
    void aDigestWithoutTagImpliesNoTag() {
        assertThat(ImageReference.parse("nginx@sha256:" + "0".repeat(64)).orElseThrow().tag()).isNull();
    }
}
