package io.steersman.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.FieldError;
import io.steersman.api.resource.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests users bring first and objects a real API server (1.32) served: after defaulting
 * they are valid, and defaulting what upstream already defaulted changes nothing.
 */
class ManifestsTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = ManifestsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends ApiObject> ResourceType<T> typeOf(T object) {
        return (ResourceType<T>) Codec.DEFAULT.registry().forKind(object.apiVersion(), object.kind()).orElseThrow();
    }

    private static <T extends ApiObject> List<FieldError> defaultAndValidate(T object) {
        ResourceType<T> type = typeOf(object);
        T defaulted = type.defaulter().apply(object);
        return type.validator().validate(defaulted, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/fixtures/nginx-deployment.yaml", "/fixtures/nginx-service.yaml", "/fixtures/web-statefulset.yaml",
        "/fixtures/nginx-all.yaml"})
    void seedManifestsAreValidOnceDefaulted(String path) throws IOException {
        for (ApiObject object : Codec.DEFAULT.decodeYaml(resource(path))) {
            ApiObject placed = object.namespace() == null && typeOf(object).namespaced()
                    ? object.withMetadata(object.metadata().withNamespace("default")) : object;
            assertThat(Fixtures.printed(defaultAndValidate(placed))).as(path + " " + object.kind()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/fixtures/kubectl/sts-web.json", "/fixtures/kubectl/pvc.json", "/fixtures/kubectl/service-headless.json"})
    void objectsAServerDefaultedStayAsTheyAre(String path) throws IOException {
        ApiObject served = Codec.DEFAULT.decodeJson(resource(path));
        assertThat(typeOf(served).defaulter().apply(served)).as(path).isEqualTo(served);
    }

    /** The pod sample came from a server without pod defaults (no enableServiceLinks, priority): only its validity counts. */
    @ParameterizedTest
    @ValueSource(strings = {"/fixtures/kubectl/sts-web.json", "/fixtures/kubectl/pvc.json", "/fixtures/kubectl/service-headless.json",
        "/fixtures/kubectl/pod-web-0.json"})
    void objectsAServerServedAreValid(String path) throws IOException {
        ApiObject served = Codec.DEFAULT.decodeJson(resource(path));
        ResourceType<ApiObject> type = typeOf(served);
        assertThat(Fixtures.printed(type.validator().validate(served, null))).as(path).isEmpty();
    }
}
