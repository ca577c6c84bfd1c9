package io.steersman.api.client;

/** The four patch types, by their Content-Type. */
public enum PatchType {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static java.util.Optional<PatchType> forContentType(String contentType) {
        if (contentType == null) {
            return java.util.Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim();
        for (PatchType type : values()) {
            if (type.contentType.equalsIgnoreCase(bare) || (type == APPLY && bare.equalsIgnoreCase("application/apply-patch+json"))) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
