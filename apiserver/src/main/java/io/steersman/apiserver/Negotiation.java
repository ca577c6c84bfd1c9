package io.steersman.apiserver;

import java.util.List;

/**
 * What form of answer the client's Accept header asks for: a plain object, a {@code meta.k8s.io}
 * Table, or an aggregated discovery document. Kubernetes clients list ranges by preference; the
 * first one the endpoint can serve wins. Protobuf is answered with JSON.
 */
record Negotiation(Form form, String version) {
    enum Form { PLAIN, TABLE, AGGREGATED_DISCOVERY }

    static final Negotiation PLAIN = new Negotiation(Form.PLAIN, null);

    static Negotiation forObjects(String accept, boolean tables) {
        return choose(accept, tables, false);
    }

    static Negotiation forDiscovery(String accept) {
        return choose(accept, false, true);
    }

    private static Negotiation choose(String accept, boolean tables, boolean discovery) {
        List<MediaType> ranges = MediaType.parseAll(accept);
        if (ranges.isEmpty()) {
            return PLAIN;
        }
        for (MediaType range : ranges) {
            String as = range.param("as");
            String group = range.param("g");
            String version = range.param("v");
            if (range.is(MediaType.JSON) && as != null) {
                if (tables && "Table".equals(as) && "meta.k8s.io".equals(group) && ("v1".equals(version) || "v1beta1".equals(version))) {
                    return new Negotiation(Form.TABLE, version);
                }
                if (discovery && "APIGroupDiscoveryList".equals(as) && "apidiscovery.k8s.io".equals(group)
                        && ("v2".equals(version) || "v2beta1".equals(version))) {
                    return new Negotiation(Form.AGGREGATED_DISCOVERY, version);
                }
                continue;
            }
            if (range.acceptsJson()) {
                return PLAIN;
            }
        }
        throw Errors.notAcceptable();
    }
}
