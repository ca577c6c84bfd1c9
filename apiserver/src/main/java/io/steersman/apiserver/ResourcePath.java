package io.steersman.apiserver;

import io.steersman.api.resource.ResourceRegistry;
import io.steersman.api.resource.ResourceType;
import java.util.Optional;
import java.util.Set;

/**
 * A request path that addresses a kind: {@code /api/v1/...} or {@code /apis/<group>/<version>/...},
 * then optionally {@code watch/}, optionally {@code namespaces/<ns>/}, then
 * {@code <plural>[/<name>[/<subresource>]]}. A namespace object itself is {@code namespaces/<name>}.
 * {@code /api/v1/namespaces/<ns>/bindings} is the pods' {@code binding} subresource without a name.
 */
record ResourcePath(ResourceType<?> type, String namespace, String name, String subresource, boolean watchPath) {
    /**
     * The pods' subresources that a kubelet serves upstream (streams from running containers). Steersman
     * runs no containers; they are parsed so that the answer can say so instead of "could not find".
     */
    static final Set<String> CONTAINER_SUBRESOURCES = Set.of("exec", "attach", "portforward", "log", "proxy");

    /** Whether this path is one of the pods' container subresources ({@link #CONTAINER_SUBRESOURCES}). */
    boolean containerSubresource() {
        return subresource != null && isPods(type) && CONTAINER_SUBRESOURCES.contains(subresource);
    }

    boolean collection() {
        return name == null;
    }

    /** Empty when the path is not a resource path of a served kind; 404 when it names a kind wrongly. */
    static Optional<ResourcePath> parse(String path, ResourceRegistry registry) {
        String[] s = path.replaceAll("/+$", "").split("/");
        // s[0] is "" (leading slash)
        String group;
        int at;
        String version;
        if (s.length >= 4 && s[1].equals("api")) {
            group = "";
            version = s[2];
            at = 3;
        } else if (s.length >= 5 && s[1].equals("apis")) {
            group = s[2];
            version = s[3];
            at = 4;
        } else {
            return Optional.empty();
        }
        boolean watch = false;
        if (s[at].equals("watch")) {
            watch = true;
            at++;
        }
        String namespace = null;
        if (group.isEmpty() && !watch && s.length - at == 3 && s[at].equals("namespaces") && s[at + 2].equals("bindings")) {
            // The older form of pods/binding: the pod is named by the Binding's metadata.name.
            ResourceType<?> pods = registry.forResource(group, version, "pods").orElseThrow(Errors::noRoute);
            return Optional.of(new ResourcePath(pods, s[at + 1], null, "binding", false));
        }
        if (s.length - at >= 3 && s[at].equals("namespaces")) {
            Optional<ResourceType<?>> inner = registry.forResource(group, version, s[at + 2]);
            if (inner.isPresent() && inner.get().namespaced()) {
                namespace = s[at + 1];
                at += 2;
            }
        }
        if (at >= s.length) {
            throw Errors.noRoute();
        }
        ResourceType<?> type = registry.forResource(group, version, s[at])
                .orElseThrow(Errors::noRoute);
        int rest = s.length - at - 1;
        if (rest > 2 || (watch && rest > 1)) {
            throw Errors.noRoute();
        }
        if (namespace == null && type.namespaced() && rest > 0) {
            throw Errors.noRoute();
        }
        String name = rest >= 1 ? s[at + 1] : null;
        String subresource = rest == 2 ? s[at + 2] : null;
        if (subresource != null && !subresource.equals("status") && !subresource.equals("scale")
                && !(isPods(type) && (subresource.equals("binding") || CONTAINER_SUBRESOURCES.contains(subresource)))) {
            throw Errors.noRoute();
        }
        if (("status".equals(subresource) && !type.hasStatus()) || ("scale".equals(subresource) && !type.hasScale())) {
            throw Errors.noRoute();
        }
        if (name != null && name.isEmpty()) {
            throw Errors.noRoute();
        }
        return Optional.of(new ResourcePath(type, namespace, name, subresource, watch));
    }

    /** The core pods, the one kind with a {@code binding} subresource. */
    static boolean isPods(ResourceType<?> type) {
        return type.group().isEmpty() && type.plural().equals("pods");
    }
}
