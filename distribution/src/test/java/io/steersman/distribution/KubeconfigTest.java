package io.steersman.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class KubeconfigTest {

    @Test
    void namesOneSteersmanContextWithTheCaAndTokenReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/kubeconfig");
        Kubeconfig.write(file, URI.create("https://127.0.0.1:6443"), "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n", "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Map<String, Object> config = new Yaml().load(Files.readString(file));
        assertThat(config).containsEntry("current-context", "steersman").containsEntry("kind", "Config");
        @SuppressWarnings("unchecked")
        Map<String, Object> cluster = (Map<String, Object>) ((List<Map<String, Object>>) config.get("clusters")).get(0).get("cluster");
        assertThat(cluster).containsEntry("server", "https://127.0.0.1:6443").containsKey("certificate-authority-data");
        assertThat(Files.readString(file)).contains("token: s3cret");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }
}
