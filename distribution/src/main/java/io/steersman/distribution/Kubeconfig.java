package io.steersman.distribution;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the kubeconfig that points kubectl (and any client-go or fabric8 client) at this control
 * plane: one cluster, user and context, all named {@code steersman}, carrying the CA that signed the
 * server's certificate and the bearer token. Written atomically with mode 0600, as it holds a credential.
 */
final class Kubeconfig {
    static final String NAME = "steersman";

    private Kubeconfig() {}

    static void write(Path path, URI server, String caPem, String token) throws IOException {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", server.toString());
        if (caPem != null) {
            cluster.put("certificate-authority-data",
                    Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", NAME);
        context.put("user", NAME);
        context.put("namespace", "default");

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", NAME, "cluster", cluster)));
        config.put("users", List.of(Map.of("name", NAME, "user", Map.of("token", token))));
        config.put("contexts", List.of(Map.of("name", NAME, "context", context)));
        config.put("current-context", NAME);
        config.put("preferences", Map.of());

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(options).dump(config);

        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, yaml, StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems: the user's profile directory protects the file.
        }
    }
}
