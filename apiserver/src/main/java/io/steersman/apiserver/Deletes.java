package io.steersman.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.DeleteOptions;

/** DeleteOptions from a request's body ({@code {"propagationPolicy":"Background"}}) or query, as upstream reads them. */
final class Deletes {
    record Request(DeleteOptions options, boolean dryRun) {}

    private Deletes() {}

    static Request options(Exchange ex) {
        byte[] body = ex.body();
        String policy = ex.query("propagationPolicy");
        String grace = ex.query("gracePeriodSeconds");
        String orphan = ex.query("orphanDependents");
        String uid = null;
        String resourceVersion = null;
        boolean dryRun = RequestOptions.dryRun(ex);
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            MediaType type = ex.contentType();
            if (type != null && type.is(MediaType.PROTOBUF)) {
                throw Errors.protobufBody();
            }
            JsonNode tree = type != null && type.is(MediaType.YAML) ? Bodies.parseYaml(body) : Bodies.parseJson(body);
            if (!tree.isObject()) {
                throw Errors.badRequest("DeleteOptions must be a JSON object");
            }
            policy = text(tree, "propagationPolicy", policy);
            if (tree.hasNonNull("gracePeriodSeconds")) {
                grace = tree.get("gracePeriodSeconds").asText();
            }
            if (tree.hasNonNull("orphanDependents")) {
                orphan = tree.get("orphanDependents").asText();
            }
            JsonNode preconditions = tree.path("preconditions");
            uid = text(preconditions, "uid", null);
            resourceVersion = text(preconditions, "resourceVersion", null);
            JsonNode dry = tree.path("dryRun");
            if (dry.isArray()) {
                for (JsonNode value : dry) {
                    if (!value.asText().equals("All")) {
                        throw Errors.invalidParameter("DeleteOptions", "dryRun", value.asText(), "supported values: \"All\"");
                    }
                    dryRun = true;
                }
            }
        }
        DeleteOptions.PropagationPolicy propagation = null;
        if (policy != null) {
            propagation = switch (policy) {
                case "Background" -> DeleteOptions.PropagationPolicy.Background;
                case "Foreground" -> DeleteOptions.PropagationPolicy.Foreground;
                case "Orphan" -> DeleteOptions.PropagationPolicy.Orphan;
                default -> throw Errors.invalidParameter("DeleteOptions", "propagationPolicy", policy,
                        "supported values: \"Foreground\", \"Background\", \"Orphan\"");
            };
            if (orphan != null) {
                throw Errors.invalidParameter("DeleteOptions", "propagationPolicy", policy,
                        "orphanDependents and deletionPropagation cannot be both set");
            }
        } else if (orphan != null) {
            propagation = Boolean.parseBoolean(orphan) ? DeleteOptions.PropagationPolicy.Orphan : DeleteOptions.PropagationPolicy.Background;
        }
        Long graceSeconds = null;
        if (grace != null) {
            try {
                graceSeconds = Long.parseLong(grace);
            } catch (NumberFormatException e) {
                throw Errors.badRequest("invalid value for gracePeriodSeconds: \"" + grace + "\" is not an integer");
            }
            if (graceSeconds < 0) {
                throw Errors.invalidParameter("DeleteOptions", "gracePeriodSeconds", graceSeconds, "must be greater than or equal to 0");
            }
        }
        return new Request(new DeleteOptions(propagation, graceSeconds, uid, resourceVersion), dryRun);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
