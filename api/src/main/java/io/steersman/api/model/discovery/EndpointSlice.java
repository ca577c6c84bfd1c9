package io.steersman.api.model.discovery;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import io.steersman.api.model.core.EndpointPort;
import java.util.List;
import java.util.Map;

/**
 * {@code discovery.k8s.io/v1 EndpointSlice}: a slice of a Service's endpoints, labelled
 * {@value #SERVICE_NAME_LABEL}. {@code addressType} is IPv4, IPv6 or FQDN.
 */
public record EndpointSlice(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        String addressType,
        List<Endpoint> endpoints,
        List<EndpointPort> ports,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "discovery.k8s.io/v1";
    public static final String KIND = "EndpointSlice";
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";

    public EndpointSlice {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        endpoints = Values.list(endpoints);
        ports = Values.list(ports);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static EndpointSlice of(ObjectMeta metadata, String addressType, List<Endpoint> endpoints, List<EndpointPort> ports) {
        return new EndpointSlice(API_VERSION, KIND, metadata, addressType, endpoints, ports, null);
    }

    @Override
    public EndpointSlice withMetadata(ObjectMeta metadata) {
        return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports, unknownFields);
    }

    public EndpointSlice withEndpoints(List<Endpoint> endpoints, List<EndpointPort> ports) {
        return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports, unknownFields);
    }
}
