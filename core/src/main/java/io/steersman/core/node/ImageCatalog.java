package io.steersman.core.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The images the simulated node can "pull". A reference starts when its repository and tag are
 * catalogued (any digest of a catalogued repository is admitted); anything else fails to pull, as
 * {@code nginx:1.91} does on a real node. Immutable and thread-safe.
 */
final class ImageCatalog {

    private static final String ANY_TAG = "*";
    private static final String RESOURCE = "image-catalog.txt";

    private final Map<String, Set<String>> tagsByRepository;
    private final boolean admitsEverything;

    private ImageCatalog(Map<String, Set<String>> tagsByRepository, boolean admitsEverything) {
        this.tagsByRepository = tagsByRepository;
        this.admitsEverything = admitsEverything;
    }

    /** The built-in catalog of common public images, extended by {@code extra} (the {@code steersman.node.images} setting). */
    static ImageCatalog withDefaults(String extra) {
        Map<String, Set<String>> tags = new HashMap<>();
        readDefaults(tags);
        boolean everything = addEntries(tags, extra);
        return new ImageCatalog(freeze(tags), everything);
    }

    /** Only the entries in {@code entries}: comma-separated {@code repo:tag}, {@code repo:*} or {@code *}. */
    static ImageCatalog of(String entries) {
        Map<String, Set<String>> tags = new HashMap<>();
        boolean everything = addEntries(tags, entries);
        return new ImageCatalog(freeze(tags), everything);
    }

    /** True when the node can pull {@code reference}. */
    boolean admits(ImageReference reference) {
        if (admitsEverything) {
            return true;
        }
        Set<String> tags = tagsByRepository.get(reference.repository());
        if (tags == null) {
            return false;
        }
        // A digest names the content; the runtime pulls by digest and ignores any tag beside it.
        return reference.digest() != null || tags.contains(ANY_TAG) || tags.contains(reference.tag());
    }

    private static boolean addEntries(Map<String, Set<String>> tags, String entries) {
        boolean everything = false;
        if (entries == null) {
            return false;
        }
        for (String raw : entries.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals(ANY_TAG)) {
                everything = true;
                continue;
            }
            String tag = null;
            String name = entry;
            if (entry.endsWith(":" + ANY_TAG)) {
                tag = ANY_TAG;
                name = entry.substring(0, entry.length() - 2);
            }
            ImageReference reference = ImageReference.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "steersman.node.images: \"" + raw.strip() + "\" is not an image reference (repo:tag, repo:* or *)"));
            add(tags, reference.repository(), tag != null ? tag : reference.tag() != null ? reference.tag() : ANY_TAG);
        }
        return everything;
    }

    private static void readDefaults(Map<String, Set<String>> tags) {
        try (InputStream in = ImageCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default image catalog " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] words = line.strip().split("\\s+");
                if (words[0].isEmpty() || words[0].startsWith("#")) {
                    continue;
                }
                String repository = ImageReference.parse(words[0]).map(ImageReference::repository)
                        .orElseThrow(() -> new IllegalStateException(RESOURCE + ": bad repository " + words[0]));
                for (int i = 1; i < words.length; i++) {
                    add(tags, repository, words[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Map<String, Set<String>> tags, String repository, String tag) {
        tags.computeIfAbsent(repository, r -> new HashSet<>()).add(tag);
    }

    private static Map<String, Set<String>> freeze(Map<String, Set<String>> tags) {
        Map<String, Set<String>> copy = new HashMap<>();
        tags.forEach((repository, set) -> copy.put(repository, Set.copyOf(set)));
        return Map.copyOf(copy);
    }
}
