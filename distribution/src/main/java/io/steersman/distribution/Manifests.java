package io.steersman.distribution;

import io.steersman.api.codec.Codec;
import io.steersman.api.model.ApiObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads manifests as {@code kubectl apply -f} does: files, or every .yaml/.yml/.json file of a folder. */
final class Manifests {
    private Manifests() {}

    static List<ApiObject> read(List<Path> paths, Codec codec) throws IOException {
        List<ApiObject> objects = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    objects.addAll(codec.decodeYaml(reader));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
        }
        return objects;
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("the path \"" + path + "\" does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        }
    }
}
