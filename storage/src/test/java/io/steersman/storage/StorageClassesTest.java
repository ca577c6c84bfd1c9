package io.steersman.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which class is the default when several claim to be (upstream's GetDefaultClass since 1.26: the newest). */
class StorageClassesTest {

    record C(String name, String annotation, String value, long created) {
        StorageClass toClass() {
            Map<String, String> annotations = annotation == null ? Map.of() : Map.of(annotation, value);
            return StorageClass.of(ObjectMeta.builder().name(name).annotations(annotations)
                    .creationTimestamp(Instant.ofEpochSecond(created)).build(), "steersman.io/hostpath");
        }
    }

    record Row(String why, List<C> classes, String expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static final String GA = "storageclass.kubernetes.io/is-default-class";
    static final String BETA = "storageclass.beta.kubernetes.io/is-default-class";

    static Stream<Row> rows() {
        return Stream.of(
                new Row("none is annotated", List.of(new C("a", null, null, 1)), null),
                new Row("only \"true\" counts", List.of(new C("a", GA, "yes", 1), new C("b", GA, "false", 2)), null),
                new Row("the one default", List.of(new C("a", null, null, 1), new C("b", GA, "true", 2)), "b"),
                new Row("the beta annotation counts", List.of(new C("old", BETA, "true", 1)), "old"),
                new Row("the newest of several", List.of(new C("old", GA, "true", 1), new C("new", GA, "true", 5)), "new"),
                new Row("same age: the first by name", List.of(new C("b", GA, "true", 3), new C("a", GA, "true", 3)), "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void picksTheDefaultClass(Row row) {
        assertThat(StorageClasses.defaultClass(row.classes().stream().map(C::toClass).toList()).map(StorageClass::name).orElse(null))
                .isEqualTo(row.expected());
    }
}
