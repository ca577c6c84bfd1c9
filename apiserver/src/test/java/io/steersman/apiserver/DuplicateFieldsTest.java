package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateFieldsTest {

    record Case(String json, List<String> duplicates) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case("{\"a\":1,\"b\":2}", List.of()),
                new Case("{\"a\":1,\"a\":2}", List.of("a")),
                new Case("{\"metadata\":{\"name\":\"x\",\"name\":\"y\"},\"kind\":\"Pod\",\"kind\":\"Pod\"}", List.of("metadata.name", "kind")),
                new Case("{\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\",\"image\":\"i\",\"image\":\"j\"}]}}",
                        List.of("spec.containers[1].image")),
                new Case("{\"a\":[[1,{\"k\":1,\"k\":2}],{\"k\":1}],\"b\":{\"a\":1}}", List.of("a[0][1].k")),
                new Case("{\"a\":{\"x\":1},\"b\":{\"x\":1},\"a\":{}}", List.of("a")),
                new Case("{\"a\":", List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void findsTheFieldsAnObjectNamesTwiceWithUpstreamPaths(Case c) {
        assertThat(DuplicateFields.of(c.json().getBytes(StandardCharsets.UTF_8))).isEqualTo(c.duplicates());
    }
}
