package io.steersman.core.node;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An image reference normalised as docker and containerd do: {@code nginx} is
 * {@code docker.io/library/nginx:latest}, {@code bitnami/redis:7} is {@code docker.io/bitnami/redis:7},
 * {@code registry.k8s.io/pause:3.10} keeps its registry. A reference with a digest and no tag has
 * a null tag (a digest pins the image, so {@code latest} is not implied).
 *
 * @param repository the full repository: {@code docker.io/library/nginx}
 * @param tag        the tag, or null when only a digest is given
 * @param digest     {@code sha256:...}, or null
 */
record ImageReference(String repository, String tag, String digest) {

    private static final String DEFAULT_DOMAIN = "docker.io";
    private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_NAMESPACE = "library/";
    // distribution/reference: path components are lowercase alphanumerics joined by '.', '_', '__' or '-'.
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    /** Every container start and status pass parses its image: remember the few a workload uses. */
    private static final Map<String, Optional<ImageReference>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_MAX = 1024;
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    /**
     * Parses {@code reference} as a pod's {@code image} field carries it; empty when it is not a
     * valid reference (the kubelet reports such a container as {@code InvalidImageName}).
     */
    static Optional<ImageReference> parse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Optional<ImageReference> known = PARSED.get(reference);
        if (known == null) {
            known = parseUncached(reference);
            if (PARSED.size() >= PARSED_MAX) {
                PARSED.clear(); // a workload uses a handful of images; a flood of distinct ones just starts over
            }
            PARSED.put(reference, known);
        }
        return known;
    }

    private static Optional<ImageReference> parseUncached(String reference) {
        if (reference == null || reference.isBlank() || !reference.equals(reference.strip())) {
            return Optional.empty();
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.empty();
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.empty();
            }
        }
        String repository = normalise(rest);
        if (repository == null) {
            return Optional.empty();
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return Optional.of(new ImageReference(repository, tag, digest));
    }

    /** {@code docker.io/library/nginx} from {@code nginx}; null when a part is malformed. */
    private static String normalise(String name) {
        if (name.isEmpty()) {
            return null;
        }
        String domain;
        String path;
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        // docker's splitDockerDomain: the first component is a registry only if it looks like a host.
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = DEFAULT_DOMAIN;
            path = name;
        } else {
            domain = first;
            path = name.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && path.indexOf('/') < 0) {
            path = OFFICIAL_NAMESPACE + path;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return null;
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                return null;
            }
        }
        return domain + "/" + path;
    }

    /** The fully qualified reference: {@code docker.io/library/nginx:1.25}, with {@code @digest} when there is one. */
    String canonical() {
        StringBuilder out = new StringBuilder(repository);
        if (tag != null) {
            out.append(':').append(tag);
        }
        if (digest != null) {
            out.append('@').append(digest);
        }
        return out.toString();
    }
}
