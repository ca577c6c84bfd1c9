package io.steersman.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageCatalogTest {
    private final ImageCatalog defaults = ImageCatalog.withDefaults(null);

    private boolean admits(ImageCatalog catalog, String image) {
        return catalog.admits(ImageReference.parse(image).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:1.9.1", "nginx:1.14.2", "nginx:1.25", "nginx:1.27", "docker.io/library/nginx:latest",
            "redis:7", "busybox:1.36", "postgres:16", "httpd:2.4", "alpine:3.20", "ubuntu:22.04", "mysql:8.0",
            "registry.k8s.io/nginx-slim:0.8", "registry.k8s.io/nginx-slim:0.24", "registry.k8s.io/pause:3.10",
            "nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
    void commonImagesWithRealTagsArePulled(String image) {
        assertThat(admits(defaults, image)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx:1.91", "nginx:1.255", "ngnix:1.25", "redis:99", "example.com/team/app:1.0",
            "unknown@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
    void mistypedOrUnknownImagesAreNot(String image) {
        assertThat(admits(defaults, image)).isFalse();
    }

    @Test
    void settingsAddTagsWholeRepositoriesOrEverything() {
        ImageCatalog extended = ImageCatalog.withDefaults("example.com/team/app:1.0, myapp:*");
        assertThat(admits(extended, "example.com/team/app:1.0")).isTrue();
        assertThat(admits(extended, "example.com/team/app:2.0")).isFalse();
        assertThat(admits(extended, "docker.io/library/myapp:anything")).isTrue();
        assertThat(admits(extended, "nginx:1.25")).isTrue();
        assertThat(admits(ImageCatalog.of("*"), "example.com/whatever:9")).isTrue();
        assertThat(admits(ImageCatalog.of("busybox"), "busybox:latest")).isTrue();
    }

    @Test
    void aMalformedSettingNamesTheEntry() {
        assertThatThrownBy(() -> ImageCatalog.of("ok:1, Bad Entry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Bad Entry\"");
    }
}
